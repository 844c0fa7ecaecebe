import { z } from "zod";
import { text } from "../../domain/schema-parts";
import { OrganisationKind } from "../../db/generated/enums";
import {
  getPublicOrganisation,
  getPublicUseCase,
  getPublicUseCaseVersion,
  listPublicOrganisations,
  listPublicUseCases,
} from "../../domain/public-register/read";
import { publicRegisterFilters, publicRegisterPage } from "../../domain/public-register/schemas";
import { publicProcedure, router } from "../trpc";

/** The public AI register: published snapshots only, for anyone (server/domain/public-register/read.ts). */
export const publicRegisterRouter = router({
  list: publicProcedure
    // The page's fields at the top, so a refused cursor names the input's own `cursor`.
    .input(publicRegisterPage.extend({ filters: publicRegisterFilters.prefault({}) }))
    .query(({ ctx, input: { filters, ...page } }) => listPublicUseCases(ctx.tx, filters, page)),

  useCase: publicProcedure
    .input(z.object({ useCaseId: text().max(100) }))
    .query(({ ctx, input }) => getPublicUseCase(ctx.tx, input.useCaseId)),

  useCaseVersion: publicProcedure
    .input(z.object({ useCaseId: text().max(100), version: z.number().int().positive() }))
    .query(({ ctx, input }) => getPublicUseCaseVersion(ctx.tx, input.useCaseId, input.version)),

  organisations: publicProcedure
    .input(z.object({ published: z.boolean().optional(), kind: z.array(z.enum(OrganisationKind)).max(4).optional() }).prefault({}))
    .query(({ ctx, input }) => listPublicOrganisations(ctx.tx, input)),

  organisation: publicProcedure
    .input(z.object({ slug: text().max(100) }))
    .query(({ ctx, input }) => getPublicOrganisation(ctx.tx, input.slug)),
});
