/**
 * The organisation's assessments, filtered in SQL: by status, template, overdue, reviews
 * coming up, owner, business area and use case. Only the newest version of each assessment
 * is listed (older versions are reached from it). Keyset pagination on (updatedAt, id).
 */
import { z } from "zod";
import type { Transaction } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import type { AssessmentPhase, AssessmentStatus, TemplateKind } from "../../db/generated/enums";
import { cursorCodec, cursorParts } from "../cursor";
import type { AssessmentListFilters } from "./schemas";
import { addDays, today } from "./dates";

export interface AssessmentListItem {
  id: string;
  seriesVersion: number;
  templateKind: TemplateKind;
  templateVersion: number;
  status: AssessmentStatus;
  phase: AssessmentPhase;
  dueOn: string | null;
  nextReviewOn: string | null;
  approvedAt: Date | null;
  overdue: boolean;
  owner: { id: string; name: string } | null;
  useCase: { id: string; reference: string; title: string; businessArea: string };
  updatedAt: Date;
}

export interface AssessmentListPage {
  items: AssessmentListItem[];
  nextCursor: string | null;
  total: number;
}

/** The newest version of its series, of a use case that is not archived. */
export const CURRENT = Prisma.sql`u."archivedAt" IS NULL AND NOT EXISTS (
  SELECT 1 FROM "Assessment" newer
  WHERE newer."organisationId" = a."organisationId" AND newer."seriesId" = a."seriesId" AND newer."seriesVersion" > a."seriesVersion")`;

/** Overdue, computed as isOverdue() does (service.ts), for a given day. */
export function overdueSql(day: string): Prisma.Sql {
  return Prisma.sql`((a."status" <> 'APPROVED' AND a."dueOn" < ${day}::date)
    OR (a."status" = 'APPROVED' AND a."supersededAt" IS NULL AND a."nextReviewOn" < ${day}::date))`;
}

export function reviewWithinSql(day: string, days: number): Prisma.Sql {
  return Prisma.sql`(a."status" = 'APPROVED' AND a."supersededAt" IS NULL
    AND a."nextReviewOn" >= ${day}::date AND a."nextReviewOn" <= ${addDays(day, days)}::date)`;
}

/** Conditions shared by the list and the status board. */
export function assessmentConditions(organisationId: string, filters: Partial<AssessmentListFilters>, day: string): Prisma.Sql[] {
  const conditions = [Prisma.sql`a."organisationId" = ${organisationId}::uuid`, CURRENT];
  if (filters.status && filters.status.length > 0) conditions.push(Prisma.sql`a."status" = ANY(${filters.status}::text[]::"AssessmentStatus"[])`);
  if (filters.templateKind && filters.templateKind.length > 0)
    conditions.push(Prisma.sql`a."templateKind" = ANY(${filters.templateKind}::text[]::"TemplateKind"[])`);
  if (filters.overdue) conditions.push(overdueSql(day));
  if (filters.reviewWithinDays !== undefined) conditions.push(reviewWithinSql(day, filters.reviewWithinDays));
  if (filters.ownerId) conditions.push(Prisma.sql`a."ownerId" = ${filters.ownerId}::uuid`);
  if (filters.businessArea) conditions.push(Prisma.sql`u."businessArea" = ${filters.businessArea}`);
  if (filters.useCaseId) conditions.push(Prisma.sql`a."useCaseId" = ${filters.useCaseId}::uuid`);
  return conditions;
}

export const FROM_ASSESSMENTS = Prisma.sql`FROM "Assessment" a
  JOIN "UseCase" u ON u."organisationId" = a."organisationId" AND u."id" = a."useCaseId"`;

const cursors = cursorCodec(z.object({ updatedAt: cursorParts.instant(), id: cursorParts.id() }), {
  code: "useCase.staleCursor",
  message: "The page link is no longer valid. Start from the first page.",
});

interface Row {
  id: string;
  seriesVersion: number;
  templateKind: TemplateKind;
  templateVersion: number;
  status: AssessmentStatus;
  phase: AssessmentPhase;
  dueOn: string | null;
  nextReviewOn: string | null;
  approvedAt: Date | null;
  overdue: boolean;
  ownerId: string | null;
  ownerName: string | null;
  useCaseId: string;
  reference: string;
  title: string;
  businessArea: string;
  updatedAt: Date;
}

export async function listAssessments(
  tx: Transaction,
  organisationId: string,
  filters: AssessmentListFilters,
  page: { cursor?: string; limit: number },
  now: Date = new Date(),
): Promise<AssessmentListPage> {
  const day = today(now);
  const conditions = assessmentConditions(organisationId, filters, day);
  const where = Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}`;
  const after = page.cursor ? cursors.decode(page.cursor) : null;
  const keyset = after
    ? Prisma.sql`AND (a."updatedAt", a."id") < (${after.updatedAt}::timestamptz, ${after.id}::uuid)`
    : Prisma.empty;
  const rows = await tx.$queryRaw<Row[]>`
    SELECT a."id", a."seriesVersion", a."templateKind", a."templateVersion", a."status", a."phase",
           to_char(a."dueOn", 'YYYY-MM-DD') AS "dueOn", to_char(a."nextReviewOn", 'YYYY-MM-DD') AS "nextReviewOn",
           a."approvedAt", ${overdueSql(day)} AS "overdue",
           a."ownerId", owner."name" AS "ownerName",
           u."id" AS "useCaseId", u."reference", u."title", u."businessArea", a."updatedAt"
    ${FROM_ASSESSMENTS}
    LEFT JOIN "User" owner ON owner."id" = a."ownerId"
    ${where} ${keyset}
    ORDER BY a."updatedAt" DESC, a."id" DESC
    LIMIT ${page.limit + 1}`;
  const [{ total }] = (await tx.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS "total" ${FROM_ASSESSMENTS} ${where}`) as [{ total: number }];
  const more = rows.length > page.limit;
  const items = rows.slice(0, page.limit).map(
    (row): AssessmentListItem => ({
      id: row.id,
      seriesVersion: row.seriesVersion,
      templateKind: row.templateKind,
      templateVersion: row.templateVersion,
      status: row.status,
      phase: row.phase,
      dueOn: row.dueOn,
      nextReviewOn: row.nextReviewOn,
      approvedAt: row.approvedAt,
      overdue: row.overdue,
      owner: row.ownerId && row.ownerName ? { id: row.ownerId, name: row.ownerName } : null,
      useCase: { id: row.useCaseId, reference: row.reference, title: row.title, businessArea: row.businessArea },
      updatedAt: row.updatedAt,
    }),
  );
  const last = items.at(-1);
  const nextCursor =
    more && last ? cursors.encode({ updatedAt: last.updatedAt.toISOString(), id: last.id }) : null;
  return { items, nextCursor, total };
}
