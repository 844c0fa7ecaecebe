import {
  proposePublicationInput,
  publicationPanelInput,
  publicationStepInput,
  publishedVersionInput,
  retractPublicationInput,
  setWithholdingReasonsInput,
} from "../../domain/public-register/schemas";
import {
  getPublicationPanel,
  getPublishedVersion,
  proposePublication,
  publish,
  retract,
  setWithholdingReasons,
  withdrawProposal,
} from "../../domain/public-register/service";
import { organisationChange } from "../change-context";
import { expirePublicRegister } from "../public-cache";
import { orgProcedure, router } from "../trpc";

/** A use case's publication in the public AI register (server/domain/public-register/workflow.ts). */
export const publicationRouter = router({
  panel: orgProcedure("publication.read")
    .input(publicationPanelInput)
    .query(({ ctx, input }) => getPublicationPanel(ctx.tx, ctx.organisation.id, input.useCaseId, ctx.organisation.role)),

  publishedVersion: orgProcedure("publication.read")
    .input(publishedVersionInput)
    .query(({ ctx, input }) => getPublishedVersion(ctx.tx, ctx.organisation.id, input.useCaseId, input.snapshotVersion)),

  propose: orgProcedure("publication.propose")
    .input(proposePublicationInput)
    .mutation(({ ctx, input }) => proposePublication(ctx.tx, organisationChange(ctx), input)),

  setWithholdingReasons: orgProcedure("publication.propose")
    .input(setWithholdingReasonsInput)
    .mutation(({ ctx, input }) => setWithholdingReasons(ctx.tx, organisationChange(ctx), input)),

  withdraw: orgProcedure("publication.publish")
    .input(publicationStepInput)
    .mutation(({ ctx, input }) => withdrawProposal(ctx.tx, organisationChange(ctx), input)),

  publish: orgProcedure("publication.publish")
    .input(publicationStepInput)
    .mutation(async ({ ctx, input }) => {
      const result = await publish(ctx.tx, organisationChange(ctx), input);
      expirePublicRegister();
      return result;
    }),

  retract: orgProcedure("publication.retract")
    .input(retractPublicationInput)
    .mutation(async ({ ctx, input }) => {
      const result = await retract(ctx.tx, organisationChange(ctx), input);
      expirePublicRegister();
      return result;
    }),
});
