/**
 * Assessments: start one from a template, answer it (one row per question, each with its
 * own version), review it (comments, request changes, approve with four eyes), and start
 * the next version of an approved one. Every change writes its audit event in the same
 * transaction; every function runs in the organisation's scoped transaction (RLS).
 *
 * Workflow: DRAFT -> IN_REVIEW -> APPROVED, or IN_REVIEW -> CHANGES_REQUESTED -> IN_REVIEW.
 * An approved version is locked: a change starts the next version (the old one is kept and
 * marked superseded when its successor is approved).
 */
import { randomUUID } from "node:crypto";
import type { Transaction } from "../../db/client";
import { type Assessment, type AssessmentTemplate, Prisma } from "../../db/generated/client";
import type { AssessmentStatus, TemplateKind } from "../../db/generated/enums";
import type { OrganisationChange } from "../access/members";
import { lastChange, recordAudit } from "../audit/audit";
import { entityHistory } from "../audit/queries";
import { ConflictError, type FieldProblem, NotFoundError, RuleViolationError } from "../errors";
import type { AssessmentCode } from "../problem-codes";
import { containsUnstorableText, UNSTORABLE_TEXT_MESSAGE } from "../schema-parts";
import {
  type Answer,
  type AnswerValue,
  type Answers,
  answerProblems,
  answerValueProblem,
  normaliseAnswerValue,
  openRisks,
  progress,
} from "./answers";
import { mapImportedAnswers } from "./answers-json";
import { addMonths, today } from "./dates";
import { type TemplateNeed, templateNeeds } from "./requirements";
import type { AssessmentResult, ClassificationResult } from "./results";
import { evaluateAssessment, type RuleContext } from "./rules";
import type { AnswerFields, AssessmentPlanFields } from "./schemas";
import { type TemplateDefinition, templateDefinition } from "./template-definition";
import type { AnswerView, AssessmentVersionSummary, AssessmentView, CommentView, Person } from "./view";

const ENTITY = "Assessment";
const ENTITY_LABEL = "The assessment";

/**
 * Statuses in which answers may change. In review the answers are frozen, so that what a
 * reviewer approves is what was submitted; a change goes back through "request changes".
 */
const EDITABLE: readonly AssessmentStatus[] = ["DRAFT", "CHANGES_REQUESTED"];

// --- Small helpers ----------------------------------------------------------------------

function problem(field: string, code: AssessmentCode, message: string): RuleViolationError {
  return new RuleViolationError([{ field, code, message }]);
}

const toDate = (day: string | null) => (day === null ? null : new Date(`${day}T00:00:00.000Z`));
const toDay = (date: Date | null) => (date === null ? null : date.toISOString().slice(0, 10));

/**
 * Overdue is computed, never stored: a version not yet approved past its due date, or the
 * approved version in force past its next review date.
 */
export function isOverdue(
  assessment: { status: AssessmentStatus; dueOn: string | null; nextReviewOn: string | null; supersededAt: Date | null },
  day: string,
): boolean {
  if (assessment.status === "APPROVED") {
    return assessment.supersededAt === null && assessment.nextReviewOn !== null && assessment.nextReviewOn < day;
  }
  return assessment.dueOn !== null && assessment.dueOn < day;
}

export function parseDefinition(template: Pick<AssessmentTemplate, "definition">): TemplateDefinition {
  return templateDefinition.parse(template.definition);
}

async function conflict(tx: Transaction, organisationId: string, id: string, currentVersion: number): Promise<never> {
  const last = await lastChange(tx, organisationId, ENTITY, id);
  throw new ConflictError(ENTITY_LABEL, { currentVersion, changedBy: last?.changedBy ?? null, changedAt: last?.changedAt ?? null });
}

async function findRow(tx: Transaction, organisationId: string, id: string): Promise<Assessment> {
  const row = await tx.assessment.findUnique({ where: { organisationId_id: { organisationId, id } } });
  if (!row) throw new NotFoundError(ENTITY_LABEL);
  return row;
}

async function loadCurrent(tx: Transaction, organisationId: string, id: string, version: number): Promise<Assessment> {
  const row = await findRow(tx, organisationId, id);
  if (row.version !== version) return conflict(tx, organisationId, id, row.version);
  return row;
}

/** Writes only if nobody changed the assessment in between; returns the stored row. */
async function updateAtVersion(
  tx: Transaction,
  organisationId: string,
  row: Assessment,
  data: Prisma.AssessmentUpdateManyMutationInput,
): Promise<Assessment> {
  const { count } = await tx.assessment.updateMany({
    where: { organisationId, id: row.id, version: row.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) return conflict(tx, organisationId, row.id, row.version + 1);
  return findRow(tx, organisationId, row.id);
}

async function templateOf(tx: Transaction, row: Pick<Assessment, "templateId">): Promise<AssessmentTemplate> {
  const template = await tx.assessmentTemplate.findUnique({ where: { id: row.templateId } });
  if (!template) throw new Error(`assessment template ${row.templateId} is missing`);
  return template;
}

export async function latestTemplate(tx: Transaction, kind: TemplateKind): Promise<AssessmentTemplate> {
  const template = await tx.assessmentTemplate.findFirst({ where: { kind }, orderBy: { version: "desc" } });
  if (!template) throw new Error(`no assessment template of kind ${kind} is loaded (run npm run db:migrate)`);
  return template;
}

async function answersOf(tx: Transaction, organisationId: string, assessmentId: string) {
  return tx.assessmentAnswer.findMany({ where: { organisationId, assessmentId } });
}

function toAnswers(rows: { questionKey: string; value: unknown; comment: string | null; reference: string | null }[]): Answers {
  return Object.fromEntries(
    rows.map((row) => [row.questionKey, { value: (row.value ?? null) as AnswerValue, comment: row.comment, reference: row.reference }]),
  );
}

async function ruleContext(tx: Transaction, organisationId: string, useCaseId: string): Promise<RuleContext> {
  const organisation = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true, contactEmail: true } });
  const useCase = await tx.useCase.findUniqueOrThrow({
    where: { organisationId_id: { organisationId, id: useCaseId } },
    select: { reference: true, title: true },
  });
  return { organisation, useCase };
}

async function assertMember(tx: Transaction, organisationId: string, userId: string | null, field: string): Promise<void> {
  if (userId === null) return;
  const member = await tx.membership.findUnique({ where: { organisationId_userId: { organisationId, userId } }, select: { userId: true } });
  if (!member) throw problem(field, "assessment.ownerNotMember", "The owner must be a member of the organisation.");
}

function planSnapshot(row: Assessment): Record<string, unknown> {
  return { phase: row.phase, ownerId: row.ownerId, dueOn: toDay(row.dueOn), nextReviewOn: toDay(row.nextReviewOn) };
}

function audit(tx: Transaction, change: OrganisationChange, action: Parameters<typeof recordAudit>[2]["action"], id: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  return recordAudit(tx, change, { organisationId: change.organisationId, entityType: ENTITY, entityId: id, action, before, after });
}

// --- Reads ------------------------------------------------------------------------------

async function people(tx: Transaction, ids: (string | null)[]): Promise<Map<string, Person>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await tx.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true, email: true } });
  return new Map(users.map((user) => [user.id, user]));
}

export async function getAssessment(tx: Transaction, organisationId: string, id: string, now: Date = new Date()): Promise<AssessmentView> {
  const row = await findRow(tx, organisationId, id);
  // One query at a time: the queries share the transaction's connection.
  const template = await templateOf(tx, row);
  const answerRows = await answersOf(tx, organisationId, id);
  const commentRows = await tx.assessmentComment.findMany({
    where: { organisationId, assessmentId: id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const versionRows = await tx.assessment.findMany({
    where: { organisationId, seriesId: row.seriesId },
    orderBy: { seriesVersion: "desc" },
    select: { id: true, seriesVersion: true, status: true, templateVersion: true, approvedAt: true, supersededAt: true },
  });
  const organisation = await tx.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { id: true, slug: true, name: true, contactEmail: true },
  });
  const useCase = await tx.useCase.findUniqueOrThrow({
    where: { organisationId_id: { organisationId, id: row.useCaseId } },
    select: { id: true, reference: true, title: true, riskClass: true },
  });
  const history = await entityHistory(tx, organisationId, ENTITY, id);
  const definition = parseDefinition(template);
  const answers = toAnswers(answerRows);
  const who = await people(tx, [
    row.ownerId,
    row.submittedById,
    row.approvedById,
    row.lastAnsweredById,
    ...answerRows.map((answer) => answer.updatedById),
  ]);
  const person = (personId: string | null) => (personId === null ? null : (who.get(personId) ?? null));
  const answerViews: Record<string, AnswerView> = Object.fromEntries(
    answerRows.map((answer) => [
      answer.questionKey,
      {
        value: (answer.value ?? null) as AnswerValue,
        comment: answer.comment,
        reference: answer.reference,
        version: answer.version,
        updatedBy: person(answer.updatedById),
        updatedAt: answer.updatedAt,
      },
    ]),
  );
  const comments: CommentView[] = commentRows.map((comment) => ({
    id: comment.id,
    questionKey: comment.questionKey,
    body: comment.body,
    authorId: comment.authorId,
    authorName: comment.authorName,
    createdAt: comment.createdAt,
    resolvedAt: comment.resolvedAt,
    resolvedByName: comment.resolvedByName,
  }));
  const dueOn = toDay(row.dueOn);
  const nextReviewOn = toDay(row.nextReviewOn);
  const context: RuleContext = { organisation: { name: organisation.name, contactEmail: organisation.contactEmail }, useCase };
  return {
    id: row.id,
    organisation: { id: organisation.id, slug: organisation.slug, name: organisation.name },
    useCase,
    template: { id: template.id, kind: template.kind, version: template.version, reviewIntervalMonths: template.reviewIntervalMonths, definition },
    seriesId: row.seriesId,
    seriesVersion: row.seriesVersion,
    status: row.status,
    phase: row.phase,
    owner: person(row.ownerId),
    dueOn,
    nextReviewOn,
    submittedAt: row.submittedAt,
    submittedBy: person(row.submittedById),
    approvedAt: row.approvedAt,
    approvedBy: person(row.approvedById),
    supersededAt: row.supersededAt,
    lastAnsweredBy: person(row.lastAnsweredById),
    lastAnsweredAt: row.lastAnsweredAt,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    answers: answerViews,
    comments,
    progress: progress(definition, answers, row.phase),
    openRisks: definition.kind === "TRUST_MODEL" ? openRisks(definition, answers, row.phase) : [],
    problems: answerProblems(definition, answers, row.phase),
    result: evaluateAssessment(definition, answers, context),
    approvedResult: (row.approvedResult ?? null) as AssessmentResult | null,
    overdue: isOverdue({ status: row.status, dueOn, nextReviewOn, supersededAt: row.supersededAt }, today(now)),
    versions: versionRows satisfies AssessmentVersionSummary[],
    history,
  };
}

export interface AssessmentSummary {
  id: string;
  seriesId: string;
  seriesVersion: number;
  templateKind: TemplateKind;
  templateVersion: number;
  status: AssessmentStatus;
  phase: Assessment["phase"];
  owner: Person | null;
  dueOn: string | null;
  nextReviewOn: string | null;
  approvedAt: Date | null;
  supersededAt: Date | null;
  overdue: boolean;
  updatedAt: Date;
}

export interface UseCaseAssessments {
  needs: (TemplateNeed & {
    /** The newest version of the newest assessment of this template. */
    latest: AssessmentSummary | null;
    /** The approved version in force, if any. */
    approved: AssessmentSummary | null;
  })[];
  assessments: AssessmentSummary[];
}

/** The use case's assessments tab: which templates it needs and where each stands. */
export async function assessmentsOfUseCase(tx: Transaction, organisationId: string, useCaseId: string, now: Date = new Date()): Promise<UseCaseAssessments> {
  const useCase = await tx.useCase.findUnique({
    where: { organisationId_id: { organisationId, id: useCaseId } },
    select: { riskClass: true, annexIIIArea: true, personalData: true, techniques: true, friaRequired: true },
  });
  if (!useCase) throw new NotFoundError("The use case");
  const rows = await tx.assessment.findMany({
    where: { organisationId, useCaseId },
    orderBy: [{ createdAt: "desc" }, { seriesVersion: "desc" }],
  });
  const who = await people(tx, rows.map((row) => row.ownerId));
  const day = today(now);
  const assessments: AssessmentSummary[] = rows.map((row) => {
    const dueOn = toDay(row.dueOn);
    const nextReviewOn = toDay(row.nextReviewOn);
    return {
      id: row.id,
      seriesId: row.seriesId,
      seriesVersion: row.seriesVersion,
      templateKind: row.templateKind,
      templateVersion: row.templateVersion,
      status: row.status,
      phase: row.phase,
      owner: row.ownerId ? (who.get(row.ownerId) ?? null) : null,
      dueOn,
      nextReviewOn,
      approvedAt: row.approvedAt,
      supersededAt: row.supersededAt,
      overdue: isOverdue({ status: row.status, dueOn, nextReviewOn, supersededAt: row.supersededAt }, day),
      updatedAt: row.updatedAt,
    };
  });
  const approvedClassification = rows.find((row) => row.templateKind === "AI_ACT_CLASSIFICATION" && row.status === "APPROVED" && !row.supersededAt);
  const classification = approvedClassification?.approvedResult as ClassificationResult | null | undefined;
  const needs = templateNeeds({
    ...useCase,
    classificationSaysFriaRequired: classification?.complete ? classification.friaRequired : null,
  }).map((need) => ({
    ...need,
    latest: assessments.find((a) => a.templateKind === need.kind) ?? null,
    approved: assessments.find((a) => a.templateKind === need.kind && a.status === "APPROVED" && a.supersededAt === null) ?? null,
  }));
  return { needs, assessments };
}

// --- Starting and planning --------------------------------------------------------------

export async function startAssessment(
  tx: Transaction,
  change: OrganisationChange,
  input: { useCaseId: string; templateKind: TemplateKind; plan: AssessmentPlanFields },
): Promise<{ id: string }> {
  const useCase = await tx.useCase.findUnique({
    where: { organisationId_id: { organisationId: change.organisationId, id: input.useCaseId } },
    select: { archivedAt: true },
  });
  if (!useCase) throw new NotFoundError("The use case");
  if (useCase.archivedAt) throw problem("useCaseId", "assessment.useCaseArchived", "The use case is archived. Restore it before assessing it.");
  const { needs } = await assessmentsOfUseCase(tx, change.organisationId, input.useCaseId);
  const need = needs.find((n) => n.kind === input.templateKind);
  if (!need || need.requirement === "NOT_OFFERED") {
    throw problem("templateKind", "assessment.templateNotOffered", "This template does not apply to the use case (see its assessments tab for why).");
  }
  if (need.latest) {
    throw problem(
      "templateKind",
      "assessment.openVersionExists",
      "The use case already has an assessment with this template: continue it, or start its next version.",
    );
  }
  await assertMember(tx, change.organisationId, input.plan.ownerId, "plan.ownerId");
  const template = await latestTemplate(tx, input.templateKind);
  const row = await tx.assessment.create({
    data: {
      organisationId: change.organisationId,
      useCaseId: input.useCaseId,
      templateId: template.id,
      templateKind: template.kind,
      templateVersion: template.version,
      seriesId: randomUUID(),
      phase: input.plan.phase,
      ownerId: input.plan.ownerId,
      dueOn: toDate(input.plan.dueOn),
      createdById: change.actor.id,
    },
  });
  await audit(tx, change, "assessment.created", row.id, null, {
    useCaseId: row.useCaseId,
    templateKind: row.templateKind,
    templateVersion: row.templateVersion,
    seriesVersion: row.seriesVersion,
    ...planSnapshot(row),
  });
  return { id: row.id };
}

export async function updateAssessmentPlan(
  tx: Transaction,
  change: OrganisationChange,
  input: { id: string; version: number; plan: AssessmentPlanFields & { nextReviewOn: string | null } },
): Promise<{ version: number }> {
  const row = await loadCurrent(tx, change.organisationId, input.id, input.version);
  if (row.supersededAt) throw problem("status", "assessment.locked", "A superseded version is kept as it was.");
  await assertMember(tx, change.organisationId, input.plan.ownerId, "plan.ownerId");
  if (input.plan.nextReviewOn && row.approvedAt && input.plan.nextReviewOn < toDay(row.approvedAt)!) {
    throw problem("plan.nextReviewOn", "assessment.nextReviewBeforeApproval", "The next review cannot be before the approval.");
  }
  const updated = await updateAtVersion(tx, change.organisationId, row, {
    phase: input.plan.phase,
    ownerId: input.plan.ownerId,
    dueOn: toDate(input.plan.dueOn),
    nextReviewOn: toDate(input.plan.nextReviewOn),
  });
  await audit(tx, change, "assessment.updated", row.id, planSnapshot(row), planSnapshot(updated));
  return { version: updated.version };
}

// --- Answers ----------------------------------------------------------------------------

function assertEditable(row: Assessment): void {
  if (row.status === "IN_REVIEW") {
    throw problem("status", "assessment.inReview", "The assessment is in review: its answers change only after a reviewer requests changes.");
  }
  if (!EDITABLE.includes(row.status)) {
    throw problem("status", "assessment.locked", "An approved assessment is locked. Start a new version to change it.");
  }
}

function answerSnapshot(answer: Answer | null): Record<string, unknown> | null {
  return answer ? { value: answer.value, comment: answer.comment, reference: answer.reference } : null;
}

/**
 * Saves one answer. Answers are rows of their own, so two people answering different
 * questions at the same time both keep their answers; the same question answered from two
 * stale pages is refused for the second (its `answerVersion` no longer matches).
 */
export async function saveAnswer(
  tx: Transaction,
  change: OrganisationChange,
  input: { id: string; questionKey: string; answerVersion: number | null; answer: AnswerFields },
): Promise<{ answerVersion: number; assessmentVersion: number }> {
  const row = await findRow(tx, change.organisationId, input.id);
  assertEditable(row);
  const definition = parseDefinition(await templateOf(tx, row));
  const question = definition.questions.find((q) => q.key === input.questionKey);
  const field = `answers.${input.questionKey}`;
  if (!question) throw problem(field, "assessment.unknownQuestion", "The template has no such question.");
  const value = normaliseAnswerValue(input.answer.value);
  const invalid = answerValueProblem(question, value);
  if (invalid) throw problem(`${field}.value`, "assessment.answerInvalid", `The answer ${invalid}.`);

  const where = { organisationId_assessmentId_questionKey: { organisationId: change.organisationId, assessmentId: row.id, questionKey: question.key } };
  const existing = await tx.assessmentAnswer.findUnique({ where });
  const before: Answer | null = existing ? { value: (existing.value ?? null) as AnswerValue, comment: existing.comment, reference: existing.reference } : null;
  const after: Answer = { value, comment: input.answer.comment, reference: input.answer.reference };

  let answerVersion: number;
  if (existing === null) {
    if (input.answerVersion !== null) return conflict(tx, change.organisationId, row.id, row.version);
    const created = await tx.$queryRaw<{ version: number }[]>`
      INSERT INTO "AssessmentAnswer" ("organisationId", "assessmentId", "questionKey", "value", "comment", "reference", "updatedById")
      VALUES (${change.organisationId}::uuid, ${row.id}::uuid, ${question.key}, ${value === null ? null : JSON.stringify(value)}::jsonb,
              ${after.comment}, ${after.reference}, ${change.actor.id}::uuid)
      ON CONFLICT DO NOTHING
      RETURNING "version"`;
    // Someone else answered the question first: theirs stays, this person reloads.
    if (created.length === 0) return conflict(tx, change.organisationId, row.id, row.version);
    answerVersion = 1;
  } else {
    if (input.answerVersion !== existing.version) return conflict(tx, change.organisationId, row.id, row.version);
    const { count } = await tx.assessmentAnswer.updateMany({
      where: { organisationId: change.organisationId, assessmentId: row.id, questionKey: question.key, version: existing.version },
      data: {
        value: value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue),
        comment: after.comment,
        reference: after.reference,
        updatedById: change.actor.id,
        version: { increment: 1 },
      },
    });
    if (count === 0) return conflict(tx, change.organisationId, row.id, row.version);
    answerVersion = existing.version + 1;
  }
  // The assessment records who last answered (four eyes). Its version stays: answers are
  // versioned one by one, and they are frozen while a reviewer looks at them, so an answer
  // saved in a draft never conflicts with the submit of the same draft.
  const updated = await tx.assessment.update({
    where: { organisationId_id: { organisationId: change.organisationId, id: row.id } },
    data: { lastAnsweredById: change.actor.id, lastAnsweredAt: new Date() },
    select: { version: true },
  });
  await audit(tx, change, "assessment.answered", row.id, { [`answers.${question.key}`]: answerSnapshot(before) }, { [`answers.${question.key}`]: answerSnapshot(after) });
  return { answerVersion, assessmentVersion: updated.version };
}

/** Imports answers from a JSON file (ours, or the trust model's own export); reports what could not be mapped. */
export async function importAnswers(
  tx: Transaction,
  change: OrganisationChange,
  input: { id: string; version: number; content: string },
): Promise<{ imported: number; unmatched: ReturnType<typeof mapImportedAnswers>["unmatched"]; version: number }> {
  const row = await loadCurrent(tx, change.organisationId, input.id, input.version);
  assertEditable(row);
  const definition = parseDefinition(await templateOf(tx, row));
  let parsed: unknown;
  try {
    parsed = JSON.parse(input.content.replace(/^\uFEFF/, ""));
  } catch {
    throw problem("content", "assessment.importUnusable", "The file is not JSON.");
  }
  if (containsUnstorableText(parsed)) {
    throw problem("content", "assessment.importUnusable", `The file ${UNSTORABLE_TEXT_MESSAGE}.`);
  }
  let mapped: ReturnType<typeof mapImportedAnswers>;
  try {
    mapped = mapImportedAnswers(definition, parsed);
  } catch {
    throw problem("content", "assessment.importUnusable", "The file holds no answers this app can read.");
  }
  const existing = toAnswers(await answersOf(tx, change.organisationId, row.id));
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  let imported = 0;
  for (const answer of mapped.answers) {
    const value = normaliseAnswerValue(answer.value);
    const question = definition.questions.find((q) => q.key === answer.questionKey);
    if (!question || answerValueProblem(question, value)) continue;
    const json = value === null ? null : JSON.stringify(value);
    await tx.$executeRaw`
      INSERT INTO "AssessmentAnswer" ("organisationId", "assessmentId", "questionKey", "value", "comment", "reference", "updatedById")
      VALUES (${change.organisationId}::uuid, ${row.id}::uuid, ${answer.questionKey}, ${json}::jsonb, ${answer.comment}, ${answer.reference}, ${change.actor.id}::uuid)
      ON CONFLICT ("organisationId", "assessmentId", "questionKey") DO UPDATE
        SET "value" = EXCLUDED."value", "comment" = EXCLUDED."comment", "reference" = EXCLUDED."reference",
            "updatedById" = EXCLUDED."updatedById", "updatedAt" = now(), "version" = "AssessmentAnswer"."version" + 1`;
    before[`answers.${answer.questionKey}`] = answerSnapshot(existing[answer.questionKey] ?? null);
    after[`answers.${answer.questionKey}`] = answerSnapshot({ value, comment: answer.comment, reference: answer.reference });
    imported += 1;
  }
  const updated = await updateAtVersion(tx, change.organisationId, row, { lastAnsweredById: change.actor.id, lastAnsweredAt: new Date() });
  await audit(tx, change, "assessment.answersImported", row.id, before, after);
  return { imported, unmatched: mapped.unmatched, version: updated.version };
}

// --- Workflow ---------------------------------------------------------------------------

function transitionError(from: AssessmentStatus, action: string): RuleViolationError {
  return problem("status", "assessment.invalidTransition", `An assessment that is ${from} cannot be ${action}.`);
}

export async function submitAssessment(tx: Transaction, change: OrganisationChange, input: { id: string; version: number }): Promise<{ version: number }> {
  const row = await loadCurrent(tx, change.organisationId, input.id, input.version);
  if (row.status !== "DRAFT" && row.status !== "CHANGES_REQUESTED") throw transitionError(row.status, "submitted for review");
  const definition = parseDefinition(await templateOf(tx, row));
  const problems = answerProblems(definition, toAnswers(await answersOf(tx, change.organisationId, row.id)), row.phase);
  if (problems.length > 0) {
    throw new RuleViolationError(
      problems.map((p): FieldProblem => ({ field: `answers.${p.questionKey}`, code: p.code, message: answerProblemMessage[p.code] })),
    );
  }
  const updated = await updateAtVersion(tx, change.organisationId, row, { status: "IN_REVIEW", submittedAt: new Date(), submittedById: change.actor.id });
  await audit(tx, change, "assessment.submitted", row.id, { status: row.status }, { status: updated.status });
  return { version: updated.version };
}

const answerProblemMessage = {
  "assessment.answerRequired": "This question must be answered.",
  "assessment.commentRequired": "This answer needs a comment explaining it.",
  "assessment.referenceRequired": "Give the registry number (diarienummer) or reference of the analysis.",
} as const;

export async function requestChanges(
  tx: Transaction,
  change: OrganisationChange,
  input: { id: string; version: number; message: string },
): Promise<{ version: number }> {
  const row = await loadCurrent(tx, change.organisationId, input.id, input.version);
  if (row.status !== "IN_REVIEW") throw transitionError(row.status, "sent back for changes");
  const updated = await updateAtVersion(tx, change.organisationId, row, { status: "CHANGES_REQUESTED" });
  await tx.assessmentComment.create({
    data: { organisationId: change.organisationId, assessmentId: row.id, questionKey: null, body: input.message, authorId: change.actor.id, authorName: change.actor.name },
  });
  await audit(tx, change, "assessment.changesRequested", row.id, { status: row.status }, { status: updated.status, message: input.message });
  return { version: updated.version };
}

/**
 * Approves a version in review. Four eyes: never by the person who last changed an answer
 * or who submitted it; every comment must be resolved. The rules' result is stored as
 * approved, the previous approved version is superseded, and an approved classification
 * sets the use case's risk class (a DPIA screening its "DPIA required", and "DPIA done" when it
 * names the DPIA's registry number; a FRIA its "FRIA done").
 */
export async function approveAssessment(
  tx: Transaction,
  change: OrganisationChange,
  input: { id: string; version: number; nextReviewOn: string | null },
  now: Date = new Date(),
): Promise<{ version: number }> {
  const row = await loadCurrent(tx, change.organisationId, input.id, input.version);
  if (row.status !== "IN_REVIEW") throw transitionError(row.status, "approved");
  if (row.lastAnsweredById === change.actor.id || row.submittedById === change.actor.id) {
    throw problem("status", "assessment.fourEyes", "You answered or submitted this assessment: another reviewer must approve it.");
  }
  const open = await tx.assessmentComment.count({ where: { organisationId: change.organisationId, assessmentId: row.id, resolvedAt: null } });
  if (open > 0) throw problem("comments", "assessment.unresolvedComments", `${open} comment(s) are not resolved yet.`);
  const template = await templateOf(tx, row);
  const definition = parseDefinition(template);
  const answers = toAnswers(await answersOf(tx, change.organisationId, row.id));
  if (answerProblems(definition, answers, row.phase).length > 0) throw problem("answers", "assessment.notComplete", "Required answers are missing.");
  const result = evaluateAssessment(definition, answers, await ruleContext(tx, change.organisationId, row.useCaseId));
  const approvedOn = today(now);
  const nextReviewOn = input.nextReviewOn ?? addMonths(approvedOn, template.reviewIntervalMonths);
  if (nextReviewOn < approvedOn) throw problem("nextReviewOn", "assessment.nextReviewBeforeApproval", "The next review cannot be before the approval.");

  const updated = await updateAtVersion(tx, change.organisationId, row, {
    status: "APPROVED",
    approvedAt: now,
    approvedById: change.actor.id,
    approvedResult: result as unknown as Prisma.InputJsonValue,
    nextReviewOn: toDate(nextReviewOn),
  });
  await audit(tx, change, "assessment.approved", row.id, { status: row.status }, { status: updated.status, nextReviewOn });

  const previous = await tx.assessment.findMany({
    where: { organisationId: change.organisationId, seriesId: row.seriesId, status: "APPROVED", supersededAt: null, id: { not: row.id } },
  });
  for (const old of previous) {
    await tx.assessment.update({ where: { organisationId_id: { organisationId: change.organisationId, id: old.id } }, data: { supersededAt: now, version: { increment: 1 } } });
    await audit(tx, change, "assessment.superseded", old.id, { supersededAt: null }, { supersededAt: now, by: row.id });
  }
  await applyResultToUseCase(tx, change, row.useCaseId, result, answers);
  return { version: updated.version };
}

/** What an approved result sets on the use case, with the use case's own audit event. */
async function applyResultToUseCase(
  tx: Transaction,
  change: OrganisationChange,
  useCaseId: string,
  result: AssessmentResult,
  answers: Answers,
): Promise<void> {
  let data: Prisma.UseCaseUpdateManyMutationInput;
  if (result.kind === "AI_ACT_CLASSIFICATION" && result.complete) {
    data = {
      riskClass: result.riskClass,
      annexIIIArea: result.riskClass === "HIGH_RISK" ? result.annexIIIArea : null,
      annexI: result.riskClass === "HIGH_RISK" && result.annexI,
      riskClassJustification: result.justification,
      friaRequired: result.friaRequired,
      ...(result.roles.length > 0 ? { aiActRoles: result.roles } : {}),
    };
  } else if (result.kind === "DPIA_SCREENING" && result.complete) {
    // The screening references the DPIA itself by its registry number once it is done.
    const dpiaReference = answers.dpia_registry_number?.value;
    data = { dpiaRequired: result.dpiaRequired, ...(typeof dpiaReference === "string" && dpiaReference.trim() ? { dpiaDone: true } : {}) };
  } else if (result.kind === "FRIA") {
    data = { friaDone: true };
  } else {
    return;
  }
  const where = { organisationId_id: { organisationId: change.organisationId, id: useCaseId } };
  const before = await tx.useCase.findUniqueOrThrow({ where });
  const after = await tx.useCase.update({ where, data: { ...data, updatedById: change.actor.id, version: { increment: 1 } } });
  const pick = (source: Record<string, unknown>) => Object.fromEntries(Object.keys(data).map((key) => [key, source[key]]));
  await recordAudit(tx, change, {
    organisationId: change.organisationId,
    entityType: "UseCase",
    entityId: useCaseId,
    action: "useCase.riskClassified",
    before: pick(before),
    after: pick(after),
  });
}

/** Starts the next version of an approved assessment: its answers are copied where the latest template still asks the question. */
export async function startNextVersion(tx: Transaction, change: OrganisationChange, input: { id: string; version: number }): Promise<{ id: string }> {
  const row = await loadCurrent(tx, change.organisationId, input.id, input.version);
  if (row.status !== "APPROVED" || row.supersededAt) throw transitionError(row.status, "given a new version (only the approved version in force can)");
  const newer = await tx.assessment.findFirst({
    where: { organisationId: change.organisationId, seriesId: row.seriesId, seriesVersion: { gt: row.seriesVersion } },
    select: { id: true },
  });
  if (newer) throw problem("status", "assessment.openVersionExists", "A newer version is already under way: continue it instead.");
  const template = await latestTemplate(tx, row.templateKind);
  const definition = parseDefinition(template);
  const next = await tx.assessment.create({
    data: {
      organisationId: change.organisationId,
      useCaseId: row.useCaseId,
      templateId: template.id,
      templateKind: template.kind,
      templateVersion: template.version,
      seriesId: row.seriesId,
      seriesVersion: row.seriesVersion + 1,
      phase: row.phase,
      ownerId: row.ownerId,
      // Shown to others only once approved (the version in force is shown until then).
      sharedWithOtherOrganisations: row.sharedWithOtherOrganisations,
      createdById: change.actor.id,
      lastAnsweredById: change.actor.id,
      lastAnsweredAt: new Date(),
    },
  });
  const keys = new Set(definition.questions.map((q) => q.key));
  const answers = (await answersOf(tx, change.organisationId, row.id)).filter((answer) => keys.has(answer.questionKey));
  if (answers.length > 0) {
    await tx.assessmentAnswer.createMany({
      data: answers.map((answer) => ({
        organisationId: change.organisationId,
        assessmentId: next.id,
        questionKey: answer.questionKey,
        value: (answer.value ?? undefined) as Prisma.InputJsonValue | undefined,
        comment: answer.comment,
        reference: answer.reference,
        updatedById: change.actor.id,
      })),
    });
  }
  await audit(tx, change, "assessment.created", next.id, null, {
    useCaseId: next.useCaseId,
    templateKind: next.templateKind,
    templateVersion: next.templateVersion,
    seriesVersion: next.seriesVersion,
    previousVersionId: row.id,
    copiedAnswers: answers.length,
    ...planSnapshot(next),
  });
  return { id: next.id };
}

/** Deletes a first draft that nobody has reviewed (a wrong start); anything further is kept. */
export async function deleteAssessment(tx: Transaction, change: OrganisationChange, input: { id: string; version: number }): Promise<void> {
  const row = await loadCurrent(tx, change.organisationId, input.id, input.version);
  if (row.status !== "DRAFT" || row.submittedAt !== null) {
    throw problem("status", "assessment.onlyFirstDraftDeletable", "Only a draft that was never submitted can be deleted.");
  }
  const { count } = await tx.assessment.deleteMany({ where: { organisationId: change.organisationId, id: row.id, version: row.version } });
  if (count === 0) return conflict(tx, change.organisationId, row.id, row.version + 1);
  await audit(tx, change, "assessment.deleted", row.id, { templateKind: row.templateKind, seriesVersion: row.seriesVersion, useCaseId: row.useCaseId }, null);
}

// --- Comments ---------------------------------------------------------------------------

export async function addComment(
  tx: Transaction,
  change: OrganisationChange,
  input: { id: string; questionKey: string | null; body: string },
): Promise<{ id: string }> {
  const row = await findRow(tx, change.organisationId, input.id);
  if (row.status === "APPROVED") throw problem("status", "assessment.locked", "An approved assessment is locked.");
  if (input.questionKey !== null) {
    const definition = parseDefinition(await templateOf(tx, row));
    if (!definition.questions.some((q) => q.key === input.questionKey)) throw problem("questionKey", "assessment.unknownQuestion", "The template has no such question.");
  }
  const comment = await tx.assessmentComment.create({
    data: { organisationId: change.organisationId, assessmentId: row.id, questionKey: input.questionKey, body: input.body, authorId: change.actor.id, authorName: change.actor.name },
  });
  await audit(tx, change, "assessmentComment.created", row.id, null, { commentId: comment.id, questionKey: input.questionKey, body: input.body });
  return { id: comment.id };
}

export async function resolveComment(tx: Transaction, change: OrganisationChange, input: { id: string; commentId: string }): Promise<void> {
  const comment = await tx.assessmentComment.findUnique({ where: { organisationId_id: { organisationId: change.organisationId, id: input.commentId } } });
  if (!comment || comment.assessmentId !== input.id) throw new NotFoundError("The comment");
  const { count } = await tx.assessmentComment.updateMany({
    where: { organisationId: change.organisationId, id: comment.id, resolvedAt: null },
    data: { resolvedAt: new Date(), resolvedById: change.actor.id, resolvedByName: change.actor.name },
  });
  if (count === 0) throw problem("commentId", "assessment.commentResolved", "The comment is already resolved.");
  await audit(tx, change, "assessmentComment.resolved", input.id, { commentId: comment.id, resolvedAt: null }, { commentId: comment.id, resolvedAt: new Date() });
}
