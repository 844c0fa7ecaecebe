/**
 * The register export as the file route does it (app/api/organisations/[org]/use-cases/export):
 * `useCaseFiles.exportBatch` through the real router and guard, one scoped transaction per
 * batch, the file streamed chunk by chunk (exportChunks), as an admin of an organisation with
 * BENCH_USE_CASES use cases (8 000 by default, about the largest organisation at national scale).
 *
 *   npm run bench:export
 *   BENCH_RUNS=5 BENCH_FORMAT=json BENCH_USE_CASES=32000 npm run bench:export
 *
 * Creates its own database `tillit_bench_<random>` on DATABASE_URL's server (migrations
 * applied, the use cases bulk-loaded with texts in every column the export writes often) and
 * drops it at the end. Prints, per run, the time to the first rows and to the last, the
 * rows, batches and bytes, and the process's peak resident memory; asserts nothing.
 */
import { loadavg } from "node:os";
import type pg from "pg";
import { createCaller } from "../../server/api/root";
import { createContext } from "../../server/api/trpc";
import { createPrismaClient } from "../../server/db/client";
import { type ExportBatch, type ExportRecord, exportChunks } from "../../server/domain/use-cases/export";
import { positiveInt, randomEnum, withBenchDatabase } from "./support";

const RUNS = positiveInt("BENCH_RUNS", 3);
const FORMAT = process.env.BENCH_FORMAT === "json" ? "json" : "csv";
const USE_CASES = positiveInt("BENCH_USE_CASES", 8_000);

const LOREM = "Handläggaren får ett förslag som bygger på tidigare beslut och ärendets uppgifter, och beslutar själv";

async function load(owner: pg.Client): Promise<{ slug: string; userId: string; useCases: number }> {
  await owner.query("BEGIN");
  const organisation = await owner.query<{ id: string }>(
    `INSERT INTO "Organisation" ("slug", "name", "organisationNumber", "kind", "sector")
     VALUES ('stora-myndigheten', 'Stora myndigheten', '2021000001', 'CENTRAL_AGENCY', 'GENERAL_PUBLIC_SERVICES') RETURNING "id"::text AS "id"`,
  );
  const id = organisation.rows[0]!.id;
  const user = await owner.query<{ id: string }>(
    `INSERT INTO "User" ("email", "name") VALUES ('admin@stora.example', 'Admin') RETURNING "id"::text AS "id"`,
  );
  await owner.query("SELECT set_config('app.organisation_id', $1, true)", [id]);
  await owner.query(`INSERT INTO "Membership" ("organisationId", "userId", "role") VALUES ($1::uuid, $2::uuid, 'ADMIN')`, [id, user.rows[0]!.id]);
  await owner.query(
    `INSERT INTO "UseCase" ("organisationId", "reference", "title", "publicSummary", "description", "businessArea",
       "problemAndBenefit", "intendedUsers", "humanOversight", "legalBasis", "dataSources", "supplierName",
       "outputUse", "techniques", "personalData", "lifecycleStage", "riskClass", "intendedForPublication", "tags",
       "legalReferences", "startedOn", "createdAt", "updatedAt")
     SELECT $1::uuid, 'AI-2026-' || lpad(g::text, 5, '0'), 'Användningsfall ' || g, $2 || ' ' || g, repeat($2 || '. ', 4),
       (ARRAY['Socialtjänst','Utbildning','Hälso- och sjukvård','Samhällsbyggnad','IT'])[1 + g % 5],
       $2, 'Handläggare', $2, 'Förvaltningslag (2017:900)', 'Ärendesystemet', 'Leverantör ' || (g % 40),
       ${randomEnum("OutputUse")}, ARRAY[${randomEnum("AiTechnique")}], ARRAY[${randomEnum("PersonalDataCategory")}],
       ${randomEnum("LifecycleStage")}, ${randomEnum("RiskClass")}, random() < 0.3, ARRAY['ärenden', 'beslutsstöd'],
       '[{"title": "Förvaltningslag (2017:900)", "url": "https://www.riksdagen.se/fl"}]'::jsonb, current_date - (g % 700),
       now() - g * interval '1 minute', now() - g * interval '1 minute'
     FROM generate_series(1, $3::int) AS g`,
    [id, LOREM, USE_CASES],
  );
  await owner.query("COMMIT");
  await owner.query(`ANALYZE "UseCase"`);
  return { slug: "stora-myndigheten", userId: user.rows[0]!.id, useCases: USE_CASES };
}

async function main(): Promise<void> {
  await withBenchDatabase(async (url, owner) => {
    const largest = await load(owner);
    const prisma = createPrismaClient(url, { max: 2 });
    try {
      console.log(`${largest.slug}: ${largest.useCases} use cases in the register; format ${FORMAT}`);
      const caller = createCaller(await createContext({ headers: new Headers(), userId: largest.userId, db: prisma }));
      const startRss = process.memoryUsage().rss;
      let peakRss = startRss;
      for (let run = 1; run <= RUNS; run++) {
        const started = performance.now();
        let batches = 0;
        let rows = 0;
        async function* read(): AsyncGenerator<ExportRecord[]> {
          let batch: ExportBatch | null = null;
          do {
            batch = await caller.useCaseFiles.exportBatch({ organisationSlug: largest.slug, filters: {}, cursor: batch?.nextCursor ?? undefined });
            batches++;
            rows += batch.records.length;
            yield batch.records;
          } while (batch.nextCursor);
        }
        let firstRowsMs = 0;
        let chunks = 0;
        let bytes = 0;
        for await (const chunk of exportChunks(read(), FORMAT, "sv")) {
          // The first chunk is the header; the second holds the first batch's rows.
          if (++chunks === 2) firstRowsMs = performance.now() - started;
          bytes += chunk.byteLength;
          peakRss = Math.max(peakRss, process.memoryUsage().rss);
        }
        const totalMs = performance.now() - started;
        console.log(
          `run ${run}: first rows ${firstRowsMs.toFixed(0)} ms, all ${totalMs.toFixed(0)} ms; ${rows} rows in ${batches} batches, ${(bytes / 1024 / 1024).toFixed(1)} MB`,
        );
      }
      console.log(`resident memory ${(startRss / 1024 / 1024).toFixed(0)} MB before, peak ${(peakRss / 1024 / 1024).toFixed(0)} MB; load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
    } finally {
      await prisma.$disconnect();
    }
  });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
