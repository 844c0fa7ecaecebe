/**
 * The publication workflow's service (rules in workflow.ts): propose, withdraw, publish a
 * snapshot, retract, and set the withholding reasons. Every function runs in the
 * organisation's scoped transaction (RLS) and writes its audit event there. Each change
 * names the publication's version it read (0 before the first proposal); a stale one gets
 * CONFLICT. Editing the use case never touches a snapshot: the public sees a change only
 * when a new version is published.
 */
import type { Transaction } from "../../db/client";
import type { Prisma, UseCasePublication } from "../../db/generated/client";
import type { OrganisationRole, PublicationState, WithholdingReason } from "../../db/generated/enums";
import { lastChange, recordAudit, type ChangeContext } from "../audit/audit";
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError } from "../errors";
import { loadSnapshotSources, snapshotFrom, type WithholdingReasons } from "./build";
import type { PublicationCode } from "./problem-codes";
import {
  changesSincePublication,
  type FieldChange,
  type MissingField,
  missingRequiredFields,
  plainLanguageAdvice,
  type TextAdvice,
} from "./review";
import { completenessOf, publicUseCaseSnapshot, type PublicUseCaseSnapshot, type WithholdableField } from "./snapshot";
import { allowedActions, type PublicationAction, stateAfterWithdrawal } from "./workflow";

const ENTITY = "UseCasePublication";

export interface PublicationChange extends ChangeContext {
  organisationId: string;
  actorRole: OrganisationRole;
}

function problem(field: string, code: PublicationCode, message: string, values?: Record<string, string>): RuleViolationError {
  return new RuleViolationError([{ field, code, message, ...(values ? { values } : {}) }]);
}

export interface PublishedVersionEntry {
  version: number;
  publishedAt: Date;
  publishedBy: string | null;
  supersededAt: Date | null;
  retractedAt: Date | null;
}

export interface PublicationPanel {
  useCaseId: string;
  state: PublicationState;
  /** The publication's version, 0 before its first proposal. */
  version: number;
  archived: boolean;
  proposalNote: string | null;
  proposedBy: string | null;
  proposedAt: Date | null;
  publishedVersion: number | null;
  publishedAt: Date | null;
  retractedAt: Date | null;
  retractionReason: string | null;
  allowedActions: PublicationAction[];
  /** What the public would see if it were published now. */
  preview: PublicUseCaseSnapshot;
  missing: MissingField[];
  advice: TextAdvice[];
  /** The version the public sees now (null before the first publication and after a retraction). */
  published: { version: number; publishedAt: Date; snapshot: PublicUseCaseSnapshot } | null;
  /** What publishing now would change for the public, field by field. */
  changes: FieldChange[];
  versions: PublishedVersionEntry[];
  withholdingReasons: WithholdingReasons;
}

async function userNames(tx: Transaction, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await tx.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user.name]));
}

async function findPublication(tx: Transaction, organisationId: string, useCaseId: string): Promise<UseCasePublication | null> {
  return tx.useCasePublication.findUnique({ where: { organisationId_useCaseId: { organisationId, useCaseId } } });
}

function situationOf(publication: UseCasePublication | null, archived: boolean) {
  const state = publication?.state ?? "NONE";
  const publicNow = publication !== null && publication.publishedVersion !== null && publication.retractedAt === null;
  return { state, archived, publicNow };
}

/** Everything the publication tab shows. */
export async function getPublicationPanel(
  tx: Transaction,
  organisationId: string,
  useCaseId: string,
  actorRole: OrganisationRole,
): Promise<PublicationPanel> {
  const useCase = await tx.useCase.findUnique({
    where: { organisationId_id: { organisationId, id: useCaseId } },
    select: { archivedAt: true },
  });
  if (!useCase) throw new NotFoundError("The use case");
  const archived = useCase.archivedAt !== null;
  const publication = await findPublication(tx, organisationId, useCaseId);
  const sources = await loadSnapshotSources(tx, organisationId, useCaseId, { allowArchived: true });
  const preview = snapshotFrom(sources);
  const snapshots = await tx.publishedUseCaseSnapshot.findMany({
    where: { organisationId, useCaseId },
    orderBy: { version: "desc" },
    select: { version: true, publishedAt: true, publishedById: true, supersededAt: true, retractedAt: true, snapshot: true },
  });
  const names = await userNames(tx, [publication?.proposedById ?? null, ...snapshots.map((s) => s.publishedById)]);
  const current = snapshots.find((snapshot) => snapshot.supersededAt === null && snapshot.retractedAt === null);
  const published = current
    ? { version: current.version, publishedAt: current.publishedAt, snapshot: publicUseCaseSnapshot.parse(current.snapshot) }
    : null;
  return {
    useCaseId,
    state: publication?.state ?? "NONE",
    version: publication?.version ?? 0,
    archived,
    proposalNote: publication?.proposalNote ?? null,
    proposedBy: publication?.proposedById ? (names.get(publication.proposedById) ?? null) : null,
    proposedAt: publication?.proposedAt ?? null,
    publishedVersion: publication?.publishedVersion ?? null,
    publishedAt: publication?.publishedAt ?? null,
    retractedAt: publication?.retractedAt ?? null,
    retractionReason: publication?.retractionReason ?? null,
    allowedActions: allowedActions(situationOf(publication, archived), { role: actorRole }),
    preview,
    missing: missingRequiredFields(preview, sources.useCase.personalData.length > 0),
    advice: plainLanguageAdvice(preview),
    published,
    changes: published ? changesSincePublication(published.snapshot, preview) : [],
    versions: snapshots.map((snapshot) => ({
      version: snapshot.version,
      publishedAt: snapshot.publishedAt,
      publishedBy: snapshot.publishedById ? (names.get(snapshot.publishedById) ?? null) : null,
      supersededAt: snapshot.supersededAt,
      retractedAt: snapshot.retractedAt,
    })),
    withholdingReasons: sources.withholdingReasons,
  };
}

/** Loads the publication for a change, creating its NONE row on first use, and checks the version and the action. */
async function publicationForChange(
  tx: Transaction,
  change: PublicationChange,
  useCaseId: string,
  version: number,
  action: PublicationAction,
): Promise<UseCasePublication> {
  const { organisationId } = change;
  const useCase = await tx.useCase.findUnique({
    where: { organisationId_id: { organisationId, id: useCaseId } },
    select: { archivedAt: true },
  });
  if (!useCase) throw new NotFoundError("The use case");
  let publication = await findPublication(tx, organisationId, useCaseId);
  const current = publication?.version ?? 0;
  if (current !== version) {
    const last = await lastChange(tx, organisationId, ENTITY, useCaseId);
    throw new ConflictError("The publication", { currentVersion: current, changedBy: last?.changedBy ?? null, changedAt: last?.changedAt ?? null });
  }
  const archived = useCase.archivedAt !== null;
  if (!allowedActions(situationOf(publication, archived), { role: change.actorRole }).includes(action)) {
    if (archived && action !== "retract" && action !== "withdraw") {
      throw problem("useCaseId", "publication.useCaseArchived", "An archived use case cannot be published.");
    }
    const allowedByRole = allowedActions({ state: publication?.state ?? "NONE", archived: false, publicNow: true }, { role: change.actorRole });
    if (!allowedByRole.includes(action)) throw new ForbiddenError("Your role does not allow this step of the publication.");
    throw problem("state", "publication.invalidTransition", `Cannot ${action} a publication that is ${publication?.state ?? "NONE"}.`);
  }
  publication ??= await tx.useCasePublication.create({ data: { organisationId, useCaseId, version: 0 } });
  return publication;
}

async function save(
  tx: Transaction,
  change: PublicationChange,
  before: UseCasePublication,
  data: Prisma.UseCasePublicationUncheckedUpdateInput,
  action: "publication.proposed" | "publication.proposalWithdrawn" | "publication.published" | "publication.retracted" | "publication.withholdingReasonsChanged",
): Promise<UseCasePublication> {
  const { count } = await tx.useCasePublication.updateMany({
    where: { organisationId: change.organisationId, useCaseId: before.useCaseId, version: before.version },
    data: { ...data, version: before.version + 1 },
  });
  if (count === 0) {
    throw new ConflictError("The publication", { currentVersion: before.version + 1, changedBy: null, changedAt: null });
  }
  const after = await tx.useCasePublication.findUniqueOrThrow({
    where: { organisationId_useCaseId: { organisationId: change.organisationId, useCaseId: before.useCaseId } },
  });
  const view = (row: UseCasePublication) => ({
    state: row.state,
    proposalNote: row.proposalNote,
    publishedVersion: row.publishedVersion,
    retractionReason: row.retractionReason,
    withholdingReasons: row.withholdingReasons,
  });
  await recordAudit(tx, change, {
    organisationId: change.organisationId,
    entityType: ENTITY,
    entityId: before.useCaseId,
    action,
    before: view(before),
    after: view(after),
  });
  return after;
}

export interface VersionedInput {
  useCaseId: string;
  version: number;
}

/** An EDITOR or ADMIN asks for publication (or for a new version), with a note for the reviewer. */
export async function proposePublication(tx: Transaction, change: PublicationChange, input: VersionedInput & { note: string }) {
  const note = input.note.trim();
  if (!note) throw problem("note", "publication.noteRequired", "Write a note for the reviewer.");
  const before = await publicationForChange(tx, change, input.useCaseId, input.version, "propose");
  return save(
    tx,
    change,
    before,
    { state: "PROPOSED", proposalNote: note, proposedById: change.actor.id, proposedAt: new Date() },
    "publication.proposed",
  );
}

/** An ADMIN withdraws a proposal: the publication returns to where it was. */
export async function withdrawProposal(tx: Transaction, change: PublicationChange, input: VersionedInput) {
  const before = await publicationForChange(tx, change, input.useCaseId, input.version, "withdraw");
  return save(tx, change, before, { state: stateAfterWithdrawal(before) }, "publication.proposalWithdrawn");
}

/** Sets the category of each withheld field's reason (the free text is the use case's own). */
export async function setWithholdingReasons(
  tx: Transaction,
  change: PublicationChange,
  input: VersionedInput & { reasons: Partial<Record<WithholdableField, WithholdingReason>> },
) {
  const before = await publicationForChange(tx, change, input.useCaseId, input.version, "setWithholdingReasons");
  return save(tx, change, before, { withholdingReasons: input.reasons as Prisma.InputJsonValue }, "publication.withholdingReasonsChanged");
}

/**
 * An ADMIN publishes what the review showed: a new immutable snapshot, version n+1, built
 * now from the record. Refused while a required public field is missing (listed).
 */
export async function publish(tx: Transaction, change: PublicationChange, input: VersionedInput) {
  const { organisationId } = change;
  const before = await publicationForChange(tx, change, input.useCaseId, input.version, "publish");
  const sources = await loadSnapshotSources(tx, organisationId, input.useCaseId);
  const snapshot = snapshotFrom(sources);
  const missing = missingRequiredFields(snapshot, sources.useCase.personalData.length > 0);
  if (missing.length > 0) {
    throw problem(
      "useCase",
      "publication.missingRequiredFields",
      `Fields required for publication are missing: ${missing.map((entry) => entry.field).join(", ")}.`,
      { fields: missing.map((entry) => entry.field).join(", ") },
    );
  }
  const now = new Date();
  const previous = await tx.publishedUseCaseSnapshot.findFirst({
    where: { organisationId, useCaseId: input.useCaseId },
    orderBy: { version: "desc" },
    select: { version: true, firstPublishedAt: true, supersededAt: true },
  });
  const version = (previous?.version ?? 0) + 1;
  if (previous && previous.supersededAt === null) {
    await tx.publishedUseCaseSnapshot.update({
      where: { organisationId_useCaseId_version: { organisationId, useCaseId: input.useCaseId, version: previous.version } },
      data: { supersededAt: now },
    });
  }
  await tx.publishedUseCaseSnapshot.create({
    data: {
      organisationId,
      useCaseId: input.useCaseId,
      version,
      snapshot: snapshot as unknown as Prisma.InputJsonValue,
      title: snapshot.title,
      organisationKind: snapshot.organisation.kind,
      sector: snapshot.organisation.sector,
      lifecycleStage: snapshot.lifecycleStage,
      riskClass: snapshot.riskClass,
      techniques: snapshot.techniques,
      generativeAi: snapshot.generativeAi,
      processesPersonalData: snapshot.processesPersonalData,
      completeness: completenessOf(snapshot),
      firstPublishedAt: previous?.firstPublishedAt ?? now,
      publishedAt: now,
      publishedById: change.actor.id,
    },
  });
  const [fingerprintRow] = await tx.$queryRaw<{ fingerprint: string }[]>`
    SELECT use_case_public_fingerprint(${organisationId}::uuid, ${input.useCaseId}::uuid) AS "fingerprint"`;
  const fingerprint = fingerprintRow?.fingerprint ?? null;
  const after = await save(
    tx,
    change,
    before,
    {
      state: "PUBLISHED",
      publishedVersion: version,
      publishedAt: now,
      publishedById: change.actor.id,
      publishedFingerprint: fingerprint,
      retractedAt: null,
      retractedById: null,
      retractionReason: null,
    },
    "publication.published",
  );
  return { publication: after, version, organisationSlug: snapshot.organisation.slug };
}

/** An ADMIN takes a published use case off the register; the public reason stays at its address. */
export async function retract(tx: Transaction, change: PublicationChange, input: VersionedInput & { reason: string }) {
  const reason = input.reason.trim();
  if (!reason) throw problem("reason", "publication.reasonRequired", "Write a reason the public can read.");
  const { organisationId } = change;
  const before = await publicationForChange(tx, change, input.useCaseId, input.version, "retract");
  const now = new Date();
  await tx.publishedUseCaseSnapshot.updateMany({
    where: { organisationId, useCaseId: input.useCaseId, supersededAt: null, retractedAt: null },
    data: { retractedAt: now, retractionReason: reason },
  });
  return save(
    tx,
    change,
    before,
    { state: "RETRACTED", retractedAt: now, retractedById: change.actor.id, retractionReason: reason },
    "publication.retracted",
  );
}

/** One published version of the organisation's own use case, as the public saw it. */
export async function getPublishedVersion(tx: Transaction, organisationId: string, useCaseId: string, version: number) {
  const row = await tx.publishedUseCaseSnapshot.findUnique({
    where: { organisationId_useCaseId_version: { organisationId, useCaseId, version } },
    select: { version: true, publishedAt: true, supersededAt: true, retractedAt: true, retractionReason: true, snapshot: true },
  });
  if (!row) throw new NotFoundError("The published version");
  return { ...row, snapshot: publicUseCaseSnapshot.parse(row.snapshot) };
}
