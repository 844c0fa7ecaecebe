import { createHash, randomBytes } from "node:crypto";
import type { Transaction } from "../../db/client";
import type { OrganisationRole } from "../../db/generated/enums";
import { enterOrganisation } from "../../db/scope";
import { hashPassword } from "../../auth/password";
import { type Actor, type ChangeContext, recordAudit } from "../audit/audit";
import { ConflictError, type FieldProblem, ForbiddenError, NotFoundError, RuleViolationError } from "../errors";
import type { OrganisationChange } from "./members";
import { canGrantRole } from "./permissions";

/** How long an invitation link works. */
export const INVITATION_VALIDITY_DAYS = 7;

export type InvitationStatus = "PENDING" | "EXPIRED" | "ACCEPTED" | "REVOKED";

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function invitationPath(organisationSlug: string, token: string): string {
  return `/invitations/${organisationSlug}/${token}`;
}

function statusOf(invitation: { revokedAt: Date | null; acceptedAt: Date | null; expiresAt: Date }, now: Date): InvitationStatus {
  if (invitation.revokedAt) return "REVOKED";
  if (invitation.acceptedAt) return "ACCEPTED";
  if (invitation.expiresAt <= now) return "EXPIRED";
  return "PENDING";
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: OrganisationRole;
  expiresAt: Date;
  createdAt: Date;
  invitedBy: string | null;
}

export async function listPendingInvitations(tx: Transaction, organisationId: string, now = new Date()): Promise<PendingInvitation[]> {
  const invitations = await tx.invitation.findMany({
    where: { organisationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
  });
  const inviterIds = [...new Set(invitations.map((i) => i.invitedById).filter((id): id is string => id !== null))];
  const inviters = await tx.user.findMany({ where: { id: { in: inviterIds } }, select: { id: true, name: true } });
  const names = new Map(inviters.map((u) => [u.id, u.name]));
  return invitations.map((i) => ({
    id: i.id,
    email: i.email,
    role: i.role,
    expiresAt: i.expiresAt,
    createdAt: i.createdAt,
    invitedBy: i.invitedById ? (names.get(i.invitedById) ?? null) : null,
  }));
}

export interface CreatedInvitation {
  id: string;
  email: string;
  role: OrganisationRole;
  expiresAt: Date;
  /** Only here, once: the database keeps its hash. */
  token: string;
}

/** Invites an email address to the organisation in the transaction's scope. */
export async function createInvitation(
  tx: Transaction,
  change: ChangeContext & { organisationId: string; actorRole: OrganisationRole | null },
  input: { email: string; role: OrganisationRole },
  now = new Date(),
): Promise<CreatedInvitation> {
  if (change.actorRole && !canGrantRole(change.actorRole, input.role)) {
    throw new ForbiddenError("You cannot grant a role above your own.");
  }
  const existingMember = await tx.membership.findFirst({
    where: { organisationId: change.organisationId, user: { email: input.email } },
    select: { userId: true },
  });
  if (existingMember) {
    throw new RuleViolationError([{ field: "email", code: "invitation.alreadyMember", message: "This person is already a member of the organisation." }]);
  }
  const pending = await tx.invitation.findFirst({
    where: { organisationId: change.organisationId, email: input.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true },
  });
  if (pending) {
    throw new RuleViolationError([
      { field: "email", code: "invitation.alreadyPending", message: "This address already has a pending invitation. Revoke it to send a new one." },
    ]);
  }
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITATION_VALIDITY_DAYS * 24 * 60 * 60 * 1000);
  const invitation = await tx.invitation.create({
    data: {
      organisationId: change.organisationId,
      email: input.email,
      role: input.role,
      tokenHash: hashInvitationToken(token),
      invitedById: change.actor.id,
      expiresAt,
    },
  });
  await recordAudit(tx, change, {
    organisationId: change.organisationId,
    entityType: "Invitation",
    entityId: invitation.id,
    action: "invitation.created",
    after: { email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt },
  });
  return { id: invitation.id, email: invitation.email, role: invitation.role, expiresAt, token };
}

export async function revokeInvitation(tx: Transaction, change: OrganisationChange, invitationId: string): Promise<void> {
  const invitation = await tx.invitation.findUnique({
    where: { organisationId_id: { organisationId: change.organisationId, id: invitationId } },
  });
  if (!invitation) throw new NotFoundError("The invitation");
  if (statusOf(invitation, new Date()) !== "PENDING") {
    throw new RuleViolationError([{ field: "invitationId", code: "invitation.notPending", message: "Only a pending invitation can be revoked." }]);
  }
  const revokedAt = new Date();
  await tx.invitation.update({
    where: { organisationId_id: { organisationId: change.organisationId, id: invitationId } },
    data: { revokedAt },
  });
  await recordAudit(tx, change, {
    organisationId: change.organisationId,
    entityType: "Invitation",
    entityId: invitationId,
    action: "invitation.revoked",
    before: { revokedAt: null },
    after: { revokedAt },
  });
}

/** Makes the invitation behind a token readable in this transaction (row-level security). */
async function enterInvitation(tx: Transaction, token: string): Promise<void> {
  await tx.$queryRaw`SELECT set_config('app.invitation_token_hash', ${hashInvitationToken(token)}, true)`;
}

async function findByToken(tx: Transaction, organisationSlug: string, token: string) {
  await enterInvitation(tx, token);
  const organisation = await tx.organisation.findUnique({
    where: { slug: organisationSlug },
    select: { id: true, slug: true, name: true },
  });
  const invitation = organisation
    ? await tx.invitation.findUnique({
        where: { organisationId_tokenHash: { organisationId: organisation.id, tokenHash: hashInvitationToken(token) } },
      })
    : null;
  if (!organisation || !invitation) throw new NotFoundError("The invitation");
  return { ...invitation, organisation };
}

export interface InvitationPreview {
  organisationName: string;
  email: string;
  role: OrganisationRole;
  expiresAt: Date;
  status: InvitationStatus;
  accountExists: boolean;
}

export async function previewInvitation(tx: Transaction, organisationSlug: string, token: string): Promise<InvitationPreview> {
  const invitation = await findByToken(tx, organisationSlug, token);
  const account = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  return {
    organisationName: invitation.organisation.name,
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
    status: statusOf(invitation, new Date()),
    accountExists: account !== null,
  };
}

/**
 * The pending invitation behind a token, locked for the rest of the transaction, in its
 * organisation. Two first uses of one token at once: the second waits for the first, then
 * finds the invitation taken and is refused with CONFLICT (never a database error).
 */
async function lockPendingInvitation(tx: Transaction, input: { organisationSlug: string; token: string }) {
  const invitation = await findByToken(tx, input.organisationSlug, input.token);
  const status = statusOf(invitation, new Date());
  if (status !== "PENDING") {
    throw new RuleViolationError([{ field: "token", ...invitationUnavailable(status) }]);
  }
  await enterOrganisation(tx, invitation.organisation.id);
  const [locked] = await tx.$queryRaw<{ acceptedAt: Date | null; revokedAt: Date | null }[]>`
    SELECT "acceptedAt", "revokedAt" FROM "Invitation"
    WHERE "organisationId" = ${invitation.organisation.id}::uuid AND "id" = ${invitation.id}::uuid
    FOR UPDATE`;
  if (!locked || locked.acceptedAt || locked.revokedAt) {
    throw new ConflictError("The invitation", { currentVersion: 0, changedBy: null, changedAt: null });
  }
  return invitation;
}

/** Joins the actor to the invitation's organisation; the token works once. */
export async function acceptInvitation(
  tx: Transaction,
  context: ChangeContext,
  input: { organisationSlug: string; token: string },
): Promise<{ organisationSlug: string }> {
  const invitation = await lockPendingInvitation(tx, input);
  if (invitation.email !== context.actor.email.toLowerCase()) {
    throw new ForbiddenError(`This invitation is for ${invitation.email}. Sign in with that address to accept it.`);
  }
  const organisationId = invitation.organisation.id;
  const already = await tx.membership.findUnique({
    where: { organisationId_userId: { organisationId, userId: context.actor.id } },
    select: { role: true },
  });
  if (already) {
    throw new RuleViolationError([{ field: "token", code: "invitation.youAreMember", message: "You are already a member of this organisation." }]);
  }
  const acceptedAt = new Date();
  const { count } = await tx.invitation.updateMany({
    where: { organisationId, id: invitation.id, acceptedAt: null, revokedAt: null },
    data: { acceptedAt, acceptedById: context.actor.id },
  });
  if (count === 0) {
    throw new ConflictError("The invitation", { currentVersion: 0, changedBy: null, changedAt: null });
  }
  await tx.membership.create({ data: { organisationId, userId: context.actor.id, role: invitation.role } });
  await recordAudit(tx, context, {
    organisationId,
    entityType: "Invitation",
    entityId: invitation.id,
    action: "invitation.accepted",
    before: { acceptedAt: null },
    after: { acceptedAt, acceptedById: context.actor.id },
  });
  await recordAudit(tx, context, {
    organisationId,
    entityType: "Membership",
    entityId: context.actor.id,
    action: "membership.created",
    after: { userId: context.actor.id, role: invitation.role },
  });
  return { organisationSlug: invitation.organisation.slug };
}

/** Creates the invitee's account (with the invited address) and joins them. */
export async function acceptInvitationAsNewUser(
  tx: Transaction,
  requestId: string,
  input: { organisationSlug: string; token: string; name: string; password: string },
): Promise<{ email: string; organisationSlug: string }> {
  const invitation = await lockPendingInvitation(tx, input);
  const existing = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  if (existing) {
    throw new RuleViolationError([
      { field: "email", code: "invitation.accountExists", message: "An account with this address exists already. Sign in to accept the invitation." },
    ]);
  }
  const user = await tx.user.create({
    data: { email: invitation.email, name: input.name, passwordHash: await hashPassword(input.password) },
    select: { id: true, name: true, email: true },
  });
  const actor: Actor = { id: user.id, name: user.name, email: user.email };
  await recordAudit(tx, { actor, requestId }, {
    organisationId: invitation.organisation.id,
    entityType: "User",
    entityId: user.id,
    action: "user.created",
    after: { email: user.email, name: user.name },
  });
  const joined = await acceptInvitation(tx, { actor, requestId }, input);
  return { email: user.email, organisationSlug: joined.organisationSlug };
}

function invitationUnavailable(status: InvitationStatus): Pick<FieldProblem, "code" | "message"> {
  switch (status) {
    case "EXPIRED":
      return { code: "invitation.expired", message: "The invitation has expired. Ask an administrator for a new one." };
    case "ACCEPTED":
      return { code: "invitation.used", message: "The invitation has already been used." };
    case "REVOKED":
      return { code: "invitation.revoked", message: "The invitation has been revoked." };
    default:
      return { code: "invitation.unavailable", message: "The invitation cannot be used." };
  }
}
