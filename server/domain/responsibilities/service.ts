/**
 * Responsibility assignments and the value chain of a use case.
 *
 * An assignment names a person (a member of the organisation, or an external contact) for
 * a role, from `validFrom` to `validTo` (the last day; empty while it lasts). Assignments
 * are ended, never deleted: the history of who answered for what is kept. A use case has
 * at most one accountable owner (verksamhetsansvarig) on any day: a partial unique index
 * refuses a second open-ended one, and the service refuses overlapping dated periods while
 * holding a row lock on the use case (SELECT ... FOR UPDATE), so two concurrent
 * assignments cannot both pass the check.
 *
 * When a member leaves the organisation (removeMember), their assignments in force are
 * flagged (needsReassignmentSince): they count as missing until someone takes over.
 *
 * Every change writes its audit event in the same transaction; every function except
 * myResponsibilities runs in the organisation's scoped transaction (row-level security),
 * so another organisation's records are simply not found. myResponsibilities reads each of
 * the user's organisations in its own scoped transaction, never across tenants.
 */
import type { Transaction } from "../../db/client";
import { Prisma, type Responsibility, type ValueChainParty } from "../../db/generated/client";
import type {
  AiActRole,
  AssessmentStatus,
  LifecycleStage,
  ResponsibilityRole,
  TemplateKind,
  ValueChainHolderKind,
} from "../../db/generated/enums";
import { enterOrganisation } from "../../db/scope";
import type { OrganisationChange } from "../access/members";
import { addDays, today } from "../assessments/dates";
import { type ChangeContext, lastChange, recordAudit } from "../audit/audit";
import { ConflictError, type FieldProblem, NotFoundError, RuleViolationError } from "../errors";
import { type GapUseCase, isInForce, missingRoles, type RequiredRole, requiredRoles } from "./gaps";
import { responsibilityRoles } from "./labels";
import type { ResponsibilitiesCode } from "./problem-codes";
import type { AssignInput, EndInput, SetValueChainInput, UpdateInput } from "./schemas";

const ENTITY = "Responsibility";
const ENTITY_LABEL = "The responsibility assignment";

// --- Small helpers ----------------------------------------------------------------------

function problem(field: string, code: ResponsibilitiesCode, message: string): RuleViolationError {
  return new RuleViolationError([{ field, code, message }]);
}

const toDate = (day: string) => new Date(`${day}T00:00:00.000Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);
const toDayOrNull = (date: Date | null) => (date === null ? null : toDay(date));

/** Whether two periods share a day (null: open-ended). */
function overlaps(a: { validFrom: string; validTo: string | null }, b: { validFrom: string; validTo: string | null }): boolean {
  return (a.validTo === null || a.validTo >= b.validFrom) && (b.validTo === null || b.validTo >= a.validFrom);
}

function period(row: Pick<Responsibility, "validFrom" | "validTo">) {
  return { validFrom: toDay(row.validFrom), validTo: toDayOrNull(row.validTo) };
}

async function conflict(tx: Transaction, organisationId: string, id: string, currentVersion: number): Promise<never> {
  const last = await lastChange(tx, organisationId, ENTITY, id);
  throw new ConflictError(ENTITY_LABEL, { currentVersion, changedBy: last?.changedBy ?? null, changedAt: last?.changedAt ?? null });
}

const useCaseSelect = {
  id: true,
  reference: true,
  title: true,
  lifecycleStage: true,
  archivedAt: true,
  riskClass: true,
  outputUse: true,
  personalData: true,
  acquisitionMethod: true,
  aiActRoles: true,
} as const;

/**
 * Locks the use case's row for the rest of the transaction (assignments of one use case
 * are checked one transaction at a time) and returns it; NOT_FOUND in another organisation.
 */
export async function lockUseCase(tx: Transaction, organisationId: string, useCaseId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS "id" FROM "UseCase"
    WHERE "organisationId" = ${organisationId}::uuid AND "id" = ${useCaseId}::uuid
    FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError("The use case");
}

async function loadUseCase(tx: Transaction, organisationId: string, useCaseId: string) {
  const useCase = await tx.useCase.findUnique({ where: { organisationId_id: { organisationId, id: useCaseId } }, select: useCaseSelect });
  if (!useCase) throw new NotFoundError("The use case");
  return useCase;
}

async function findRow(tx: Transaction, organisationId: string, id: string): Promise<Responsibility> {
  const row = await tx.responsibility.findUnique({ where: { organisationId_id: { organisationId, id } } });
  if (!row) throw new NotFoundError(ENTITY_LABEL);
  return row;
}

function snapshot(row: Responsibility): Record<string, unknown> {
  return {
    useCaseId: row.useCaseId,
    role: row.role,
    userId: row.userId,
    externalName: row.externalName,
    externalEmail: row.externalEmail,
    externalRoleTitle: row.externalRoleTitle,
    validFrom: toDay(row.validFrom),
    validTo: toDayOrNull(row.validTo),
    needsReassignmentSince: row.needsReassignmentSince,
    note: row.note,
  };
}

function audit(
  tx: Transaction,
  change: ChangeContext & { organisationId: string },
  action: "responsibility.assigned" | "responsibility.ended" | "responsibility.updated" | "responsibility.flaggedForReassignment",
  id: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
) {
  return recordAudit(tx, change, { organisationId: change.organisationId, entityType: ENTITY, entityId: id, action, before, after });
}

/**
 * Refuses an accountable owner whose period shares a day with another one of the use
 * case (the caller holds the use case's lock). `except`: the row being changed or replaced.
 */
async function assertNoOwnerOverlap(
  tx: Transaction,
  organisationId: string,
  useCaseId: string,
  candidate: { validFrom: string; validTo: string | null },
  except: string[],
  field: string,
): Promise<void> {
  const owners = await tx.responsibility.findMany({
    where: { organisationId, useCaseId, role: "ACCOUNTABLE_OWNER", ...(except.length > 0 ? { id: { notIn: except } } : {}) },
    select: { validFrom: true, validTo: true },
  });
  if (owners.some((owner) => overlaps(period(owner), candidate))) {
    throw problem(
      field,
      "responsibility.accountableOwnerOverlap",
      "The use case already has an accountable owner in this period. End that assignment first, or choose dates that do not overlap.",
    );
  }
}

/** The partial unique index "one open accountable owner" as a field problem (the lock makes it rare). */
function isOpenOwnerViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return true;
  return error instanceof Error && /manual_Responsibility_one_open_accountable_owner/.test(error.message);
}

// --- Views ------------------------------------------------------------------------------

export interface ResponsibilityPerson {
  /** A member (or former member) of the organisation; null for an external contact. */
  userId: string | null;
  name: string;
  email: string | null;
  /** An external contact's role title. */
  roleTitle: string | null;
  /** False for an external contact, and for a user who is no longer a member. */
  isMember: boolean;
}

export type AssignmentStatus = "IN_FORCE" | "UPCOMING" | "NEEDS_REASSIGNMENT" | "ENDED";

export interface ResponsibilityView {
  id: string;
  role: ResponsibilityRole;
  person: ResponsibilityPerson;
  validFrom: string;
  validTo: string | null;
  needsReassignmentSince: Date | null;
  note: string | null;
  version: number;
  status: AssignmentStatus;
}

export interface UseCaseResponsibilities {
  useCase: { id: string; reference: string; title: string; lifecycleStage: LifecycleStage; archived: boolean };
  /** Not ended: in force, starting later, or flagged for reassignment; in the order of the roles. */
  current: ResponsibilityView[];
  /** Ended assignments, the most recently ended first. */
  history: ResponsibilityView[];
  required: RequiredRole[];
  /** Required roles with no assignment in force today (a flagged one counts as missing). */
  missing: RequiredRole[];
}

function statusOf(row: Responsibility, day: string): AssignmentStatus {
  const { validFrom, validTo } = period(row);
  if (validTo !== null && validTo < day) return "ENDED";
  if (row.needsReassignmentSince !== null) return "NEEDS_REASSIGNMENT";
  return validFrom > day ? "UPCOMING" : "IN_FORCE";
}

async function viewsOf(tx: Transaction, organisationId: string, rows: Responsibility[], day: string): Promise<ResponsibilityView[]> {
  const ids = [...new Set(rows.map((row) => row.userId).filter((id): id is string => id !== null))];
  const users = ids.length === 0 ? [] : await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } });
  const members =
    ids.length === 0
      ? []
      : await tx.membership.findMany({ where: { organisationId, userId: { in: ids } }, select: { userId: true } });
  const userById = new Map(users.map((user) => [user.id, user]));
  const memberIds = new Set(members.map((member) => member.userId));
  return rows.map((row) => {
    const user = row.userId ? userById.get(row.userId) : undefined;
    const person: ResponsibilityPerson = row.userId
      ? { userId: row.userId, name: user?.name ?? "?", email: user?.email ?? null, roleTitle: null, isMember: memberIds.has(row.userId) }
      : { userId: null, name: row.externalName ?? "?", email: row.externalEmail, roleTitle: row.externalRoleTitle, isMember: false };
    return {
      id: row.id,
      role: row.role,
      person,
      ...period(row),
      needsReassignmentSince: row.needsReassignmentSince,
      note: row.note,
      version: row.version,
      status: statusOf(row, day),
    };
  });
}

const roleOrder = new Map<ResponsibilityRole, number>(responsibilityRoles.map((role, index) => [role, index]));

function asGapUseCase(useCase: Awaited<ReturnType<typeof loadUseCase>>): GapUseCase {
  return {
    lifecycleStage: useCase.lifecycleStage,
    archivedAt: useCase.archivedAt,
    riskClass: useCase.riskClass,
    outputUse: useCase.outputUse,
    personalData: useCase.personalData,
    acquisitionMethod: useCase.acquisitionMethod,
  };
}

// --- Reads ------------------------------------------------------------------------------

export async function responsibilitiesOfUseCase(
  tx: Transaction,
  organisationId: string,
  useCaseId: string,
  now: Date = new Date(),
): Promise<UseCaseResponsibilities> {
  const day = today(now);
  const useCase = await loadUseCase(tx, organisationId, useCaseId);
  const rows = await tx.responsibility.findMany({ where: { organisationId, useCaseId }, orderBy: [{ validFrom: "asc" }, { createdAt: "asc" }] });
  const views = await viewsOf(tx, organisationId, rows, day);
  const current = views
    .filter((view) => view.status !== "ENDED")
    .sort((a, b) => (roleOrder.get(a.role) ?? 0) - (roleOrder.get(b.role) ?? 0) || a.validFrom.localeCompare(b.validFrom));
  const history = views
    .filter((view) => view.status === "ENDED")
    .sort((a, b) => (b.validTo ?? "").localeCompare(a.validTo ?? "") || b.validFrom.localeCompare(a.validFrom));
  const gapUseCase = asGapUseCase(useCase);
  return {
    useCase: {
      id: useCase.id,
      reference: useCase.reference,
      title: useCase.title,
      lifecycleStage: useCase.lifecycleStage,
      archived: useCase.archivedAt !== null,
    },
    current,
    history,
    required: requiredRoles(gapUseCase),
    missing: missingRoles(gapUseCase, views, day),
  };
}

/** The accountable owner in force today, for the use case's overview (null: none). */
export async function accountableOwnerOf(
  tx: Transaction,
  organisationId: string,
  useCaseId: string,
  now: Date = new Date(),
): Promise<{ owner: ResponsibilityView | null; flagged: ResponsibilityView | null }> {
  const day = today(now);
  await loadUseCase(tx, organisationId, useCaseId);
  const rows = await tx.responsibility.findMany({
    where: { organisationId, useCaseId, role: "ACCOUNTABLE_OWNER", validFrom: { lte: toDate(day) }, OR: [{ validTo: null }, { validTo: { gte: toDate(day) } }] },
  });
  const views = await viewsOf(tx, organisationId, rows, day);
  return {
    owner: views.find((view) => view.status === "IN_FORCE") ?? null,
    flagged: views.find((view) => view.status === "NEEDS_REASSIGNMENT") ?? null,
  };
}

// --- Changes ----------------------------------------------------------------------------

async function assertMember(tx: Transaction, organisationId: string, userId: string): Promise<void> {
  const member = await tx.membership.findUnique({ where: { organisationId_userId: { organisationId, userId } }, select: { userId: true } });
  if (!member) throw problem("userId", "responsibility.notMember", "Choose a member of the organisation, or enter an external contact.");
}

export async function assignResponsibility(
  tx: Transaction,
  change: OrganisationChange,
  input: Omit<AssignInput, "organisationSlug">,
  now: Date = new Date(),
): Promise<ResponsibilityView> {
  const { organisationId } = change;
  const day = today(now);
  await lockUseCase(tx, organisationId, input.useCaseId);
  const useCase = await loadUseCase(tx, organisationId, input.useCaseId);
  if (useCase.archivedAt) throw problem("useCaseId", "responsibility.useCaseArchived", "The use case is archived. Restore it first.");
  const member = input.personKind === "MEMBER";
  if (member && input.userId) await assertMember(tx, organisationId, input.userId);
  const candidate = { validFrom: input.validFrom, validTo: input.validTo };
  if (candidate.validTo !== null && candidate.validTo < candidate.validFrom) {
    throw problem("validTo", "responsibility.endBeforeStart", "The end date cannot be before the start date.");
  }

  // "Assign a new one": the replaced assignment ends the day before the new one starts.
  let replaced: Responsibility | null = null;
  if (input.replacesId) {
    replaced = await findRow(tx, organisationId, input.replacesId);
    const replacedPeriod = period(replaced);
    if (replaced.useCaseId !== input.useCaseId || replaced.role !== input.role || (replacedPeriod.validTo !== null && replacedPeriod.validTo < day)) {
      throw problem("replacesId", "responsibility.replacedNotCurrent", "The assignment to replace has already ended or belongs elsewhere.");
    }
    if (addDays(input.validFrom, -1) < replacedPeriod.validFrom) {
      throw problem("validFrom", "responsibility.endBeforeStart", "The new assignment must start after the one it replaces started.");
    }
  }

  if (input.role === "ACCOUNTABLE_OWNER") {
    await assertNoOwnerOverlap(tx, organisationId, input.useCaseId, candidate, replaced ? [replaced.id] : [], "validFrom");
  }
  const samePerson = await tx.responsibility.findMany({
    where: {
      organisationId,
      useCaseId: input.useCaseId,
      role: input.role,
      ...(member ? { userId: input.userId } : { userId: null, externalName: { equals: input.externalName ?? "", mode: "insensitive" } }),
      ...(replaced ? { id: { not: replaced.id } } : {}),
    },
    select: { validFrom: true, validTo: true },
  });
  if (samePerson.some((row) => overlaps(period(row), candidate))) {
    throw problem(member ? "userId" : "externalName", "responsibility.alreadyAssigned", "This person already has this role in the period.");
  }

  if (replaced) {
    const endOn = addDays(input.validFrom, -1);
    const before = snapshot(replaced);
    const { count } = await tx.responsibility.updateMany({
      where: { organisationId, id: replaced.id, version: replaced.version },
      data: { validTo: toDate(endOn), version: { increment: 1 } },
    });
    if (count === 0) return conflict(tx, organisationId, replaced.id, replaced.version + 1);
    await audit(tx, change, "responsibility.ended", replaced.id, before, snapshot(await findRow(tx, organisationId, replaced.id)));
  }

  let row: Responsibility;
  try {
    row = await tx.responsibility.create({
      data: {
        organisationId,
        useCaseId: input.useCaseId,
        role: input.role,
        userId: member ? input.userId : null,
        externalName: member ? null : input.externalName,
        externalEmail: member ? null : input.externalEmail,
        externalRoleTitle: member ? null : input.externalRoleTitle,
        validFrom: toDate(input.validFrom),
        validTo: input.validTo ? toDate(input.validTo) : null,
        note: input.note,
        createdById: change.actor.id,
      },
    });
  } catch (error) {
    if (isOpenOwnerViolation(error)) {
      throw problem("validFrom", "responsibility.accountableOwnerOverlap", "The use case already has an open-ended accountable owner.");
    }
    throw error;
  }
  await audit(tx, change, "responsibility.assigned", row.id, null, snapshot(row));
  const [view] = await viewsOf(tx, organisationId, [row], day);
  return view!;
}

/** Ends an assignment on `validTo` (its last day); history keeps it. */
export async function endResponsibility(
  tx: Transaction,
  change: OrganisationChange,
  input: Omit<EndInput, "organisationSlug">,
  now: Date = new Date(),
): Promise<ResponsibilityView> {
  const { organisationId } = change;
  const found = await findRow(tx, organisationId, input.id);
  await lockUseCase(tx, organisationId, found.useCaseId);
  const row = await findRow(tx, organisationId, input.id);
  if (row.version !== input.version) return conflict(tx, organisationId, row.id, row.version);
  const current = period(row);
  if (current.validTo !== null && current.validTo <= input.validTo) {
    throw problem("validTo", "responsibility.alreadyEnded", "The assignment already ends on or before this date.");
  }
  if (input.validTo < current.validFrom) {
    throw problem("validTo", "responsibility.endBeforeStart", "The end date cannot be before the start date.");
  }
  const { count } = await tx.responsibility.updateMany({
    where: { organisationId, id: row.id, version: row.version },
    data: { validTo: toDate(input.validTo), version: { increment: 1 } },
  });
  if (count === 0) return conflict(tx, organisationId, row.id, row.version + 1);
  const updated = await findRow(tx, organisationId, row.id);
  await audit(tx, change, "responsibility.ended", row.id, snapshot(row), snapshot(updated));
  const [view] = await viewsOf(tx, organisationId, [updated], today(now));
  return view!;
}

/** Changes an assignment's dates or note (the person stays: a new person is a new assignment). */
export async function updateResponsibility(
  tx: Transaction,
  change: OrganisationChange,
  input: Omit<UpdateInput, "organisationSlug">,
  now: Date = new Date(),
): Promise<ResponsibilityView> {
  const { organisationId } = change;
  const found = await findRow(tx, organisationId, input.id);
  await lockUseCase(tx, organisationId, found.useCaseId);
  const row = await findRow(tx, organisationId, input.id);
  if (row.version !== input.version) return conflict(tx, organisationId, row.id, row.version);
  const candidate = { validFrom: input.validFrom, validTo: input.validTo };
  if (candidate.validTo !== null && candidate.validTo < candidate.validFrom) {
    throw problem("validTo", "responsibility.endBeforeStart", "The end date cannot be before the start date.");
  }
  if (row.role === "ACCOUNTABLE_OWNER") {
    await assertNoOwnerOverlap(tx, organisationId, row.useCaseId, candidate, [row.id], "validFrom");
  }
  let count: number;
  try {
    ({ count } = await tx.responsibility.updateMany({
      where: { organisationId, id: row.id, version: row.version },
      data: {
        validFrom: toDate(input.validFrom),
        validTo: input.validTo ? toDate(input.validTo) : null,
        note: input.note,
        version: { increment: 1 },
      },
    }));
  } catch (error) {
    if (isOpenOwnerViolation(error)) {
      throw problem("validTo", "responsibility.accountableOwnerOverlap", "The use case already has an open-ended accountable owner.");
    }
    throw error;
  }
  if (count === 0) return conflict(tx, organisationId, row.id, row.version + 1);
  const updated = await findRow(tx, organisationId, row.id);
  await audit(tx, change, "responsibility.updated", row.id, snapshot(row), snapshot(updated));
  const [view] = await viewsOf(tx, organisationId, [updated], today(now));
  return view!;
}

/**
 * A member left the organisation: each of their assignments not yet ended is flagged for
 * reassignment (it counts as missing until someone takes over), one audit event each.
 * Runs in the transaction that removes the membership.
 */
export async function flagResponsibilitiesOfLeavingMember(
  tx: Transaction,
  change: ChangeContext & { organisationId: string },
  userId: string,
  now: Date = new Date(),
): Promise<number> {
  const { organisationId } = change;
  const rows = await tx.responsibility.findMany({
    where: { organisationId, userId, needsReassignmentSince: null, OR: [{ validTo: null }, { validTo: { gte: toDate(today(now)) } }] },
  });
  for (const row of rows) {
    const flagged = await tx.responsibility.update({
      where: { organisationId_id: { organisationId, id: row.id } },
      data: { needsReassignmentSince: now, version: { increment: 1 } },
    });
    await audit(tx, change, "responsibility.flaggedForReassignment", row.id, snapshot(row), snapshot(flagged));
  }
  return rows.length;
}

/**
 * The register's rule "IN_USE requires an accountable owner": moving a use case into
 * IN_USE needs an accountable owner in force today. Creation and import are not blocked
 * (an existing system in use is registered as it is) and show as a gap instead. Locks the
 * use case, so that ending the owner at the same time cannot slip past the check.
 */
export async function lifecycleResponsibilityProblems(
  tx: Transaction,
  organisationId: string,
  useCaseId: string,
  from: LifecycleStage,
  to: LifecycleStage,
  now: Date = new Date(),
): Promise<FieldProblem[]> {
  if (to !== "IN_USE" || from === "IN_USE") return [];
  await lockUseCase(tx, organisationId, useCaseId);
  const owners = await tx.responsibility.findMany({
    where: { organisationId, useCaseId, role: "ACCOUNTABLE_OWNER" },
    select: { validFrom: true, validTo: true, needsReassignmentSince: true },
  });
  const day = today(now);
  if (owners.some((owner) => isInForce({ ...period(owner), needsReassignmentSince: owner.needsReassignmentSince }, day))) return [];
  return [
    {
      field: "lifecycleStage",
      code: "responsibility.inUseNeedsAccountableOwner",
      message: "Assign an accountable owner (under Responsibilities) before the use case is put in use.",
    },
  ];
}

// --- Value chain ------------------------------------------------------------------------

export interface ValueChainPartyView {
  role: AiActRole;
  holderKind: ValueChainHolderKind;
  supplier: { id: string; name: string } | null;
  holderName: string | null;
  note: string | null;
  version: number;
}

export interface ValueChainView {
  /** The organisation's own AI Act roles for the use case (UseCase.aiActRoles). */
  ownRoles: AiActRole[];
  /** Who holds the other roles, where known. */
  parties: ValueChainPartyView[];
}

async function partyViews(tx: Transaction, rows: ValueChainParty[]): Promise<ValueChainPartyView[]> {
  const supplierIds = [...new Set(rows.map((row) => row.supplierId).filter((id): id is string => id !== null))];
  const suppliers =
    supplierIds.length === 0 ? [] : await tx.supplier.findMany({ where: { id: { in: supplierIds } }, select: { id: true, name: true } });
  const byId = new Map(suppliers.map((supplier) => [supplier.id, supplier]));
  return rows.map((row) => ({
    role: row.role,
    holderKind: row.holderKind,
    supplier: row.supplierId ? (byId.get(row.supplierId) ?? { id: row.supplierId, name: "?" }) : null,
    holderName: row.holderName,
    note: row.note,
    version: row.version,
  }));
}

export async function valueChainOf(tx: Transaction, organisationId: string, useCaseId: string): Promise<ValueChainView> {
  const useCase = await loadUseCase(tx, organisationId, useCaseId);
  const rows = await tx.valueChainParty.findMany({ where: { organisationId, useCaseId }, orderBy: { role: "asc" } });
  return { ownRoles: useCase.aiActRoles, parties: await partyViews(tx, rows) };
}

function describeParty(party: ValueChainPartyView): string {
  if (party.holderKind === "SUPPLIER") return `SUPPLIER: ${party.supplier?.name ?? "?"}`;
  if (party.holderKind === "OTHER_ORGANISATION") return `OTHER_ORGANISATION: ${party.holderName ?? ""}`;
  return "OWN_ORGANISATION";
}

function chainSnapshot(parties: ValueChainPartyView[]): Record<string, unknown> {
  return Object.fromEntries(parties.map((party) => [`valueChain.${party.role}`, describeParty(party)]));
}

/**
 * Sets who holds the listed roles (the roles not listed stay as they are). Each entry
 * names the version it read (null: there was none), so a stale form gets a CONFLICT.
 * The organisation's own roles are edited on the use case (aiActRoles), not here.
 */
export async function setValueChain(
  tx: Transaction,
  change: OrganisationChange,
  input: Omit<SetValueChainInput, "organisationSlug">,
): Promise<ValueChainView> {
  const { organisationId } = change;
  await lockUseCase(tx, organisationId, input.useCaseId);
  const useCase = await loadUseCase(tx, organisationId, input.useCaseId);
  if (useCase.archivedAt) throw problem("useCaseId", "responsibility.useCaseArchived", "The use case is archived. Restore it first.");
  const existing = await tx.valueChainParty.findMany({ where: { organisationId, useCaseId: input.useCaseId } });
  const byRole = new Map(existing.map((row) => [row.role, row]));

  const problems: FieldProblem[] = [];
  input.parties.forEach((party, index) => {
    const at = (field: string) => `parties.${index}.${field}`;
    if (party.holderKind === null) return;
    if (useCase.aiActRoles.includes(party.role)) {
      problems.push({ field: at("holderKind"), code: "responsibility.roleIsOwn", message: "The organisation holds this role itself (see the use case's AI Act roles)." });
    }
    if (party.holderKind === "SUPPLIER" && !party.supplierId) {
      problems.push({ field: at("supplierId"), code: "responsibility.supplierRequired", message: "Choose the supplier from the catalogue." });
    }
    if (party.holderKind === "OTHER_ORGANISATION" && !party.holderName) {
      problems.push({ field: at("holderName"), code: "responsibility.holderNameRequired", message: "Give the name of the organisation." });
    }
  });
  const supplierIds = [...new Set(input.parties.filter((party) => party.holderKind === "SUPPLIER" && party.supplierId).map((party) => party.supplierId!))];
  if (supplierIds.length > 0) {
    const known = new Set((await tx.supplier.findMany({ where: { id: { in: supplierIds } }, select: { id: true } })).map((supplier) => supplier.id));
    input.parties.forEach((party, index) => {
      if (party.holderKind === "SUPPLIER" && party.supplierId && !known.has(party.supplierId)) {
        problems.push({ field: `parties.${index}.supplierId`, code: "responsibility.supplierUnknown", message: "This supplier is not in the catalogue." });
      }
    });
  }
  if (problems.length > 0) throw new RuleViolationError(problems);

  for (const party of input.parties) {
    const row = byRole.get(party.role);
    if ((row?.version ?? null) !== party.version) {
      const last = await lastChange(tx, organisationId, "UseCase", input.useCaseId);
      throw new ConflictError("The value chain", { currentVersion: row?.version ?? 0, changedBy: last?.changedBy ?? null, changedAt: last?.changedAt ?? null });
    }
  }

  const before = chainSnapshot(await partyViews(tx, existing));
  for (const party of input.parties) {
    const row = byRole.get(party.role);
    if (party.holderKind === null) {
      if (row) await tx.valueChainParty.delete({ where: { organisationId_id: { organisationId, id: row.id } } });
      continue;
    }
    const data = {
      holderKind: party.holderKind,
      supplierId: party.holderKind === "SUPPLIER" ? party.supplierId : null,
      holderName: party.holderKind === "OTHER_ORGANISATION" ? party.holderName : null,
      note: party.note,
    };
    if (row) {
      await tx.valueChainParty.update({ where: { organisationId_id: { organisationId, id: row.id } }, data: { ...data, version: { increment: 1 } } });
    } else {
      await tx.valueChainParty.create({ data: { ...data, organisationId, useCaseId: input.useCaseId, role: party.role } });
    }
  }
  const after = await valueChainOf(tx, organisationId, input.useCaseId);
  await recordAudit(tx, change, {
    organisationId,
    entityType: "UseCase",
    entityId: input.useCaseId,
    action: "valueChain.updated",
    before,
    after: chainSnapshot(after.parties),
  });
  return after;
}

// --- My responsibilities ----------------------------------------------------------------

export interface MyOrganisationResponsibilities {
  organisation: { slug: string; name: string };
  assignments: (ResponsibilityView & { useCase: { id: string; reference: string; title: string } })[];
  assessments: {
    id: string;
    templateKind: TemplateKind;
    status: AssessmentStatus;
    dueOn: string | null;
    useCase: { id: string; reference: string; title: string };
  }[];
}

const MINE_LIMIT = 200;

/**
 * Everything the user answers for, per organisation they belong to: their assignments not
 * yet ended, and the assessments they own (the versions in force or under way). Each
 * organisation is read with the transaction scoped to it in turn (row-level security),
 * never across tenants; organisations where they answer for nothing are left out. One
 * transaction: the embedded database serves one at a time, so a nested one would wait forever.
 */
export async function myResponsibilities(
  tx: Transaction,
  userId: string,
  organisations: { id: string; slug: string; name: string }[],
  now: Date = new Date(),
): Promise<MyOrganisationResponsibilities[]> {
  const day = today(now);
  const result: MyOrganisationResponsibilities[] = [];
  for (const organisation of organisations) {
    const mine = await (async () => {
      await enterOrganisation(tx, organisation.id);
      const rows = await tx.responsibility.findMany({
        where: {
          organisationId: organisation.id,
          userId,
          OR: [{ validTo: null }, { validTo: { gte: toDate(day) } }],
          useCase: { archivedAt: null },
        },
        include: { useCase: { select: { id: true, reference: true, title: true } } },
        orderBy: [{ validFrom: "asc" }],
        take: MINE_LIMIT,
      });
      const views = await viewsOf(tx, organisation.id, rows, day);
      const assessments = await tx.assessment.findMany({
        where: { organisationId: organisation.id, ownerId: userId, supersededAt: null, useCase: { archivedAt: null } },
        select: {
          id: true,
          templateKind: true,
          status: true,
          dueOn: true,
          useCase: { select: { id: true, reference: true, title: true } },
        },
        orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { id: "asc" }],
        take: MINE_LIMIT,
      });
      return {
        organisation: { slug: organisation.slug, name: organisation.name },
        assignments: views
          .map((view, index) => ({ ...view, useCase: rows[index]!.useCase }))
          .sort((a, b) => a.useCase.reference.localeCompare(b.useCase.reference) || (roleOrder.get(a.role) ?? 0) - (roleOrder.get(b.role) ?? 0)),
        assessments: assessments.map((assessment) => ({ ...assessment, dueOn: toDayOrNull(assessment.dueOn) })),
      };
    })();
    if (mine.assignments.length > 0 || mine.assessments.length > 0) result.push(mine);
  }
  return result;
}

/** The organisations the signed-in user belongs to (their own memberships are visible in every organisation). */
export async function myOrganisations(tx: Transaction, userId: string): Promise<{ id: string; slug: string; name: string }[]> {
  const memberships = await tx.membership.findMany({
    where: { userId },
    select: { organisation: { select: { id: true, slug: true, name: true } } },
    orderBy: { organisation: { name: "asc" } },
  });
  return memberships.map((membership) => membership.organisation);
}
