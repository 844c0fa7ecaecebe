import type { OrganisationChange } from "../domain/access/members";
import type { Actor } from "../domain/audit/audit";
import type { OrganisationContext } from "./trpc";

/** The plain values an organisation-scoped service needs from the procedure's context. */
export function organisationChange(ctx: { actor: Actor; requestId: string; organisation: OrganisationContext }): OrganisationChange {
  return { actor: ctx.actor, requestId: ctx.requestId, organisationId: ctx.organisation.id, actorRole: ctx.organisation.role };
}
