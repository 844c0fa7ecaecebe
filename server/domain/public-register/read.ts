/**
 * The public read path: everything the public register, its pages and the open API show
 * comes from here, and from the views owned by tillit_public_reader only (migration
 * 20261202130000_publication). These functions need no organisation in the transaction and
 * see only published snapshots; nothing internal is reachable from them.
 *
 * List: search (Swedish full text with prefixes), filters, counts per filter value, sort and
 * keyset pagination, all in SQL. The "newest" order is by first publication, which never
 * changes, so publishing while someone pages neither repeats nor skips what they have not
 * seen yet (a new use case appears on the first page).
 */
import { z } from "zod";
import type { Transaction } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import type { AiTechnique, LifecycleStage, OrganisationKind, RiskClass, Sector } from "../../db/generated/enums";
import { RuleViolationError } from "../errors";
import { cursorParts } from "../cursor";
import { prefixTsQuery } from "../use-cases/list";
import type { PublicRegisterFilters, PublicRegisterPageInput } from "./schemas";
import { publicUseCaseSnapshot, type PublicUseCaseSnapshot } from "./snapshot";

export interface PublicUseCaseListItem {
  useCaseId: string;
  version: number;
  title: string;
  publicSummary: string;
  organisation: { slug: string; name: string; kind: OrganisationKind };
  sector: Sector;
  lifecycleStage: LifecycleStage;
  riskClass: RiskClass;
  techniques: AiTechnique[];
  generativeAi: boolean;
  processesPersonalData: boolean;
  firstPublishedAt: Date;
  publishedAt: Date;
}

export interface PublicFacetCount<T> {
  value: T;
  count: number;
  /** For organisations: the name to show. */
  label?: string;
}

export interface PublicRegisterFacets {
  organisation: PublicFacetCount<string>[];
  organisationKind: PublicFacetCount<OrganisationKind>[];
  sector: PublicFacetCount<Sector>[];
  lifecycleStage: PublicFacetCount<LifecycleStage>[];
  riskClass: PublicFacetCount<RiskClass>[];
  technique: PublicFacetCount<AiTechnique>[];
  generativeAi: PublicFacetCount<boolean>[];
  personalData: PublicFacetCount<boolean>[];
}

export interface PublicUseCaseListPage {
  items: PublicUseCaseListItem[];
  nextCursor: string | null;
  total: number;
  facets: PublicRegisterFacets;
}

type FilterName = keyof PublicRegisterFacets | "q" | "updatedSince";
type Sort = PublicRegisterFilters["sort"];

const VIEW = Prisma.sql`public_register_use_case`;
const PUBLISHED = Prisma.sql`"retractedAt" IS NULL`;

function tsQuery(query: string): Prisma.Sql {
  return Prisma.sql`to_tsquery('pg_catalog.swedish', ${query})`;
}

function filterConditions(filters: PublicRegisterFilters, query: string | null): Map<FilterName, Prisma.Sql> {
  const conditions = new Map<FilterName, Prisma.Sql>();
  if (query) conditions.set("q", Prisma.sql`"searchDocument" @@ ${tsQuery(query)}`);
  if (filters.organisation.length > 0) conditions.set("organisation", Prisma.sql`"organisationSlug" = ANY(${filters.organisation}::text[])`);
  if (filters.organisationKind.length > 0) {
    conditions.set("organisationKind", Prisma.sql`"organisationKind" = ANY(${filters.organisationKind}::text[]::"OrganisationKind"[])`);
  }
  if (filters.sector.length > 0) conditions.set("sector", Prisma.sql`"sector" = ANY(${filters.sector}::text[]::"Sector"[])`);
  if (filters.lifecycleStage.length > 0) {
    conditions.set("lifecycleStage", Prisma.sql`"lifecycleStage" = ANY(${filters.lifecycleStage}::text[]::"LifecycleStage"[])`);
  }
  if (filters.riskClass.length > 0) conditions.set("riskClass", Prisma.sql`"riskClass" = ANY(${filters.riskClass}::text[]::"RiskClass"[])`);
  if (filters.technique.length > 0) conditions.set("technique", Prisma.sql`"techniques" && ${filters.technique}::text[]::"AiTechnique"[]`);
  if (filters.generativeAi !== undefined) conditions.set("generativeAi", Prisma.sql`"generativeAi" = ${filters.generativeAi}`);
  if (filters.personalData !== undefined) conditions.set("personalData", Prisma.sql`"processesPersonalData" = ${filters.personalData}`);
  if (filters.updatedSince) conditions.set("updatedSince", Prisma.sql`"publishedAt" >= ${filters.updatedSince}::timestamptz`);
  return conditions;
}

function whereClause(conditions: Map<FilterName, Prisma.Sql>, except?: FilterName): Prisma.Sql {
  const applied = [...conditions].filter(([name]) => name !== except).map(([, condition]) => condition);
  return Prisma.sql`WHERE ${Prisma.join([PUBLISHED, ...applied], " AND ")}`;
}

// --- Sort and cursor --------------------------------------------------------------------

const cursorShape = z.discriminatedUnion("sort", [
  z.object({ sort: z.literal("newest"), key: cursorParts.instant(), id: cursorParts.id() }),
  z.object({ sort: z.literal("title"), key: cursorParts.text(), id: cursorParts.id() }),
  z.object({ sort: z.literal("relevance"), key: cursorParts.rank(), id: cursorParts.id() }),
]);
type Cursor = z.infer<typeof cursorShape>;

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(cursor: string, sort: Sort): Cursor {
  try {
    const decoded = cursorShape.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (decoded.sort === sort) return decoded;
  } catch {
    // Falls through to the problem below.
  }
  throw new RuleViolationError([
    { field: "cursor", code: "publication.staleCursor", message: "This page link is no longer valid. Start from the first page." },
  ]);
}

interface SortPlan {
  sort: Sort;
  key: Prisma.Sql;
  orderBy: Prisma.Sql;
  after(cursor: Cursor): Prisma.Sql;
}

function sortPlan(sort: Sort, query: string | null): SortPlan {
  if (sort === "relevance" && query) {
    const rank = Prisma.sql`ts_rank("searchDocument", ${tsQuery(query)})`;
    return {
      sort,
      key: rank,
      orderBy: Prisma.sql`ORDER BY ${rank} DESC, "useCaseId" DESC`,
      after: (cursor) => Prisma.sql`(${rank}, "useCaseId") < (${cursor.key}::real, ${cursor.id}::uuid)`,
    };
  }
  if (sort === "title") {
    return {
      sort,
      key: Prisma.sql`"title"`,
      orderBy: Prisma.sql`ORDER BY "title" ASC, "useCaseId" ASC`,
      after: (cursor) => Prisma.sql`("title", "useCaseId") > (${cursor.key}, ${cursor.id}::uuid)`,
    };
  }
  return {
    sort: "newest",
    key: Prisma.sql`"firstPublishedAt"`,
    orderBy: Prisma.sql`ORDER BY "firstPublishedAt" DESC, "useCaseId" DESC`,
    after: (cursor) => Prisma.sql`("firstPublishedAt", "useCaseId") < (${cursor.key}::timestamptz, ${cursor.id}::uuid)`,
  };
}

interface ItemRow {
  useCaseId: string;
  version: number;
  title: string;
  publicSummary: string;
  organisationSlug: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  sector: Sector;
  lifecycleStage: LifecycleStage;
  riskClass: RiskClass;
  techniques: AiTechnique[];
  generativeAi: boolean;
  processesPersonalData: boolean;
  firstPublishedAt: Date;
  publishedAt: Date;
  sortKey: Date | string | number;
}

function cursorAfter(plan: SortPlan, row: ItemRow): string {
  switch (plan.sort) {
    case "newest":
      return encodeCursor({ sort: "newest", key: new Date(row.sortKey).toISOString(), id: row.useCaseId });
    case "relevance":
      return encodeCursor({ sort: "relevance", key: Number(row.sortKey), id: row.useCaseId });
    case "title":
      return encodeCursor({ sort: "title", key: String(row.sortKey), id: row.useCaseId });
  }
}

function toListItem(row: ItemRow): PublicUseCaseListItem {
  return {
    useCaseId: row.useCaseId,
    version: row.version,
    title: row.title,
    publicSummary: row.publicSummary,
    organisation: { slug: row.organisationSlug, name: row.organisationName, kind: row.organisationKind },
    sector: row.sector,
    lifecycleStage: row.lifecycleStage,
    riskClass: row.riskClass,
    techniques: row.techniques,
    generativeAi: row.generativeAi,
    processesPersonalData: row.processesPersonalData,
    firstPublishedAt: row.firstPublishedAt,
    publishedAt: row.publishedAt,
  };
}

interface CountRow {
  facet: keyof PublicRegisterFacets | "total";
  value: string | null;
  label: string | null;
  count: number;
}

function facetCounts(facet: keyof PublicRegisterFacets, value: Prisma.Sql, label: Prisma.Sql, from: Prisma.Sql, where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT ${facet}::text AS "facet", (${value})::text AS "value", (${label})::text AS "label", count(*)::int AS "count"
    ${from} ${where} GROUP BY 2, 3`;
}

/** One page of published use cases, with the total and the counts per filter value. */
export async function listPublicUseCases(
  tx: Transaction,
  filters: PublicRegisterFilters,
  page: PublicRegisterPageInput,
): Promise<PublicUseCaseListPage> {
  const query = prefixTsQuery(filters.q);
  const conditions = filterConditions(filters, query);
  const plan = sortPlan(filters.sort, query);
  const after = page.cursor ? Prisma.sql`AND ${plan.after(decodeCursor(page.cursor, plan.sort))}` : Prisma.empty;
  const rows = await tx.$queryRaw<ItemRow[]>`
    SELECT "useCaseId"::text AS "useCaseId", "version", "title", "snapshot"->>'publicSummary' AS "publicSummary",
           "organisationSlug", "organisationName", "organisationKind"::text AS "organisationKind", "sector"::text AS "sector",
           "lifecycleStage"::text AS "lifecycleStage", "riskClass"::text AS "riskClass",
           coalesce("techniques", '{}')::text[] AS "techniques", "generativeAi", "processesPersonalData",
           "firstPublishedAt", "publishedAt", ${plan.key} AS "sortKey"
    FROM ${VIEW}
    ${whereClause(conditions)} ${after}
    ${plan.orderBy}
    LIMIT ${page.limit + 1}`;
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);

  const from = Prisma.sql`FROM ${VIEW}`;
  const except = (name: FilterName) => whereClause(conditions, name);
  const none = Prisma.sql`NULL`;
  const counts = await tx.$queryRaw<CountRow[]>`
    SELECT 'total' AS "facet", NULL AS "value", NULL AS "label", count(*)::int AS "count" ${from} ${whereClause(conditions)}
    UNION ALL ${facetCounts("organisation", Prisma.sql`"organisationSlug"`, Prisma.sql`"organisationName"`, from, except("organisation"))}
    UNION ALL ${facetCounts("organisationKind", Prisma.sql`"organisationKind"`, none, from, except("organisationKind"))}
    UNION ALL ${facetCounts("sector", Prisma.sql`"sector"`, none, from, except("sector"))}
    UNION ALL ${facetCounts("lifecycleStage", Prisma.sql`"lifecycleStage"`, none, from, except("lifecycleStage"))}
    UNION ALL ${facetCounts("riskClass", Prisma.sql`"riskClass"`, none, from, except("riskClass"))}
    UNION ALL ${facetCounts("generativeAi", Prisma.sql`"generativeAi"`, none, from, except("generativeAi"))}
    UNION ALL ${facetCounts("personalData", Prisma.sql`"processesPersonalData"`, none, from, except("personalData"))}
    UNION ALL ${facetCounts("technique", Prisma.sql`t.value`, none, Prisma.sql`FROM ${VIEW} CROSS JOIN LATERAL unnest("techniques") AS t(value)`, except("technique"))}
    ORDER BY "count" DESC, "value"`;
  const facets: PublicRegisterFacets = {
    organisation: [],
    organisationKind: [],
    sector: [],
    lifecycleStage: [],
    riskClass: [],
    technique: [],
    generativeAi: [],
    personalData: [],
  };
  let total = 0;
  for (const { facet, value, label, count } of counts) {
    if (facet === "total") total = count;
    else if (facet === "generativeAi" || facet === "personalData") facets[facet].push({ value: value === "true", count });
    else if (facet === "organisation") facets.organisation.push({ value: value ?? "", label: label ?? "", count });
    else (facets[facet] as PublicFacetCount<string>[]).push({ value: value ?? "", count });
  }
  return { items: items.map(toListItem), nextCursor: rows.length > page.limit && last ? cursorAfter(plan, last) : null, total, facets };
}

// --- One use case -----------------------------------------------------------------------

export interface PublicVersionEntry {
  version: number;
  publishedAt: Date;
  supersededAt: Date | null;
}

export interface PublicReportStatistics {
  openCount: number;
  answeredCount: number;
  medianResponseSeconds: number | null;
}

export type PublicUseCaseView =
  | {
      status: "PUBLISHED";
      useCaseId: string;
      organisationSlug: string;
      version: number;
      firstPublishedAt: Date;
      publishedAt: Date;
      completeness: number;
      snapshot: PublicUseCaseSnapshot;
      versions: PublicVersionEntry[];
      reports: PublicReportStatistics;
    }
  | {
      status: "RETRACTED";
      useCaseId: string;
      organisationSlug: string;
      organisationName: string;
      title: string;
      version: number;
      publishedAt: Date;
      retractedAt: Date;
      retractionReason: string;
    };

interface CurrentRow {
  useCaseId: string;
  organisationId: string;
  organisationSlug: string;
  organisationName: string;
  title: string;
  version: number;
  snapshot: unknown;
  completeness: number;
  firstPublishedAt: Date;
  publishedAt: Date;
  retractedAt: Date | null;
  retractionReason: string | null;
}

/** A use case as the public sees it at its address, or null when it was never published. */
export async function getPublicUseCase(tx: Transaction, useCaseId: string): Promise<PublicUseCaseView | null> {
  if (!z.uuid().safeParse(useCaseId).success) return null;
  const [row] = await tx.$queryRaw<CurrentRow[]>`
    SELECT "useCaseId"::text AS "useCaseId", "organisationId"::text AS "organisationId", "organisationSlug", "organisationName",
           "title", "version", "snapshot", "completeness", "firstPublishedAt", "publishedAt", "retractedAt", "retractionReason"
    FROM ${VIEW} WHERE "useCaseId" = ${useCaseId}::uuid`;
  if (!row) return null;
  if (row.retractedAt) {
    return {
      status: "RETRACTED",
      useCaseId: row.useCaseId,
      organisationSlug: row.organisationSlug,
      organisationName: row.organisationName,
      title: row.title,
      version: row.version,
      publishedAt: row.publishedAt,
      retractedAt: row.retractedAt,
      retractionReason: row.retractionReason ?? "",
    };
  }
  const versions = await tx.$queryRaw<PublicVersionEntry[]>`
    SELECT "version", "publishedAt", "supersededAt" FROM public_use_case_version
    WHERE "useCaseId" = ${useCaseId}::uuid ORDER BY "version" DESC`;
  return {
    status: "PUBLISHED",
    useCaseId: row.useCaseId,
    organisationSlug: row.organisationSlug,
    version: row.version,
    firstPublishedAt: row.firstPublishedAt,
    publishedAt: row.publishedAt,
    completeness: row.completeness,
    snapshot: publicUseCaseSnapshot.parse(row.snapshot),
    versions,
    reports: await reportStatistics(tx, useCaseId),
  };
}

/** One earlier (or the current) version of a published use case; null for a retracted or unknown one. */
export async function getPublicUseCaseVersion(
  tx: Transaction,
  useCaseId: string,
  version: number,
): Promise<{ version: number; publishedAt: Date; supersededAt: Date | null; snapshot: PublicUseCaseSnapshot } | null> {
  if (!z.uuid().safeParse(useCaseId).success) return null;
  const [row] = await tx.$queryRaw<{ version: number; publishedAt: Date; supersededAt: Date | null; snapshot: unknown }[]>`
    SELECT "version", "publishedAt", "supersededAt", "snapshot" FROM public_use_case_version
    WHERE "useCaseId" = ${useCaseId}::uuid AND "version" = ${version}`;
  return row ? { ...row, snapshot: publicUseCaseSnapshot.parse(row.snapshot) } : null;
}

/** How many reports of a published use case are open and answered, and the median time to an answer. */
export async function reportStatistics(tx: Transaction, useCaseId: string): Promise<PublicReportStatistics> {
  const [row] = await tx.$queryRaw<PublicReportStatistics[]>`
    SELECT "openCount", "answeredCount", "medianResponseSeconds" FROM public_report_statistics
    WHERE "useCaseId" = ${useCaseId}::uuid`;
  return row ?? { openCount: 0, answeredCount: 0, medianResponseSeconds: null };
}

/** Where a published (not retracted) use case belongs: for accepting a report about it. */
export async function publishedUseCaseOwner(
  tx: Transaction,
  useCaseId: string,
): Promise<{ organisationId: string; version: number; title: string; contactEmail: string | null } | null> {
  if (!z.uuid().safeParse(useCaseId).success) return null;
  const [row] = await tx.$queryRaw<{ organisationId: string; version: number; title: string; contactEmail: string | null }[]>`
    SELECT "organisationId"::text AS "organisationId", "version", "title", "snapshot"->>'contactEmail' AS "contactEmail"
    FROM ${VIEW} WHERE "useCaseId" = ${useCaseId}::uuid AND ${PUBLISHED}`;
  return row ?? null;
}

// --- Organisations ----------------------------------------------------------------------

export interface PublicOrganisationEntry {
  id: string;
  slug: string;
  name: string;
  kind: OrganisationKind;
  sector: Sector;
  websiteUrl: string | null;
  publishedCount: number;
  lastPublishedAt: Date | null;
  /** Average completeness (0-100) of its published use cases; null when it has none. */
  completeness: number | null;
}

const ORGANISATION_COLUMNS = Prisma.sql`"id"::text AS "id", "slug", "name", "kind"::text AS "kind", "sector"::text AS "sector",
  "websiteUrl", "publishedCount", "lastPublishedAt", "completeness"`;

/** Every organisation with its publication figures; `published: false` gives those that have published nothing. */
export async function listPublicOrganisations(
  tx: Transaction,
  options: { published?: boolean; kind?: OrganisationKind[]; updatedSince?: string } = {},
): Promise<PublicOrganisationEntry[]> {
  const conditions: Prisma.Sql[] = [Prisma.sql`true`];
  if (options.published === true) conditions.push(Prisma.sql`"publishedCount" > 0`);
  if (options.published === false) conditions.push(Prisma.sql`"publishedCount" = 0`);
  if (options.kind && options.kind.length > 0) conditions.push(Prisma.sql`"kind" = ANY(${options.kind}::text[]::"OrganisationKind"[])`);
  if (options.updatedSince) conditions.push(Prisma.sql`"lastPublishedAt" >= ${options.updatedSince}::timestamptz`);
  return tx.$queryRaw<PublicOrganisationEntry[]>`
    SELECT ${ORGANISATION_COLUMNS} FROM public_organisation
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY "name", "id"`;
}

export async function getPublicOrganisation(tx: Transaction, slug: string): Promise<PublicOrganisationEntry | null> {
  const [row] = await tx.$queryRaw<PublicOrganisationEntry[]>`
    SELECT ${ORGANISATION_COLUMNS} FROM public_organisation WHERE "slug" = ${slug}`;
  return row ?? null;
}
