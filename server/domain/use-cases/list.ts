/**
 * The register list: search, filters, sort, keyset pagination, the total and the counts
 * per filter value, all computed in SQL. The full-text condition repeats the indexed
 * expression use_case_search_document(...) exactly. Under row-level security, though,
 * PostgreSQL does not push the `@@` operator (not leakproof) into the GIN index: a search
 * reads the organisation's rows through the organisationId indexes and matches each.
 * That is fine at one organisation's register size; see the note in the migration.
 */
import { z } from "zod";
import type { Transaction } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import type { AiTechnique, LifecycleStage, PersonalDataCategory, RiskClass } from "../../db/generated/enums";
import { RuleViolationError } from "../errors";
import type { UseCaseListFilters } from "./schemas";

export interface UseCaseListItem {
  id: string;
  reference: string;
  title: string;
  publicSummary: string;
  businessArea: string;
  lifecycleStage: LifecycleStage;
  riskClass: RiskClass;
  techniques: AiTechnique[];
  intendedForPublication: boolean;
  updatedAt: Date;
  archivedAt: Date | null;
}

export interface FacetCount<T> {
  value: T;
  count: number;
}

/** Counts per filter value (values without matches are left out), most used first. */
export interface UseCaseFacets {
  lifecycleStage: FacetCount<LifecycleStage>[];
  riskClass: FacetCount<RiskClass>[];
  technique: FacetCount<AiTechnique>[];
  businessArea: FacetCount<string>[];
  personalData: FacetCount<PersonalDataCategory>[];
  published: FacetCount<boolean>[];
}

export interface UseCaseListPage {
  items: UseCaseListItem[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** Use cases matching the search and every filter. */
  total: number;
  facets: UseCaseFacets;
}

type FilterName = "q" | "lifecycleStage" | "riskClass" | "technique" | "businessArea" | "personalData" | "published" | "supplier";
type FacetName = keyof UseCaseFacets;
type Sort = UseCaseListFilters["sort"];

const SEARCH_DOCUMENT = Prisma.sql`use_case_search_document("title", "publicSummary", "description")`;
const MAX_SEARCH_WORDS = 12;

// --- Search -----------------------------------------------------------------------------

/**
 * A tsquery from the user's words: letters and digits only (so no tsquery operator
 * survives), each word a prefix (`sorter:*` finds "sortering"), all words required.
 * Null when nothing searchable is left.
 */
export function prefixTsQuery(text: string | undefined): string | null {
  const words = (text ?? "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, MAX_SEARCH_WORDS);
  return words.length === 0 ? null : words.map((word) => `${word}:*`).join(" & ");
}

function tsQuery(query: string): Prisma.Sql {
  return Prisma.sql`to_tsquery('pg_catalog.swedish', ${query})`;
}

/** `%text%` for ILIKE, with the pattern characters of the user's text taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

// --- Filters ----------------------------------------------------------------------------

/** One SQL condition per filter the user set; facets leave their own one out. */
function filterConditions(filters: UseCaseListFilters, query: string | null): Map<FilterName, Prisma.Sql> {
  const conditions = new Map<FilterName, Prisma.Sql>();
  if (query) conditions.set("q", Prisma.sql`${SEARCH_DOCUMENT} @@ ${tsQuery(query)}`);
  if (filters.lifecycleStage.length > 0) {
    conditions.set("lifecycleStage", Prisma.sql`"lifecycleStage" = ANY(${filters.lifecycleStage}::text[]::"LifecycleStage"[])`);
  }
  if (filters.riskClass.length > 0) {
    conditions.set("riskClass", Prisma.sql`"riskClass" = ANY(${filters.riskClass}::text[]::"RiskClass"[])`);
  }
  if (filters.technique.length > 0) {
    conditions.set("technique", Prisma.sql`"techniques" && ${filters.technique}::text[]::"AiTechnique"[]`);
  }
  if (filters.businessArea.length > 0) {
    conditions.set("businessArea", Prisma.sql`"businessArea" = ANY(${filters.businessArea}::text[])`);
  }
  if (filters.personalData.length > 0) {
    conditions.set("personalData", Prisma.sql`"personalData" && ${filters.personalData}::text[]::"PersonalDataCategory"[]`);
  }
  if (filters.published !== undefined) {
    conditions.set("published", Prisma.sql`"intendedForPublication" = ${filters.published}`);
  }
  if (filters.supplier) {
    conditions.set("supplier", Prisma.sql`"supplierName" ILIKE ${containsPattern(filters.supplier)}`);
  }
  return conditions;
}

function scopeCondition(organisationId: string, filters: UseCaseListFilters): Prisma.Sql {
  const archived = filters.archived ? Prisma.sql`"archivedAt" IS NOT NULL` : Prisma.sql`"archivedAt" IS NULL`;
  return Prisma.sql`"organisationId" = ${organisationId}::uuid AND ${archived}`;
}

function whereClause(scope: Prisma.Sql, conditions: Map<FilterName, Prisma.Sql>, except?: FilterName): Prisma.Sql {
  const applied = [...conditions].filter(([name]) => name !== except).map(([, condition]) => condition);
  return Prisma.sql`WHERE ${Prisma.join([scope, ...applied], " AND ")}`;
}

// --- Sort and cursor --------------------------------------------------------------------

const cursorShape = z.discriminatedUnion("sort", [
  z.object({ sort: z.literal("updated"), key: z.iso.datetime(), id: z.uuid() }),
  z.object({ sort: z.literal("title"), key: z.string(), id: z.uuid() }),
  z.object({ sort: z.literal("reference"), key: z.string(), id: z.uuid() }),
  z.object({ sort: z.literal("relevance"), key: z.number(), id: z.uuid() }),
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
  throw new RuleViolationError([{ field: "cursor", message: "This page link is no longer valid. Start from the first page." }]);
}

interface SortPlan {
  sort: Sort;
  /** The sort key column or expression, selected as "sortKey". */
  key: Prisma.Sql;
  orderBy: Prisma.Sql;
  /** Rows strictly after the cursor in this order. */
  after(cursor: Cursor): Prisma.Sql;
}

function sortPlan(sort: Sort, query: string | null): SortPlan {
  if (sort === "relevance" && query) {
    const rank = Prisma.sql`ts_rank(${SEARCH_DOCUMENT}, ${tsQuery(query)})`;
    return {
      sort,
      key: rank,
      orderBy: Prisma.sql`ORDER BY ${rank} DESC, "id" DESC`,
      after: (cursor) => Prisma.sql`(${rank}, "id") < (${cursor.key}::real, ${cursor.id}::uuid)`,
    };
  }
  if (sort === "title" || sort === "reference") {
    const column = sort === "title" ? Prisma.sql`"title"` : Prisma.sql`"reference"`;
    return {
      sort,
      key: column,
      orderBy: Prisma.sql`ORDER BY ${column} ASC, "id" ASC`,
      after: (cursor) => Prisma.sql`(${column}, "id") > (${cursor.key}, ${cursor.id}::uuid)`,
    };
  }
  // Newest change first; also what "relevance" means without a search.
  return {
    sort: "updated",
    key: Prisma.sql`"updatedAt"`,
    orderBy: Prisma.sql`ORDER BY "updatedAt" DESC, "id" DESC`,
    after: (cursor) => Prisma.sql`("updatedAt", "id") < (${cursor.key}::timestamptz, ${cursor.id}::uuid)`,
  };
}

function cursorAfter(plan: SortPlan, row: ItemRow): string {
  const key = row.sortKey;
  switch (plan.sort) {
    case "updated":
      return encodeCursor({ sort: "updated", key: new Date(key).toISOString(), id: row.id });
    case "relevance":
      return encodeCursor({ sort: "relevance", key: Number(key), id: row.id });
    case "title":
    case "reference":
      return encodeCursor({ sort: plan.sort, key: String(key), id: row.id });
  }
}

// --- Queries ----------------------------------------------------------------------------

type ItemRow = UseCaseListItem & { sortKey: Date | string | number };

async function pageOfItems(
  tx: Transaction,
  where: Prisma.Sql,
  plan: SortPlan,
  cursor: string | undefined,
  limit: number,
): Promise<{ items: UseCaseListItem[]; nextCursor: string | null }> {
  const after = cursor ? Prisma.sql`AND ${plan.after(decodeCursor(cursor, plan.sort))}` : Prisma.empty;
  const rows = await tx.$queryRaw<ItemRow[]>`
    SELECT "id"::text AS "id", "reference", "title", "publicSummary", "businessArea",
           "lifecycleStage"::text AS "lifecycleStage", "riskClass"::text AS "riskClass",
           coalesce("techniques", '{}')::text[] AS "techniques", "intendedForPublication",
           "updatedAt", "archivedAt", ${plan.key} AS "sortKey"
    FROM "UseCase"
    ${where} ${after}
    ${plan.orderBy}
    LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ sortKey: _sortKey, ...item }) => item),
    nextCursor: rows.length > limit && last ? cursorAfter(plan, last) : null,
  };
}

interface CountRow {
  facet: FacetName | "total";
  value: string | null;
  count: number;
}

/** Counts per value of one facet, with every filter applied except the facet's own. */
function facetCounts(facet: FacetName, valueExpression: Prisma.Sql, from: Prisma.Sql, where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT ${facet}::text AS "facet", (${valueExpression})::text AS "value", count(*)::int AS "count"
    ${from} ${where} GROUP BY 2`;
}

async function totalAndFacets(
  tx: Transaction,
  scope: Prisma.Sql,
  conditions: Map<FilterName, Prisma.Sql>,
): Promise<{ total: number; facets: UseCaseFacets }> {
  const table = Prisma.sql`FROM "UseCase"`;
  const except = (name: FilterName) => whereClause(scope, conditions, name);
  const rows = await tx.$queryRaw<CountRow[]>`
    SELECT 'total' AS "facet", NULL AS "value", count(*)::int AS "count" ${table} ${whereClause(scope, conditions)}
    UNION ALL ${facetCounts("lifecycleStage", Prisma.sql`"lifecycleStage"`, table, except("lifecycleStage"))}
    UNION ALL ${facetCounts("riskClass", Prisma.sql`"riskClass"`, table, except("riskClass"))}
    UNION ALL ${facetCounts("businessArea", Prisma.sql`"businessArea"`, table, except("businessArea"))}
    UNION ALL ${facetCounts("published", Prisma.sql`"intendedForPublication"`, table, except("published"))}
    UNION ALL ${facetCounts("technique", Prisma.sql`t.value`, Prisma.sql`FROM "UseCase" CROSS JOIN LATERAL unnest("techniques") AS t(value)`, except("technique"))}
    UNION ALL ${facetCounts("personalData", Prisma.sql`p.value`, Prisma.sql`FROM "UseCase" CROSS JOIN LATERAL unnest("personalData") AS p(value)`, except("personalData"))}
    ORDER BY "count" DESC, "value"`;
  return foldCounts(rows);
}

function foldCounts(rows: CountRow[]): { total: number; facets: UseCaseFacets } {
  const facets: UseCaseFacets = {
    lifecycleStage: [],
    riskClass: [],
    technique: [],
    businessArea: [],
    personalData: [],
    published: [],
  };
  let total = 0;
  // The values come from the enum columns themselves, so they are members of the enums.
  for (const { facet, value, count } of rows) {
    if (facet === "total") total = count;
    else if (facet === "published") facets.published.push({ value: value === "true", count });
    else (facets[facet] as FacetCount<string>[]).push({ value: value ?? "", count });
  }
  return { total, facets };
}

export async function listUseCases(
  tx: Transaction,
  organisationId: string,
  filters: UseCaseListFilters,
  page: { cursor?: string; limit: number },
): Promise<UseCaseListPage> {
  const query = prefixTsQuery(filters.q);
  const scope = scopeCondition(organisationId, filters);
  const conditions = filterConditions(filters, query);
  const plan = sortPlan(filters.sort, query);
  const { items, nextCursor } = await pageOfItems(tx, whereClause(scope, conditions), plan, page.cursor, page.limit);
  const { total, facets } = await totalAndFacets(tx, scope, conditions);
  return { items, nextCursor, total, facets };
}

/** The organisation's business areas in use, for the form's suggestions. */
export async function listBusinessAreas(tx: Transaction, organisationId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ businessArea: string }[]>`
    SELECT DISTINCT "businessArea" FROM "UseCase"
    WHERE "organisationId" = ${organisationId}::uuid AND "archivedAt" IS NULL
    ORDER BY "businessArea"
    LIMIT 500`;
  return rows.map((row) => row.businessArea);
}
