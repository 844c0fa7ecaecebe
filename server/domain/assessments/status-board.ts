/**
 * The CIO's status board: where the organisation's assessments stand. Every figure is an
 * SQL aggregate over the organisation's rows, and every figure has the filters of the list
 * behind it, so the page can link each number to that list.
 */
import type { Transaction } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import type { AssessmentStatus, LifecycleStage, ResponsibilityRole, RiskClass, TemplateKind } from "../../db/generated/enums";
import { missingResponsibilitiesSql } from "../responsibilities/gaps";
import { today } from "./dates";
import { missingApprovalsSql } from "./gaps";
import { FROM_ASSESSMENTS, assessmentConditions, overdueSql, reviewWithinSql } from "./list";

export const REVIEW_HORIZON_DAYS = 30;
const LIST_LENGTH = 10;

export interface StatusBoard {
  /** Counts of current assessments per template and status. */
  byTemplateAndStatus: { templateKind: TemplateKind; status: AssessmentStatus; count: number }[];
  total: number;
  overdue: { count: number; items: BoardAssessment[] };
  reviewsDue: { count: number; days: number; items: BoardAssessment[] };
  /** High-risk or personal-data use cases that lack an approved assessment they need. */
  gaps: { count: number; items: BoardGap[] };
  /** Use cases missing a responsibility they require (server/domain/responsibilities/gaps.ts). */
  responsibilityGaps: { count: number; items: BoardResponsibilityGap[] };
}

export interface BoardResponsibilityGap {
  useCase: { id: string; reference: string; title: string; lifecycleStage: LifecycleStage };
  missing: ResponsibilityRole[];
}

export interface BoardAssessment {
  id: string;
  templateKind: TemplateKind;
  status: AssessmentStatus;
  dueOn: string | null;
  nextReviewOn: string | null;
  useCase: { id: string; reference: string; title: string };
  ownerName: string | null;
}

export interface BoardGap {
  useCase: { id: string; reference: string; title: string; riskClass: RiskClass };
  missing: TemplateKind[];
}

export async function statusBoard(
  tx: Transaction,
  organisationId: string,
  filters: { businessArea?: string; ownerId?: string },
  now: Date = new Date(),
): Promise<StatusBoard> {
  const day = today(now);
  const base = assessmentConditions(organisationId, filters, day);
  const where = (extra?: Prisma.Sql) => Prisma.sql`WHERE ${Prisma.join(extra ? [...base, extra] : base, " AND ")}`;

  const counts = await tx.$queryRaw<{ templateKind: TemplateKind; status: AssessmentStatus; count: number }[]>`
    SELECT a."templateKind", a."status", count(*)::int AS "count"
    ${FROM_ASSESSMENTS} ${where()}
    GROUP BY a."templateKind", a."status"`;

  const listOf = async (condition: Prisma.Sql, order: Prisma.Sql) => {
    // One query at a time: the queries share the transaction's connection.
    const items = await tx.$queryRaw<(Omit<BoardAssessment, "useCase"> & { useCaseId: string; reference: string; title: string })[]>`
        SELECT a."id", a."templateKind", a."status",
               to_char(a."dueOn", 'YYYY-MM-DD') AS "dueOn", to_char(a."nextReviewOn", 'YYYY-MM-DD') AS "nextReviewOn",
               u."id" AS "useCaseId", u."reference", u."title", owner."name" AS "ownerName"
        ${FROM_ASSESSMENTS} LEFT JOIN "User" owner ON owner."id" = a."ownerId"
        ${where(condition)}
        ORDER BY ${order}, a."id"
        LIMIT ${LIST_LENGTH}`;
    const [{ count }] = (await tx.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS "count" ${FROM_ASSESSMENTS} ${where(condition)}`) as [{ count: number }];
    return {
      count,
      items: items.map(({ useCaseId, reference, title, ...rest }) => ({ ...rest, useCase: { id: useCaseId, reference, title } })),
    };
  };

  const overdue = await listOf(overdueSql(day), Prisma.sql`COALESCE(a."dueOn", a."nextReviewOn")`);
  const reviewsDue = await listOf(reviewWithinSql(day, REVIEW_HORIZON_DAYS), Prisma.sql`a."nextReviewOn"`);

  const gapFilters = [
    filters.businessArea ? Prisma.sql`u."businessArea" = ${filters.businessArea}` : null,
  ].filter((condition): condition is Prisma.Sql => condition !== null);
  const gapWhere = gapFilters.length > 0 ? Prisma.sql`WHERE ${Prisma.join(gapFilters, " AND ")}` : Prisma.empty;
  const gapRows = await tx.$queryRaw<{ id: string; reference: string; title: string; riskClass: RiskClass; missing: TemplateKind[]; total: number }[]>`
    SELECT u."id", u."reference", u."title", u."riskClass",
           array_agg(gaps."templateKind"::text ORDER BY gaps."templateKind"::text) AS "missing",
           (count(*) OVER ())::int AS "total"
    FROM (${missingApprovalsSql(organisationId)}) gaps
    JOIN "UseCase" u ON u."organisationId" = ${organisationId}::uuid AND u."id" = gaps."useCaseId"
    ${gapWhere}
    GROUP BY u."id", u."reference", u."title", u."riskClass"
    ORDER BY u."reference"
    LIMIT ${LIST_LENGTH}`;

  const responsibilityRows = await tx.$queryRaw<
    { id: string; reference: string; title: string; lifecycleStage: LifecycleStage; missing: ResponsibilityRole[]; total: number }[]
  >`
    SELECT u."id", u."reference", u."title", u."lifecycleStage",
           array_agg(gaps."role"::text ORDER BY gaps."role") AS "missing",
           (count(*) OVER ())::int AS "total"
    FROM (${missingResponsibilitiesSql(organisationId, day)}) gaps
    JOIN "UseCase" u ON u."organisationId" = ${organisationId}::uuid AND u."id" = gaps."useCaseId"
    ${gapWhere}
    GROUP BY u."id", u."reference", u."title", u."lifecycleStage"
    ORDER BY u."reference"
    LIMIT ${LIST_LENGTH}`;

  return {
    byTemplateAndStatus: counts,
    total: counts.reduce((sum, row) => sum + row.count, 0),
    overdue,
    reviewsDue: { ...reviewsDue, days: REVIEW_HORIZON_DAYS },
    gaps: {
      count: gapRows[0]?.total ?? 0,
      items: gapRows.map((row) => ({
        useCase: { id: row.id, reference: row.reference, title: row.title, riskClass: row.riskClass },
        missing: row.missing,
      })),
    },
    responsibilityGaps: {
      count: responsibilityRows[0]?.total ?? 0,
      items: responsibilityRows.map((row) => ({
        useCase: { id: row.id, reference: row.reference, title: row.title, lifecycleStage: row.lifecycleStage },
        missing: row.missing,
      })),
    },
  };
}
