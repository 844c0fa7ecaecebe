import { frameworkAgreements } from "../../domain/procurement/framework-agreements";
import {
  acceptRiskInput,
  createDecisionInput,
  decisionIdInput,
  decisionVersionInput,
  setRequirementInput,
  setStatusInput,
  thresholdCheckInput,
  updateDecisionInput,
  useCaseDecisionsInput,
} from "../../domain/procurement/schemas";
import {
  acceptRisk,
  createDecision,
  decisionsOfUseCase,
  deleteDecision,
  getDecision,
  setDecisionStatus,
  setRequirement,
  thresholdCheckFor,
  updateDecision,
} from "../../domain/procurement/service";
import { organisationSlugInput } from "../../domain/organisations/schemas";
import { organisationChange } from "../change-context";
import { orgProcedure, router } from "../trpc";

export const procurementRouter = router({
  forUseCase: orgProcedure("procurement.read")
    .input(useCaseDecisionsInput)
    .query(({ ctx, input }) => decisionsOfUseCase(ctx.tx, ctx.organisation.id, input.useCaseId)),

  get: orgProcedure("procurement.read")
    .input(decisionIdInput)
    .query(({ ctx, input }) => getDecision(ctx.tx, ctx.organisation.id, input.id)),

  thresholdCheck: orgProcedure("procurement.read")
    .input(thresholdCheckInput)
    .query(({ ctx, input }) => thresholdCheckFor(ctx.tx, ctx.organisation.id, input)),

  frameworkAgreements: orgProcedure("procurement.read")
    .input(organisationSlugInput)
    .query(() => frameworkAgreements),

  create: orgProcedure("procurement.create")
    .input(createDecisionInput)
    .mutation(({ ctx, input }) => createDecision(ctx.tx, organisationChange(ctx), input)),

  update: orgProcedure("procurement.update")
    .input(updateDecisionInput)
    .mutation(({ ctx, input }) => updateDecision(ctx.tx, organisationChange(ctx), input)),

  setRequirement: orgProcedure("procurement.update")
    .input(setRequirementInput)
    .mutation(({ ctx, input }) => setRequirement(ctx.tx, organisationChange(ctx), input)),

  setStatus: orgProcedure("procurement.update")
    .input(setStatusInput)
    .mutation(({ ctx, input }) => setDecisionStatus(ctx.tx, organisationChange(ctx), input)),

  acceptRisk: orgProcedure("procurement.acceptRisk")
    .input(acceptRiskInput)
    .mutation(({ ctx, input }) => acceptRisk(ctx.tx, organisationChange(ctx), input)),

  delete: orgProcedure("procurement.update")
    .input(decisionVersionInput)
    .mutation(({ ctx, input }) => deleteDecision(ctx.tx, organisationChange(ctx), input)),
});
