/**
 * The organisation's dashboard (the home page of /<organisation>): where the organisation
 * stands, for every member. Every figure is an SQL aggregate over the organisation's own rows
 * in its scoped transaction (row-level security applies); the assessment figures are the
 * status board's own (server/domain/assessments/status-board.ts) and the gap figures use the
 * same SQL as the register's filters, so no rule is stated twice.
 */
import type { Transaction } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import type {
  AssessmentStatus,
  LifecycleStage,
  ProcurementDecisionStatus,
  ProcurementRoute,
  ResponsibilityRole,
  RiskClass,
  TemplateKind,
} from "../../db/generated/enums";
import { addDays, today } from "../assessments/dates";
import { statusBoard } from "../assessments/status-board";
import { missingResponsibilitiesSql } from "../responsibilities/gaps";

export const RECENT_DAYS = 30;
export const TREND_MONTHS = 12;

export interface OrganisationDashboard {
  /** When the figures were computed. */
  asOf: Date;
  useCases: {
    total: number;
    byStage: { lifecycleStage: LifecycleStage; count: number }[];
    byRiskClass: { riskClass: RiskClass; count: number }[];
  };
  assessments: {
    total: number;
    byTemplateAndStatus: { templateKind: TemplateKind; status: AssessmentStatus; count: number }[];
    overdue: number;
    reviewsDue: number;
    reviewDays: number;
    /** High-risk or personal-data use cases lacking an approved assessment they need. */
    gaps: number;
  };
  responsibilities: {
    /** Use cases missing at least one required responsibility. */
    useCases: number;
    byRole: { role: ResponsibilityRole; count: number }[];
  };
  procurement: {
    byRouteAndStatus: { route: ProcurementRoute; status: ProcurementDecisionStatus; count: number; valueSek: number }[];
    total: number;
    totalValueSek: number;
  };
  recentChanges: {
    /** First day (YYYY-MM-DD) of the period. */
    since: string;
    total: number;
    byEntityType: { entityType: string; count: number }[];
  };
  trends: {
    /** YYYY-MM, oldest first. */
    months: string[];
    /** Use cases (not archived at the month's end) per stage at the end of each month, from the audit history. */
    stageByMonth: { month: string; lifecycleStage: LifecycleStage; count: number }[];
    /** Assessments approved in each month (audit events "assessment.approved"). */
    approvalsByMonth: { month: string; count: number }[];
  };
}

/** The first day of each of the last `count` months up to `now`, oldest first (UTC). */
export function trendMonths(now: Date, count: number = TREND_MONTHS): string[] {
  const months: string[] = [];
  for (let back = count - 1; back >= 0; back -= 1) {
    const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    months.push(date.toISOString().slice(0, 7));
  }
  return months;
}

export async function organisationDashboard(
  tx: Transaction,
  organisationId: string,
  now: Date = new Date(),
): Promise<OrganisationDashboard> {
  const day = today(now);
  const org = Prisma.sql`${organisationId}::uuid`;

  const byStage = await tx.$queryRaw<{ lifecycleStage: LifecycleStage; count: number }[]>`
    SELECT "lifecycleStage", count(*)::int AS "count" FROM "UseCase"
    WHERE "organisationId" = ${org} AND "archivedAt" IS NULL
    GROUP BY "lifecycleStage" ORDER BY "lifecycleStage"`;
  const byRiskClass = await tx.$queryRaw<{ riskClass: RiskClass; count: number }[]>`
    SELECT "riskClass", count(*)::int AS "count" FROM "UseCase"
    WHERE "organisationId" = ${org} AND "archivedAt" IS NULL
    GROUP BY "riskClass" ORDER BY "riskClass"`;

  // The status board's own figures: one definition of overdue, review due and gaps.
  const board = await statusBoard(tx, organisationId, {}, now);

  const byRole = await tx.$queryRaw<{ role: ResponsibilityRole; count: number }[]>`
    SELECT gaps."role", count(*)::int AS "count"
    FROM (${missingResponsibilitiesSql(organisationId, day)}) gaps
    GROUP BY gaps."role" ORDER BY gaps."role"`;

  const procurement = await tx.$queryRaw<
    { route: ProcurementRoute; status: ProcurementDecisionStatus; count: number; valueSek: bigint | null }[]
  >`
    SELECT d."route", d."status", count(*)::int AS "count", sum(d."estimatedValueSek")::bigint AS "valueSek"
    FROM "ProcurementDecision" d
    JOIN "UseCase" u ON u."organisationId" = d."organisationId" AND u."id" = d."useCaseId"
    WHERE d."organisationId" = ${org} AND u."archivedAt" IS NULL
    GROUP BY d."route", d."status" ORDER BY d."route", d."status"`;

  const since = addDays(day, -RECENT_DAYS);
  const recent = await tx.$queryRaw<{ entityType: string; count: number }[]>`
    SELECT "entityType", count(*)::int AS "count" FROM "AuditEvent"
    WHERE "organisationId" = ${org} AND "createdAt" >= ${since}::date
    GROUP BY "entityType" ORDER BY count(*) DESC, "entityType"`;

  const months = trendMonths(now);
  const firstMonth = `${months[0]}-01`;
  // A use case's stage at a month's end, from its stage changes in the audit log: each change
  // starts a period with its "after" stage; before the first change the stage was its "before";
  // a use case without any logged change has its stage of today. One pass over the changes,
  // then a join of months with periods (no lookup per use case and month).
  const stageByMonth = await tx.$queryRaw<{ month: string; lifecycleStage: LifecycleStage; count: number }[]>`
    WITH months AS (
      SELECT m::date AS "start", LEAST(m + interval '1 month', ${now}::timestamptz) AS "end"
      FROM generate_series(${firstMonth}::date, date_trunc('month', ${now}::timestamptz AT TIME ZONE 'UTC')::date, interval '1 month') m
    ), changes AS (
      SELECT e."entityId" AS "id", e."createdAt" AS "at",
             e."changes"->'lifecycleStage'->>'before' AS "before", e."changes"->'lifecycleStage'->>'after' AS "after",
             lead(e."createdAt") OVER w AS "nextAt", row_number() OVER w AS "n"
      FROM "AuditEvent" e
      WHERE e."organisationId" = ${org} AND e."entityType" = 'UseCase' AND e."changes" ? 'lifecycleStage'
      WINDOW w AS (PARTITION BY e."entityId" ORDER BY e."createdAt", e."id")
    ), periods AS (
      SELECT "id", "after" AS "stage", "at" AS "from", "nextAt" AS "to" FROM changes
      UNION ALL
      SELECT "id", "before", NULL, "at" FROM changes WHERE "n" = 1 AND "before" IS NOT NULL
      UNION ALL
      SELECT u."id"::text, u."lifecycleStage"::text, NULL, NULL FROM "UseCase" u
      WHERE u."organisationId" = ${org} AND NOT EXISTS (SELECT 1 FROM changes c WHERE c."id" = u."id"::text)
    )
    SELECT to_char(m."start", 'YYYY-MM') AS "month", p."stage" AS "lifecycleStage", count(*)::int AS "count"
    FROM months m
    JOIN "UseCase" u ON u."organisationId" = ${org} AND u."createdAt" < m."end"
      AND (u."archivedAt" IS NULL OR u."archivedAt" >= m."end")
    JOIN periods p ON p."id" = u."id"::text AND (p."from" IS NULL OR p."from" < m."end") AND (p."to" IS NULL OR p."to" >= m."end")
    WHERE p."stage" IS NOT NULL
    GROUP BY m."start", p."stage" ORDER BY m."start", p."stage"`;

  const approvals = await tx.$queryRaw<{ month: string; count: number }[]>`
    SELECT to_char(date_trunc('month', "createdAt" AT TIME ZONE 'UTC'), 'YYYY-MM') AS "month", count(*)::int AS "count"
    FROM "AuditEvent"
    WHERE "organisationId" = ${org} AND "action" = 'assessment.approved' AND "createdAt" >= ${firstMonth}::date
    GROUP BY 1 ORDER BY 1`;
  const approvalsByMonth = months.map((month) => ({ month, count: approvals.find((row) => row.month === month)?.count ?? 0 }));

  const procurementRows = procurement.map((row) => ({ ...row, valueSek: Number(row.valueSek ?? 0) }));
  return {
    asOf: now,
    useCases: { total: byStage.reduce((sum, row) => sum + row.count, 0), byStage, byRiskClass },
    assessments: {
      total: board.total,
      byTemplateAndStatus: board.byTemplateAndStatus,
      overdue: board.overdue.count,
      reviewsDue: board.reviewsDue.count,
      reviewDays: board.reviewsDue.days,
      gaps: board.gaps.count,
    },
    responsibilities: { useCases: board.responsibilityGaps.count, byRole },
    procurement: {
      byRouteAndStatus: procurementRows,
      total: procurementRows.reduce((sum, row) => sum + row.count, 0),
      totalValueSek: procurementRows.reduce((sum, row) => sum + row.valueSek, 0),
    },
    recentChanges: { since, total: recent.reduce((sum, row) => sum + row.count, 0), byEntityType: recent },
    trends: { months, stageByMonth, approvalsByMonth },
  };
}
