import { listBusinessAreas, listUseCases } from "../../domain/use-cases/list";
import { organisationSlugInput } from "../../domain/organisations/schemas";
import {
  createUseCaseInput,
  updateUseCaseInput,
  useCaseIdInput,
  useCaseListInput,
  useCaseVersionInput,
  oversightSharingInput,
} from "../../domain/use-cases/schemas";
import {
  archiveUseCase,
  createUseCase,
  deleteUseCase,
  getUseCase,
  restoreUseCase,
  setSharedWithOversight,
  updateUseCase,
  useCaseHistory,
} from "../../domain/use-cases/service";
import { organisationChange } from "../change-context";
import { orgProcedure, router } from "../trpc";

export const useCasesRouter = router({
  list: orgProcedure("useCase.read")
    .input(useCaseListInput)
    .query(({ ctx, input }) => listUseCases(ctx.tx, ctx.organisation.id, input.filters, input)),

  get: orgProcedure("useCase.read")
    .input(useCaseIdInput)
    .query(({ ctx, input }) => getUseCase(ctx.tx, ctx.organisation.id, input.id)),

  history: orgProcedure("useCase.read")
    .input(useCaseIdInput)
    .query(async ({ ctx, input }) => ({ items: await useCaseHistory(ctx.tx, ctx.organisation.id, input.id) })),

  businessAreas: orgProcedure("useCase.read")
    .input(organisationSlugInput)
    .query(({ ctx }) => listBusinessAreas(ctx.tx, ctx.organisation.id)),

  create: orgProcedure("useCase.create")
    .input(createUseCaseInput)
    .mutation(({ ctx, input }) => createUseCase(ctx.tx, organisationChange(ctx), input.useCase)),

  update: orgProcedure("useCase.update")
    .input(updateUseCaseInput)
    .mutation(({ ctx, input }) =>
      updateUseCase(ctx.tx, organisationChange(ctx), { id: input.id, version: input.version, fields: input.useCase }),
    ),

  archive: orgProcedure("useCase.archive")
    .input(useCaseVersionInput)
    .mutation(({ ctx, input }) => archiveUseCase(ctx.tx, organisationChange(ctx), input)),

  restore: orgProcedure("useCase.restore")
    .input(useCaseVersionInput)
    .mutation(({ ctx, input }) => restoreUseCase(ctx.tx, organisationChange(ctx), input)),

  shareWithOversight: orgProcedure("useCase.shareWithOversight")
    .input(oversightSharingInput)
    .mutation(({ ctx, input }) => setSharedWithOversight(ctx.tx, organisationChange(ctx), input)),

  delete: orgProcedure("useCase.delete")
    .input(useCaseVersionInput)
    .mutation(({ ctx, input }) => deleteUseCase(ctx.tx, organisationChange(ctx), input)),
});
