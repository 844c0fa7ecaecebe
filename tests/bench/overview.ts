/**
 * Benchmark of the two overviews at national scale (DESIGN.md): 650 organisations of every
 * kind and sector with 80 000 use cases and about 300 000 assessments in all, one larger
 * organisation, responsibility assignments, procurement decisions on a shared catalogue, an
 * audit history (a creation and, for a third, a later stage change per use case) and 15 % of
 * use cases shared with oversight.
 *
 *   npm run bench:overview             # DATABASE_URL or postgresql://postgres@127.0.0.1:5432/postgres
 *   BENCH_USE_CASES=20000 BENCH_RUNS=5 npm run bench:overview
 *
 * Creates its own database `tillit_bench_<random>` (tests/bench/support.ts), loads it with
 * INSERT ... SELECT generate_series per organisation, then times, as the app calls them: the
 * organisation's dashboard (in inScope as tillit_app) for a typical and for the large
 * organisation; DIGG's overview (every oversight function, through the oversight path) for
 * the whole country, one sector and one organisation (after one timed refresh of the maintained
 * aggregates, which the whole-country figures read); each oversight function on its own;
 * and next to them the same aggregates in hand-written SQL. The hand-written SQL reads the
 * tables directly as tillit_oversight_reader (whose policies admit reading), without the
 * views, the functions or the suppression. Drops the database at the end. Prints figures;
 * asserts nothing.
 */
import type pg from "pg";
import { createPrismaClient, type PrismaClient } from "../../server/db/client";
import { APP_ROLE, inScope } from "../../server/db/scope";
import { loadAssessmentTemplates } from "../../server/db/templates";
import { organisationDashboard } from "../../server/domain/overview/dashboard";
import { oversightOverview, refreshOversightAggregates } from "../../server/domain/overview/oversight";
import { percentile, positiveInt, printTable, randomEnum, withBenchDatabase } from "./support";

const ORGANISATIONS = positiveInt("BENCH_ORGANISATIONS", 650);
const USE_CASES = positiveInt("BENCH_USE_CASES", 80_000);
const LARGE = positiveInt("BENCH_LARGE", 3_000);
const RUNS = positiveInt("BENCH_RUNS", 10);
const BUDGET_MS = positiveInt("BENCH_BUDGET_MS", 20_000);
const WARM_UP = 1;

const INSERT_USE_CASES = `
  INSERT INTO "UseCase" ("organisationId", "reference", "title", "publicSummary", "businessArea", "outputUse",
    "techniques", "personalData", "lifecycleStage", "riskClass", "annexIIIArea", "acquisitionMethod", "hosting",
    "dataLeavesEea", "description", "sharedWithOversight", "createdAt")
  SELECT $1::uuid, 'AI-2026-' || lpad(g::text, 5, '0'), 'Användningsfall ' || g, 'Sammanfattning ' || g, 'Verksamhet',
    ${randomEnum("OutputUse")}, ARRAY[${randomEnum("AiTechnique")}], ARRAY[${randomEnum("PersonalDataCategory")}],
    ${randomEnum("LifecycleStage")}, risk, CASE WHEN risk = 'HIGH_RISK' THEN ${randomEnum("AnnexIIIArea")} ELSE NULL END,
    ${randomEnum("AcquisitionMethod")}, ${randomEnum("Hosting")}, random() < 0.2,
    CASE WHEN random() < 0.5 THEN 'Beskrivning' END, random() < 0.15, now() - random() * interval '400 days'
  FROM generate_series(1, $2::int) AS g,
       LATERAL (SELECT ${randomEnum("RiskClass")} AS risk, g AS _) AS r`;

const INSERT_ASSESSMENTS = `
  INSERT INTO "Assessment" ("organisationId", "useCaseId", "templateId", "templateKind", "templateVersion", "seriesId",
    "seriesVersion", "status", "phase", "ownerId", "dueOn", "nextReviewOn", "approvedAt")
  SELECT u."organisationId", u."id", t."id", t."kind", t."version", series.id, v.n,
    CASE WHEN v.n = 1 AND series.two THEN 'APPROVED'::"AssessmentStatus" ELSE ${randomEnum("AssessmentStatus")}::"AssessmentStatus" END,
    'DEVELOPMENT', $2::uuid, current_date + (floor(random() * 200) - 100)::int, current_date + (floor(random() * 400) - 60)::int,
    now() - random() * interval '300 days'
  FROM "UseCase" u
  CROSS JOIN "AssessmentTemplate" t
  CROSS JOIN LATERAL (SELECT gen_random_uuid() AS id, random() < 0.2 AS two, t."id" AS _t, u."id" AS _u) AS series
  CROSS JOIN LATERAL generate_series(1, CASE WHEN series.two THEN 2 ELSE 1 END) AS v(n)
  WHERE u."organisationId" = $1::uuid AND t."kind" IN ('AI_ACT_CLASSIFICATION', 'TRUST_MODEL', 'DPIA_SCREENING')`;

const INSERT_RESPONSIBILITIES = `
  INSERT INTO "Responsibility" ("organisationId", "useCaseId", "role", "userId", "validFrom")
  SELECT u."organisationId", u."id", 'ACCOUNTABLE_OWNER', $2::uuid, current_date - 100
  FROM "UseCase" u WHERE u."organisationId" = $1::uuid AND random() < 0.7`;

const INSERT_DECISIONS = `
  INSERT INTO "ProcurementDecision" ("organisationId", "useCaseId", "route", "supplierId", "productId", "estimatedValueSek", "status", "checklistVersion")
  SELECT u."organisationId", u."id", ${randomEnum("ProcurementRoute")}, p."supplierId", p."id", (random() * 2000000)::bigint,
    ${randomEnum("ProcurementDecisionStatus")}, 1
  FROM "UseCase" u
  CROSS JOIN LATERAL (SELECT * FROM "SupplierProduct" ORDER BY random() + (u."id" IS NULL)::int LIMIT 1) p
  WHERE u."organisationId" = $1::uuid AND u."acquisitionMethod" = 'PROCURED'`;

const INSERT_HISTORY = `
  INSERT INTO "AuditEvent" ("organisationId", "actorLabel", "entityType", "entityId", "action", "changes", "createdAt")
  SELECT u."organisationId", 'bench', 'UseCase', u."id"::text, 'useCase.created',
         jsonb_build_object('lifecycleStage', jsonb_build_object('before', NULL, 'after', 'IDEA')), u."createdAt"
  FROM "UseCase" u WHERE u."organisationId" = $1::uuid
  UNION ALL
  SELECT u."organisationId", 'bench', 'UseCase', u."id"::text, 'useCase.updated',
         jsonb_build_object('lifecycleStage', jsonb_build_object('before', 'IDEA', 'after', u."lifecycleStage"::text)),
         u."createdAt" + (now() - u."createdAt") * random()
  FROM "UseCase" u WHERE u."organisationId" = $1::uuid AND u."lifecycleStage" <> 'IDEA' AND random() < 0.33
  UNION ALL
  SELECT a."organisationId", 'bench', 'Assessment', a."id"::text, 'assessment.approved', '{}'::jsonb, a."approvedAt"
  FROM "Assessment" a WHERE a."organisationId" = $1::uuid AND a."status" = 'APPROVED'`;

interface Loaded {
  typical: string;
  large: string;
  sector: string;
}

async function load(owner: pg.Client): Promise<Loaded> {
  const started = performance.now();
  await owner.query("BEGIN");
  try {
    const user = await owner.query<{ id: string }>(`INSERT INTO "User" ("email", "name") VALUES ('bench@tillit.example', 'Bench') RETURNING "id"::text AS "id"`);
    const ownerId = user.rows[0]!.id;
    await owner.query(`
      INSERT INTO "Supplier" ("name", "country") SELECT 'Leverantör ' || n, 'SE' FROM generate_series(1, 60) n;
      INSERT INTO "SupplierProduct" ("supplierId", "name") SELECT s."id", 'Produkt ' || p FROM "Supplier" s, generate_series(1, 3) p;`);
    const organisations = await owner.query<{ id: string; n: number; sector: string }>(
      `INSERT INTO "Organisation" ("slug", "name", "organisationNumber", "kind", "sector")
       SELECT 'org-' || n, 'Organisation ' || n, lpad(n::text, 10, '0'),
              (ARRAY['CENTRAL_AGENCY','MUNICIPALITY','REGION','OTHER_PUBLIC'])[1 + n % 4]::"OrganisationKind",
              (enum_range(NULL::"Sector"))[1 + n % array_length(enum_range(NULL::"Sector"), 1)]
       FROM generate_series(0, $1::int - 1) AS n
       RETURNING "id"::text AS "id", substr("slug", 5)::int AS "n", "sector"::text AS "sector"`,
      [ORGANISATIONS],
    );
    const perOrganisation = Math.max(1, Math.floor((USE_CASES - LARGE) / Math.max(1, ORGANISATIONS - 1)));
    for (const { id, n } of organisations.rows) {
      await owner.query("SELECT set_config('app.organisation_id', $1, true)", [id]);
      await owner.query(INSERT_USE_CASES, [id, n === 0 ? LARGE : perOrganisation]);
      await owner.query(INSERT_ASSESSMENTS, [id, ownerId]);
      await owner.query(INSERT_RESPONSIBILITIES, [id, ownerId]);
      await owner.query(INSERT_DECISIONS, [id]);
      await owner.query(INSERT_HISTORY, [id]);
    }
    await owner.query("COMMIT");
    await owner.query(`ANALYZE`);
    const counts = await owner.query<Record<string, number>>(
      `SET ROLE tillit_oversight_reader;
       SELECT (SELECT count(*)::int FROM "UseCase") AS "useCases", (SELECT count(*)::int FROM "Assessment") AS "assessments",
              (SELECT count(*)::int FROM "ProcurementDecision") AS "decisions"`,
    ).then((results) => (results as unknown as pg.QueryResult<Record<string, number>>[])[1]!);
    await owner.query("RESET ROLE");
    const row = counts.rows[0]!;
    console.log(`Loaded in ${((performance.now() - started) / 1000).toFixed(1)} s: ${ORGANISATIONS} organisations, ${row.useCases} use cases, ` +
      `${row.assessments} assessments, ${row.decisions} procurement decisions; the large organisation has ${LARGE} use cases, the others ${perOrganisation}.`);
    const [large, typical] = organisations.rows;
    return { large: large!.id, typical: typical!.id, sector: typical!.sector };
  } catch (error) {
    await owner.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

interface Scenario {
  name: string;
  run: () => Promise<string>;
}

async function time(scenario: Scenario): Promise<string[]> {
  let result = "";
  for (let i = 0; i < WARM_UP; i += 1) result = await scenario.run();
  const times: number[] = [];
  const budgetStart = performance.now();
  for (let i = 0; i < RUNS && performance.now() - budgetStart < BUDGET_MS; i += 1) {
    const started = performance.now();
    result = await scenario.run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return [scenario.name, result, String(times.length), percentile(times, 0.5).toFixed(0), percentile(times, 0.95).toFixed(0)];
}

/** Hand-written SQL as the oversight reader: the tables directly, no views, functions or suppression. */
async function asReader(owner: pg.Client, sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  await owner.query("BEGIN; SET LOCAL ROLE tillit_oversight_reader");
  try {
    return await owner.query(sql, params);
  } finally {
    await owner.query("COMMIT");
  }
}

const OVERSIGHT_FUNCTIONS = [
  "oversight_breakdown(NULL, NULL, NULL)",
  "oversight_register_keepers(NULL, NULL, NULL)",
  "oversight_assessment_coverage(NULL, NULL, NULL)",
  "oversight_ai_act_readiness(NULL, NULL, NULL)",
  "oversight_responsibility_gaps(NULL, NULL, NULL)",
  "oversight_suppliers(NULL, NULL, NULL, 20)",
  "oversight_trends(NULL, NULL, NULL, 12)",
  "oversight_publication(NULL, NULL, NULL)",
];

async function measure(prisma: PrismaClient, owner: pg.Client, loaded: Loaded): Promise<void> {
  const dashboard = (organisationId: string) => async () => {
    const result = await inScope(prisma, { organisationId }, (tx) => organisationDashboard(tx, organisationId));
    return `${result.useCases.total} use cases, ${result.assessments.total} assessments`;
  };
  const overview = (filters: Parameters<typeof oversightOverview>[1]) => async () => {
    const result = await inScope(prisma, {}, (tx) => oversightOverview(tx, filters));
    return `${result.totals.useCases ?? "< 3"} use cases, ${result.breakdown.filter((row) => row.suppressed).length} suppressed`;
  };
  const slug = (await owner.query<{ slug: string }>(`SELECT "slug" FROM "Organisation" WHERE "id" = $1`, [loaded.typical])).rows[0]!.slug;

  // The maintained aggregates (migration 20261202170000_oversight_aggregates) were built when the
  // database was migrated, before the load: refresh them once, as the app's button or schedule does.
  const refreshStarted = performance.now();
  await inScope(prisma, {}, (tx) => refreshOversightAggregates(tx), { timeoutMs: 600_000 });
  console.log(`\nRefreshed the maintained oversight aggregates (oversight_refresh(), as ${APP_ROLE}) in ${(performance.now() - refreshStarted).toFixed(0)} ms`);

  const scenarios: Scenario[] = [
    { name: `dashboard, typical organisation (as ${APP_ROLE})`, run: dashboard(loaded.typical) },
    { name: `dashboard, large organisation (as ${APP_ROLE})`, run: dashboard(loaded.large) },
    {
      name: "  hand-written SQL: large organisation's use cases by stage and by risk class",
      run: async () => {
        const result = await inScope(prisma, { organisationId: loaded.large }, (tx) =>
          tx.$queryRawUnsafe<{ n: number }[]>(
            `SELECT 'stage' AS "by", "lifecycleStage"::text AS "value", count(*)::int AS n FROM "UseCase"
               WHERE "organisationId" = $1::uuid AND "archivedAt" IS NULL GROUP BY 2
             UNION ALL
             SELECT 'risk', "riskClass"::text, count(*)::int FROM "UseCase"
               WHERE "organisationId" = $1::uuid AND "archivedAt" IS NULL GROUP BY 2`,
            loaded.large,
          ),
        );
        return `${result.length} groups`;
      },
    },
    { name: "DIGG overview, whole country (all functions)", run: overview({}) },
    { name: "DIGG overview, one sector", run: overview({ sector: loaded.sector as never }) },
    { name: "DIGG overview, one organisation", run: overview({ organisation: slug }) },
    ...OVERSIGHT_FUNCTIONS.map((call) => ({
      name: `  ${call.replace(/\(.*/, "")}`,
      run: async () => {
        const result = await inScope(prisma, {}, (tx) => tx.$queryRawUnsafe<unknown[]>(`SELECT * FROM ${call}`));
        return `${result.length} rows`;
      },
    })),
    {
      name: "  hand-written SQL: use cases by risk class, organisations, undisclosed organisations",
      run: async () => {
        const result = await asReader(
          owner,
          `SELECT "riskClass", count(*), count(DISTINCT "organisationId"),
                  count(DISTINCT "organisationId") FILTER (WHERE NOT "sharedWithOversight")
           FROM "UseCase" WHERE "archivedAt" IS NULL GROUP BY "riskClass"`,
        );
        return `${result.rowCount} rows`;
      },
    },
    {
      name: "  hand-written SQL: high-risk coverage of AI Act classification by sector",
      run: async () => {
        const result = await asReader(
          owner,
          `SELECT o."sector", count(*), count(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM "Assessment" a WHERE a."organisationId" = u."organisationId" AND a."useCaseId" = u."id"
               AND a."templateKind" = 'AI_ACT_CLASSIFICATION' AND a."status" = 'APPROVED' AND a."supersededAt" IS NULL))
           FROM "UseCase" u JOIN "Organisation" o ON o."id" = u."organisationId"
           WHERE u."archivedAt" IS NULL AND u."riskClass" = 'HIGH_RISK' GROUP BY o."sector"`,
        );
        return `${result.rowCount} rows`;
      },
    },
  ];
  console.log(`\nUp to ${RUNS} runs (or ${BUDGET_MS / 1000} s) per scenario after ${WARM_UP} warm-up; times in ms\n`);
  const rows: string[][] = [["scenario", "result", "runs", "median", "p95"]];
  for (const scenario of scenarios) rows.push(await time(scenario));
  printTable(rows);
}

async function main(): Promise<void> {
  await withBenchDatabase(async (url, owner) => {
    await loadAssessmentTemplates({ connectionString: url });
    const loaded = await load(owner);
    const prisma = createPrismaClient(url, { max: 2 });
    try {
      await measure(prisma, owner, loaded);
    } finally {
      await prisma.$disconnect();
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
