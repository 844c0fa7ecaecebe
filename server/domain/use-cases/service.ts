/**
 * The register's changes: create, edit, archive, restore and delete a use case, each
 * checked against the rules and written with one audit event in the same transaction.
 * Every function runs in the organisation's scoped transaction (row-level security), so
 * a use case of another organisation is simply not found.
 */
import type { Transaction } from "../../db/client";
import type { Prisma, UseCase } from "../../db/generated/client";
import type { OrganisationChange } from "../access/members";
import { lastChange, recordAudit } from "../audit/audit";
import { type AuditEventView, entityHistory } from "../audit/queries";
import { ConflictError, type FieldProblem, NotFoundError, RuleViolationError } from "../errors";
import { lifecycleResponsibilityProblems } from "../responsibilities/service";
import { brokenUseCaseRules } from "./rules";
import { toUseCaseData as toData, toUseCaseRecord as toRecord, type UseCaseRecord } from "./record";
import type { UseCaseFields } from "./schemas";

export type { UseCaseRecord } from "./record";

const ENTITY = "UseCase";
const ENTITY_LABEL = "The use case";

const isEmpty = (value: unknown) =>
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === "object" && value !== null && !(value instanceof Date) && Object.keys(value).length === 0);

/**
 * The audited part of a record: its fields (dates as YYYY-MM-DD) and whether it is
 * archived. Empty lists count as "not given", like null, so that the history shows only
 * what someone actually filled in or cleared.
 */
function auditSnapshot(record: UseCaseRecord): Record<string, unknown> {
  // Sharing with oversight is audited by its own action (setSharedWithOversight), not as a field.
  const { id: _id, organisationId: _org, version: _version, createdAt: _c, updatedAt: _u, sharedWithOversight: _shared, ...fields } = record;
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => !isEmpty(value)));
}

// --- Reads ------------------------------------------------------------------------------

async function findRow(tx: Transaction, organisationId: string, id: string): Promise<UseCase> {
  const row = await tx.useCase.findUnique({ where: { organisationId_id: { organisationId, id } } });
  if (!row) throw new NotFoundError(ENTITY_LABEL);
  return row;
}

export async function getUseCase(tx: Transaction, organisationId: string, id: string): Promise<UseCaseRecord> {
  return toRecord(await findRow(tx, organisationId, id));
}

/** The use case's audit events, newest first. */
export async function useCaseHistory(tx: Transaction, organisationId: string, id: string): Promise<AuditEventView[]> {
  await findRow(tx, organisationId, id);
  return entityHistory(tx, organisationId, ENTITY, id);
}

// --- Rules ------------------------------------------------------------------------------

/**
 * The public contact is shown to everyone and must outlive staff changes: never the own
 * address of one of the organisation's members. Only the organisation's own members are
 * checked, so the answer never tells whether an address has an account elsewhere.
 */
async function mailboxProblems(tx: Transaction, organisationId: string, email: string | null): Promise<FieldProblem[]> {
  if (!email) return [];
  const person = await tx.membership.findFirst({
    where: { organisationId, user: { email: { equals: email, mode: "insensitive" } } },
    select: { userId: true },
  });
  if (!person) return [];
  return [
    {
      field: "publicContactEmail",
      code: "useCase.personalContactEmail",
      message: "This is a person's own address. Give a functional mailbox (e.g. registrator@…) that stays when staff change.",
    },
  ];
}

async function assertValid(tx: Transaction, organisationId: string, fields: UseCaseFields, more: FieldProblem[] = []): Promise<void> {
  const problems = [...brokenUseCaseRules(fields), ...(await mailboxProblems(tx, organisationId, fields.publicContactEmail)), ...more];
  if (problems.length > 0) throw new RuleViolationError(problems);
}

async function conflict(tx: Transaction, organisationId: string, id: string, currentVersion: number): Promise<never> {
  const last = await lastChange(tx, organisationId, ENTITY, id);
  throw new ConflictError(ENTITY_LABEL, {
    currentVersion,
    changedBy: last?.changedBy ?? null,
    changedAt: last?.changedAt ?? null,
  });
}

/** Loads the use case and checks that the caller read its current version. */
async function loadCurrent(tx: Transaction, organisationId: string, id: string, version: number): Promise<UseCase> {
  const row = await findRow(tx, organisationId, id);
  if (row.version !== version) return conflict(tx, organisationId, id, row.version);
  return row;
}

/**
 * Writes the change only if nobody saved in between (the version is part of the
 * condition), and returns the stored row.
 */
async function updateAtVersion(
  tx: Transaction,
  change: OrganisationChange,
  row: UseCase,
  data: Prisma.UseCaseUpdateManyMutationInput,
): Promise<UseCase> {
  const where = { organisationId: change.organisationId, id: row.id, version: row.version };
  const { count } = await tx.useCase.updateMany({
    where,
    data: { ...data, updatedById: change.actor.id, version: { increment: 1 } },
  });
  if (count === 0) return conflict(tx, change.organisationId, row.id, row.version + 1);
  return findRow(tx, change.organisationId, row.id);
}

// --- Changes ----------------------------------------------------------------------------

/** The next reference of the organisation for this year, e.g. AI-2026-014 (atomic under concurrency). */
export async function nextUseCaseReference(tx: Transaction, organisationId: string, now: Date = new Date()): Promise<string> {
  const year = Number(new Intl.DateTimeFormat("sv-SE", { year: "numeric", timeZone: "Europe/Stockholm" }).format(now));
  const [counter] = await tx.$queryRaw<{ lastNumber: number }[]>`
    INSERT INTO "UseCaseReferenceCounter" ("organisationId", "year", "lastNumber")
    VALUES (${organisationId}::uuid, ${year}, 1)
    ON CONFLICT ("organisationId", "year")
      DO UPDATE SET "lastNumber" = "UseCaseReferenceCounter"."lastNumber" + 1
    RETURNING "lastNumber"`;
  if (!counter) throw new Error("the reference counter returned no row");
  return `AI-${year}-${String(counter.lastNumber).padStart(3, "0")}`;
}

export async function createUseCase(
  tx: Transaction,
  change: OrganisationChange,
  fields: UseCaseFields,
): Promise<{ id: string; reference: string }> {
  await assertValid(tx, change.organisationId, fields);
  const reference = await nextUseCaseReference(tx, change.organisationId);
  const row = await tx.useCase.create({
    data: {
      ...toData(fields),
      organisationId: change.organisationId,
      reference,
      createdById: change.actor.id,
      updatedById: change.actor.id,
    },
  });
  await recordAudit(tx, change, {
    organisationId: change.organisationId,
    entityType: ENTITY,
    entityId: row.id,
    action: "useCase.created",
    before: null,
    after: auditSnapshot(toRecord(row)),
  });
  return { id: row.id, reference };
}

export async function updateUseCase(
  tx: Transaction,
  change: OrganisationChange,
  input: { id: string; version: number; fields: UseCaseFields },
): Promise<UseCaseRecord> {
  const row = await loadCurrent(tx, change.organisationId, input.id, input.version);
  if (row.archivedAt) {
    throw new RuleViolationError([{ field: "archivedAt", code: "useCase.archivedNotEditable", message: "An archived use case cannot be edited. Restore it first." }]);
  }
  // Moving into IN_USE needs an accountable owner in force (server/domain/responsibilities).
  // Creation and import are not blocked: a system already in use is registered as it is,
  // and the missing owner shows as a gap on its page, in the register and on the status board.
  const responsibilityProblems = await lifecycleResponsibilityProblems(
    tx,
    change.organisationId,
    row.id,
    row.lifecycleStage,
    input.fields.lifecycleStage,
  );
  await assertValid(tx, change.organisationId, input.fields, responsibilityProblems);
  const updated = toRecord(await updateAtVersion(tx, change, row, toData(input.fields)));
  await recordAudit(tx, change, {
    organisationId: change.organisationId,
    entityType: ENTITY,
    entityId: row.id,
    action: "useCase.updated",
    before: auditSnapshot(toRecord(row)),
    after: auditSnapshot(updated),
  });
  return updated;
}

/** Takes the use case out of the register's lists; its record and history stay. */
export async function archiveUseCase(
  tx: Transaction,
  change: OrganisationChange,
  input: { id: string; version: number },
): Promise<UseCaseRecord> {
  const row = await loadCurrent(tx, change.organisationId, input.id, input.version);
  if (row.archivedAt) throw new RuleViolationError([{ field: "archivedAt", code: "useCase.alreadyArchived", message: "The use case is already archived." }]);
  const updated = await updateAtVersion(tx, change, row, { archivedAt: new Date() });
  await recordArchiveChange(tx, change, "useCase.archived", row, updated);
  return toRecord(updated);
}

export async function restoreUseCase(
  tx: Transaction,
  change: OrganisationChange,
  input: { id: string; version: number },
): Promise<UseCaseRecord> {
  const row = await loadCurrent(tx, change.organisationId, input.id, input.version);
  if (!row.archivedAt) throw new RuleViolationError([{ field: "archivedAt", code: "useCase.notArchived", message: "The use case is not archived." }]);
  const updated = await updateAtVersion(tx, change, row, { archivedAt: null });
  await recordArchiveChange(tx, change, "useCase.restored", row, updated);
  return toRecord(updated);
}

function recordArchiveChange(
  tx: Transaction,
  change: OrganisationChange,
  action: "useCase.archived" | "useCase.restored",
  before: UseCase,
  after: UseCase,
): Promise<void> {
  return recordAudit(tx, change, {
    organisationId: change.organisationId,
    entityType: ENTITY,
    entityId: before.id,
    action,
    before: { archivedAt: before.archivedAt },
    after: { archivedAt: after.archivedAt },
  });
}

/**
 * Removes a use case for good. Only ideas may go: anything further along has a history
 * that must be kept, so it is archived instead.
 */
export async function deleteUseCase(
  tx: Transaction,
  change: OrganisationChange,
  input: { id: string; version: number },
): Promise<void> {
  const row = await loadCurrent(tx, change.organisationId, input.id, input.version);
  if (row.lifecycleStage !== "IDEA") {
    throw new RuleViolationError([
      { field: "lifecycleStage", code: "useCase.onlyIdeaDeletable", message: "Only a use case at the idea stage can be deleted. Archive it instead." },
    ]);
  }
  const assessments = await tx.assessment.count({ where: { organisationId: change.organisationId, useCaseId: row.id } });
  if (assessments > 0) {
    throw new RuleViolationError([
      { field: "assessments", code: "useCase.hasAssessments", message: "The use case has assessments, which are kept: archive it instead." },
    ]);
  }
  const { count } = await tx.useCase.deleteMany({
    where: { organisationId: change.organisationId, id: row.id, version: row.version },
  });
  if (count === 0) return conflict(tx, change.organisationId, row.id, row.version + 1);
  await recordAudit(tx, change, {
    organisationId: change.organisationId,
    entityType: ENTITY,
    entityId: row.id,
    action: "useCase.deleted",
    before: auditSnapshot(toRecord(row)),
    after: null,
  });
}

/**
 * Shares the use case with DIGG's oversight, or stops sharing it: a shared record is shown
 * there record by record and no longer counts towards the small-group rule. Its own change,
 * audited on its own, so the choice never rides along with an edit of the fields.
 */
export async function setSharedWithOversight(
  tx: Transaction,
  change: OrganisationChange,
  input: { id: string; version: number; shared: boolean },
): Promise<UseCaseRecord> {
  const row = await loadCurrent(tx, change.organisationId, input.id, input.version);
  const updated = await updateAtVersion(tx, change, row, { sharedWithOversight: input.shared });
  await recordAudit(tx, change, {
    organisationId: change.organisationId,
    entityType: ENTITY,
    entityId: row.id,
    action: "useCase.oversightSharingChanged",
    before: { sharedWithOversight: row.sharedWithOversight },
    after: { sharedWithOversight: updated.sharedWithOversight },
  });
  return toRecord(updated);
}
