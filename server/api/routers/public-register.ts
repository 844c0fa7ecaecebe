import { z } from "zod";
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
    .input(z.object({ filters: publicRegisterFilters.prefault({}), page: publicRegisterPage.prefault({}) }))
    .query(({ ctx, input }) => listPublicUseCases(ctx.tx, input.filters, input.page)),

  useCase: publicProcedure
    .input(z.object({ useCaseId: z.string().max(100) }))
    .query(({ ctx, input }) => getPublicUseCase(ctx.tx, input.useCaseId)),

  useCaseVersion: publicProcedure
    .input(z.object({ useCaseId: z.string().max(100), version: z.number().int().positive() }))
    .query(({ ctx, input }) => getPublicUseCaseVersion(ctx.tx, input.useCaseId, input.version)),

  organisations: publicProcedure
    .input(z.object({ published: z.boolean().optional(), kind: z.array(z.enum(OrganisationKind)).max(4).optional() }).prefault({}))
    .query(({ ctx, input }) => listPublicOrganisations(ctx.tx, input)),

  organisation: publicProcedure
    .input(z.object({ slug: z.string().max(100) }))
    .query(({ ctx, input }) => getPublicOrganisation(ctx.tx, input.slug)),
});
