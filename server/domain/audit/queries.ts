import { z } from "zod";
import type { Transaction } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { organisationSlugInput } from "../organisations/schemas";
import { auditEntityType, type FieldChanges } from "./audit";

export const auditListInput = organisationSlugInput.extend({
  entityType: auditEntityType.optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type AuditListInput = z.infer<typeof auditListInput>;

export const entityHistoryInput = organisationSlugInput.extend({
  entityType: auditEntityType,
  entityId: z.string().min(1).max(100),
});

export interface AuditEventView {
  id: string;
  createdAt: Date;
  actorId: string | null;
  actorLabel: string;
  entityType: string;
  entityId: string;
  action: string;
  changes: FieldChanges;
  requestId: string | null;
}

const cursorShape = z.object({ createdAt: z.coerce.date(), id: z.uuid() });

function encodeCursor(event: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify({ createdAt: event.createdAt.toISOString(), id: event.id })).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  try {
    return cursorShape.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    return null;
  }
}

function toView(event: Prisma.AuditEventGetPayload<object>): AuditEventView {
  return {
    id: event.id,
    createdAt: event.createdAt,
    actorId: event.actorId,
    actorLabel: event.actorLabel,
    entityType: event.entityType,
    entityId: event.entityId,
    action: event.action,
    changes: event.changes as FieldChanges,
    requestId: event.requestId,
  };
}

/** The organisation's audit log, newest first, a page at a time (keyset on time and id). */
export async function listAuditEvents(
  tx: Transaction,
  organisationId: string,
  filters: Omit<AuditListInput, "organisationSlug">,
): Promise<{ items: AuditEventView[]; nextCursor: string | null }> {
  const after = filters.cursor ? decodeCursor(filters.cursor) : null;
  const where: Prisma.AuditEventWhereInput = {
    organisationId,
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.entityId ? { entityId: filters.entityId } : {}),
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    createdAt: { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lte: filters.to } : {}) },
    ...(after
      ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
      : {}),
  };
  const rows = await tx.auditEvent.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: filters.limit + 1,
  });
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  return { items: page.map(toView), nextCursor: rows.length > filters.limit && last ? encodeCursor(last) : null };
}

/** Every change to one record, newest first. */
export async function entityHistory(
  tx: Transaction,
  organisationId: string,
  entityType: string,
  entityId: string,
): Promise<AuditEventView[]> {
  const rows = await tx.auditEvent.findMany({
    where: { organisationId, entityType, entityId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 500,
  });
  return rows.map(toView);
}
