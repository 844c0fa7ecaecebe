/**
 * The full dump of everything published: CSV (made for Excel) and JSON Lines, streamed in
 * batches read through the keyset of the public view, each batch in its own short
 * transaction, so memory stays constant however large the register grows and no
 * transaction stays open for the length of a download.
 *
 * CSV: UTF-8 with a byte-order mark, semicolons and CRLF, as Excel in Swedish (where the
 * comma is the decimal sign) opens it with a double-click; lists are joined with " | ";
 * a cell that starts like a formula gets a leading apostrophe.
 *
 * The daily file is the same stream written once a day into PostgreSQL (OpenDataDump and
 * its 1 MB chunks), by whichever instance first gets a request that day; every instance
 * serves it from there. A data folder would differ per instance, and a request that
 * reached another instance would find no file or a different one.
 */
import { createHash } from "node:crypto";
import type { PrismaClient, Transaction } from "../../../db/client";
import { inScope } from "../../../db/scope";
import { neutraliseFormula } from "../../use-cases/export";
import type { PublicUseCaseSnapshot } from "../snapshot";
import { publicUseCaseSnapshot } from "../snapshot";
import { pruneRateLimits } from "./rate-limit";
import { openDumpRecord } from "./schemas";
import type { z } from "zod";

export type DumpFormat = "csv" | "jsonl";
export type DumpRecord = z.output<typeof openDumpRecord>;

export const DUMP_BATCH_SIZE = 200;
const CHUNK_BYTES = 1 << 20;
/** Daily files kept, newest first. */
export const DAILY_DUMPS_KEPT = 7;
/** A generation that has not finished after this long is taken over by the next request. */
const ABANDONED_AFTER_MINUTES = 10;

export const dumpContentType: Record<DumpFormat, string> = {
  csv: "text/csv; charset=utf-8",
  jsonl: "application/x-ndjson; charset=utf-8",
};

interface Position {
  firstPublishedAt: Date;
  id: string;
}

interface DumpRow {
  useCaseId: string;
  version: number;
  firstPublishedAt: Date;
  publishedAt: Date;
  completeness: number;
  snapshot: unknown;
}

/** One batch of published use cases after `after`, oldest first publication first. */
export async function readDumpBatch(tx: Transaction, after: Position | null, size: number = DUMP_BATCH_SIZE): Promise<DumpRecord[]> {
  const rows = after
    ? await tx.$queryRaw<DumpRow[]>`
        SELECT "useCaseId"::text AS "useCaseId", "version", "firstPublishedAt", "publishedAt", "completeness", "snapshot"
        FROM public_register_use_case
        WHERE "retractedAt" IS NULL AND ("firstPublishedAt", "useCaseId") > (${after.firstPublishedAt}::timestamptz, ${after.id}::uuid)
        ORDER BY "firstPublishedAt", "useCaseId" LIMIT ${size}`
    : await tx.$queryRaw<DumpRow[]>`
        SELECT "useCaseId"::text AS "useCaseId", "version", "firstPublishedAt", "publishedAt", "completeness", "snapshot"
        FROM public_register_use_case
        WHERE "retractedAt" IS NULL
        ORDER BY "firstPublishedAt", "useCaseId" LIMIT ${size}`;
  return rows.map((row) =>
    openDumpRecord.parse({
      id: row.useCaseId,
      version: row.version,
      firstPublishedAt: row.firstPublishedAt.toISOString(),
      publishedAt: row.publishedAt.toISOString(),
      completeness: row.completeness,
      useCase: publicUseCaseSnapshot.parse(row.snapshot),
    }),
  );
}

// --- CSV ----------------------------------------------------------------------------------

const LIST = " | ";
const list = (values: readonly string[] | null) => (values === null ? "" : values.join(LIST));
const text = (value: string | number | boolean | null) => (value === null ? "" : String(value));

type Snapshot = PublicUseCaseSnapshot;

/** The CSV's columns, in order: the column name (the field's API name) and its cell. */
export const dumpCsvColumns: readonly { name: string; cell: (record: DumpRecord) => string }[] = [
  { name: "id", cell: (r) => r.id },
  { name: "version", cell: (r) => text(r.version) },
  { name: "firstPublishedAt", cell: (r) => r.firstPublishedAt },
  { name: "publishedAt", cell: (r) => r.publishedAt },
  { name: "completeness", cell: (r) => text(r.completeness) },
  { name: "reference", cell: (r) => r.useCase.reference },
  { name: "organisation.name", cell: (r) => r.useCase.organisation.name },
  { name: "organisation.slug", cell: (r) => r.useCase.organisation.slug },
  { name: "organisation.organisationNumber", cell: (r) => r.useCase.organisation.organisationNumber },
  { name: "organisation.kind", cell: (r) => r.useCase.organisation.kind },
  { name: "organisation.sector", cell: (r) => r.useCase.organisation.sector },
  ...(
    [
      "contactEmail",
      "title",
      "publicSummary",
      "description",
      "registryNumber",
      "businessArea",
      "problemAndBenefit",
      "intendedUsers",
      "outputUse",
      "humanOversight",
      "appealProcess",
      "legalBasis",
      "necessity",
      "subsidiarity",
      "proportionality",
      "alternativesConsidered",
      "consequenceOfNotDeploying",
      "generativeAi",
      "modelsAndVersions",
      "acquisitionMethod",
      "supplierName",
      "hosting",
      "dataLeavesEea",
      "dataSources",
      "processesPersonalData",
      "trainingData",
      "lifecycleStage",
      "startedOn",
      "inUseSince",
      "retiredOn",
      "riskClass",
      "annexIIIArea",
      "riskClassJustification",
      "dpiaDone",
      "friaDone",
    ] as const satisfies readonly (keyof Snapshot)[]
  ).map((key) => ({ name: key, cell: (r: DumpRecord) => text(r.useCase[key]) })),
  ...(["tags", "affectedGroups", "techniques", "personalData", "aiActRoles"] as const satisfies readonly (keyof Snapshot)[]).map((key) => ({
    name: key,
    cell: (r: DumpRecord) => list(r.useCase[key]),
  })),
  { name: "legalReferences", cell: (r) => list(r.useCase.legalReferences.map((ref) => `${ref.title} <${ref.url}>`)) },
  {
    name: "approvedAssessments",
    cell: (r) => list(r.useCase.approvedAssessments.map((a) => `${a.templateKind} v${a.templateVersion} ${a.approvedAt.slice(0, 10)}`)),
  },
  {
    name: "procurement",
    cell: (r) =>
      r.useCase.procurement === null
        ? ""
        : list(r.useCase.procurement.map((p) => [p.route, p.status, p.supplierName, p.productName].filter(Boolean).join(" "))),
  },
  { name: "withheld", cell: (r) => list(r.useCase.withheld.map((w) => `${w.field} (${w.reason})${w.explanation ? `: ${w.explanation}` : ""}`)) },
];

const DELIMITER = ";";

function csvCell(value: string): string {
  const safe = neutraliseFormula(value);
  return /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvHeader(): string {
  return `\uFEFF${dumpCsvColumns.map((column) => csvCell(column.name)).join(DELIMITER)}\r\n`;
}

export function csvLine(record: DumpRecord): string {
  return `${dumpCsvColumns.map((column) => csvCell(column.cell(record))).join(DELIMITER)}\r\n`;
}

export function jsonLine(record: DumpRecord): string {
  return `${JSON.stringify(record)}\n`;
}

// --- Streaming ------------------------------------------------------------------------------

/**
 * Every published use case as a stream of bytes. Each pull reads one batch in a short
 * transaction; the stream holds at most one batch at a time.
 */
export function dumpStream(db: PrismaClient, format: DumpFormat, options: { batchSize?: number } = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: Position | null = null;
  let headerSent = format !== "csv";
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(encoder.encode(csvHeader()));
          return;
        }
        const batch = await inScope(db, {}, (tx) => readDumpBatch(tx, after, options.batchSize ?? DUMP_BATCH_SIZE));
        if (batch.length === 0) {
          controller.close();
          return;
        }
        const last = batch.at(-1)!;
        after = { firstPublishedAt: new Date(last.firstPublishedAt), id: last.id };
        controller.enqueue(encoder.encode(batch.map(format === "csv" ? csvLine : jsonLine).join("")));
      },
    },
    { highWaterMark: 1 },
  );
}

// --- The daily file -----------------------------------------------------------------------

/** Today's date in Sweden (YYYY-MM-DD): the date of the daily file. */
export function swedishDay(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(now);
}

export interface DailyDump {
  day: string;
  format: DumpFormat;
  recordCount: number;
  byteCount: number;
  sha256: string;
  completedAt: Date;
}

interface DailyDumpRow {
  day: string;
  format: DumpFormat;
  recordCount: number;
  byteCount: bigint | number;
  sha256: string;
  completedAt: Date;
}

const toDailyDump = (row: DailyDumpRow): DailyDump => ({ ...row, byteCount: Number(row.byteCount) });

/** The finished daily files, newest first. */
export async function listDailyDumps(tx: Transaction): Promise<DailyDump[]> {
  const rows = await tx.$queryRaw<DailyDumpRow[]>`
    SELECT to_char("day", 'YYYY-MM-DD') AS "day", "format", "recordCount", "byteCount", "sha256", "completedAt"
    FROM "OpenDataDump" WHERE "completedAt" IS NOT NULL ORDER BY "day" DESC, "format"`;
  return rows.map(toDailyDump);
}

async function findDailyDump(tx: Transaction, format: DumpFormat, day: string | null): Promise<DailyDump | null> {
  const [row] = day
    ? await tx.$queryRaw<DailyDumpRow[]>`
        SELECT to_char("day", 'YYYY-MM-DD') AS "day", "format", "recordCount", "byteCount", "sha256", "completedAt"
        FROM "OpenDataDump" WHERE "format" = ${format} AND "day" = ${day}::date AND "completedAt" IS NOT NULL`
    : await tx.$queryRaw<DailyDumpRow[]>`
        SELECT to_char("day", 'YYYY-MM-DD') AS "day", "format", "recordCount", "byteCount", "sha256", "completedAt"
        FROM "OpenDataDump" WHERE "format" = ${format} AND "completedAt" IS NOT NULL ORDER BY "day" DESC LIMIT 1`;
  return row ? toDailyDump(row) : null;
}

/** Claims the generation of a day's file: true for exactly one caller (or for the one that takes over an abandoned run). */
async function claimDailyDump(db: PrismaClient, format: DumpFormat, day: string): Promise<boolean> {
  return inScope(db, {}, async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO "OpenDataDump" ("day", "format") VALUES (${day}::date, ${format}) ON CONFLICT DO NOTHING`;
    if (inserted === 1) return true;
    const takenOver = await tx.$executeRaw`
      UPDATE "OpenDataDump" SET "claimedAt" = now()
      WHERE "day" = ${day}::date AND "format" = ${format} AND "completedAt" IS NULL
        AND "claimedAt" < now() - make_interval(mins => ${ABANDONED_AFTER_MINUTES}::int)`;
    if (takenOver === 1) await tx.$executeRaw`DELETE FROM "OpenDataDumpChunk" WHERE "day" = ${day}::date AND "format" = ${format}`;
    return takenOver === 1;
  });
}

/** Writes the day's file from the live stream, chunk by chunk, then marks it complete and prunes old days. */
async function generateDailyDump(db: PrismaClient, format: DumpFormat, day: string, options: { batchSize?: number }): Promise<void> {
  const reader = dumpStream(db, format, options).getReader();
  const hash = createHash("sha256");
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let seq = 0;
  let byteCount = 0;
  let lines = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const bytes = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    const current = seq++;
    await inScope(db, {}, (tx) =>
      tx.$executeRaw`INSERT INTO "OpenDataDumpChunk" ("day", "format", "seq", "bytes") VALUES (${day}::date, ${format}, ${current}, ${bytes})`,
    );
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    hash.update(value);
    byteCount += value.byteLength;
    for (const byte of value) if (byte === 0x0a) lines += 1;
    pending.push(value);
    pendingBytes += value.byteLength;
    if (pendingBytes >= CHUNK_BYTES) await flush();
  }
  await flush();
  const recordCount = format === "csv" ? lines - 1 : lines;
  await inScope(db, {}, async (tx) => {
    await tx.$executeRaw`
      UPDATE "OpenDataDump" SET "completedAt" = now(), "recordCount" = ${recordCount}, "byteCount" = ${byteCount}, "sha256" = ${hash.digest("hex")}
      WHERE "day" = ${day}::date AND "format" = ${format}`;
    await tx.$executeRaw`
      DELETE FROM "OpenDataDump" WHERE "format" = ${format}
        AND "day" < (SELECT min(d."day") FROM (SELECT "day" FROM "OpenDataDump" WHERE "format" = ${format} AND "completedAt" IS NOT NULL
                                               ORDER BY "day" DESC LIMIT ${DAILY_DUMPS_KEPT}) d)`;
    await pruneRateLimits(tx, "open-api:");
  });
}

/**
 * The daily file for `day` (today in Sweden unless given): generated now if nobody has
 * yet, otherwise the finished one. While another instance is still writing today's, the
 * newest finished day is returned (its date says which); null when there is none at all.
 */
export async function dailyDump(
  db: PrismaClient,
  format: DumpFormat,
  options: { day?: string; batchSize?: number } = {},
): Promise<DailyDump | null> {
  const day = options.day ?? swedishDay();
  const existing = await inScope(db, {}, (tx) => findDailyDump(tx, format, day));
  if (existing) return existing;
  if (await claimDailyDump(db, format, day)) {
    try {
      await generateDailyDump(db, format, day, options);
    } catch (error) {
      await inScope(db, {}, (tx) => tx.$executeRaw`DELETE FROM "OpenDataDump" WHERE "day" = ${day}::date AND "format" = ${format} AND "completedAt" IS NULL`);
      throw error;
    }
    return inScope(db, {}, (tx) => findDailyDump(tx, format, day));
  }
  return inScope(db, {}, (tx) => findDailyDump(tx, format, null));
}

/** A finished daily file for a given day, or null. */
export async function storedDailyDump(db: PrismaClient, format: DumpFormat, day: string): Promise<DailyDump | null> {
  return inScope(db, {}, (tx) => findDailyDump(tx, format, day));
}

/** The stored file's bytes as a stream, one chunk (≤ 1 MB) read at a time. */
export function dailyDumpStream(db: PrismaClient, dump: Pick<DailyDump, "day" | "format">): ReadableStream<Uint8Array> {
  let seq = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const [row] = await inScope(db, {}, (tx) =>
          tx.$queryRaw<{ bytes: Uint8Array }[]>`
            SELECT "bytes" FROM "OpenDataDumpChunk" WHERE "day" = ${dump.day}::date AND "format" = ${dump.format} AND "seq" = ${seq}`,
        );
        if (!row) {
          controller.close();
          return;
        }
        seq += 1;
        controller.enqueue(new Uint8Array(row.bytes));
      },
    },
    { highWaterMark: 1 },
  );
}
