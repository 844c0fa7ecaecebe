/**
 * Importing an existing register from CSV or XLSX: the file is read and every row checked
 * first (the preview), and only a file without errors is written, all rows in the one
 * transaction.
 */
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import Papa from "papaparse";
import type { Transaction } from "../../db/client";
import type { Locale } from "../../i18n/config";
import type { OrganisationChange } from "../access/members";
import { type FieldProblem, RuleViolationError } from "../errors";
import { invalidValueCode } from "../problem-codes";
import { type Column, columnForHeader, columns, formatCell, isReferenceHeader, parseCell } from "./columns";
import { csvText, xlsxBytes } from "./export";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "./import-limits";
import { brokenUseCaseRules } from "./rules";
import { type UseCaseFields, type UseCaseFieldsInput, useCaseFields } from "./schemas";
import { createUseCase } from "./service";

export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS };

export interface CellError {
  /** The column's header as written in the file. */
  column: string;
  /** A rule's code (FieldProblem.code), or "invalid" when the value itself is wrong. */
  code: FieldProblem["code"];
  message: string;
}

export interface ImportRow {
  /** The row's number in the file, counting the header as row 1 (as a spreadsheet shows it). */
  rowNumber: number;
  fields?: UseCaseFields;
  errors: CellError[];
}

export type FileErrorCode =
  | "tooLarge"
  | "tooManyRows"
  | "unsupportedType"
  | "unreadable"
  | "empty"
  | "unknownColumn"
  | "duplicateColumn"
  | "missingColumn";

/** A problem with the file as a whole; `column` names the header concerned, if any. */
export interface FileError {
  code: FileErrorCode;
  column?: string;
  message: string;
}

export interface ParsedImport {
  rows: ImportRow[];
  fileErrors: FileError[];
}

type Table = string[][];

class FileProblem extends Error {
  constructor(readonly fileError: FileError) {
    super(fileError.message);
  }
}

const fail = (code: FileErrorCode, message: string): never => {
  throw new FileProblem({ code, message });
};

// Reading the file into a table of strings ------------------------------------------

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function kindOf(fileName: string, bytes: Uint8Array): "csv" | "xlsx" {
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  if (extension === "xlsx") return "xlsx";
  if (extension === "csv" || extension === "txt") {
    if (isZip(bytes)) fail("unreadable", "The file is named .csv but is not a text file. Save it as CSV, or upload it as .xlsx.");
    return "csv";
  }
  return fail("unsupportedType", "Upload a CSV file (.csv) or an Excel workbook (.xlsx).");
}

/** UTF-8 (with or without BOM) if it is valid UTF-8, else Windows-1252 as Excel writes "CSV" on Swedish Windows. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), "win1252");
  }
}

/** Semicolon (Excel under a Swedish locale) or comma: whichever the header line has more of, outside quotes. */
export function detectDelimiter(text: string): ";" | "," {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char === ";") semicolons += 1;
    else if (!quoted && char === ",") commas += 1;
  }
  return semicolons >= commas && semicolons > 0 ? ";" : ",";
}

function readCsv(bytes: Uint8Array): Table {
  const text = decodeText(bytes);
  if (text.includes("\u0000")) fail("unreadable", "The file is not a text file. Save it as CSV (UTF-8 or Windows), or as .xlsx.");
  // Empty lines are kept (and skipped later) so that row numbers stay those a spreadsheet shows.
  const parsed = Papa.parse<string[]>(text, { delimiter: detectDelimiter(text), skipEmptyLines: false });
  const quoteError = parsed.errors.find((error) => error.type === "Quotes");
  if (quoteError) {
    fail("unreadable", `The file could not be read: a quoted value is not closed (near row ${(quoteError.row ?? 0) + 1}).`);
  }
  return parsed.data.map((cells) => cells.map(restoreFormulaLike));
}

/** Undoes the export's guard against formula injection (export.ts), so a round trip keeps the text. */
function restoreFormulaLike(cell: string): string {
  return /^'[=+\-@]/.test(cell) ? cell.slice(1) : cell;
}

type CellValue = ExcelJS.CellValue;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A spreadsheet cell as the text a person sees in it. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return isoDay(value);
  if (typeof value !== "object") return String(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : cellText(value.text);
  if ("formula" in value || "sharedFormula" in value) return cellText((value as { result?: CellValue }).result ?? null);
  if ("error" in value) return "";
  return "";
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    fail("unreadable", "The file could not be read as an Excel workbook (.xlsx). It may be damaged, or in the older .xls format.");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return fail("empty", "The workbook has no sheets.");
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) tooManyRows();
  const table: Table = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column += 1) cells.push(cellText(row.getCell(column).value));
    table[rowNumber - 1] = cells;
  });
  return Array.from(table, (cells) => cells ?? []);
}

function tooManyRows(): never {
  return fail("tooManyRows", `The file has more than ${MAX_IMPORT_ROWS} rows. Split it into several files.`);
}

// From the table to rows of the record --------------------------------------------

interface HeaderMap {
  /** Index in the row → the column and its header as written. */
  columns: { index: number; column: Column; header: string }[];
  fileErrors: FileError[];
}

function mapHeaders(headers: string[]): HeaderMap {
  const mapped: HeaderMap["columns"] = [];
  const fileErrors: FileError[] = [];
  headers.forEach((raw, index) => {
    const header = raw.replace(/^\uFEFF/, "").trim();
    if (header === "" || isReferenceHeader(header)) return;
    const column = columnForHeader(header);
    if (!column) {
      fileErrors.push({ code: "unknownColumn", column: header, message: `Unknown column "${header}".` });
    } else if (mapped.some((m) => m.column === column)) {
      fileErrors.push({ code: "duplicateColumn", column: header, message: `The column "${header}" appears twice.` });
    } else {
      mapped.push({ index, column, header });
    }
  });
  for (const column of columns.filter((c) => c.required && !mapped.some((m) => m.column === c))) {
    fileErrors.push({
      code: "missingColumn",
      column: column.header.sv,
      message: `The required column "${column.header.sv}" ("${column.header.en}") is missing.`,
    });
  }
  return { columns: mapped, fileErrors };
}

function headerFor(headerMap: HeaderMap, field: string): string {
  const column = headerMap.columns.find((m) => m.column.key === field);
  return column?.header ?? columns.find((c) => c.key === field)?.header.sv ?? field;
}

function isBlank(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === "");
}

/** Checks one row with the record's schema and the register's rules. */
export function checkRow(headerMap: HeaderMap, cells: string[], rowNumber: number): ImportRow {
  const input: Record<string, unknown> = {};
  for (const { index, column } of headerMap.columns) {
    const value = parseCell(column, cells[index] ?? "");
    if (value !== undefined) input[column.key] = value;
  }
  const parsed = useCaseFields.safeParse(input as UseCaseFieldsInput);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue): CellError => ({
      column: headerFor(headerMap, String(issue.path[0] ?? "")),
      code: invalidValueCode,
      message: issue.message,
    }));
    return { rowNumber, errors };
  }
  const errors = brokenUseCaseRules(parsed.data).map((problem) => ({
    column: headerFor(headerMap, problem.field),
    code: problem.code,
    message: problem.message,
  }));
  return errors.length > 0 ? { rowNumber, errors } : { rowNumber, fields: parsed.data, errors: [] };
}

async function readTable(fileName: string, bytes: Uint8Array): Promise<Table> {
  if (bytes.length > MAX_IMPORT_BYTES) {
    fail("tooLarge", `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into several files.`);
  }
  if (bytes.length === 0) fail("empty", "The file is empty.");
  return kindOf(fileName, bytes) === "xlsx" ? readXlsx(bytes) : readCsv(bytes);
}

/** Reads and checks a file; writes nothing. */
export async function parseUseCaseFile(file: { fileName: string; bytes: Uint8Array }): Promise<ParsedImport> {
  let table: Table;
  try {
    table = await readTable(file.fileName, file.bytes);
  } catch (error) {
    if (error instanceof FileProblem) return { rows: [], fileErrors: [error.fileError] };
    throw error;
  }
  const headerIndex = table.findIndex((cells) => !isBlank(cells));
  if (headerIndex === -1) return { rows: [], fileErrors: [{ code: "empty", message: "The file has no header row." }] };
  const dataRows = table.slice(headerIndex + 1).filter((cells) => !isBlank(cells)).length;
  if (dataRows > MAX_IMPORT_ROWS) {
    const tooMany = `The file has more than ${MAX_IMPORT_ROWS} rows. Split it into several files.`;
    return { rows: [], fileErrors: [{ code: "tooManyRows", message: tooMany }] };
  }
  const headerMap = mapHeaders(table[headerIndex] ?? []);
  if (headerMap.fileErrors.length > 0) return { rows: [], fileErrors: headerMap.fileErrors };
  const rows: ImportRow[] = [];
  table.slice(headerIndex + 1).forEach((cells, offset) => {
    if (!isBlank(cells)) rows.push(checkRow(headerMap, cells, headerIndex + offset + 2));
  });
  if (rows.length === 0) return { rows, fileErrors: [{ code: "empty", message: "The file has no rows below its header." }] };
  return { rows, fileErrors: [] };
}

// Writing -------------------------------------------------------------------------

/** Every problem of a parsed file, each naming its row and column, as the API returns them. */
export function importProblems(parsed: ParsedImport): FieldProblem[] {
  return [
    ...parsed.fileErrors.map((error): FieldProblem => ({
      field: error.column ? `file.${error.column}` : "file",
      code: "import.fileProblem",
      message: error.message,
    })),
    ...parsed.rows.flatMap((row) =>
      row.errors.map((error): FieldProblem => ({ field: `row.${row.rowNumber}.${error.column}`, code: error.code, message: error.message })),
    ),
  ];
}

/**
 * Creates every row, or none: any problem in the file throws before anything is
 * written, and a row the service refuses rolls back the whole transaction.
 */
export async function importUseCases(
  tx: Transaction,
  change: OrganisationChange,
  parsed: ParsedImport,
): Promise<{ created: number; references: string[] }> {
  const problems = importProblems(parsed);
  if (problems.length > 0) throw new RuleViolationError(problems);
  const references: string[] = [];
  for (const row of parsed.rows) {
    references.push(await createRow(tx, change, row));
  }
  return { created: references.length, references };
}

async function createRow(tx: Transaction, change: OrganisationChange, row: ImportRow): Promise<string> {
  if (!row.fields) throw new RuleViolationError([{ field: `row.${row.rowNumber}`, code: "import.rowHasErrors", message: "The row has errors." }]);
  try {
    return (await createUseCase(tx, change, row.fields)).reference;
  } catch (error) {
    if (error instanceof RuleViolationError) {
      const header = (field: string) => columns.find((c) => c.key === field)?.header.sv ?? field;
      throw new RuleViolationError(
        error.problems.map((p) => ({ ...p, field: `row.${row.rowNumber}.${header(p.field)}` })),
      );
    }
    throw error;
  }
}

// The template --------------------------------------------------------------------

const exampleRow: UseCaseFields = useCaseFields.parse({
  title: "Automatisk sortering av inkommande e-post",
  publicSummary: "E-post till kommunens kontaktcenter sorteras till rätt förvaltning med hjälp av AI.",
  description: "En språkmodell föreslår mottagande förvaltning; en handläggare bekräftar.",
  tags: ["kontaktcenter", "e-post"],
  businessArea: "Kommunledning",
  affectedGroups: ["CITIZENS", "EMPLOYEES"],
  outputUse: "DECISION_SUPPORT",
  humanOversight: "Handläggaren ser förslaget och kan ändra mottagare.",
  legalReferences: [{ title: "Förvaltningslagen (2017:900)", url: "https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/forvaltningslag-2017900_sfs-2017-900/" }],
  techniques: ["LANGUAGE_PROCESSING"],
  acquisitionMethod: "PROCURED",
  hosting: "SWEDISH_CLOUD",
  dataLeavesEea: false,
  personalData: ["ORDINARY"],
  lifecycleStage: "PILOT",
  startedOn: "2026-03-01",
  aiActRoles: ["DEPLOYER"],
  riskClass: "MINIMAL",
  riskClassJustification: "Förslagen påverkar inte enskildas rättigheter; en människa beslutar.",
});

/** An empty register file with its headers and one example row, to fill in. */
export async function importTemplate(format: "csv" | "xlsx", locale: Locale): Promise<Uint8Array> {
  const headers = columns.map((column) => column.header[locale]);
  const example = columns.map((column) => formatCell(column, exampleRow[column.key], locale));
  const table = [headers, example];
  return format === "csv" ? csvText(table, locale) : xlsxBytes(table, locale, columns.map((column) => column.width));
}
