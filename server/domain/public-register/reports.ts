/**
 * Reports of errors and questions from the public about a published use case: the public
 * form's checks (a signed, time-limited form token, a honeypot field, rate limits in
 * PostgreSQL), and the owning organisation's inbox (assign, answer, close, reopen), with
 * one pure allowedReportActions for the service and the page. A report is a row of the
 * owning organisation only (RLS): nobody else ever reads it; the public sees counts.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { text } from "../schema-parts";
import type { Transaction } from "../../db/client";
import type { PublicReport } from "../../db/generated/client";
import type { OrganisationRole, PublicReportKind, PublicReportStatus } from "../../db/generated/enums";
import { enterOrganisation } from "../../db/scope";
import type { OrganisationChange } from "../access/members";
import { roleHasPermission } from "../access/permissions";
import { lastChange, recordAudit } from "../audit/audit";
import { ConflictError, NotFoundError, RuleViolationError } from "../errors";
import type { PublicationCode } from "./problem-codes";
import { hitRateLimit } from "./rate-limit";
import { publishedUseCaseOwner } from "./read";

const ENTITY = "PublicReport";

/** A form older than this is refused (reload the page); one sent sooner than MIN is a robot. */
export const REPORT_TOKEN_MAX_AGE_MS = 2 * 60 * 60 * 1000;
export const REPORT_TOKEN_MIN_AGE_MS = 3_000;
export const REPORT_LIMITS = {
  perClient: { limit: 5, windowSeconds: 10 * 60 },
  perUseCase: { limit: 30, windowSeconds: 60 * 60 },
} as const;

function problem(field: string, code: PublicationCode, message: string): RuleViolationError {
  return new RuleViolationError([{ field, code, message }]);
}

// --- The form token -----------------------------------------------------------------------

function signature(secret: string, useCaseId: string, issuedAt: number): string {
  return createHmac("sha256", secret).update(`public-report:${useCaseId}:${issuedAt}`).digest("base64url");
}

/** The token the form carries: when it was issued, signed for this use case. */
export function issueReportToken(secret: string, useCaseId: string, now: Date = new Date()): string {
  const issuedAt = now.getTime();
  return `${issuedAt}.${signature(secret, useCaseId, issuedAt)}`;
}

export type TokenCheck = "ok" | "invalid" | "tooFast" | "expired";

export function checkReportToken(secret: string, token: string, useCaseId: string, now: Date = new Date()): TokenCheck {
  const [issued, signed] = token.split(".");
  const issuedAt = Number(issued);
  if (!issued || !signed || !Number.isSafeInteger(issuedAt)) return "invalid";
  const expected = Buffer.from(signature(secret, useCaseId, issuedAt));
  const given = Buffer.from(signed);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "invalid";
  const age = now.getTime() - issuedAt;
  if (age < REPORT_TOKEN_MIN_AGE_MS) return "tooFast";
  if (age > REPORT_TOKEN_MAX_AGE_MS) return "expired";
  return "ok";
}

// --- The public form ------------------------------------------------------------------------

/** The form's fields: one schema for the page and the service. `website` is the honeypot. */
export const publicReportForm = z.object({
  useCaseId: z.uuid(),
  kind: z.enum(["ERROR", "QUESTION"]),
  message: text().trim().min(10, "must be at least 10 characters").max(4_000, "must be at most 4000 characters"),
  senderName: text().trim().max(200).optional().transform((value) => value || null),
  senderEmail: z
    .union([z.literal(""), z.email("must be an email address").max(254)])
    .optional()
    .transform((value) => (value ? value.toLowerCase() : null)),
  token: text().min(1).max(200),
  website: text().max(500).optional().transform((value) => value ?? ""),
});
export type PublicReportForm = z.output<typeof publicReportForm>;

export interface ReportSubmission {
  clientAddress: string;
  secret: string;
  now?: Date;
}

/**
 * Accepts a report into the owning organisation's inbox. Runs in a transaction with no
 * organisation set: the published use case is found through the public views, then the
 * transaction enters its organisation to write the report (RLS admits only that).
 */
export async function submitPublicReport(
  tx: Transaction,
  form: PublicReportForm,
  submission: ReportSubmission,
): Promise<{ organisationName: string | null }> {
  const now = submission.now ?? new Date();
  if (form.website !== "") throw problem("website", "publication.reportRejected", "The message could not be accepted.");
  const token = checkReportToken(submission.secret, form.token, form.useCaseId, now);
  if (token === "tooFast") throw problem("token", "publication.reportTooFast", "The form was sent too quickly.");
  if (token !== "ok") throw problem("token", "publication.reportExpired", "The form is too old or not valid. Reload the page.");
  const owner = await publishedUseCaseOwner(tx, form.useCaseId);
  if (!owner) throw new NotFoundError("The published use case");
  for (const [key, rule] of [
    [`report:client:${submission.clientAddress}`, REPORT_LIMITS.perClient],
    [`report:use-case:${form.useCaseId}`, REPORT_LIMITS.perUseCase],
  ] as const) {
    const result = await hitRateLimit(tx, key, rule, now);
    if (!result.allowed) throw problem("message", "publication.tooManyReports", "Too many messages in a short time. Try again later.");
  }
  const [organisation] = await tx.$queryRaw<{ name: string }[]>`
    SELECT "name" FROM public_organisation WHERE "id" = ${owner.organisationId}::uuid`;
  await enterOrganisation(tx, owner.organisationId);
  const report = await tx.publicReport.create({
    data: {
      organisationId: owner.organisationId,
      useCaseId: form.useCaseId,
      snapshotVersion: owner.version,
      kind: form.kind,
      message: form.message,
      senderName: form.senderName,
      senderEmail: form.senderEmail,
      createdAt: now,
    },
  });
  // The public is no signed-in actor: the event names the channel, not the person.
  await tx.auditEvent.create({
    data: {
      organisationId: owner.organisationId,
      actorId: null,
      actorLabel: "Allmänheten (öppna AI-registret)",
      entityType: ENTITY,
      entityId: report.id,
      action: "publicReport.received",
      changes: { kind: { before: null, after: form.kind }, useCaseId: { before: null, after: form.useCaseId } },
    },
  });
  return { organisationName: organisation?.name ?? null };
}

// --- The inbox ---------------------------------------------------------------------------

export const reportActions = ["answer", "assign", "close", "reopen"] as const;
export type ReportAction = (typeof reportActions)[number];

export function allowedReportActions(status: PublicReportStatus, actor: { role: OrganisationRole }): ReportAction[] {
  if (!roleHasPermission(actor.role, "publicReport.answer")) return [];
  switch (status) {
    case "OPEN":
      return ["answer", "assign", "close"];
    case "ANSWERED":
      return ["answer", "assign", "close"];
    case "CLOSED":
      return ["reopen"];
  }
}

export interface ReportView {
  id: string;
  useCaseId: string;
  useCaseTitle: string;
  snapshotVersion: number;
  kind: PublicReportKind;
  message: string;
  senderName: string | null;
  senderEmail: string | null;
  status: PublicReportStatus;
  assigneeId: string | null;
  assigneeName: string | null;
  answer: string | null;
  answeredAt: Date | null;
  answerEmailedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  version: number;
  /** Seconds from arrival to the first answer; null while unanswered. */
  responseSeconds: number | null;
  allowedActions: ReportAction[];
}

async function toViews(tx: Transaction, rows: PublicReport[], role: OrganisationRole): Promise<ReportView[]> {
  const useCaseIds = [...new Set(rows.map((row) => row.useCaseId))];
  const assigneeIds = [...new Set(rows.flatMap((row) => (row.assigneeId ? [row.assigneeId] : [])))];
  const [useCases, users] = await Promise.all([
    useCaseIds.length ? tx.useCase.findMany({ where: { id: { in: useCaseIds } }, select: { id: true, title: true } }) : [],
    assigneeIds.length ? tx.user.findMany({ where: { id: { in: assigneeIds } }, select: { id: true, name: true } }) : [],
  ]);
  const titles = new Map(useCases.map((useCase) => [useCase.id, useCase.title]));
  const names = new Map(users.map((user) => [user.id, user.name]));
  return rows.map((row) => ({
    id: row.id,
    useCaseId: row.useCaseId,
    useCaseTitle: titles.get(row.useCaseId) ?? "",
    snapshotVersion: row.snapshotVersion,
    kind: row.kind,
    message: row.message,
    senderName: row.senderName,
    senderEmail: row.senderEmail,
    status: row.status,
    assigneeId: row.assigneeId,
    assigneeName: row.assigneeId ? (names.get(row.assigneeId) ?? null) : null,
    answer: row.answer,
    answeredAt: row.answeredAt,
    answerEmailedAt: row.answerEmailedAt,
    closedAt: row.closedAt,
    createdAt: row.createdAt,
    version: row.version,
    responseSeconds: row.answeredAt ? Math.round((row.answeredAt.getTime() - row.createdAt.getTime()) / 1000) : null,
    allowedActions: allowedReportActions(row.status, { role }),
  }));
}

export async function listReports(
  tx: Transaction,
  organisationId: string,
  role: OrganisationRole,
  filters: { status?: PublicReportStatus },
): Promise<ReportView[]> {
  const rows = await tx.publicReport.findMany({
    where: { organisationId, ...(filters.status ? { status: filters.status } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
  });
  return toViews(tx, rows, role);
}

export async function getReport(tx: Transaction, organisationId: string, role: OrganisationRole, id: string): Promise<ReportView> {
  const row = await tx.publicReport.findUnique({ where: { organisationId_id: { organisationId, id } } });
  if (!row) throw new NotFoundError("The report");
  const [view] = await toViews(tx, [row], role);
  return view as ReportView;
}

async function change(
  tx: Transaction,
  context: OrganisationChange,
  input: { id: string; version: number },
  action: ReportAction,
  data: Partial<Pick<PublicReport, "status" | "assigneeId" | "answer" | "answeredAt" | "answeredById" | "answerEmailedAt" | "closedAt">>,
  audit: "publicReport.assigned" | "publicReport.answered" | "publicReport.closed" | "publicReport.reopened",
): Promise<PublicReport> {
  const before = await tx.publicReport.findUnique({ where: { organisationId_id: { organisationId: context.organisationId, id: input.id } } });
  if (!before) throw new NotFoundError("The report");
  if (before.version !== input.version) {
    const last = await lastChange(tx, context.organisationId, ENTITY, input.id);
    throw new ConflictError("The report", { currentVersion: before.version, changedBy: last?.changedBy ?? null, changedAt: last?.changedAt ?? null });
  }
  if (!allowedReportActions(before.status, { role: context.actorRole }).includes(action)) {
    throw problem("status", before.status === "CLOSED" ? "publication.reportClosed" : "publication.invalidTransition", `Cannot ${action} a ${before.status} report.`);
  }
  const after = await tx.publicReport.update({
    where: { organisationId_id: { organisationId: context.organisationId, id: input.id } },
    data: { ...data, version: before.version + 1 },
  });
  const view = (row: PublicReport) => ({ status: row.status, assigneeId: row.assigneeId, answer: row.answer, answerEmailedAt: row.answerEmailedAt });
  await recordAudit(tx, context, { organisationId: context.organisationId, entityType: ENTITY, entityId: input.id, action: audit, before: view(before), after: view(after) });
  return after;
}

export async function assignReport(tx: Transaction, context: OrganisationChange, input: { id: string; version: number; assigneeId: string | null }) {
  if (input.assigneeId) {
    const member = await tx.membership.findUnique({
      where: { organisationId_userId: { organisationId: context.organisationId, userId: input.assigneeId } },
      select: { role: true },
    });
    if (!member || !roleHasPermission(member.role, "publicReport.answer")) {
      throw problem("assigneeId", "publication.assigneeNotMember", "Choose an admin or editor of the organisation.");
    }
  }
  return change(tx, context, input, "assign", { assigneeId: input.assigneeId }, "publicReport.assigned");
}

/** Saves the answer (the first answer sets the response time); the caller may then e-mail it. */
export async function answerReport(tx: Transaction, context: OrganisationChange, input: { id: string; version: number; answer: string }) {
  const answer = input.answer.trim();
  if (!answer) throw problem("answer", "publication.answerRequired", "Write an answer.");
  const current = await tx.publicReport.findUnique({
    where: { organisationId_id: { organisationId: context.organisationId, id: input.id } },
    select: { answeredAt: true },
  });
  return change(
    tx,
    context,
    input,
    "answer",
    { status: "ANSWERED", answer, answeredAt: current?.answeredAt ?? new Date(), answeredById: context.actor.id },
    "publicReport.answered",
  );
}

export async function markAnswerEmailed(tx: Transaction, organisationId: string, id: string, at: Date): Promise<void> {
  await tx.publicReport.update({ where: { organisationId_id: { organisationId, id } }, data: { answerEmailedAt: at } });
}

export async function closeReport(tx: Transaction, context: OrganisationChange, input: { id: string; version: number }) {
  return change(tx, context, input, "close", { status: "CLOSED", closedAt: new Date() }, "publicReport.closed");
}

export async function reopenReport(tx: Transaction, context: OrganisationChange, input: { id: string; version: number }) {
  const current = await tx.publicReport.findUnique({
    where: { organisationId_id: { organisationId: context.organisationId, id: input.id } },
    select: { answeredAt: true },
  });
  return change(tx, context, input, "reopen", { status: current?.answeredAt ? "ANSWERED" : "OPEN", closedAt: null }, "publicReport.reopened");
}
