import { z } from "zod";
import { organisationDashboard } from "../../domain/overview/dashboard";
import { disclosedUseCases, figureInput, figureOrganisations, oversightFilters, oversightOverview } from "../../domain/overview/oversight";
import { organisationSlugInput } from "../../domain/organisations/schemas";
import { orgProcedure, oversightProcedure, router } from "../trpc";

export const overviewRouter = router({
  /** The organisation's dashboard: every member. */
  dashboard: orgProcedure("organisation.read")
    .input(organisationSlugInput)
    .query(({ ctx }) => organisationDashboard(ctx.tx, ctx.organisation.id)),

  /** DIGG's cross-sector overview: aggregates through the oversight path only. */
  oversight: oversightProcedure
    .input(z.object({ filters: oversightFilters }))
    .query(({ ctx, input }) => oversightOverview(ctx.tx, input.filters)),

  /** The organisations behind one figure, as far as they disclosed its records. */
  figureOrganisations: oversightProcedure.input(figureInput).query(({ ctx, input }) => figureOrganisations(ctx.tx, input)),

  /** Use cases shared with oversight: the only record-level detail oversight sees. */
  disclosedUseCases: oversightProcedure
    .input(z.object({ filters: oversightFilters, figure: figureInput.omit({ filters: true }).optional() }))
    .query(({ ctx, input }) => disclosedUseCases(ctx.tx, input.filters, input.figure)),
});
