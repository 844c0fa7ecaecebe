/**
 * Benchmark of the open-data dump: memory and time of streaming everything published, as
 * JSON Lines and CSV, and of writing and serving the daily file, on a large fixture. It
 * shows that memory stays flat as the register grows (the stream holds one batch).
 *
 *   npx tsx tests/bench/open-data-dump.ts         # DATABASE_URL or postgresql://postgres@127.0.0.1:5432/postgres
 *   BENCH_DUMP_SIZES=5000,50000 npx tsx tests/bench/open-data-dump.ts
 *
 * For each size it creates its own database `tillit_bench_<random>` (dropped afterwards,
 * also on failure), loads 100 organisations and that many published use cases (a valid
 * snapshot of about 2 kB each, per organisation with app.organisation_id set as row-level
 * security requires), then reads the streams to the end as a client would, sampling the
 * live heap (after a forced garbage collection, every 10 chunks; run with --expose-gc, as
 * `npm run bench:open-data` does) and the RSS. Prints figures; asserts nothing.
 */
import type pg from "pg";
import { createPrismaClient } from "../../server/db/client";
import { dailyDump, dailyDumpStream, dumpStream, swedishDay } from "../../server/domain/public-register/open-data/dump";
import { publicUseCaseSnapshot } from "../../server/domain/public-register/snapshot";
import { printTable, withBenchDatabase } from "./support";

const SIZES = (process.env.BENCH_DUMP_SIZES ?? "2000,20000").split(",").map((size) => Number(size.trim()));
const ORGANISATIONS = 100;

const words = "beslutsstöd handläggning ansökan invånare kommun region myndighet språkmodell prognos klassificering".split(" ");
const prose = (n: number) => Array.from({ length: n }, (_, index) => words[index % words.length]).join(" ");

/** A valid snapshot; the SQL below replaces its ids, title and organisation per row. */
const template = publicUseCaseSnapshot.parse({
  schemaVersion: 1,
  useCaseId: "00000000-0000-4000-8000-000000000000",
  reference: "AI-2026-001",
  organisation: {
    id: "00000000-0000-4000-8000-000000000000",
    slug: "org",
    name: "Organisation",
    organisationNumber: "0000000000",
    kind: "MUNICIPALITY",
    sector: "GENERAL_PUBLIC_SERVICES",
    websiteUrl: null,
  },
  contactEmail: "registrator@kommun.example",
  title: "Användningsfall",
  publicSummary: prose(40),
  description: prose(120),
  registryNumber: null,
  tags: ["bench"],
  businessArea: "Socialtjänst",
  problemAndBenefit: prose(60),
  intendedUsers: "Handläggare",
  affectedGroups: ["CITIZENS"],
  outputUse: "DECISION_SUPPORT",
  humanOversight: prose(30),
  appealProcess: null,
  legalBasis: prose(20),
  legalReferences: [],
  necessity: null,
  subsidiarity: null,
  proportionality: null,
  alternativesConsidered: null,
  consequenceOfNotDeploying: null,
  techniques: ["LANGUAGE_PROCESSING"],
  generativeAi: false,
  modelsAndVersions: null,
  acquisitionMethod: "PROCURED",
  supplierName: "Leverantör AB",
  hosting: "SWEDISH_CLOUD",
  dataLeavesEea: false,
  dataSources: prose(20),
  processesPersonalData: true,
  personalData: ["ORDINARY"],
  trainingData: null,
  lifecycleStage: "IN_USE",
  startedOn: "2025-01-01",
  inUseSince: "2025-06-01",
  retiredOn: null,
  aiActRoles: ["DEPLOYER"],
  riskClass: "MINIMAL",
  annexIIIArea: null,
  riskClassJustification: prose(15),
  dpiaDone: true,
  friaDone: false,
  approvedAssessments: [{ templateKind: "AI_ACT_CLASSIFICATION", templateVersion: 1, approvedAt: "2026-01-01T00:00:00.000Z", riskClass: "MINIMAL" }],
  procurement: [],
  withheld: [],
});

async function load(owner: pg.Client, total: number): Promise<void> {
  await owner.query("BEGIN");
  const organisations = await owner.query<{ id: string; slug: string; name: string }>(
    `INSERT INTO "Organisation" ("slug", "name", "organisationNumber", "kind", "sector")
     SELECT 'org-' || n, 'Kommun ' || n, lpad(n::text, 10, '0'), 'MUNICIPALITY', 'GENERAL_PUBLIC_SERVICES'
     FROM generate_series(1, $1::int) AS n RETURNING "id"::text, "slug", "name"`,
    [ORGANISATIONS],
  );
  const perOrganisation = Math.ceil(total / ORGANISATIONS);
  for (const organisation of organisations.rows) {
    await owner.query("SELECT set_config('app.organisation_id', $1, true)", [organisation.id]);
    await owner.query(
      `WITH created AS (
         INSERT INTO "UseCase" ("organisationId", "reference", "title", "publicSummary", "businessArea", "outputUse")
         SELECT $1::uuid, 'AI-2026-' || lpad(g::text, 5, '0'), 'Användningsfall ' || g, 'Sammanfattning', 'Socialtjänst', 'DECISION_SUPPORT'
         FROM generate_series(1, $2::int) AS g
         RETURNING "id", "reference", "title")
       INSERT INTO "PublishedUseCaseSnapshot" ("organisationId", "useCaseId", "version", "snapshot", "title", "organisationKind", "sector",
         "lifecycleStage", "riskClass", "techniques", "generativeAi", "processesPersonalData", "completeness", "firstPublishedAt", "publishedAt")
       SELECT $1::uuid, c."id", 1,
              $3::jsonb || jsonb_build_object('useCaseId', c."id"::text, 'reference', c."reference", 'title', c."title",
                'organisation', ($3::jsonb->'organisation') || jsonb_build_object('id', $1::text, 'slug', $4::text, 'name', $5::text)),
              c."title", 'MUNICIPALITY', 'GENERAL_PUBLIC_SERVICES', 'IN_USE', 'MINIMAL', ARRAY['LANGUAGE_PROCESSING']::"AiTechnique"[], false, true, 60,
              now() - random() * interval '365 days', now()
       FROM created c`,
      [organisation.id, perOrganisation, JSON.stringify(template), organisation.slug, organisation.name],
    );
  }
  await owner.query("COMMIT");
  await owner.query(`ANALYZE "PublishedUseCaseSnapshot"`);
}

interface Measured {
  bytes: number;
  ms: number;
  /** The most live heap seen: sampled right after a garbage collection, every 10 chunks. */
  peakHeapMb: number;
  peakRssMb: number;
}

async function consume(stream: ReadableStream<Uint8Array>): Promise<Measured> {
  global.gc?.();
  const baseHeap = process.memoryUsage().heapUsed;
  let peakHeap = 0;
  let peakRss = 0;
  let bytes = 0;
  let chunks = 0;
  const started = performance.now();
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    chunks += 1;
    if (chunks % 10 === 0) global.gc?.();
    const memory = process.memoryUsage();
    if (chunks % 10 === 0 || !global.gc) peakHeap = Math.max(peakHeap, memory.heapUsed - baseHeap);
    peakRss = Math.max(peakRss, memory.rss);
  }
  return { bytes, ms: performance.now() - started, peakHeapMb: peakHeap / 2 ** 20, peakRssMb: peakRss / 2 ** 20 };
}

async function main(): Promise<void> {
  const rows: string[][] = [["Use cases", "What", "MB out", "Seconds", "Peak live heap above start (MB)", "Peak RSS (MB)"]];
  for (const size of SIZES) {
    await withBenchDatabase(async (url, owner) => {
      const started = performance.now();
      await load(owner, size);
      console.log(`Loaded ${size} published use cases in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
      const prisma = createPrismaClient(url, { max: 2 });
      try {
        const row = (what: string, m: Measured) =>
          rows.push([String(size), what, (m.bytes / 2 ** 20).toFixed(1), (m.ms / 1000).toFixed(1), m.peakHeapMb.toFixed(1), m.peakRssMb.toFixed(0)]);
        row("dump.jsonl (live)", await consume(dumpStream(prisma, "jsonl")));
        row("dump.csv (live)", await consume(dumpStream(prisma, "csv")));
        const writeStarted = performance.now();
        const daily = await dailyDump(prisma, "jsonl", { day: swedishDay() });
        rows.push([
          String(size),
          "daily.jsonl written",
          ((daily?.byteCount ?? 0) / 2 ** 20).toFixed(1),
          ((performance.now() - writeStarted) / 1000).toFixed(1),
          "–",
          (process.memoryUsage().rss / 2 ** 20).toFixed(0),
        ]);
        if (daily) row("daily.jsonl served", await consume(dailyDumpStream(prisma, daily)));
      } finally {
        await prisma.$disconnect();
      }
    });
  }
  printTable(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
