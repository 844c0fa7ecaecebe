/**
 * Procurement decisions of a use case: how an AI system is (or was) obtained, with a
 * requirements checklist per decision. Every change writes its audit event in the same
 * transaction; every function runs in the organisation's scoped transaction (RLS).
 *
 * Workflow: PLANNED -> APPROVED | REJECTED | CANCELLED, and APPROVED -> CANCELLED (a
 * contract that will not happen after all). Only a PLANNED decision changes (fields and
 * checklist); only a PLANNED decision is deleted (a wrong start: it was never approved,
 * rejected or cancelled, so nothing depends on it). Approval is refused while required
 * checklist items are not met or not assessed, unless an ADMIN accepted the risk with a
 * reason; a risk acceptance covers the checklist as it was, so changing a required item's
 * answer afterwards clears it. The threshold check is computed on read, never stored.
 */
import type { Transaction } from "../../db/client";
import type { OrganisationKind, ProcurementDecisionStatus, ProcurementRoute, RequirementStatus } from "../../db/generated/enums";
import type { Prisma, ProcurementDecision } from "../../db/generated/client";
import type { OrganisationChange } from "../access/members";
import { roleHasPermission } from "../access/permissions";
import { today } from "../assessments/dates";
import { lastChange, recordAudit, type AuditAction } from "../audit/audit";
import { type AuditEventView, entityHistory } from "../audit/queries";
import { ConflictError, type FieldProblem, ForbiddenError, NotFoundError, RuleViolationError } from "../errors";
import { blockingItems, type ChecklistTemplate, checklistTemplate, evidenceMissing, initialRequirements, latestChecklistVersion } from "./checklist";
import { type FrameworkAgreement, frameworkAgreement } from "./framework-agreements";
import type { ProcurementCode } from "./problem-codes";
import { decisionRuleProblems, formatSek, thresholdsOf } from "./rules";
import type { DecisionFields, DocumentLink } from "./schemas";
import { checkThresholds, NoThresholdPeriodError, type ThresholdCheck } from "./thresholds";

const ENTITY = "ProcurementDecision";
const ENTITY_LABEL = "The procurement decision";

export interface Person {
  id: string;
  name: string;
  email: string;
}

// --- Small helpers ----------------------------------------------------------------------

function problem(field: string, code: ProcurementCode, message: string, values?: Record<string, string>): RuleViolationError {
  return new RuleViolationError([{ field, code, message, ...(values ? { values } : {}) }]);
}

const toDate = (day: string | null) => (day === null ? null : new Date(`${day}T00:00:00.000Z`));
const toDay = (date: Date | null) => (date === null ? null : date.toISOString().slice(0, 10));
const toSek = (value: bigint | null) => (value === null ? null : Number(value));

async function conflict(tx: Transaction, organisationId: string, id: string, currentVersion: number): Promise<never> {
  const last = await lastChange(tx, organisationId, ENTITY, id);
  throw new ConflictError(ENTITY_LABEL, { currentVersion, changedBy: last?.changedBy ?? null, changedAt: last?.changedAt ?? null });
}

async function findRow(tx: Transaction, organisationId: string, id: string): Promise<ProcurementDecision> {
  const row = await tx.procurementDecision.findUnique({ where: { organisationId_id: { organisationId, id } } });
  if (!row) throw new NotFoundError(ENTITY_LABEL);
  return row;
}

/**
 * Locks the decision's row for the rest of the transaction, so that an approval and a
 * checklist change never interleave (the approval reads the checklist it approves).
 */
async function lockRow(tx: Transaction, organisationId: string, id: string): Promise<ProcurementDecision> {
  await tx.$queryRaw`SELECT 1 FROM "ProcurementDecision" WHERE "organisationId" = ${organisationId}::uuid AND "id" = ${id}::uuid FOR UPDATE`;
  return findRow(tx, organisationId, id);
}

async function loadCurrent(tx: Transaction, organisationId: string, id: string, version: number): Promise<ProcurementDecision> {
  const row = await lockRow(tx, organisationId, id);
  if (row.version !== version) return conflict(tx, organisationId, id, row.version);
  return row;
}

/** Writes only if nobody changed the decision in between; returns the stored row. */
async function updateAtVersion(
  tx: Transaction,
  change: OrganisationChange,
  row: ProcurementDecision,
  data: Prisma.ProcurementDecisionUncheckedUpdateManyInput,
): Promise<ProcurementDecision> {
  const { count } = await tx.procurementDecision.updateMany({
    where: { organisationId: change.organisationId, id: row.id, version: row.version },
    data: { ...data, updatedById: change.actor.id, version: { increment: 1 } },
  });
  if (count === 0) return conflict(tx, change.organisationId, row.id, row.version + 1);
  return findRow(tx, change.organisationId, row.id);
}

function assertPlanned(row: ProcurementDecision): void {
  if (row.status !== "PLANNED") {
    throw problem("status", "procurement.locked", "Only a planned decision can be changed: an approved, rejected or cancelled decision is kept as it was decided.");
  }
}

async function organisationKindOf(tx: Transaction, organisationId: string): Promise<OrganisationKind> {
  const organisation = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { kind: true } });
  return organisation.kind;
}

function audit(tx: Transaction, change: OrganisationChange, action: AuditAction, id: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  return recordAudit(tx, change, { organisationId: change.organisationId, entityType: ENTITY, entityId: id, action, before, after });
}

function fieldSnapshot(row: ProcurementDecision): Record<string, unknown> {
  return {
    route: row.route,
    supplierId: row.supplierId,
    productId: row.productId,
    frameworkAgreementKey: row.frameworkAgreementKey,
    estimatedValueSek: toSek(row.estimatedValueSek),
    contractStartOn: toDay(row.contractStartOn),
    contractEndOn: toDay(row.contractEndOn),
    registryNumber: row.registryNumber,
    decidedOn: toDay(row.decidedOn),
    decisionMaker: row.decisionMaker,
    rationale: row.rationale,
    documentLinks: row.documentLinks,
    legalException: row.legalException,
    legalExceptionJustification: row.legalExceptionJustification,
    sharedWithOtherOrganisations: row.sharedWithOtherOrganisations,
  };
}

function fieldData(fields: DecisionFields) {
  return {
    route: fields.route,
    supplierId: fields.supplierId,
    productId: fields.productId,
    frameworkAgreementKey: fields.frameworkAgreementKey,
    estimatedValueSek: fields.estimatedValueSek === null ? null : BigInt(fields.estimatedValueSek),
    contractStartOn: toDate(fields.contractStartOn),
    contractEndOn: toDate(fields.contractEndOn),
    registryNumber: fields.registryNumber,
    decidedOn: toDate(fields.decidedOn),
    decisionMaker: fields.decisionMaker,
    rationale: fields.rationale,
    documentLinks: fields.documentLinks as unknown as Prisma.InputJsonValue,
    legalException: fields.legalException,
    legalExceptionJustification: fields.legalExceptionJustification,
    sharedWithOtherOrganisations: fields.sharedWithOtherOrganisations,
  };
}

/** The fields' rules, and the catalogue's: the product must be one of the supplier's. */
async function assertFields(tx: Transaction, organisationId: string, fields: DecisionFields, now: Date): Promise<void> {
  const problems: FieldProblem[] = decisionRuleProblems(fields, { organisationKind: await organisationKindOf(tx, organisationId), today: today(now) });
  if (fields.supplierId !== null) {
    const supplier = await tx.supplier.findUnique({ where: { id: fields.supplierId }, select: { id: true } });
    if (!supplier) problems.push({ field: "supplierId", code: "procurement.unknownSupplier", message: "No such supplier in the catalogue." });
  }
  if (fields.productId !== null) {
    const product = await tx.supplierProduct.findUnique({ where: { id: fields.productId }, select: { supplierId: true } });
    if (!product || product.supplierId !== fields.supplierId) {
      problems.push({ field: "productId", code: "procurement.productNotOfSupplier", message: "Choose a product of the chosen supplier." });
    }
  }
  if (problems.length > 0) throw new RuleViolationError(problems);
}

// --- Reads ------------------------------------------------------------------------------

async function people(tx: Transaction, ids: (string | null)[]): Promise<Map<string, Person>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await tx.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true, email: true } });
  return new Map(users.map((user) => [user.id, user]));
}

export interface DecisionSummary {
  id: string;
  route: ProcurementRoute;
  status: ProcurementDecisionStatus;
  supplier: { id: string; name: string } | null;
  product: { id: string; name: string } | null;
  frameworkAgreement: { key: string; name: string } | null;
  estimatedValueSek: number | null;
  registryNumber: string | null;
  decidedOn: string | null;
  /** Required checklist items that are not met or not assessed. */
  blockingCount: number;
  riskAccepted: boolean;
  version: number;
  updatedAt: Date;
}

export interface UseCaseDecisions {
  organisationKind: OrganisationKind;
  decisions: DecisionSummary[];
}

/** The use case's procurement tab: its decisions, newest first. */
export async function decisionsOfUseCase(tx: Transaction, organisationId: string, useCaseId: string): Promise<UseCaseDecisions> {
  const useCase = await tx.useCase.findUnique({ where: { organisationId_id: { organisationId, id: useCaseId } }, select: { id: true } });
  if (!useCase) throw new NotFoundError("The use case");
  const rows = await tx.procurementDecision.findMany({
    where: { organisationId, useCaseId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { supplier: { select: { id: true, name: true } }, product: { select: { id: true, name: true } } },
  });
  const requirements = rows.length
    ? await tx.procurementRequirement.findMany({ where: { organisationId, decisionId: { in: rows.map((row) => row.id) } } })
    : [];
  const organisationKind = await organisationKindOf(tx, organisationId);
  return {
    organisationKind,
    decisions: rows.map((row) => {
      const framework = row.frameworkAgreementKey ? frameworkAgreement(row.frameworkAgreementKey) : null;
      const states = requirements.filter((requirement) => requirement.decisionId === row.id);
      return {
        id: row.id,
        route: row.route,
        status: row.status,
        supplier: row.supplier,
        product: row.product,
        frameworkAgreement: row.frameworkAgreementKey ? { key: row.frameworkAgreementKey, name: framework?.name ?? row.frameworkAgreementKey } : null,
        estimatedValueSek: toSek(row.estimatedValueSek),
        registryNumber: row.registryNumber,
        decidedOn: toDay(row.decidedOn),
        blockingCount: blockingItems(checklistTemplate(row.checklistVersion), states).length,
        riskAccepted: row.riskAcceptedAt !== null,
        version: row.version,
        updatedAt: row.updatedAt,
      };
    }),
  };
}

export interface RequirementView {
  itemKey: string;
  section: string;
  text: { sv: string; en: string };
  help: { sv: string; en: string };
  requiredByDefault: boolean;
  evidenceRequiredFor: RequirementStatus[];
  required: boolean;
  status: RequirementStatus;
  evidence: string | null;
  /** The answer needs evidence the item does not have. */
  evidenceMissing: boolean;
  blocking: boolean;
  version: number;
  updatedBy: Person | null;
  updatedAt: Date;
}

export interface DecisionView {
  id: string;
  useCase: { id: string; reference: string; title: string; archived: boolean };
  organisationKind: OrganisationKind;
  route: ProcurementRoute;
  status: ProcurementDecisionStatus;
  supplier: { id: string; name: string; country: string } | null;
  product: { id: string; name: string } | null;
  frameworkAgreementKey: string | null;
  frameworkAgreement: FrameworkAgreement | null;
  estimatedValueSek: number | null;
  contractStartOn: string | null;
  contractEndOn: string | null;
  registryNumber: string | null;
  decidedOn: string | null;
  decisionMaker: string | null;
  rationale: string | null;
  documentLinks: DocumentLink[];
  legalException: string | null;
  legalExceptionJustification: string | null;
  sharedWithOtherOrganisations: boolean;
  checklist: { version: number; title: ChecklistTemplate["title"]; sections: ChecklistTemplate["sections"]; items: RequirementView[] };
  /** Keys of required items that are not met or not assessed: they block approval. */
  blocking: string[];
  riskAcceptance: { by: Person | null; at: Date; reason: string } | null;
  /** Computed on read from the value, the organisation's kind and the decision date (today while none). */
  thresholds: { check: ThresholdCheck | null; noPeriodOn: string | null };
  createdBy: Person | null;
  updatedBy: Person | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  history: AuditEventView[];
}

export async function getDecision(tx: Transaction, organisationId: string, id: string, now: Date = new Date()): Promise<DecisionView> {
  const row = await findRow(tx, organisationId, id);
  // One query at a time: the queries share the transaction's connection.
  const useCase = await tx.useCase.findUniqueOrThrow({
    where: { organisationId_id: { organisationId, id: row.useCaseId } },
    select: { id: true, reference: true, title: true, archivedAt: true },
  });
  const supplier = row.supplierId ? await tx.supplier.findUnique({ where: { id: row.supplierId }, select: { id: true, name: true, country: true } }) : null;
  const product = row.productId ? await tx.supplierProduct.findUnique({ where: { id: row.productId }, select: { id: true, name: true } }) : null;
  const requirementRows = await tx.procurementRequirement.findMany({ where: { organisationId, decisionId: id } });
  const organisationKind = await organisationKindOf(tx, organisationId);
  const history = await entityHistory(tx, organisationId, ENTITY, id);
  const who = await people(tx, [row.createdById, row.updatedById, row.riskAcceptedById, ...requirementRows.map((requirement) => requirement.updatedById)]);
  const person = (personId: string | null) => (personId === null ? null : (who.get(personId) ?? null));

  const template = checklistTemplate(row.checklistVersion);
  const blocking = blockingItems(template, requirementRows).map((state) => state.itemKey);
  const items: RequirementView[] = template.items.flatMap((item) => {
    const state = requirementRows.find((requirement) => requirement.itemKey === item.key);
    if (!state) return [];
    return [
      {
        itemKey: item.key,
        section: item.section,
        text: item.text,
        help: item.help,
        requiredByDefault: item.requiredByDefault,
        evidenceRequiredFor: [...item.evidenceRequiredFor],
        required: state.required,
        status: state.status,
        evidence: state.evidence,
        evidenceMissing: evidenceMissing(item, state),
        blocking: blocking.includes(item.key),
        version: state.version,
        updatedBy: person(state.updatedById),
        updatedAt: state.updatedAt,
      },
    ];
  });
  const estimatedValueSek = toSek(row.estimatedValueSek);
  const decidedOn = toDay(row.decidedOn);
  return {
    id: row.id,
    useCase: { id: useCase.id, reference: useCase.reference, title: useCase.title, archived: useCase.archivedAt !== null },
    organisationKind,
    route: row.route,
    status: row.status,
    supplier,
    product,
    frameworkAgreementKey: row.frameworkAgreementKey,
    frameworkAgreement: row.frameworkAgreementKey ? frameworkAgreement(row.frameworkAgreementKey) : null,
    estimatedValueSek,
    contractStartOn: toDay(row.contractStartOn),
    contractEndOn: toDay(row.contractEndOn),
    registryNumber: row.registryNumber,
    decidedOn,
    decisionMaker: row.decisionMaker,
    rationale: row.rationale,
    documentLinks: (row.documentLinks ?? []) as unknown as DocumentLink[],
    legalException: row.legalException,
    legalExceptionJustification: row.legalExceptionJustification,
    sharedWithOtherOrganisations: row.sharedWithOtherOrganisations,
    checklist: { version: template.version, title: template.title, sections: template.sections, items },
    blocking,
    riskAcceptance:
      row.riskAcceptedAt && row.riskAcceptanceReason
        ? { by: person(row.riskAcceptedById), at: row.riskAcceptedAt, reason: row.riskAcceptanceReason }
        : null,
    thresholds: thresholdsOf({ estimatedValueSek, decidedOn }, { organisationKind, today: today(now) }),
    createdBy: person(row.createdById),
    updatedBy: person(row.updatedById),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    history,
  };
}

/** The threshold check for the caller's organisation, for the form's live display. */
export async function thresholdCheckFor(
  tx: Transaction,
  organisationId: string,
  input: { valueSek: number; on?: string | undefined },
  now: Date = new Date(),
): Promise<ThresholdCheck> {
  const on = input.on ?? today(now);
  try {
    return checkThresholds({ valueSek: input.valueSek, organisationKind: await organisationKindOf(tx, organisationId), on });
  } catch (error) {
    if (error instanceof NoThresholdPeriodError) {
      throw problem("on", "procurement.noThresholdPeriod", `No threshold period covers ${on}.`, { date: on });
    }
    throw error;
  }
}

// --- Changes ----------------------------------------------------------------------------

export async function createDecision(
  tx: Transaction,
  change: OrganisationChange,
  input: { useCaseId: string; fields: DecisionFields },
  now: Date = new Date(),
): Promise<{ id: string; version: number }> {
  const useCase = await tx.useCase.findUnique({
    where: { organisationId_id: { organisationId: change.organisationId, id: input.useCaseId } },
    select: { archivedAt: true },
  });
  if (!useCase) throw new NotFoundError("The use case");
  if (useCase.archivedAt) throw problem("useCaseId", "procurement.useCaseArchived", "The use case is archived. Restore it before recording a decision.");
  await assertFields(tx, change.organisationId, input.fields, now);
  const template = checklistTemplate(latestChecklistVersion);
  const row = await tx.procurementDecision.create({
    data: {
      organisationId: change.organisationId,
      useCaseId: input.useCaseId,
      ...fieldData(input.fields),
      checklistVersion: template.version,
      createdById: change.actor.id,
      updatedById: change.actor.id,
    },
  });
  await tx.procurementRequirement.createMany({
    data: initialRequirements(template).map((state) => ({
      organisationId: change.organisationId,
      decisionId: row.id,
      itemKey: state.itemKey,
      required: state.required,
      status: state.status,
      updatedById: change.actor.id,
    })),
  });
  await audit(tx, change, "procurementDecision.created", row.id, null, {
    useCaseId: row.useCaseId,
    checklistVersion: row.checklistVersion,
    status: row.status,
    ...fieldSnapshot(row),
  });
  return { id: row.id, version: row.version };
}

export async function updateDecision(
  tx: Transaction,
  change: OrganisationChange,
  input: { id: string; version: number; fields: DecisionFields },
  now: Date = new Date(),
): Promise<{ version: number }> {
  const row = await loadCurrent(tx, change.organisationId, input.id, input.version);
  assertPlanned(row);
  await assertFields(tx, change.organisationId, input.fields, now);
  const updated = await updateAtVersion(tx, change, row, fieldData(input.fields));
  await audit(tx, change, "procurementDecision.updated", row.id, fieldSnapshot(row), fieldSnapshot(updated));
  return { version: updated.version };
}

function requirementSnapshot(state: { required: boolean; status: RequirementStatus; evidence: string | null }) {
  return { required: state.required, status: state.status, evidence: state.evidence };
}

/**
 * Answers one checklist item. Items are rows of their own with their own version, so two
 * people answering different items both keep their answers; the same item answered from
 * two stale pages is refused for the second. Changing a required item's answer (or whether
 * it is required) clears an earlier risk acceptance, which covered the checklist as it was.
 */
export async function setRequirement(
  tx: Transaction,
  change: OrganisationChange,
  input: { id: string; itemKey: string; itemVersion: number; required: boolean; status: RequirementStatus; evidence: string | null },
): Promise<{ itemVersion: number; version: number }> {
  const row = await lockRow(tx, change.organisationId, input.id);
  assertPlanned(row);
  const template = checklistTemplate(row.checklistVersion);
  const item = template.items.find((candidate) => candidate.key === input.itemKey);
  const field = `requirements.${input.itemKey}`;
  if (!item) throw problem(field, "procurement.unknownItem", "The checklist has no such item.");
  if (evidenceMissing(item, input)) {
    throw problem(`${field}.evidence`, "procurement.evidenceRequired", "This answer needs evidence: say how it is met, or why it does not apply.");
  }
  const where = { organisationId_decisionId_itemKey: { organisationId: change.organisationId, decisionId: row.id, itemKey: item.key } };
  const existing = await tx.procurementRequirement.findUnique({ where });
  if (!existing) throw new NotFoundError("The checklist item");
  if (existing.version !== input.itemVersion) return conflict(tx, change.organisationId, row.id, row.version);
  const { count } = await tx.procurementRequirement.updateMany({
    where: { organisationId: change.organisationId, decisionId: row.id, itemKey: item.key, version: existing.version },
    data: { required: input.required, status: input.status, evidence: input.evidence, updatedById: change.actor.id, version: { increment: 1 } },
  });
  if (count === 0) return conflict(tx, change.organisationId, row.id, row.version);

  const before: Record<string, unknown> = { [field]: requirementSnapshot(existing) };
  const after: Record<string, unknown> = { [field]: requirementSnapshot(input) };
  let version = row.version;
  const blockingChanged = existing.required !== input.required || (input.required && existing.status !== input.status);
  if (row.riskAcceptedAt && blockingChanged) {
    const updated = await updateAtVersion(tx, change, row, { riskAcceptedAt: null, riskAcceptedById: null, riskAcceptanceReason: null });
    version = updated.version;
    Object.assign(before, { riskAcceptanceReason: row.riskAcceptanceReason });
    Object.assign(after, { riskAcceptanceReason: null });
  }
  await audit(tx, change, "procurementRequirement.updated", row.id, before, after);
  return { itemVersion: existing.version + 1, version };
}

const TRANSITIONS: Record<ProcurementDecisionStatus, readonly ProcurementDecisionStatus[]> = {
  PLANNED: ["APPROVED", "REJECTED", "CANCELLED"],
  APPROVED: ["CANCELLED"],
  REJECTED: [],
  CANCELLED: [],
};

async function requirementStates(tx: Transaction, organisationId: string, decisionId: string) {
  return tx.procurementRequirement.findMany({ where: { organisationId, decisionId } });
}

/**
 * Approves, rejects or cancels a decision. Approval re-checks the fields' rules (a direct
 * award above the limit without a legal exception stays refused), needs the reasons
 * documented for a direct award above the documentation limit, and is refused while
 * required checklist items are not met or not assessed, unless an ADMIN accepted the risk.
 */
export async function setDecisionStatus(
  tx: Transaction,
  change: OrganisationChange,
  input: { id: string; version: number; status: Exclude<ProcurementDecisionStatus, "PLANNED">; decidedOn: string | null },
  now: Date = new Date(),
): Promise<{ version: number }> {
  const row = await loadCurrent(tx, change.organisationId, input.id, input.version);
  if (!TRANSITIONS[row.status].includes(input.status)) {
    throw problem("status", "procurement.invalidTransition", `A decision that is ${row.status} cannot become ${input.status}.`, { from: row.status, to: input.status });
  }
  const decidedOn = input.status === "CANCELLED" ? toDay(row.decidedOn) : (input.decidedOn ?? toDay(row.decidedOn) ?? today(now));
  if (input.status === "APPROVED") {
    const kind = await organisationKindOf(tx, change.organisationId);
    const fields = { ...fieldSnapshot(row), decidedOn } as unknown as DecisionFields;
    const problems = decisionRuleProblems(fields, { organisationKind: kind, today: today(now) });
    if (problems.length > 0) throw new RuleViolationError(problems);
    const { check } = thresholdsOf(fields, { organisationKind: kind, today: today(now) });
    if (row.route === "DIRECT_AWARD" && check?.documentation.required && !row.rationale) {
      throw problem("rationale", "procurement.documentationRequired", `A direct award above ${formatSek(check.documentation.aboveSek)} SEK must be documented: give the rationale before approving.`, {
        limit: formatSek(check.documentation.aboveSek),
      });
    }
    const blocking = blockingItems(checklistTemplate(row.checklistVersion), await requirementStates(tx, change.organisationId, row.id));
    if (blocking.length > 0 && row.riskAcceptedAt === null) {
      throw problem(
        "requirements",
        "procurement.requirementsNotMet",
        `${blocking.length} required checklist item(s) are not met or not assessed: ${blocking.map((state) => state.itemKey).join(", ")}. Meet them, or have an administrator accept the risk.`,
        { count: String(blocking.length), items: blocking.map((state) => state.itemKey).join(", ") },
      );
    }
  }
  const updated = await updateAtVersion(tx, change, row, { status: input.status, decidedOn: toDate(decidedOn) });
  await audit(tx, change, "procurementDecision.statusChanged", row.id, { status: row.status, decidedOn: toDay(row.decidedOn) }, { status: updated.status, decidedOn: toDay(updated.decidedOn) });
  return { version: updated.version };
}

/**
 * An ADMIN accepts the risk of the required items that are not met or not assessed, with a
 * reason: the decision may then be approved. Recorded on the decision and in the audit log
 * with the items it covers.
 */
export async function acceptRisk(
  tx: Transaction,
  change: OrganisationChange,
  input: { id: string; version: number; reason: string },
  now: Date = new Date(),
): Promise<{ version: number }> {
  if (!roleHasPermission(change.actorRole, "procurement.acceptRisk")) throw new ForbiddenError("Only an administrator can accept the risk.");
  const row = await loadCurrent(tx, change.organisationId, input.id, input.version);
  assertPlanned(row);
  const blocking = blockingItems(checklistTemplate(row.checklistVersion), await requirementStates(tx, change.organisationId, row.id));
  if (blocking.length === 0) throw problem("requirements", "procurement.nothingToAccept", "Every required item is met or not applicable: there is no risk to accept.");
  const updated = await updateAtVersion(tx, change, row, { riskAcceptedAt: now, riskAcceptedById: change.actor.id, riskAcceptanceReason: input.reason });
  await audit(
    tx,
    change,
    "procurementDecision.riskAccepted",
    row.id,
    { riskAcceptanceReason: row.riskAcceptanceReason, riskAcceptedItems: null },
    { riskAcceptanceReason: input.reason, riskAcceptedItems: blocking.map((state) => `${state.itemKey}: ${state.status}`) },
  );
  return { version: updated.version };
}

/** Deletes a planned decision (a wrong start, never decided); anything decided is kept. */
export async function deleteDecision(tx: Transaction, change: OrganisationChange, input: { id: string; version: number }): Promise<void> {
  const row = await loadCurrent(tx, change.organisationId, input.id, input.version);
  if (row.status !== "PLANNED") throw problem("status", "procurement.onlyPlannedDeletable", "Only a planned decision can be deleted; a decided one is kept (cancel it instead).");
  const { count } = await tx.procurementDecision.deleteMany({ where: { organisationId: change.organisationId, id: row.id, version: row.version } });
  if (count === 0) return conflict(tx, change.organisationId, row.id, row.version + 1);
  await audit(tx, change, "procurementDecision.deleted", row.id, { useCaseId: row.useCaseId, status: row.status, ...fieldSnapshot(row) }, null);
}

