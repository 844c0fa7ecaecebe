import { z } from "zod";
import type { Transaction } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { cursorCodec, cursorParts } from "../cursor";
import { organisationSlugInput } from "../organisations/schemas";
import { instant, pageCursor, text } from "../schema-parts";
import { auditEntityType, type FieldChanges } from "./audit";

export const auditListInput = organisationSlugInput.extend({
  entityType: auditEntityType.optional(),
  entityId: text().max(100).optional(),
  actorId: z.uuid().optional(),
  from: instant().optional(),
  to: instant().optional(),
  cursor: pageCursor().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type AuditListInput = z.infer<typeof auditListInput>;

export const entityHistoryInput = organisationSlugInput.extend({
  entityType: auditEntityType,
  entityId: text().min(1).max(100),
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

const cursors = cursorCodec(z.object({ createdAt: cursorParts.instant(), id: cursorParts.id() }), {
  code: "audit.staleCursor",
  message: "This page link is no longer valid. Start from the first page.",
});

function encodeCursor(event: { createdAt: Date; id: string }): string {
  return cursors.encode({ createdAt: event.createdAt.toISOString(), id: event.id });
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const { createdAt, id } = cursors.decode(cursor);
  return { createdAt: new Date(createdAt), id };
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
