/**
 * `npm run bench`: the hot paths of issue 14 against a production build on the scale data.
 *
 * Needs DATABASE_URL pointing at a database loaded with `npm run db:seed:scale`. Starts the
 * app as `npm start` does (server/db/cli/start.ts: migrations, `next build` when the build is
 * stale, `next start`) on a free loopback port, signs in over HTTP as the admin of the
 * largest organisation, and for each hot path in HOT_PATHS:
 * - times the app over HTTP (tRPC procedures and route handlers, one request after the
 *   other, on loopback; the time is the request's wall time as the client sees it, which on
 *   loopback is the server's time plus well under a millisecond);
 * - times the same data by hand-written SQL through `pg` as `tillit_app` under the same
 *   row-level security (a transaction with the organisation and user set, as the app does);
 * - counts the statements each side sends to PostgreSQL for one call (the app's through
 *   tests/bench/statement-counter.mjs preloaded into the server).
 * Then the server's peak resident memory (VmHWM) and the gzip size of the JavaScript each main
 * page loads (the scripts its HTML names, as a browser fetches them). Prints one table and
 * writes it to bench-results/latest.md (BENCH_OUT).
 *
 * Settings: BENCH_RUNS (200 calls per path and side), BENCH_BUDGET_MS (90 000 per path and
 * side: a path slower than budget / runs gets fewer calls, at least BENCH_MIN_RUNS = 10),
 * BENCH_ONLY (comma-separated path names), BENCH_PORT.
 *
 * A path whose procedure or route does not exist in this build is reported as "not built";
 * adding a path is one entry in HOT_PATHS.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { membersOf } from "../../server/db/seed/scale/organisation";
import { planOrganisations } from "../../server/db/seed/scale/plan";
import { SCALE_PASSWORD } from "../../server/db/seed/scale";
import { type CookieJar, freePort, peakRssMb, signIn, startServer, statementsSoFar } from "./app-server";
import { percentile, positiveInt } from "./support";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DATABASE_URL = process.env.DATABASE_URL;
const RUNS = positiveInt("BENCH_RUNS", 200);
const MIN_RUNS = positiveInt("BENCH_MIN_RUNS", 10);
const BUDGET_MS = positiveInt("BENCH_BUDGET_MS", 90_000);
const WARM_UP = 3;
const OUT = process.env.BENCH_OUT ?? join(ROOT, "bench-results", "latest.md");
const ONLY = process.env.BENCH_ONLY?.split(",").map((name) => name.trim()).filter(Boolean);

// --- What the paths get to work with ---------------------------------------------------------

interface Fixture {
  slug: string;
  organisationId: string;
  userId: string;
  useCaseCount: number;
  /** A use case with assessments, responsibilities and a procurement decision. */
  useCaseId: string;
  /** The approved trust-model assessment with the most answers. */
  assessmentId: string;
  assessmentAnswers: number;
  /** Two drafts to save answers in: one for the app, one for the SQL side (their versions move). */
  appDraft: DraftAnswer;
  sqlDraft: DraftAnswer;
}

interface DraftAnswer {
  assessmentId: string;
  questionKey: string;
  version: number;
}

class NotBuilt extends Error {}

interface Http {
  /** A tRPC query (several names: one batched request, as the client's batch link sends them). */
  query(path: string | string[], input: unknown | unknown[]): Promise<unknown>;
  mutation(path: string, input: unknown): Promise<unknown>;
  /** Any GET; returns the body's size in bytes. */
  get(url: string): Promise<number>;
}

interface HotPath {
  name: string;
  /** One call of the app. Throw NotBuilt (the HTTP helpers do on 404) when it does not exist. */
  app(http: Http, fixture: Fixture): Promise<unknown>;
  /** The same data by hand-written SQL, inside a transaction scoped like the app's. */
  sql?(client: pg.ClientBase, fixture: Fixture): Promise<unknown>;
}

const PERSONAL = `ARRAY['ORDINARY','SPECIAL_CATEGORIES','CRIMINAL_OFFENCES','PERSONAL_IDENTITY_NUMBERS']::"PersonalDataCategory"[]`;

/** Use cases lacking an approved assessment they need (the same rule as server/domain/assessments/gaps.ts), once. */
const ASSESSMENT_GAP = `SELECT DISTINCT u.id FROM "UseCase" u
  CROSS JOIN LATERAL (
    SELECT 'AI_ACT_CLASSIFICATION'::"TemplateKind" AS kind UNION ALL SELECT 'TRUST_MODEL'
    UNION ALL SELECT 'DPIA_SCREENING' WHERE u."personalData" && ${PERSONAL}
    UNION ALL SELECT 'FRIA' WHERE u."friaRequired" IS TRUE OR (u."riskClass" = 'HIGH_RISK' AND u."friaRequired" IS NULL AND u."annexIIIArea" IS NOT NULL AND u."annexIIIArea" <> 'CRITICAL_INFRASTRUCTURE')
    UNION ALL SELECT 'GENAI_GUIDELINE' WHERE 'GENERATIVE_AI' = ANY(u.techniques)) needed
  WHERE u."organisationId" = $1 AND u."archivedAt" IS NULL AND u."lifecycleStage" <> 'RETIRED'
    AND (u."riskClass" = 'HIGH_RISK' OR u."personalData" && ${PERSONAL})
    AND NOT EXISTS (SELECT 1 FROM "Assessment" a WHERE a."organisationId" = $1 AND a."useCaseId" = u.id AND a."templateKind" = needed.kind
      AND a.status = 'APPROVED' AND a."supersededAt" IS NULL)`;

/** Use cases lacking a required responsibility in force today (server/domain/responsibilities/gaps.ts), once. */
const RESPONSIBILITY_GAP = `SELECT DISTINCT u.id FROM "UseCase" u
  CROSS JOIN LATERAL (
    SELECT 'ACCOUNTABLE_OWNER'::"ResponsibilityRole" AS role
    UNION ALL SELECT 'DATA_PROTECTION_OFFICER' WHERE u."personalData" && ${PERSONAL}
    UNION ALL SELECT 'HUMAN_OVERSIGHT' WHERE u."riskClass" = 'HIGH_RISK' OR u."outputUse" <> 'INFORMATION_ONLY'
    UNION ALL SELECT 'SUPPLIER_CONTACT' WHERE u."acquisitionMethod" IS NOT DISTINCT FROM 'PROCURED') needed
  WHERE u."organisationId" = $1 AND u."archivedAt" IS NULL AND u."lifecycleStage" NOT IN ('IDEA', 'RETIRED')
    AND NOT EXISTS (SELECT 1 FROM "Responsibility" r WHERE r."organisationId" = $1 AND r."useCaseId" = u.id AND r.role = needed.role
      AND r."validFrom" <= current_date AND (r."validTo" IS NULL OR r."validTo" >= current_date) AND r."needsReassignmentSince" IS NULL)`;

/** The register's first page, its total and its six facets in one statement (one pass over the rows). */
function registerSql(gap: string | null): string {
  const base = gap
    ? `SELECT u.* FROM "UseCase" u JOIN gap ON gap.id = u.id WHERE u."organisationId" = $1 AND u."archivedAt" IS NULL`
    : `SELECT * FROM "UseCase" WHERE "organisationId" = $1 AND "archivedAt" IS NULL`;
  return `WITH ${gap ? `gap AS MATERIALIZED (${gap}),` : ""}
    base AS MATERIALIZED (SELECT id, reference, title, "businessArea", "lifecycleStage", "riskClass", "intendedForPublication", techniques, "personalData", "updatedAt" FROM (${base}) b),
    page AS (${gap ? `SELECT * FROM base` : `SELECT id, reference, title, "businessArea", "lifecycleStage", "riskClass", "intendedForPublication", techniques, "personalData", "updatedAt" FROM "UseCase" WHERE "organisationId" = $1 AND "archivedAt" IS NULL`}
      ORDER BY "updatedAt" DESC, id DESC LIMIT 26)
    SELECT (SELECT json_agg(page) FROM page) AS page,
      (SELECT json_agg(f) FROM (SELECT "lifecycleStage", "riskClass", "businessArea", "intendedForPublication", count(*)
         FROM base GROUP BY GROUPING SETS ((), ("lifecycleStage"), ("riskClass"), ("businessArea"), ("intendedForPublication"))) f) AS facets,
      (SELECT json_agg(f) FROM (SELECT t, count(*) FROM base, unnest(techniques) t GROUP BY t) f) AS techniques,
      (SELECT json_agg(f) FROM (SELECT p, count(*) FROM base, unnest("personalData") p GROUP BY p) f) AS "personalData"`;
}

const CURRENT_ASSESSMENTS = `SELECT DISTINCT ON ("seriesId") * FROM "Assessment" WHERE "organisationId" = $1 ORDER BY "seriesId", "seriesVersion" DESC`;

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : Array.isArray(value) ? value.join(", ") : value instanceof Date ? value.toISOString() : String(value);
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The hot paths, in the issue's order. The last four are being built on other branches:
 * their names here are a guess; correct an entry when its procedure or route lands.
 */
const HOT_PATHS: HotPath[] = [
  {
    name: "register first page (page + total + facets)",
    app: (http, f) => http.query("useCases.list", { organisationSlug: f.slug, filters: {}, limit: 25 }),
    sql: (c, f) => c.query(registerSql(null), [f.organisationId]),
  },
  {
    name: 'register, filter "missing approved assessment"',
    app: (http, f) => http.query("useCases.list", { organisationSlug: f.slug, filters: { assessmentGap: true }, limit: 25 }),
    sql: (c, f) => c.query(registerSql(ASSESSMENT_GAP), [f.organisationId]),
  },
  {
    name: 'register, filter "missing responsibility"',
    app: (http, f) => http.query("useCases.list", { organisationSlug: f.slug, filters: { responsibilityGap: true }, limit: 25 }),
    sql: (c, f) => c.query(registerSql(RESPONSIBILITY_GAP), [f.organisationId]),
  },
  {
    name: "use-case page data (use case, assessments, responsibilities, procurement)",
    app: (http, f) =>
      http.query(
        ["useCases.get", "assessments.forUseCase", "responsibilities.forUseCase", "procurement.forUseCase"],
        [{ organisationSlug: f.slug, id: f.useCaseId }, ...Array(3).fill({ organisationSlug: f.slug, useCaseId: f.useCaseId })],
      ),
    sql: (c, f) =>
      c.query(
        `SELECT (SELECT row_to_json(u) FROM "UseCase" u WHERE u."organisationId" = $1 AND u.id = $2) AS "useCase",
           (SELECT json_agg(a) FROM (SELECT id, "templateKind", "templateVersion", "seriesId", "seriesVersion", status, phase, "ownerId", "dueOn", "nextReviewOn", "approvedAt", "supersededAt"
              FROM "Assessment" WHERE "organisationId" = $1 AND "useCaseId" = $2) a) AS assessments,
           (SELECT json_agg(r) FROM (SELECT r.*, p.name AS "personName" FROM "Responsibility" r LEFT JOIN "User" p ON p.id = r."userId"
              WHERE r."organisationId" = $1 AND r."useCaseId" = $2) r) AS responsibilities,
           (SELECT json_agg(d) FROM (SELECT d.*, s.name AS "supplierName" FROM "ProcurementDecision" d LEFT JOIN "Supplier" s ON s.id = d."supplierId"
              WHERE d."organisationId" = $1 AND d."useCaseId" = $2) d) AS decisions`,
        [f.organisationId, f.useCaseId],
      ),
  },
  {
    name: "use-case page (HTML, server-rendered)",
    app: (http, f) => http.get(`/${f.slug}/register/${f.useCaseId}`),
  },
  {
    name: "assessment with its answers",
    app: (http, f) => http.query("assessments.get", { organisationSlug: f.slug, id: f.assessmentId }),
    sql: (c, f) =>
      c.query(
        `SELECT (SELECT row_to_json(a) FROM "Assessment" a WHERE a."organisationId" = $1 AND a.id = $2) AS assessment,
           (SELECT json_agg(x) FROM "AssessmentAnswer" x WHERE x."organisationId" = $1 AND x."assessmentId" = $2) AS answers,
           (SELECT json_agg(c) FROM "AssessmentComment" c WHERE c."organisationId" = $1 AND c."assessmentId" = $2) AS comments,
           (SELECT row_to_json(u) FROM "UseCase" u WHERE u."organisationId" = $1
              AND u.id = (SELECT "useCaseId" FROM "Assessment" WHERE "organisationId" = $1 AND id = $2)) AS "useCase"`,
        [f.organisationId, f.assessmentId],
      ),
  },
  {
    name: "save one answer",
    app: async (http, f) => {
      const draft = f.appDraft;
      const result = (await http.mutation("assessments.saveAnswer", {
        organisationSlug: f.slug,
        id: draft.assessmentId,
        questionKey: draft.questionKey,
        answerVersion: draft.version,
        answer: { value: draft.version % 2 === 0 ? "YES" : "PARTLY", comment: null, reference: null },
      })) as { answerVersion: number };
      draft.version = result.answerVersion;
    },
    sql: async (c, f) => {
      const draft = f.sqlDraft;
      const { rows } = await c.query<{ version: number }>(
        `WITH answer AS (
           UPDATE "AssessmentAnswer" SET value = to_jsonb($4::text), version = version + 1, "updatedById" = $5, "updatedAt" = now()
           WHERE "organisationId" = $1 AND "assessmentId" = $2 AND "questionKey" = $3 AND version = $6
             AND EXISTS (SELECT 1 FROM "Assessment" WHERE "organisationId" = $1 AND id = $2 AND status IN ('DRAFT', 'CHANGES_REQUESTED'))
           RETURNING version),
         assessment AS (
           UPDATE "Assessment" SET "lastAnsweredById" = $5, "lastAnsweredAt" = now()
           WHERE "organisationId" = $1 AND id = $2 AND EXISTS (SELECT 1 FROM answer) RETURNING version),
         audit AS (
           INSERT INTO "AuditEvent" ("organisationId", "actorId", "actorLabel", "entityType", "entityId", action, changes)
           SELECT $1, $5, 'bench', 'Assessment', $2::text, 'assessment.answered', jsonb_build_object('answers.' || $3, jsonb_build_object('after', $4::text))
           FROM answer)
         SELECT version FROM answer`,
        [f.organisationId, draft.assessmentId, draft.questionKey, draft.version % 2 === 0 ? "YES" : "PARTLY", f.userId, draft.version],
      );
      if (!rows[0]) throw new Error("the hand-written save hit a stale version");
      draft.version = rows[0].version;
    },
  },
  {
    name: "status board",
    app: (http, f) => http.query("assessments.statusBoard", { organisationSlug: f.slug }),
    sql: (c, f) =>
      c.query(
        `WITH current AS MATERIALIZED (${CURRENT_ASSESSMENTS})
         SELECT (SELECT json_agg(x) FROM (SELECT "templateKind", status, count(*) FROM current GROUP BY 1, 2) x) AS counts,
           (SELECT json_agg(x) FROM (SELECT id, "useCaseId", "templateKind", "dueOn", "nextReviewOn" FROM current
              WHERE (status <> 'APPROVED' AND "dueOn" < current_date) OR (status = 'APPROVED' AND "nextReviewOn" < current_date)
              ORDER BY coalesce("dueOn", "nextReviewOn") LIMIT 10) x) AS overdue,
           (SELECT count(*) FROM current WHERE (status <> 'APPROVED' AND "dueOn" < current_date) OR (status = 'APPROVED' AND "nextReviewOn" < current_date)) AS "overdueCount",
           (SELECT json_agg(x) FROM (SELECT id, "useCaseId", "templateKind", "nextReviewOn" FROM current
              WHERE status = 'APPROVED' AND "nextReviewOn" BETWEEN current_date AND current_date + 30 ORDER BY "nextReviewOn" LIMIT 10) x) AS "reviewsDue",
           (SELECT count(*) FROM (${ASSESSMENT_GAP}) g) AS "assessmentGaps",
           (SELECT count(*) FROM (${RESPONSIBILITY_GAP}) g) AS "responsibilityGaps"`,
        [f.organisationId],
      ),
  },
  {
    name: "export all use cases (CSV)",
    app: (http, f) => http.get(`/api/organisations/${f.slug}/use-cases/export?format=csv`),
    sql: async (c, f) => {
      const { rows, fields } = await c.query(`SELECT * FROM "UseCase" WHERE "organisationId" = $1 AND "archivedAt" IS NULL ORDER BY reference`, [f.organisationId]);
      const names = fields.map((field) => field.name).filter((name) => name !== "searchDocument");
      const lines = [names.join(";"), ...rows.map((row: Record<string, unknown>) => names.map((name) => csvCell(row[name])).join(";"))];
      return `\uFEFF${lines.join("\r\n")}`.length;
    },
  },
  // Being built on other branches (issue 14 lists them): correct the names when they land.
  { name: "overview of the organisation", app: (http, f) => http.query("overview.organisation", { organisationSlug: f.slug }) },
  { name: "oversight overview (whole sector)", app: (http) => http.query("oversight.overview", {}) },
  { name: "public register search", app: (http) => http.query("publicRegister.search", { q: "chattbot" }) },
  { name: "open-data dump", app: (http) => http.get("/api/open-data/use-cases.json") },
];

/** The main pages whose JavaScript is weighed. */
const PAGES = (f: Fixture) => [
  ["sign-in", "/sign-in"],
  ["register", `/${f.slug}/register`],
  ["use case", `/${f.slug}/register/${f.useCaseId}`],
  ["use case, edit", `/${f.slug}/register/${f.useCaseId}/edit`],
  ["assessment", `/${f.slug}/assessments/${f.assessmentId}`],
  ["assessments", `/${f.slug}/assessments`],
  ["status board", `/${f.slug}/status`],
] as const;

function httpClient(base: string, jar: CookieJar): Http {
  const headers = () => ({ cookie: jar.header(), "x-trpc-source": "bench" });
  const unwrap = async (response: Response, label: string) => {
    const body = await response.text();
    if (response.status === 404 && /NOT_FOUND|No procedure found|-32004/.test(body)) throw new NotBuilt(label);
    if (!response.ok) throw new Error(`${label}: HTTP ${response.status} ${body.slice(0, 300)}`);
    return JSON.parse(body) as unknown;
  };
  return {
    async query(path, input) {
      if (Array.isArray(path)) {
        const inputs = Object.fromEntries((input as unknown[]).map((value, i) => [i, { json: value }]));
        const url = `${base}/api/trpc/${path.join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`;
        const results = (await unwrap(await fetch(url, { headers: headers() }), path.join(","))) as { result?: { data: { json: unknown } } }[];
        return results.map((result) => result.result?.data.json);
      }
      const url = `${base}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
      return ((await unwrap(await fetch(url, { headers: headers() }), path)) as { result: { data: { json: unknown } } }).result.data.json;
    },
    async mutation(path, input) {
      const response = await fetch(`${base}/api/trpc/${path}`, {
        method: "POST",
        headers: { ...headers(), "content-type": "application/json" },
        body: JSON.stringify({ json: input }),
      });
      return ((await unwrap(response, path)) as { result: { data: { json: unknown } } }).result.data.json;
    },
    async get(url) {
      const response = await fetch(`${base}${url}`, { headers: headers(), redirect: "manual" });
      if (response.status === 404) throw new NotBuilt(url);
      if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
      return (await response.arrayBuffer()).byteLength;
    },
  };
}

// --- The fixture and the scoped SQL side ----------------------------------------------------

async function scoped<T>(client: pg.ClientBase, f: Pick<Fixture, "organisationId" | "userId">, work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    await client.query(`SELECT set_config('role', 'tillit_app', true), set_config('app.organisation_id', $1, true), set_config('app.user_id', $2, true)`, [
      f.organisationId,
      f.userId,
    ]);
    const result = await work();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

async function loadFixture(client: pg.ClientBase): Promise<Fixture & { email: string }> {
  const largest = planOrganisations(1)[0]!; // the same organisation at every scale
  const admin = membersOf(largest).find((member) => member.role === "ADMIN")!;
  const org = await client.query<{ id: string; slug: string }>(`SELECT id, slug FROM "Organisation" WHERE id = $1`, [largest.id]);
  if (!org.rows[0]) throw new Error(`${largest.name} is not in this database: load the scale data first (npm run db:seed:scale)`);
  const ids = { organisationId: org.rows[0].id, userId: admin.id };
  return scoped(client, ids, async () => {
    const one = async <T extends pg.QueryResultRow>(sql: string): Promise<T> => {
      const { rows } = await client.query<T>(sql, [ids.organisationId]);
      if (!rows[0]) throw new Error(`the scale data lacks what the bench needs: ${sql.slice(0, 80)}`);
      return rows[0];
    };
    const count = await one<{ n: number }>(`SELECT count(*)::int AS n FROM "UseCase" WHERE "organisationId" = $1 AND "archivedAt" IS NULL`);
    const useCase = await one<{ id: string }>(
      `SELECT u.id FROM "UseCase" u WHERE u."organisationId" = $1 AND u."archivedAt" IS NULL
         AND EXISTS (SELECT 1 FROM "ProcurementDecision" d WHERE d."organisationId" = $1 AND d."useCaseId" = u.id)
         AND EXISTS (SELECT 1 FROM "Responsibility" r WHERE r."organisationId" = $1 AND r."useCaseId" = u.id)
       ORDER BY (SELECT count(*) FROM "Assessment" a WHERE a."organisationId" = $1 AND a."useCaseId" = u.id) DESC, u.id LIMIT 1`,
    );
    const assessment = await one<{ id: string; n: number }>(
      `SELECT a.id, count(*)::int AS n FROM "Assessment" a JOIN "AssessmentAnswer" x ON x."organisationId" = a."organisationId" AND x."assessmentId" = a.id
       WHERE a."organisationId" = $1 AND a."templateKind" = 'TRUST_MODEL' AND a.status = 'APPROVED' GROUP BY a.id ORDER BY n DESC, a.id LIMIT 1`,
    );
    const drafts = await client.query<{ id: string; questionKey: string; version: number }>(
      `SELECT DISTINCT ON (a.id) a.id, x."questionKey", x.version FROM "Assessment" a
         JOIN "AssessmentAnswer" x ON x."organisationId" = a."organisationId" AND x."assessmentId" = a.id
       WHERE a."organisationId" = $1 AND a."templateKind" = 'TRUST_MODEL' AND a.status = 'DRAFT' AND x.value IN ('"YES"', '"PARTLY"')
       ORDER BY a.id, x."questionKey" LIMIT 2`,
      [ids.organisationId],
    );
    if (drafts.rows.length < 2) throw new Error("the scale data has fewer than two trust-model drafts with answers");
    const draft = (row: { id: string; questionKey: string; version: number }): DraftAnswer => ({ assessmentId: row.id, questionKey: row.questionKey, version: row.version });
    return {
      ...ids,
      email: admin.email,
      slug: org.rows[0]!.slug,
      useCaseCount: count.n,
      useCaseId: useCase.id,
      assessmentId: assessment.id,
      assessmentAnswers: assessment.n,
      appDraft: draft(drafts.rows[0]!),
      sqlDraft: draft(drafts.rows[1]!),
    };
  });
}

// --- Timing -----------------------------------------------------------------------------------

interface Timing {
  runs: number;
  /** Calls that answered with an error (timed too: it is what the user waited for). */
  failures: number;
  firstFailure?: string;
  p50: number;
  p95: number;
  p99: number;
}

async function time(call: () => Promise<unknown>): Promise<Timing> {
  let failures = 0;
  let firstFailure: string | undefined;
  const attempt = async () => {
    try {
      await call();
    } catch (error) {
      if (error instanceof NotBuilt) throw error;
      failures += 1;
      firstFailure ??= error instanceof Error ? error.message.slice(0, 160) : String(error);
    }
  };
  for (let i = 0; i < WARM_UP; i += 1) await attempt();
  failures = 0;
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < RUNS && (samples.length < MIN_RUNS || performance.now() - started < BUDGET_MS)) {
    const start = performance.now();
    await attempt();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { runs: samples.length, failures, firstFailure, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), p99: percentile(samples, 0.99) };
}

interface Row {
  name: string;
  app: Timing | "not built" | string;
  sql: Timing | null;
  appStatements: number | null;
  sqlStatements: number | null;
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

function formatReport(rows: Row[], context: { fixture: Fixture; rss: { peakMb: number; currentMb: number }; pages: [string, number, number][]; counts: string; started: Date; seconds: number }): string {
  const header = "| path | app p50 | app p95 | app p99 | SQL p50 | SQL p95 | SQL p99 | ratio p50 | statements app / SQL | calls app / SQL |";
  const lines = [header, "|---|---|---|---|---|---|---|---|---|---|"];
  for (const row of rows) {
    if (typeof row.app === "string") {
      lines.push(`| ${row.name} | ${row.app} | | | | | | | | |`);
      continue;
    }
    const sql = row.sql;
    lines.push(
      `| ${row.name} | ${ms(row.app.p50)} | ${ms(row.app.p95)} | ${ms(row.app.p99)} | ${sql ? ms(sql.p50) : ""} | ${sql ? ms(sql.p95) : ""} | ${sql ? ms(sql.p99) : ""} | ` +
        `${sql ? (row.app.p50 / sql.p50).toFixed(1) : ""} | ${row.appStatements ?? "?"} / ${row.sqlStatements ?? ""} | ${row.app.runs}${row.app.failures > 0 ? ` (${row.app.failures} failed)` : ""} / ${sql?.runs ?? ""} |`,
    );
  }
  const failures = rows.flatMap((row) => (typeof row.app !== "string" && row.app.failures > 0 ? [`- ${row.name}: ${row.app.failures} of ${row.app.runs} calls failed, e.g. ${row.app.firstFailure}`] : []));
  const pageLines = ["| page | scripts | JavaScript, gzip |", "|---|---|---|", ...context.pages.map(([name, scripts, bytes]) => `| ${name} | ${scripts} | ${(bytes / 1024).toFixed(0)} KB |`)];
  const cpu = os.cpus();
  return [
    `# Tillit bench: hot paths on the scale data`,
    "",
    `${context.started.toISOString().slice(0, 16).replace("T", " ")} UTC, ${context.seconds.toFixed(0)} s; ${cpu.length} × ${cpu[0]?.model ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, ` +
      `load average ${os.loadavg().map((n) => n.toFixed(1)).join(" / ")} at the end (the machine is shared: read the ratios); Node ${process.version}.`,
    "",
    `Data: ${context.counts}. Largest organisation: /${context.fixture.slug}, ${context.fixture.useCaseCount} use cases in the register; the assessment has ${context.fixture.assessmentAnswers} answers.`,
    "",
    "Milliseconds per call. App: over HTTP on loopback as the signed-in admin (`next start`, production build), one request after another. " +
      "SQL: the same data by hand-written SQL through `pg` as `tillit_app` under the same row-level security, in a transaction scoped as the app's (BEGIN, set_config, the statement, COMMIT). " +
      "Statements: what each side sends to PostgreSQL for one call (the app's counted in the server's `pg` client).",
    "",
    ...lines,
    "",
    ...(failures.length > 0 ? ["Failed calls (timed all the same):", "", ...failures, ""] : []),
    `Server (next start) resident memory: peak ${context.rss.peakMb.toFixed(0)} MB, ${context.rss.currentMb.toFixed(0)} MB at the end.`,
    "",
    "JavaScript each main page loads (the scripts its HTML names, gzip -6):",
    "",
    ...pageLines,
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  if (!DATABASE_URL) throw new Error("set DATABASE_URL to the database with the scale data (npm run db:seed:scale)");
  const started = new Date();
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  const sqlClient = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await sqlClient.connect();
  const fixture = await loadFixture(admin);
  const countsRow = await admin.query(
    `SELECT (SELECT count(*) FROM "Organisation") AS organisations, pg_size_pretty(pg_database_size(current_database())) AS size`,
  );
  const counts = `${countsRow.rows[0].organisations} organisations, database ${countsRow.rows[0].size}`;
  await admin.end();

  const counterDir = join(os.tmpdir(), `tillit-bench-${process.pid}`);
  mkdirSync(counterDir, { recursive: true });
  const counterFile = join(counterDir, "statements");
  const port = positiveInt("BENCH_PORT", 0) || (await freePort());
  console.error(`bench: starting the app on port ${port} (a stale build is rebuilt first)`);
  const server = await startServer(port, counterFile);
  const rows: Row[] = [];
  let pages: [string, number, number][] = [];
  try {
    const base = `http://127.0.0.1:${port}`;
    const http = httpClient(base, await signIn(base, fixture.email, SCALE_PASSWORD));
    const countStatements = async (call: () => Promise<unknown>) => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const before = statementsSoFar(counterFile);
      await call();
      await new Promise((resolve) => setTimeout(resolve, 200));
      return statementsSoFar(counterFile) - before;
    };
    for (const path of HOT_PATHS) {
      if (ONLY && !ONLY.some((name) => path.name.includes(name))) continue;
      console.error(`bench: ${path.name}`);
      const row: Row = { name: path.name, app: "not built", sql: null, appStatements: null, sqlStatements: null };
      try {
        row.appStatements = existsSync(counterDir) ? await countStatements(() => path.app(http, fixture).catch((error: unknown) => {
          if (error instanceof NotBuilt) throw error;
        })) : null;
        row.app = await time(() => path.app(http, fixture));
      } catch (error) {
        if (!(error instanceof NotBuilt)) row.app = `failed: ${error instanceof Error ? error.message.slice(0, 120) : String(error)}`;
        rows.push(row);
        continue;
      }
      if (path.sql) {
        const sql = path.sql;
        let statements = 0;
        const counted = {
          query: (text: string, values?: unknown[]) => {
            statements += 1;
            return sqlClient.query(text, values);
          },
        } as unknown as pg.ClientBase;
        await scoped(counted, fixture, () => sql(counted, fixture));
        row.sqlStatements = statements;
        row.sql = await time(() => scoped(sqlClient, fixture, () => sql(sqlClient, fixture)));
      }
      rows.push(row);
    }
    console.error("bench: weighing the pages' JavaScript");
    pages = await weighPages(base, fixture);
  } finally {
    const rss = peakRssMb(server.pid!);
    server.kill("SIGTERM");
    await sqlClient.end();
    rmSync(counterDir, { recursive: true, force: true });
    const report = formatReport(rows, { fixture, rss, pages, counts, started, seconds: (Date.now() - started.getTime()) / 1000 });
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, report);
    console.log(report);
    console.error(`bench: written to ${OUT}`);
  }
}

async function weighPages(base: string, fixture: Fixture & { email: string }): Promise<[string, number, number][]> {
  const jar = await signIn(base, fixture.email, SCALE_PASSWORD);
  const result: [string, number, number][] = [];
  const cache = new Map<string, number>();
  for (const [name, url] of PAGES(fixture)) {
    const response = await fetch(`${base}${url}`, { headers: { cookie: name === "sign-in" ? "" : jar.header() }, redirect: "manual" });
    if (!response.ok) {
      result.push([`${name} (HTTP ${response.status})`, 0, 0]);
      continue;
    }
    const html = await response.text();
    const scripts = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map((match) => match[1]!))];
    let bytes = 0;
    for (const src of scripts) {
      if (!cache.has(src)) cache.set(src, gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer()), { level: 6 }).byteLength);
      bytes += cache.get(src)!;
    }
    result.push([name, scripts.length, bytes]);
  }
  return result;
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
