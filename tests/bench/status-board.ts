/**
 * Benchmark of the CIO's status board and the assessment list at the scale in DESIGN.md:
 * ~650 organisations with a few dozen use cases, each use case with three assessments
 * (some in a second version), plus one large organisation, and responsibility assignments.
 *
 *   npm run bench:status               # DATABASE_URL or postgresql://postgres@127.0.0.1:5432/postgres
 *   BENCH_LARGE=20000 BENCH_RUNS=50 npm run bench:status
 *
 * Creates its own database `tillit_bench_<random>`, applies the migrations and loads the
 * templates, bulk-loads with INSERT ... SELECT generate_series (per organisation, with
 * app.organisation_id set as row-level security requires), then times the board, the
 * assessment list and the register's gap filters inside inScope as the app calls them.
 * The database is dropped at the end, also on failure. Prints figures; asserts nothing.
 */
import type pg from "pg";
import { createPrismaClient, type PrismaClient } from "../../server/db/client";
import { APP_ROLE, inScope } from "../../server/db/scope";
import { loadAssessmentTemplates } from "../../server/db/templates";
import { listAssessments } from "../../server/domain/assessments/list";
import { assessmentListFilters } from "../../server/domain/assessments/schemas";
import { statusBoard } from "../../server/domain/assessments/status-board";
import { listUseCases } from "../../server/domain/use-cases/list";
import { useCaseListFilters } from "../../server/domain/use-cases/schemas";
import { percentile, positiveInt, printTable, randomEnum, withBenchDatabase } from "./support";

const SMALL_ORGANISATIONS = positiveInt("BENCH_ORGANISATIONS", 650);
const USE_CASES_PER_SMALL = positiveInt("BENCH_PER_ORGANISATION", 30);
const USE_CASES_LARGE = positiveInt("BENCH_LARGE", 5000);
const RUNS = positiveInt("BENCH_RUNS", 20);
const BUDGET_MS = positiveInt("BENCH_BUDGET_MS", 12_000);
const WARM_UP = 2;

async function main(): Promise<void> {
  await withBenchDatabase(async (url, owner) => {
    await loadAssessmentTemplates({ connectionString: url });
    const large = await load(owner);
    const prisma = createPrismaClient(url, { max: 2 });
    try {
      await measure(prisma, large);
    } finally {
      await prisma.$disconnect();
    }
  });
}

const AREAS = ["'Socialtjänst'", "'Utbildning'", "'Hälso- och sjukvård'", "'Samhällsbyggnad'", "'Ekonomi'", "'HR'"];

const INSERT_USE_CASES = `
  INSERT INTO "UseCase" ("organisationId", "reference", "title", "publicSummary", "businessArea", "outputUse",
    "techniques", "personalData", "lifecycleStage", "riskClass", "annexIIIArea", "acquisitionMethod")
  SELECT $1::uuid, 'AI-2026-' || lpad(g::text, 5, '0'), 'Användningsfall ' || g, 'Sammanfattning ' || g,
    (ARRAY[${AREAS.join(",")}])[1 + floor(random() * ${AREAS.length})::int],
    ${randomEnum("OutputUse")},
    ARRAY[${randomEnum("AiTechnique")}],
    ARRAY[${randomEnum("PersonalDataCategory")}],
    ${randomEnum("LifecycleStage")},
    risk, CASE WHEN risk = 'HIGH_RISK' THEN ${randomEnum("AnnexIIIArea")} ELSE NULL END,
    ${randomEnum("AcquisitionMethod")}
  FROM generate_series(1, $2::int) AS g,
       LATERAL (SELECT ${randomEnum("RiskClass")} AS risk, g AS _) AS r`;

/** Three assessments per use case, in random states and dates; a fifth of them have a second (open) version. */
const INSERT_ASSESSMENTS = `
  INSERT INTO "Assessment" ("organisationId", "useCaseId", "templateId", "templateKind", "templateVersion", "seriesId",
    "seriesVersion", "status", "phase", "ownerId", "dueOn", "nextReviewOn", "approvedAt", "supersededAt")
  SELECT u."organisationId", u."id", t."id", t."kind", t."version", series.id, v.n,
    CASE WHEN v.n = 2 THEN ${randomEnum("AssessmentStatus")}::"AssessmentStatus"
         WHEN series.two THEN 'APPROVED'::"AssessmentStatus"
         ELSE ${randomEnum("AssessmentStatus")}::"AssessmentStatus" END,
    'DEVELOPMENT', $2::uuid,
    current_date + (floor(random() * 200) - 100)::int,
    current_date + (floor(random() * 400) - 60)::int,
    now() - random() * interval '300 days', NULL
  FROM "UseCase" u
  CROSS JOIN "AssessmentTemplate" t
  CROSS JOIN LATERAL (SELECT gen_random_uuid() AS id, random() < 0.2 AS two, t."id" AS _t, u."id" AS _u) AS series
  CROSS JOIN LATERAL generate_series(1, CASE WHEN series.two THEN 2 ELSE 1 END) AS v(n)
  WHERE u."organisationId" = $1::uuid AND t."kind" IN ('AI_ACT_CLASSIFICATION', 'TRUST_MODEL', 'DPIA_SCREENING')`;

const INSERT_RESPONSIBILITIES = `
  INSERT INTO "Responsibility" ("organisationId", "useCaseId", "role", "userId", "validFrom")
  SELECT u."organisationId", u."id", 'ACCOUNTABLE_OWNER', $2::uuid, current_date - 100
  FROM "UseCase" u WHERE u."organisationId" = $1::uuid AND random() < 0.7`;

interface LoadedOrganisation {
  id: string;
  useCases: number;
  ownerId: string;
}

async function load(owner: pg.Client): Promise<LoadedOrganisation> {
  const started = performance.now();
  await owner.query("BEGIN");
  try {
    const user = await owner.query<{ id: string }>(
      `INSERT INTO "User" ("email", "name") VALUES ('bench@tillit.example', 'Bench Owner') RETURNING "id"::text AS "id"`,
    );
    const ownerId = user.rows[0]!.id;
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
      if (n === 0) large = { id, useCases: count, ownerId };
      await owner.query("SELECT set_config('app.organisation_id', $1, true)", [id]);
      await owner.query(INSERT_USE_CASES, [id, count]);
      await owner.query(INSERT_ASSESSMENTS, [id, ownerId]);
      await owner.query(INSERT_RESPONSIBILITIES, [id, ownerId]);
    }
    await owner.query("COMMIT");
    if (!large) throw new Error("the large organisation was not created");
    await owner.query(`ANALYZE "UseCase", "Assessment", "Responsibility"`);
    const counts = await owner.query<{ assessments: number; use_cases: number; size: string }>(
      `SELECT (SELECT count(*)::int FROM "UseCase") AS use_cases, (SELECT count(*)::int FROM "Assessment") AS assessments,
              pg_size_pretty(pg_total_relation_size('"Assessment"')) AS size`,
    );
    const row = counts.rows[0];
    console.log(`Loaded in ${((performance.now() - started) / 1000).toFixed(1)} s: ${SMALL_ORGANISATIONS + 1} organisations, ` +
      `${row?.use_cases} use cases, ${row?.assessments} assessments (${row?.size} with indexes); ` +
      `the large organisation has ${large.useCases} use cases.`);
    return large;
  } catch (error) {
    await owner.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

interface Scenario {
  name: string;
  run: (prisma: PrismaClient, large: LoadedOrganisation) => Promise<string>;
}

const scenarios: Scenario[] = [
  {
    name: "status board (counts, overdue, reviews due, both gap cards)",
    run: async (prisma, large) => {
      const board = await inScope(prisma, { organisationId: large.id }, (tx) => statusBoard(tx, large.id, {}));
      return `total ${board.total}, overdue ${board.overdue.count}, gaps ${board.gaps.count}`;
    },
  },
  {
    name: "status board, filtered by business area",
    run: async (prisma, large) => {
      const board = await inScope(prisma, { organisationId: large.id }, (tx) => statusBoard(tx, large.id, { businessArea: "Socialtjänst" }));
      return `total ${board.total}`;
    },
  },
  {
    name: "assessment list, first page",
    run: async (prisma, large) => {
      const page = await inScope(prisma, { organisationId: large.id }, (tx) =>
        listAssessments(tx, large.id, assessmentListFilters.parse({}), { limit: 25 }),
      );
      return `total ${page.total}`;
    },
  },
  {
    name: "assessment list, overdue",
    run: async (prisma, large) => {
      const page = await inScope(prisma, { organisationId: large.id }, (tx) =>
        listAssessments(tx, large.id, assessmentListFilters.parse({ overdue: true }), { limit: 25 }),
      );
      return `total ${page.total}`;
    },
  },
  {
    name: "register filter: missing approved assessment",
    run: async (prisma, large) => {
      const page = await inScope(prisma, { organisationId: large.id }, (tx) =>
        listUseCases(tx, large.id, useCaseListFilters.parse({ assessmentGap: true }), { limit: 25 }),
      );
      return `total ${page.total}`;
    },
  },
  {
    name: "register filter: missing responsibility",
    run: async (prisma, large) => {
      const page = await inScope(prisma, { organisationId: large.id }, (tx) =>
        listUseCases(tx, large.id, useCaseListFilters.parse({ responsibilityGap: true }), { limit: 25 }),
      );
      return `total ${page.total}`;
    },
  },
];

async function measure(prisma: PrismaClient, large: LoadedOrganisation): Promise<void> {
  console.log(`\nIn inScope (as ${APP_ROLE}) for the large organisation, up to ${RUNS} runs (or ${BUDGET_MS / 1000} s) after ${WARM_UP} warm-up\n`);
  const rows: string[][] = [["scenario", "result", "runs", "median ms", "p95 ms", "max ms"]];
  for (const scenario of scenarios) {
    let result = "";
    for (let i = 0; i < WARM_UP; i += 1) result = await scenario.run(prisma, large);
    const times: number[] = [];
    const budgetStart = performance.now();
    for (let i = 0; i < RUNS && performance.now() - budgetStart < BUDGET_MS; i += 1) {
      const started = performance.now();
      result = await scenario.run(prisma, large);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    rows.push([scenario.name, result, String(times.length), percentile(times, 0.5).toFixed(1), percentile(times, 0.95).toFixed(1), (times.at(-1) ?? Number.NaN).toFixed(1)]);
  }
  printTable(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
