/**
 * DIGG's cross-sector overview. Every figure comes from the oversight path: SECURITY DEFINER
 * functions owned by the NOLOGIN role tillit_oversight_reader (migration
 * 20261202140000_oversight_overview). They aggregate across organisations in SQL and apply
 * the small-group rule there: a figure whose undisclosed records (neither published nor
 * shared with oversight) come from 1 or 2 organisations is returned as suppressed, without
 * its number. Record-level rows come only from records shared with oversight (as registered) or
 * published (as published: from the snapshot the public sees). Nothing here
 * reads a tenant table itself.
 */
import { z } from "zod";
import { text } from "../schema-parts";
import type { Transaction } from "../../db/client";
import { OrganisationKind, Sector } from "../../db/generated/enums";
import { type Milestone, milestoneDate } from "../assessments/ai-act-dates";
import { today } from "../assessments/dates";
import { NotFoundError } from "../errors";
import { TREND_MONTHS } from "./dashboard";

/** Fewer organisations than this behind a figure's undisclosed records: the figure is suppressed. */
export const SUPPRESSION_THRESHOLD = 3;
export const SUPPLIER_LIST_LENGTH = 20;
export const DISCLOSED_LIST_LENGTH = 200;

const slug = z.string().trim().min(1).max(100).regex(/^[a-z0-9-]+$/);

/** The overview's filters, as the URL carries them. */
export const oversightFilters = z.object({
  kind: z.enum(OrganisationKind).optional(),
  sector: z.enum(Sector).optional(),
  organisation: slug.optional(),
});
export type OversightFilters = z.infer<typeof oversightFilters>;

export const breakdownDimensions = [
  "kind",
  "sector",
  "lifecycleStage",
  "riskClass",
  "technique",
  "generativeAi",
  "hosting",
  "dataLeavesEea",
  "personalData",
] as const;
export type BreakdownDimension = (typeof breakdownDimensions)[number];

/** A figure behind which sits one group of use cases: the organisations behind it. */
export const figureInput = z.object({
  filters: oversightFilters,
  dimension: z.enum([...breakdownDimensions, "all"]),
  value: text().trim().min(1).max(60),
});
export type FigureInput = z.infer<typeof figureInput>;

/** A number, or null when the small-group rule suppresses it. */
export type Figure = number | null;

export interface BreakdownRow {
  dimension: BreakdownDimension | "all";
  value: string;
  useCases: Figure;
  organisations: Figure;
  /** Average share (0–100) of the eight descriptive fields filled in. */
  completeness: Figure;
  suppressed: boolean;
}

export interface OversightOverview {
  asOf: Date;
  /**
   * When the maintained aggregates behind the use-case figures, the assessment coverage and the
   * trends were last refreshed (migration 20261202170000_oversight_aggregates). The other
   * figures are computed at read time (asOf).
   */
  refreshedAt: Date;
  filters: OversightFilters;
  /** The organisation named by the filter, if any. */
  organisation: { slug: string; name: string; kind: OrganisationKind; sector: Sector } | null;
  totals: BreakdownRow;
  breakdown: BreakdownRow[];
  registers: { kind: OrganisationKind; organisations: number; keepingRegister: Figure; suppressed: boolean }[];
  coverage: {
    groupBy: "kind" | "sector";
    groupValue: string;
    population: "HIGH_RISK" | "PERSONAL_DATA";
    templateKind: string;
    useCases: Figure;
    covered: Figure;
    suppressed: boolean;
  }[];
  readiness: {
    milestone: Milestone;
    date: string;
    source: string;
    daysLeft: number;
    obligation: "CLASSIFICATION" | "FRIA" | "REGISTRATION";
    useCases: Figure;
    lacking: Figure;
    suppressed: boolean;
  }[];
  responsibilityGaps: { sector: Sector; role: string; useCases: Figure; suppressed: boolean }[];
  suppliers: { supplier: string; product: string | null; organisations: Figure; useCases: Figure; suppressed: boolean }[];
  trends: { month: string; measure: "registered" | "total" | "approved"; value: Figure; suppressed: boolean }[];
  /** Published in the public register, and published but changed since (never suppressed: it is public). */
  publication: { groupBy: "all" | "kind" | "sector"; groupValue: string; useCases: Figure; published: number; outdated: number; suppressed: boolean }[];
}

type Args = [string | null, string | null, string | null];

async function resolveOrganisation(tx: Transaction, filters: OversightFilters) {
  if (!filters.organisation) return null;
  // Which organisations use Tillit is public (the directory); this reads nothing else.
  const organisation = await tx.organisation.findUnique({
    where: { slug: filters.organisation },
    select: { id: true, slug: true, name: true, kind: true, sector: true },
  });
  if (!organisation) throw new NotFoundError("Organisation");
  return organisation;
}

function argsOf(filters: OversightFilters, organisationId: string | null): Args {
  return [filters.kind ?? null, filters.sector ?? null, organisationId];
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export async function oversightOverview(
  tx: Transaction,
  filters: OversightFilters,
  now: Date = new Date(),
): Promise<OversightOverview> {
  const organisation = await resolveOrganisation(tx, filters);
  const [kind, sector, organisationId] = argsOf(filters, organisation?.id ?? null);

  const refreshedAt = await oversightRefreshedAt(tx);
  const breakdownRows = await tx.$queryRaw<
    { dimension: BreakdownRow["dimension"]; value: string; useCases: number | null; organisations: number | null; filledFields: number | null; suppressed: boolean }[]
  >`SELECT * FROM oversight_breakdown(${kind}, ${sector}, ${organisationId}::uuid) ORDER BY "dimension", "useCases" DESC NULLS LAST, "value"`;
  const breakdown: BreakdownRow[] = breakdownRows.map(({ filledFields, ...row }) => ({
    ...row,
    completeness: row.useCases && filledFields !== null ? Math.round((filledFields / (row.useCases * 8)) * 100) : row.suppressed ? null : 0,
  }));
  const totals = breakdown.find((row) => row.dimension === "all") ?? {
    dimension: "all" as const,
    value: "all",
    useCases: 0,
    organisations: 0,
    completeness: 0,
    suppressed: false,
  };

  const registers = await tx.$queryRaw<OversightOverview["registers"]>`
    SELECT * FROM oversight_register_keepers(${kind}, ${sector}, ${organisationId}::uuid) ORDER BY "kind"`;
  const coverage = await tx.$queryRaw<OversightOverview["coverage"]>`
    SELECT * FROM oversight_assessment_coverage(${kind}, ${sector}, ${organisationId}::uuid)
    ORDER BY "groupBy", "groupValue", "population", "templateKind"`;
  const readinessRows = await tx.$queryRaw<
    { milestone: Milestone; obligation: OversightOverview["readiness"][number]["obligation"]; useCases: Figure; lacking: Figure; suppressed: boolean }[]
  >`SELECT * FROM oversight_ai_act_readiness(${kind}, ${sector}, ${organisationId}::uuid) ORDER BY "milestone", "obligation"`;
  const day = today(now);
  const readiness = readinessRows.map((row) => {
    const { date, source } = milestoneDate(row.milestone);
    return { ...row, date, source, daysLeft: daysBetween(day, date) };
  });
  const responsibilityGaps = await tx.$queryRaw<OversightOverview["responsibilityGaps"]>`
    SELECT * FROM oversight_responsibility_gaps(${kind}, ${sector}, ${organisationId}::uuid) ORDER BY "sector", "role"`;
  const suppliers = await tx.$queryRaw<OversightOverview["suppliers"]>`
    SELECT * FROM oversight_suppliers(${kind}, ${sector}, ${organisationId}::uuid, ${SUPPLIER_LIST_LENGTH}::int)`;
  const trends = await tx.$queryRaw<OversightOverview["trends"]>`
    SELECT * FROM oversight_trends(${kind}, ${sector}, ${organisationId}::uuid, ${TREND_MONTHS}::int)`;
  const publication = await tx.$queryRaw<OversightOverview["publication"]>`
    SELECT * FROM oversight_publication(${kind}, ${sector}, ${organisationId}::uuid)
    ORDER BY CASE "groupBy" WHEN 'all' THEN 0 WHEN 'kind' THEN 1 ELSE 2 END, "groupValue"`;

  return {
    asOf: now,
    refreshedAt,
    filters,
    organisation: organisation ? { slug: organisation.slug, name: organisation.name, kind: organisation.kind, sector: organisation.sector } : null,
    totals,
    breakdown: breakdown.filter((row) => row.dimension !== "all"),
    registers,
    coverage,
    readiness,
    responsibilityGaps,
    suppliers,
    trends,
    publication,
  };
}

/** Older than this, the maintained aggregates are refreshed in the background on the next read. */
export const AGGREGATE_MAX_AGE_MS = 15 * 60_000;

/** When the maintained aggregates were last refreshed. */
export async function oversightRefreshedAt(tx: Transaction): Promise<Date> {
  const [row] = await tx.$queryRaw<{ refreshedAt: Date }[]>`SELECT oversight_refreshed_at() AS "refreshedAt"`;
  return row!.refreshedAt;
}

/** Recompute the maintained aggregates (concurrently: readers keep the previous figures meanwhile). */
export async function refreshOversightAggregates(tx: Transaction): Promise<{ refreshedAt: Date }> {
  const [row] = await tx.$queryRaw<{ refreshedAt: Date }[]>`SELECT oversight_refresh() AS "refreshedAt"`;
  return { refreshedAt: row!.refreshedAt };
}

/** Whether aggregates refreshed at `refreshedAt` are due for a refresh at `now`. */
export function aggregatesStale(refreshedAt: Date, now: Date = new Date()): boolean {
  return now.getTime() - refreshedAt.getTime() > AGGREGATE_MAX_AGE_MS;
}

export interface FigureOrganisation {
  slug: string;
  name: string;
  kind: OrganisationKind;
  sector: Sector;
  disclosedUseCases: number;
}

/**
 * The organisations behind a figure, as far as they disclosed its records: each with how many
 * of the figure's use cases it shared. The rest of the figure stays an aggregate.
 */
export async function figureOrganisations(
  tx: Transaction,
  input: FigureInput,
): Promise<{ figure: BreakdownRow | null; organisations: FigureOrganisation[]; undisclosedUseCases: Figure }> {
  const organisation = await resolveOrganisation(tx, input.filters);
  const [kind, sector, organisationId] = argsOf(input.filters, organisation?.id ?? null);
  const overview = await tx.$queryRaw<
    { dimension: BreakdownRow["dimension"]; value: string; useCases: Figure; organisations: Figure; filledFields: Figure; suppressed: boolean }[]
  >`SELECT * FROM oversight_breakdown(${kind}, ${sector}, ${organisationId}::uuid) WHERE "dimension" = ${input.dimension} AND "value" = ${input.value}`;
  const organisations = await tx.$queryRaw<FigureOrganisation[]>`
    SELECT * FROM oversight_figure_organisations(${kind}, ${sector}, ${organisationId}::uuid, ${input.dimension}, ${input.value})`;
  const row = overview[0];
  const figure: BreakdownRow | null = row
    ? {
        dimension: row.dimension,
        value: row.value,
        useCases: row.useCases,
        organisations: row.organisations,
        completeness: row.useCases && row.filledFields !== null ? Math.round((row.filledFields / (row.useCases * 8)) * 100) : null,
        suppressed: row.suppressed,
      }
    : null;
  const disclosed = organisations.reduce((sum, entry) => sum + entry.disclosedUseCases, 0);
  // The figure comes from the maintained aggregates, the disclosed records are read now: between two
  // refreshes they may disagree, and "undisclosed" is never less than none.
  const undisclosedUseCases = !figure ? 0 : figure.useCases === null ? null : Math.max(0, figure.useCases - disclosed);
  return { figure, organisations, undisclosedUseCases };
}

export interface DisclosedUseCase {
  organisationSlug: string;
  organisationName: string;
  reference: string;
  title: string;
  publicSummary: string;
  businessArea: string;
  lifecycleStage: string;
  riskClass: string;
  techniques: string[];
  hosting: string | null;
  updatedAt: Date;
}

/** Use cases their organisations shared with oversight (record-level detail), at most DISCLOSED_LIST_LENGTH. */
export async function disclosedUseCases(
  tx: Transaction,
  filters: OversightFilters,
  figure?: { dimension: FigureInput["dimension"]; value: string },
): Promise<DisclosedUseCase[]> {
  const organisation = await resolveOrganisation(tx, filters);
  const [kind, sector, organisationId] = argsOf(filters, organisation?.id ?? null);
  const dimension = figure && figure.dimension !== "all" ? figure.dimension : null;
  return tx.$queryRaw<DisclosedUseCase[]>`
    SELECT * FROM oversight_disclosed_use_cases(${kind}, ${sector}, ${organisationId}::uuid, ${dimension}, ${dimension ? figure!.value : null},
                                                ${DISCLOSED_LIST_LENGTH}::int)`;
}
