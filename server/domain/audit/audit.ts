import { z } from "zod";
import type { Transaction } from "../../db/client";
import type { Prisma } from "../../db/generated/client";

/** Every kind of change the audit log knows. A new mutation adds its action here. */
export const auditAction = z.enum([
  "organisation.created",
  "organisation.updated",
  "invitation.created",
  "invitation.revoked",
  "invitation.accepted",
  "membership.created",
  "membership.roleChanged",
  "membership.removed",
  "user.created",
  "useCase.created",
  "useCase.updated",
  "useCase.archived",
  "useCase.restored",
  "useCase.deleted",
  "useCase.imported",
  "useCase.riskClassified",
  "useCase.oversightSharingChanged",
  "assessment.created",
  "assessment.updated",
  "assessment.answered",
  "assessment.answersImported",
  "assessment.submitted",
  "assessment.changesRequested",
  "assessment.approved",
  "assessment.superseded",
  "assessment.deleted",
  "assessmentComment.created",
  "assessmentComment.resolved",
  "assessment.sharingChanged",
  "procurementDecision.created",
  "procurementDecision.updated",
  "procurementDecision.statusChanged",
  "procurementDecision.riskAccepted",
  "procurementDecision.deleted",
  "procurementRequirement.updated",
  "supplier.created",
  "supplier.updated",
  "supplierProduct.created",
  "supplierProduct.updated",
  "responsibility.assigned",
  "responsibility.ended",
  "responsibility.updated",
  "responsibility.flaggedForReassignment",
  "valueChain.updated",
  "publication.proposed",
  "publication.proposalWithdrawn",
  "publication.published",
  "publication.retracted",
  "publication.withholdingReasonsChanged",
  "publicReport.received",
  "publicReport.assigned",
  "publicReport.answered",
  "publicReport.closed",
  "publicReport.reopened",
]);
export type AuditAction = z.infer<typeof auditAction>;

export const auditEntityType = z.enum([
  "Organisation",
  "Invitation",
  "Membership",
  "User",
  "UseCase",
  "Assessment",
  "ProcurementDecision",
  "Supplier",
  "SupplierProduct",
  "Responsibility",
  "UseCasePublication",
  "PublicReport",
]);
export type AuditEntityType = z.infer<typeof auditEntityType>;

/** Who did it: a signed-in user. */
export interface Actor {
  id: string;
  name: string;
  email: string;
}

/** What every audited service call carries besides its input. */
export interface ChangeContext {
  actor: Actor;
  requestId: string;
}

type Snapshot = Record<string, unknown>;
export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

/** Never written to the log, whatever the entity. */
const SECRET_OR_NOISE = new Set(["passwordHash", "tokenHash", "updatedAt", "createdAt"]);

function comparable(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** The fields whose values differ between two snapshots (a missing snapshot counts as empty). */
export function changedFields(before: Snapshot | null, after: Snapshot | null): FieldChanges {
  const changes: FieldChanges = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (SECRET_OR_NOISE.has(key)) continue;
    const from = comparable(before?.[key] ?? null);
    const to = comparable(after?.[key] ?? null);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { before: from, after: to };
  }
  return changes;
}

export interface AuditEntry {
  organisationId: string;
  entityType: AuditEntityType;
  entityId: string;
  action: AuditAction;
  before?: Snapshot | null;
  after?: Snapshot | null;
}

/** Writes the audit event for a change, in the transaction that makes the change. */
export async function recordAudit(tx: Transaction, context: ChangeContext, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      organisationId: entry.organisationId,
      actorId: context.actor.id,
      actorLabel: `${context.actor.name} <${context.actor.email}>`,
      entityType: entry.entityType,
      entityId: entry.entityId,
      action: entry.action,
      changes: changedFields(entry.before ?? null, entry.after ?? null) as Prisma.InputJsonValue,
      requestId: context.requestId,
    },
  });
}

/** Who last changed an entity and when: for conflict messages. */
export async function lastChange(
  tx: Transaction,
  organisationId: string,
  entityType: AuditEntityType,
  entityId: string,
): Promise<{ changedBy: string; changedAt: Date } | null> {
  const event = await tx.auditEvent.findFirst({
    where: { organisationId, entityType, entityId },
    orderBy: { createdAt: "desc" },
    select: { actorLabel: true, createdAt: true },
  });
  return event ? { changedBy: event.actorLabel, changedAt: event.createdAt } : null;
}
