import type { Transaction } from "../../db/client";
import type { OrganisationRole } from "../../db/generated/enums";
import { type ChangeContext, lastChange, recordAudit } from "../audit/audit";
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError } from "../errors";
import { flagResponsibilitiesOfLeavingMember } from "../responsibilities/service";
import { endSessionsOf } from "../../auth/sessions";
import { canGrantRole } from "./permissions";

export interface MemberView {
  userId: string;
  name: string;
  email: string;
  role: OrganisationRole;
  version: number;
  joinedAt: Date;
}

export interface OrganisationChange extends ChangeContext {
  organisationId: string;
  /** The acting member's own role, for "nobody grants a role above their own". */
  actorRole: OrganisationRole;
}

const memberSelect = {
  role: true,
  version: true,
  createdAt: true,
  user: { select: { id: true, name: true, email: true } },
} as const;

function toMemberView(m: {
  role: OrganisationRole;
  version: number;
  createdAt: Date;
  user: { id: string; name: string; email: string };
}): MemberView {
  return { userId: m.user.id, name: m.user.name, email: m.user.email, role: m.role, version: m.version, joinedAt: m.createdAt };
}

export async function listMembers(tx: Transaction, organisationId: string): Promise<MemberView[]> {
  const memberships = await tx.membership.findMany({
    where: { organisationId },
    select: memberSelect,
    orderBy: [{ user: { name: "asc" } }],
  });
  return memberships.map(toMemberView);
}

async function loadMembership(tx: Transaction, organisationId: string, userId: string) {
  const membership = await tx.membership.findUnique({ where: { organisationId_userId: { organisationId, userId } } });
  if (!membership) throw new NotFoundError("The member");
  return membership;
}

async function conflict(tx: Transaction, organisationId: string, userId: string, currentVersion: number): Promise<never> {
  const last = await lastChange(tx, organisationId, "Membership", userId);
  throw new ConflictError("The membership", {
    currentVersion,
    changedBy: last?.changedBy ?? null,
    changedAt: last?.changedAt ?? null,
  });
}

/**
 * Refuses a change that would leave the organisation without an administrator. The admin
 * rows are locked, so two admins demoting each other at once cannot both succeed.
 */
async function assertAnotherAdminRemains(tx: Transaction, organisationId: string, userId: string, field: string) {
  const admins = await tx.$queryRaw<{ userId: string }[]>`
    SELECT "userId" FROM "Membership"
    WHERE "organisationId" = ${organisationId}::uuid AND "role" = 'ADMIN'
    FOR UPDATE`;
  if (admins.every((admin) => admin.userId === userId)) {
    throw new RuleViolationError([{ field, code: "membership.lastAdmin", message: "The organisation must keep at least one administrator." }]);
  }
}

export async function changeMemberRole(
  tx: Transaction,
  change: OrganisationChange,
  input: { userId: string; role: OrganisationRole; version: number },
): Promise<MemberView> {
  if (!canGrantRole(change.actorRole, input.role)) {
    throw new ForbiddenError("You cannot grant a role above your own.");
  }
  const membership = await loadMembership(tx, change.organisationId, input.userId);
  if (membership.version !== input.version) return conflict(tx, change.organisationId, input.userId, membership.version);
  if (membership.role === "ADMIN" && input.role !== "ADMIN") {
    await assertAnotherAdminRemains(tx, change.organisationId, input.userId, "role");
  }
  const { count } = await tx.membership.updateMany({
    where: { organisationId: change.organisationId, userId: input.userId, version: input.version },
    data: { role: input.role, version: { increment: 1 } },
  });
  if (count === 0) return conflict(tx, change.organisationId, input.userId, membership.version + 1);
  await recordAudit(tx, change, {
    organisationId: change.organisationId,
    entityType: "Membership",
    entityId: input.userId,
    action: "membership.roleChanged",
    before: { role: membership.role },
    after: { role: input.role },
  });
  const updated = await tx.membership.findUniqueOrThrow({
    where: { organisationId_userId: { organisationId: change.organisationId, userId: input.userId } },
    select: memberSelect,
  });
  return toMemberView(updated);
}

export async function removeMember(
  tx: Transaction,
  change: OrganisationChange,
  input: { userId: string; version: number },
): Promise<void> {
  const membership = await loadMembership(tx, change.organisationId, input.userId);
  if (membership.version !== input.version) return conflict(tx, change.organisationId, input.userId, membership.version);
  if (membership.role === "ADMIN") await assertAnotherAdminRemains(tx, change.organisationId, input.userId, "userId");
  const { count } = await tx.membership.deleteMany({
    where: { organisationId: change.organisationId, userId: input.userId, version: input.version },
  });
  if (count === 0) return conflict(tx, change.organisationId, input.userId, membership.version + 1);
  await recordAudit(tx, change, {
    organisationId: change.organisationId,
    entityType: "Membership",
    entityId: input.userId,
    action: "membership.removed",
    before: { role: membership.role, userId: membership.userId },
    after: null,
  });
  // What they answered for needs someone else now: each assignment is flagged "reassign".
  await flagResponsibilitiesOfLeavingMember(tx, change, input.userId);
  // Whoever holds their session cookie (they, or someone who copied it) is signed out now.
  await endSessionsOf(tx, input.userId);
}
