/**
 * `npm run bench:load`: a realistic mix against a production build on the scale data, at 10,
 * 50 and 200 connections (BENCH_LOAD_CONNECTIONS), BENCH_LOAD_SECONDS (20) each, on loopback.
 *
 * Signs in one editor in each of BENCH_LOAD_ORGANISATIONS (40) organisations spread over the
 * size range of the scale data; each request is made by one of them in turn. 85 % of the requests read (the register's
 * first page, a gap filter, a use case, an assessment, the status board), 15 % write (save an
 * answer in one of that organisation's drafts; each connection owns its own answer, so a write
 * never meets a stale version). Prints throughput, latency percentiles, non-2xx answers, errors
 * and timeouts per level, and the server's peak memory; writes bench-results/load.md (BENCH_LOAD_OUT).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon, { type Request } from "autocannon";
import pg from "pg";
import { membersOf } from "../../server/db/seed/scale/organisation";
import { planOrganisations } from "../../server/db/seed/scale/plan";
import { SCALE_PASSWORD } from "../../server/db/seed/scale";
import { freePort, peakRssMb, signIn, startServer } from "./app-server";
import { positiveInt } from "./support";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DATABASE_URL = process.env.DATABASE_URL;
const SECONDS = positiveInt("BENCH_LOAD_SECONDS", 20);
const ORGANISATIONS = positiveInt("BENCH_LOAD_ORGANISATIONS", 40);
const LEVELS = (process.env.BENCH_LOAD_CONNECTIONS ?? "10,50,200").split(",").map(Number);
const OUT = process.env.BENCH_LOAD_OUT ?? join(ROOT, "bench-results", "load.md");
const WRITE_SHARE = 0.15;

interface Actor {
  slug: string;
  cookie: string;
  useCaseIds: string[];
  assessmentIds: string[];
}

interface Slot {
  actor: Actor;
  assessmentId: string;
  questionKey: string;
  version: number;
  /** A write of this answer is under way: the next write takes another answer. */
  busy: boolean;
}

/** Per organisation: an editor's sign-in, some use cases and assessments to read, drafts' answers to write. */
async function loadActors(base: string): Promise<{ actors: Actor[]; slots: Slot[] }> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  const actors: Actor[] = [];
  const slots: Slot[] = [];
  try {
    // Organisations across the whole size range, large and small, not only the largest.
    const present = new Set((await client.query<{ id: string }>(`SELECT id FROM "Organisation"`)).rows.map((row) => row.id));
    const all = planOrganisations(1).filter((org) => present.has(org.id));
    const step = Math.max(1, all.length / ORGANISATIONS);
    const chosen = Array.from({ length: Math.min(ORGANISATIONS, all.length) }, (_, i) => all[Math.floor(i * step)]!);
    for (const org of chosen) {
      const editor = membersOf(org).find((member) => member.role === "EDITOR")!;
      await client.query("BEGIN");
      await client.query(`SELECT set_config('role', 'tillit_app', true), set_config('app.organisation_id', $1, true)`, [org.id]);
      const useCases = await client.query<{ id: string }>(`SELECT id FROM "UseCase" WHERE "archivedAt" IS NULL ORDER BY "updatedAt" DESC LIMIT 20`);
      const assessments = await client.query<{ id: string }>(`SELECT id FROM "Assessment" ORDER BY "createdAt" DESC LIMIT 20`);
      const answers = await client.query<{ assessmentId: string; questionKey: string; version: number }>(
        `SELECT x."assessmentId", x."questionKey", x.version FROM "AssessmentAnswer" x JOIN "Assessment" a ON a."organisationId" = x."organisationId" AND a.id = x."assessmentId"
         WHERE a.status = 'DRAFT' AND a."templateKind" = 'TRUST_MODEL' AND x.value IN ('"YES"', '"PARTLY"') ORDER BY x."assessmentId", x."questionKey" LIMIT 10`,
      );
      await client.query("COMMIT");
      if (useCases.rows.length === 0 || assessments.rows.length === 0) continue;
      const jar = await signIn(base, editor.email, SCALE_PASSWORD);
      const actor: Actor = { slug: org.slug, cookie: jar.header(), useCaseIds: useCases.rows.map((r) => r.id), assessmentIds: assessments.rows.map((r) => r.id) };
      actors.push(actor);
      for (const answer of answers.rows) slots.push({ actor, ...answer, busy: false });
    }
  } finally {
    await client.end();
  }
  if (actors.length === 0) throw new Error("no organisations of the scale data in this database: run npm run db:seed:scale first");
  return { actors, slots };
}

const trpcGet = (path: string, input: unknown) => `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

function mixedRequest(actors: Actor[], slots: Slot[]): Request {
  let next = 0;
  return {
    method: "GET",
    path: "/api/health",
    // autocannon gives each request a fresh context: every request is a person of one of the organisations.
    setupRequest(request, context) {
      const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;
      // A write changes an answer no other write is changing at the moment, so it never meets a stale version.
      const slot = Math.random() < WRITE_SHARE ? slots.find((candidate, i) => !candidate.busy && i >= next % slots.length) ?? slots.find((candidate) => !candidate.busy) ?? null : null;
      next += 1;
      const actor = slot?.actor ?? actors[next % actors.length]!;
      const headers = { cookie: actor.cookie, "content-type": "application/json" };
      const organisationSlug = actor.slug;
      context.slot = slot;
      if (slot) {
        slot.busy = true;
        context.writing = true;
        return {
          ...request,
          method: "POST",
          path: "/api/trpc/assessments.saveAnswer",
          headers,
          body: JSON.stringify({
            json: { organisationSlug, id: slot.assessmentId, questionKey: slot.questionKey, answerVersion: slot.version, answer: { value: slot.version % 2 ? "YES" : "PARTLY", comment: null, reference: null } },
          }),
        };
      }
      context.writing = false;
      const reads = [
        () => trpcGet("useCases.list", { organisationSlug, filters: {}, limit: 25 }),
        () => trpcGet("useCases.list", { organisationSlug, filters: { responsibilityGap: true }, limit: 25 }),
        () => trpcGet("useCases.get", { organisationSlug, id: pick(actor.useCaseIds) }),
        () => trpcGet("assessments.get", { organisationSlug, id: pick(actor.assessmentIds) }),
        () => trpcGet("assessments.statusBoard", { organisationSlug }),
      ];
      return { ...request, method: "GET", path: pick(reads)(), headers, body: undefined };
    },
    onResponse(status, body, context) {
      if (process.env.BENCH_LOAD_DEBUG) console.error(status, body.slice(0, 200));
      if (!context.writing) return;
      const slot = context.slot as Slot;
      slot.busy = false;
      if (status === 200) slot.version = (JSON.parse(body) as { result: { data: { json: { answerVersion: number } } } }).result.data.json.answerVersion;
    },
  };
}

function byStatus(stats: Record<string, { count: number }> | undefined): string {
  const other = Object.entries(stats ?? {}).filter(([status]) => !status.startsWith("2"));
  return other.length > 0 ? ` (${other.map(([status, { count }]) => `${status}: ${count}`).join(", ")})` : "";
}

async function main(): Promise<void> {
  if (!DATABASE_URL) throw new Error("set DATABASE_URL to the database with the scale data (npm run db:seed:scale)");
  const started = new Date();
  const port = await freePort();
  console.error(`bench:load: starting the app on port ${port}`);
  const server = await startServer(port, join(os.tmpdir(), `tillit-load-${process.pid}`));
  const base = `http://127.0.0.1:${port}`;
  const lines = [
    "| connections | requests/s | p50 ms | p90 ms | p99 ms | max ms | 2xx | non-2xx (by status) | errors | timeouts | server peak RSS |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  try {
    const { actors, slots } = await loadActors(base);
    console.error(`bench:load: ${actors.length} organisations signed in, ${slots.length} answers to write`);
    for (const connections of LEVELS) {
      console.error(`bench:load: ${connections} connections for ${SECONDS} s`);
      const result = await autocannon({ url: base, connections, duration: SECONDS, timeout: 10, requests: [mixedRequest(actors, slots)] });
      const rss = peakRssMb(server.pid!);
      lines.push(
        `| ${connections} | ${result.requests.average.toFixed(1)} | ${result.latency.p50} | ${result.latency.p90} | ${result.latency.p99} | ${result.latency.max} | ${result["2xx"]} | ${result.non2xx}${byStatus(result.statusCodeStats)} | ${result.errors} | ${result.timeouts} | ${rss.peakMb.toFixed(0)} MB |`,
      );
    }
  } finally {
    const rss = peakRssMb(server.pid!);
    server.kill("SIGTERM");
    const cpu = os.cpus();
    const report = [
      "# Tillit load bench",
      "",
      `${started.toISOString().slice(0, 16).replace("T", " ")} UTC; ${cpu.length} × ${cpu[0]?.model ?? "CPU"}, load average ${os.loadavg().map((n) => n.toFixed(1)).join(" / ")} at the end (shared machine).`,
      "",
      `${SECONDS} s per level on loopback; 85 % reads (register page, gap filter, use case, assessment, status board), 15 % writes (save an answer), each request by one of the signed-in editors of ${ORGANISATIONS} organisations across the size range.`,
      "",
      ...lines,
      "",
      `Server peak resident memory over the run: ${rss.peakMb.toFixed(0)} MB (${rss.currentMb.toFixed(0)} MB at the end).`,
      "",
    ].join("\n");
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, report);
    console.log(report);
  }
}

main().catch((error: unknown) => {
  console.error(`bench:load: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
