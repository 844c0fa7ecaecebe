/**
 * Benchmark of the register list (listUseCases) at the scale in DESIGN.md: ~650
 * organisations with a few dozen use cases each plus one large organisation.
 *
 *   npm run bench                      # DATABASE_URL or postgresql://postgres@127.0.0.1:5432/postgres
 *   BENCH_RUNS=50 BENCH_BUDGET_MS=60000 BENCH_LARGE=20000 npm run bench
 *
 * Creates its own database `tillit_bench_<random>` on the server, applies the migrations,
 * bulk-loads with INSERT ... SELECT generate_series (one statement per organisation, with
 * app.organisation_id set as row-level security requires), then times listUseCases inside
 * inScope exactly as the app calls it, and prints EXPLAIN (ANALYZE, BUFFERS) summaries of
 * the search query as tillit_app and as the connecting (owner) role. The database is
 * dropped at the end, also on failure. Prints figures only; it asserts nothing.
 */
import type pg from "pg";
import { createPrismaClient, type PrismaClient } from "../../server/db/client";
import { APP_ROLE, inScope } from "../../server/db/scope";
import { listUseCases, prefixTsQuery, type UseCaseListPage } from "../../server/domain/use-cases/list";
import { useCaseListFilters } from "../../server/domain/use-cases/schemas";
import { percentile, positiveInt, printTable, randomEnum, withBenchDatabase } from "./support";

const SMALL_ORGANISATIONS = positiveInt("BENCH_ORGANISATIONS", 650);
const USE_CASES_PER_SMALL = positiveInt("BENCH_PER_ORGANISATION", 30);
const USE_CASES_LARGE = positiveInt("BENCH_LARGE", 5000);
const RUNS = positiveInt("BENCH_RUNS", 20);
/** A scenario stops early once its timed runs have taken this long (keeps a slow run short). */
const BUDGET_MS = positiveInt("BENCH_BUDGET_MS", 12_000);
const WARM_UP = 2;
const PAGE_SIZE = 25;
const TARGET_PAGE = 20;

/** In most texts ("beslut:*" also finds "beslutsstöd"). */
const COMMON_WORD = "beslut";
/** In one use case of 250, in the description only. */
const RARE_WORD = "fjällräddning";
const RARE_EVERY = 250;

const WORDS = [
  "ansökan", "ansökningar", "bedömning", "bedömningar", "beslut", "beslutsstöd", "bygglov", "dokument",
  "ekonomiskt", "bistånd", "elever", "skola", "förskola", "handläggning", "handläggare", "invånare",
  "kommun", "region", "myndighet", "journal", "vård", "omsorg", "patienter", "prognos", "riskbedömning",
  "sortering", "e-post", "ärenden", "ärendehantering", "tolkning", "översättning", "tal", "text",
  "sammanfattning", "chattbot", "frågor", "svar", "klassificering", "avvikelser", "fakturor", "kontroll",
  "tillsyn", "miljö", "trafik", "planering", "schemaläggning", "rekrytering", "personal", "arkiv",
  "registrator", "diarium", "bilder", "kameror", "underlag", "automatiserad", "stöd", "analys", "data",
];
const BUSINESS_AREAS = [
  "Socialtjänst", "Utbildning", "Hälso- och sjukvård", "Samhällsbyggnad", "Ekonomi", "HR", "Kommunikation", "IT",
];

// --- Database lifecycle -------------------------------------------------------------------

async function main(): Promise<void> {
  await withBenchDatabase(async (url, owner) => {
    const large = await load(owner);
    const prisma = createPrismaClient(url, { max: 2 });
    try {
      await measure(prisma, large);
      await explainSearch(owner, large);
    } finally {
      await prisma.$disconnect();
    }
  });
}

// --- Load -----------------------------------------------------------------------------------

/** Random words from the list; `count` may be an SQL expression. */
function words(count: string): string {
  return `(SELECT string_agg((ARRAY[${WORDS.map(literal).join(",")}])[1 + floor(random() * ${WORDS.length})::int], ' ')
           FROM generate_series(1, ${count} + g * 0))`;
}

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

const INSERT_USE_CASES = `
  INSERT INTO "UseCase" ("organisationId", "reference", "title", "publicSummary", "description", "businessArea",
    "outputUse", "techniques", "personalData", "lifecycleStage", "riskClass", "intendedForPublication",
    "createdAt", "updatedAt", "archivedAt")
  SELECT $1::uuid, 'AI-2026-' || lpad(g::text, 5, '0'),
    initcap(${words("3")}),
    ${words("12")},
    ${words("40")} || CASE WHEN g % ${RARE_EVERY} = 0 THEN ' ${RARE_WORD}' ELSE '' END,
    (ARRAY[${BUSINESS_AREAS.map(literal).join(",")}])[1 + floor(random() * ${BUSINESS_AREAS.length})::int],
    ${randomEnum("OutputUse")},
    ARRAY[${randomEnum("AiTechnique")}, ${randomEnum("AiTechnique")}],
    ARRAY[${randomEnum("PersonalDataCategory")}],
    ${randomEnum("LifecycleStage")},
    ${randomEnum("RiskClass")},
    random() < 0.3,
    t, t, CASE WHEN random() < 0.05 THEN t ELSE NULL END
  FROM generate_series(1, $2::int) AS g,
       LATERAL (SELECT now() - random() * interval '730 days' + g * interval '0 s' AS t) AS times`;

interface LoadedOrganisation {
  id: string;
  useCases: number;
}

async function load(owner: pg.Client): Promise<LoadedOrganisation> {
  const started = performance.now();
  await owner.query("BEGIN");
  try {
    const organisations = await owner.query<{ id: string; n: number }>(
      `INSERT INTO "Organisation" ("slug", "name", "organisationNumber", "kind", "sector")
       SELECT 'org-' || n, 'Organisation ' || n, lpad(n::text, 10, '0'), 'MUNICIPALITY', 'GENERAL_PUBLIC_SERVICES'
       FROM generate_series(0, $1::int) AS n
       RETURNING "id"::text AS "id", substr("slug", 5)::int AS "n"`,
      [SMALL_ORGANISATIONS],
    );
    let large: LoadedOrganisation | undefined;
    for (const { id, n } of organisations.rows) {
      const count = n === 0 ? USE_CASES_LARGE : USE_CASES_PER_SMALL;
      if (n === 0) large = { id, useCases: count };
      await owner.query("SELECT set_config('app.organisation_id', $1, true)", [id]);
      await owner.query(INSERT_USE_CASES, [id, count]);
    }
    await owner.query("COMMIT");
    if (!large) throw new Error("the large organisation was not created");
    await owner.query(`ANALYZE "Organisation", "UseCase"`);
    const loadMs = performance.now() - started;
    const counts = await owner.query<{ organisations: number; use_cases: number; rare: number; size: string }>(
      `SELECT (SELECT count(*)::int FROM "Organisation") AS organisations,
              (SELECT count(*)::int FROM "UseCase") AS use_cases,
              (SELECT count(*)::int FROM "UseCase" WHERE "organisationId" = $1::uuid
                 AND "searchDocument" @@ to_tsquery('pg_catalog.swedish', $2)) AS rare,
              pg_size_pretty(pg_total_relation_size('"UseCase"')) AS size`,
      [large.id, prefixTsQuery(RARE_WORD)],
    );
    const row = counts.rows[0];
    console.log(`Loaded in ${(loadMs / 1000).toFixed(1)} s (incl. ANALYZE): ${row?.organisations} organisations, ` +
      `${row?.use_cases} use cases (${row?.size} with indexes); the large organisation has ${large.useCases}, ` +
      `${row?.rare} of them with the rare word.`);
    return large;
  } catch (error) {
    await owner.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

// --- Timings of listUseCases ---------------------------------------------------------------

interface Scenario {
  name: string;
  filters: Record<string, unknown>;
  cursor?: string;
}

async function list(prisma: PrismaClient, organisationId: string, scenario: Scenario): Promise<UseCaseListPage> {
  const filters = useCaseListFilters.parse(scenario.filters);
  return inScope(prisma, { organisationId }, (tx) =>
    listUseCases(tx, organisationId, filters, { cursor: scenario.cursor, limit: PAGE_SIZE }),
  );
}

async function cursorOfPage(prisma: PrismaClient, organisationId: string, page: number): Promise<string> {
  let cursor: string | undefined;
  for (let current = 1; current < page; current += 1) {
    const result = await list(prisma, organisationId, { name: "walk", filters: {}, cursor });
    if (!result.nextCursor) throw new Error(`the register has fewer than ${page} pages`);
    cursor = result.nextCursor;
  }
  if (!cursor) throw new Error("page must be at least 2");
  return cursor;
}

async function measure(prisma: PrismaClient, large: LoadedOrganisation): Promise<void> {
  const scenarios: Scenario[] = [
    { name: "first page, default sort (updated)", filters: {} },
    { name: `page ${TARGET_PAGE} via keyset cursor`, filters: {}, cursor: await cursorOfPage(prisma, large.id, TARGET_PAGE) },
    { name: "filter lifecycleStage=IN_USE + riskClass=HIGH_RISK", filters: { lifecycleStage: "IN_USE", riskClass: "HIGH_RISK" } },
    { name: `search common word "${COMMON_WORD}"`, filters: { q: COMMON_WORD } },
    { name: `search common word, sort=relevance`, filters: { q: COMMON_WORD, sort: "relevance" } },
    { name: `search rare word "${RARE_WORD}"`, filters: { q: RARE_WORD } },
  ];
  console.log(`\nlistUseCases in inScope (as ${APP_ROLE}) for the large organisation, page size ${PAGE_SIZE}, ` +
    `up to ${RUNS} runs (or ${BUDGET_MS / 1000} s) after ${WARM_UP} warm-up; each run = 1 transaction: set_config + page query + total/facets query\n`);
  const rows: string[][] = [["scenario", "total", "items", "runs", "median ms", "p95 ms", "max ms"]];
  for (const scenario of scenarios) {
    let last: UseCaseListPage | undefined;
    for (let i = 0; i < WARM_UP; i += 1) last = await list(prisma, large.id, scenario);
    const times: number[] = [];
    const budgetStart = performance.now();
    for (let i = 0; i < RUNS && performance.now() - budgetStart < BUDGET_MS; i += 1) {
      const started = performance.now();
      last = await list(prisma, large.id, scenario);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    rows.push([
      scenario.name,
      String(last?.total ?? ""),
      String(last?.items.length ?? ""),
      String(times.length),
      percentile(times, 0.5).toFixed(1),
      percentile(times, 0.95).toFixed(1),
      (times.at(-1) ?? Number.NaN).toFixed(1),
    ]);
  }
  printTable(rows);
}

// --- EXPLAIN of the search, as tillit_app and as the owner ---------------------------------

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
}

interface ExplainOutput {
  Plan: PlanNode;
  "Planning Time": number;
  "Execution Time": number;
}

function scans(node: PlanNode): string[] {
  const own = /Scan/.test(node["Node Type"])
    ? [`${node["Node Type"]}${node["Index Name"] ? ` on ${node["Index Name"]}` : ""}`]
    : [];
  return [...own, ...(node.Plans ?? []).flatMap(scans)];
}

const SEARCH_WHERE = `"organisationId" = $1::uuid AND "archivedAt" IS NULL
  AND "searchDocument" @@ to_tsquery('pg_catalog.swedish', $2)`;

/** The two statements listUseCases runs for a search, reduced to their search part. */
const EXPLAINED = [
  {
    name: "page",
    sql: `SELECT "id", "reference", "title", "updatedAt" FROM "UseCase" WHERE ${SEARCH_WHERE}
          ORDER BY "updatedAt" DESC, "id" DESC LIMIT ${PAGE_SIZE + 1}`,
  },
  { name: "total", sql: `SELECT count(*) FROM "UseCase" WHERE ${SEARCH_WHERE}` },
];

async function explainSearch(owner: pg.Client, large: LoadedOrganisation): Promise<void> {
  const who = await owner.query<{ user: string; rolsuper: boolean; rolbypassrls: boolean }>(
    `SELECT current_user AS "user", rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
  );
  const me = who.rows[0];
  const ownerLabel = `owner (${me?.user}${me?.rolsuper || me?.rolbypassrls ? ", bypasses RLS" : ", FORCE RLS"})`;
  console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the search statements, large organisation:\n`);
  const rows: string[][] = [["word", "statement", "role", "plan ms", "exec ms", "rows", "buffers hit/read", "GIN used", "scans"]];
  for (const word of [COMMON_WORD, RARE_WORD]) {
    for (const statement of EXPLAINED) {
      for (const asApp of [true, false]) {
        await owner.query("BEGIN");
        try {
          await owner.query("SELECT set_config('app.organisation_id', $1, true)", [large.id]);
          if (asApp) await owner.query(`SELECT set_config('role', $1, true)`, [APP_ROLE]);
          const result = await owner.query<{ "QUERY PLAN": ExplainOutput[] }>(
            `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.sql}`,
            [large.id, prefixTsQuery(word)],
          );
          const explained = result.rows[0]?.["QUERY PLAN"][0];
          if (!explained) throw new Error("EXPLAIN returned nothing");
          const found = scans(explained.Plan);
          const rowsOut = statement.name === "page" ? explained.Plan["Actual Rows"] : undefined;
          rows.push([
            word,
            statement.name,
            asApp ? APP_ROLE : ownerLabel,
            explained["Planning Time"].toFixed(2),
            explained["Execution Time"].toFixed(2),
            String(rowsOut ?? "-"),
            `${explained.Plan["Shared Hit Blocks"] ?? 0}/${explained.Plan["Shared Read Blocks"] ?? 0}`,
            found.some((scan) => scan.includes("manual_UseCase_search")) ? "yes" : "no",
            [...new Set(found)].join("; "),
          ]);
        } finally {
          await owner.query("ROLLBACK");
        }
      }
    }
  }
  printTable(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
