import {
  assignInput,
  endInput,
  setValueChainInput,
  updateInput,
  useCaseResponsibilitiesInput,
} from "../../domain/responsibilities/schemas";
import {
  accountableOwnerOf,
  assignResponsibility,
  endResponsibility,
  myOrganisations,
  myResponsibilities,
  responsibilitiesOfUseCase,
  setValueChain,
  updateResponsibility,
  valueChainOf,
} from "../../domain/responsibilities/service";
import { organisationChange } from "../change-context";
import { authedProcedure, orgProcedure, router } from "../trpc";

export const responsibilitiesRouter = router({
  forUseCase: orgProcedure("responsibility.read")
    .input(useCaseResponsibilitiesInput)
    .query(({ ctx, input }) => responsibilitiesOfUseCase(ctx.tx, ctx.organisation.id, input.useCaseId)),

  accountableOwner: orgProcedure("responsibility.read")
    .input(useCaseResponsibilitiesInput)
    .query(({ ctx, input }) => accountableOwnerOf(ctx.tx, ctx.organisation.id, input.useCaseId)),

  assign: orgProcedure("responsibility.assign")
    .input(assignInput)
    .mutation(({ ctx, input }) => assignResponsibility(ctx.tx, organisationChange(ctx), input)),

  end: orgProcedure("responsibility.assign")
    .input(endInput)
    .mutation(({ ctx, input }) => endResponsibility(ctx.tx, organisationChange(ctx), input)),

  update: orgProcedure("responsibility.assign")
    .input(updateInput)
    .mutation(({ ctx, input }) => updateResponsibility(ctx.tx, organisationChange(ctx), input)),

  valueChain: orgProcedure("responsibility.read")
    .input(useCaseResponsibilitiesInput)
    .query(({ ctx, input }) => valueChainOf(ctx.tx, ctx.organisation.id, input.useCaseId)),

  setValueChain: orgProcedure("responsibility.assign")
    .input(setValueChainInput)
    .mutation(({ ctx, input }) => setValueChain(ctx.tx, organisationChange(ctx), input)),

  /** Across the user's organisations: each read in its own scoped transaction. */
  mine: authedProcedure.query(async ({ ctx }) => myResponsibilities(ctx.tx, ctx.actor.id, await myOrganisations(ctx.tx, ctx.actor.id))),
});
