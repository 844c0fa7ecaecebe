/**
 * Exporting the register as CSV (made for Excel), XLSX and JSON, in the file format of
 * columns.ts, so that an export can be imported again.
 */
import ExcelJS from "exceljs";
import type { Transaction } from "../../db/client";
import type { UseCase } from "../../db/generated/client";
import type { Locale } from "../../i18n/config";
import { columns, formatCell, REFERENCE_HEADER } from "./columns";
import { listUseCaseItems } from "./list";
import { type UseCaseFields, type UseCaseListFilters, useCaseFields } from "./schemas";

export type ExportRecord = UseCaseFields & { reference: string };
export type ExportFormat = "csv" | "xlsx" | "json";

export interface ExportFile {
  bytes: Uint8Array;
  contentType: string;
  extension: ExportFormat;
}

const fieldKeys = Object.keys(useCaseFields.shape) as (keyof UseCaseFields)[];

function day(value: Date | null): string | null {
  return value === null ? null : value.toISOString().slice(0, 10);
}

/** A stored row as the export writes it: the record's fields in the schema's order, plus its reference. */
export function exportRecordFromRow(row: UseCase): ExportRecord {
  const dated = {
    ...row,
    startedOn: day(row.startedOn),
    inUseSince: day(row.inUseSince),
    retiredOn: day(row.retiredOn),
    nextReviewOn: day(row.nextReviewOn),
    legalReferences: row.legalReferences as UseCaseFields["legalReferences"],
    withheldFields: row.withheldFields as UseCaseFields["withheldFields"],
  };
  const fields = Object.fromEntries(fieldKeys.map((key) => [key, dated[key]])) as UseCaseFields;
  return { reference: row.reference, ...fields };
}

/** Rows read per batch; each batch is one short read (ids in order, then those rows). */
export const EXPORT_BATCH = 1_000;

export interface ExportBatch {
  records: ExportRecord[];
  /** Pass back as `cursor` for the next batch; null after the last one. */
  nextCursor: string | null;
}

/**
 * One batch of the full records matching the register's filters, in the list's order
 * (its keyset cursor: sort key, then id), without the list's total and facets.
 */
export async function exportBatch(
  tx: Transaction,
  organisationId: string,
  filters: UseCaseListFilters,
  page: { cursor?: string; limit: number },
): Promise<ExportBatch> {
  const { items, nextCursor } = await listUseCaseItems(tx, organisationId, filters, page);
  const ids = items.map((item) => item.id);
  const rows = ids.length === 0 ? [] : await tx.useCase.findMany({ where: { organisationId, id: { in: ids } } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const records: ExportRecord[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (row) records.push(exportRecordFromRow(row));
  }
  return { records, nextCursor };
}

/** Every record matching the filters, in the list's order, read batch by batch in one transaction. */
export async function exportRecords(
  tx: Transaction,
  organisationId: string,
  filters: UseCaseListFilters,
): Promise<ExportRecord[]> {
  const records: ExportRecord[] = [];
  let cursor: string | undefined;
  do {
    const batch = await exportBatch(tx, organisationId, filters, { cursor, limit: EXPORT_BATCH });
    records.push(...batch.records);
    cursor = batch.nextCursor ?? undefined;
  } while (cursor);
  return records;
}

// CSV ------------------------------------------------------------------------------

/** Excel runs a cell that starts like a formula; a leading apostrophe makes it text (OWASP "CSV injection"). */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function quote(cell: string, delimiter: string): string {
  return cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Semicolons under the Swedish locale (Excel's list separator there), commas under English. */
export function csvDelimiter(locale: Locale): ";" | "," {
  return locale === "sv" ? ";" : ",";
}

/** A table as CSV that Excel opens correctly: UTF-8 with BOM, CRLF, quoted where needed. */
export function csvText(table: string[][], locale: Locale): Uint8Array {
  return new TextEncoder().encode(`\uFEFF${table.map((cells) => csvLine(cells, locale)).join("")}`);
}

/** One CSV line with its CRLF; a file is the BOM followed by its lines. */
function csvLine(cells: string[], locale: Locale): string {
  const delimiter = csvDelimiter(locale);
  return `${cells.map((cell) => quote(neutraliseFormula(cell), delimiter)).join(delimiter)}\r\n`;
}

// XLSX -----------------------------------------------------------------------------

/** A table as a workbook: bold, frozen header row and readable column widths. */
export async function xlsxBytes(table: string[][], locale: Locale, widths: number[] = []): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Tillit";
  const sheet = workbook.addWorksheet(locale === "sv" ? "AI-register" : "AI register", {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.addRows(table);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, index) => {
    column.width = widths[index] ?? 24;
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

// The register ----------------------------------------------------------------------

function headerCells(locale: Locale): string[] {
  return [REFERENCE_HEADER[locale], ...columns.map((column) => column.header[locale])];
}

function recordCells(record: ExportRecord, locale: Locale): string[] {
  return [record.reference, ...columns.map((column) => formatCell(column, record[column.key], locale))];
}

function recordTable(records: ExportRecord[], locale: Locale): string[][] {
  return [headerCells(locale), ...records.map((record) => recordCells(record, locale))];
}

/** The JSON export keeps enum codes and the schema's field order, so it is stable to diff and to read by program. */
function jsonRecord(record: ExportRecord): Record<string, unknown> {
  return { reference: record.reference, ...Object.fromEntries(fieldKeys.map((key) => [key, record[key]])) };
}

function jsonBytes(records: ExportRecord[]): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(records.map(jsonRecord), null, 2)}\n`);
}

/** One array element as `JSON.stringify(array, null, 2)` writes it: indented by two more spaces. */
function jsonElement(record: ExportRecord): string {
  return JSON.stringify(jsonRecord(record), null, 2).replaceAll("\n", "\n  ");
}

/**
 * The CSV or JSON export as chunks, one per batch read, byte for byte what exportUseCases
 * gives for the same records: the caller holds one batch at a time, never the whole file.
 */
export async function* exportChunks(
  batches: AsyncIterable<ExportRecord[]>,
  format: "csv" | "json",
  locale: Locale,
): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  if (format === "csv") {
    yield encoder.encode(`\uFEFF${csvLine(headerCells(locale), locale)}`);
    for await (const records of batches) {
      if (records.length > 0) yield encoder.encode(records.map((record) => csvLine(recordCells(record, locale), locale)).join(""));
    }
    return;
  }
  let written = 0;
  for await (const records of batches) {
    if (records.length === 0) continue;
    const elements = records.map((record) => `  ${jsonElement(record)}`).join(",\n");
    yield encoder.encode(`${written === 0 ? "[\n" : ",\n"}${elements}`);
    written += records.length;
  }
  yield encoder.encode(written === 0 ? "[]\n" : "\n]\n");
}

export const exportContentTypes: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
};

export async function exportUseCases(records: ExportRecord[], format: ExportFormat, locale: Locale): Promise<ExportFile> {
  switch (format) {
    case "csv":
      return { bytes: csvText(recordTable(records, locale), locale), contentType: exportContentTypes.csv, extension: "csv" };
    case "xlsx":
      return {
        bytes: await xlsxBytes(recordTable(records, locale), locale, [14, ...columns.map((column) => column.width)]),
        contentType: exportContentTypes.xlsx,
        extension: "xlsx",
      };
    case "json":
      return { bytes: jsonBytes(records), contentType: exportContentTypes.json, extension: "json" };
  }
}
