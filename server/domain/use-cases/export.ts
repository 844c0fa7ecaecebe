/**
 * Exporting the register as CSV (made for Excel), XLSX and JSON, in the file format of
 * columns.ts, so that an export can be imported again.
 */
import ExcelJS from "exceljs";
import type { Transaction } from "../../db/client";
import type { UseCase } from "../../db/generated/client";
import type { Locale } from "../../i18n/config";
import { columns, formatCell, REFERENCE_HEADER } from "./columns";
import { listUseCases } from "./list";
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

const EXPORT_PAGE = 100;

/**
 * The full records matching the register's filters, in the list's order: read a page of
 * ids at a time with the list's keyset cursor, then those rows, so no query reads the
 * whole table at once.
 */
export async function exportRecords(
  tx: Transaction,
  organisationId: string,
  filters: UseCaseListFilters,
): Promise<ExportRecord[]> {
  const records: ExportRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await listUseCases(tx, organisationId, filters, { cursor, limit: EXPORT_PAGE });
    const ids = page.items.map((item) => item.id);
    const rows = await tx.useCase.findMany({ where: { organisationId, id: { in: ids } } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const id of ids) {
      const row = byId.get(id);
      if (row) records.push(exportRecordFromRow(row));
    }
    cursor = page.nextCursor ?? undefined;
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
  const delimiter = csvDelimiter(locale);
  const lines = table.map((cells) => cells.map((cell) => quote(neutraliseFormula(cell), delimiter)).join(delimiter));
  return new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
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

function recordTable(records: ExportRecord[], locale: Locale): string[][] {
  const headers = [REFERENCE_HEADER[locale], ...columns.map((column) => column.header[locale])];
  const rows = records.map((record) => [
    record.reference,
    ...columns.map((column) => formatCell(column, record[column.key], locale)),
  ]);
  return [headers, ...rows];
}

/** The JSON export keeps enum codes and the schema's field order, so it is stable to diff and to read by program. */
function jsonBytes(records: ExportRecord[]): Uint8Array {
  const ordered = records.map((record) => ({
    reference: record.reference,
    ...Object.fromEntries(fieldKeys.map((key) => [key, record[key]])),
  }));
  return new TextEncoder().encode(`${JSON.stringify(ordered, null, 2)}\n`);
}

export async function exportUseCases(records: ExportRecord[], format: ExportFormat, locale: Locale): Promise<ExportFile> {
  switch (format) {
    case "csv":
      return { bytes: csvText(recordTable(records, locale), locale), contentType: "text/csv; charset=utf-8", extension: "csv" };
    case "xlsx":
      return {
        bytes: await xlsxBytes(recordTable(records, locale), locale, [14, ...columns.map((column) => column.width)]),
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        extension: "xlsx",
      };
    case "json":
      return { bytes: jsonBytes(records), contentType: "application/json; charset=utf-8", extension: "json" };
  }
}
