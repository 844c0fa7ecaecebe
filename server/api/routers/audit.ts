import { auditListInput, entityHistory, entityHistoryInput, listAuditEvents } from "../../domain/audit/queries";
import { orgProcedure, router } from "../trpc";

export const auditRouter = router({
  list: orgProcedure("audit.read")
    .input(auditListInput)
    .query(({ ctx, input }) => listAuditEvents(ctx.tx, ctx.organisation.id, input)),

  forEntity: orgProcedure("audit.read")
    .input(entityHistoryInput)
    .query(async ({ ctx, input }) => ({
      items: await entityHistory(ctx.tx, ctx.organisation.id, input.entityType, input.entityId),
    })),
});
