/**
 * The register's file format, shared by the import and the export: one column per field
 * of the record (never ids), headed in Swedish or English, with the values written the
 * way a person would type them into a spreadsheet.
 */
import type { Locale } from "../../i18n/config";
import {
  acquisitionMethodLabels,
  affectedGroupLabels,
  aiActRoleLabels,
  aiTechniqueLabels,
  annexIIIAreaLabels,
  hostingLabels,
  type Labels,
  lifecycleStageLabels,
  outputUseLabels,
  personalDataLabels,
  riskClassLabels,
} from "./labels";
import { type UseCaseFields, useCaseFields } from "./schemas";

export type FieldKey = keyof UseCaseFields;

/** How a field is written in a cell. */
export type CellKind =
  | { type: "text" }
  | { type: "textList" }
  | { type: "enum"; labels: Labels<string> }
  | { type: "enumList"; labels: Labels<string> }
  | { type: "boolean" }
  | { type: "date" }
  | { type: "legalReferences" }
  | { type: "withheldFields" };

export interface Column {
  key: FieldKey;
  header: Record<Locale, string>;
  kind: CellKind;
  required?: boolean;
  /** Characters wide in a spreadsheet. */
  width: number;
}

export const LIST_SEPARATOR = "; ";
export const REFERENCE_HEADER: Record<Locale, string> = { sv: "Referens", en: "Reference" };

const text = { type: "text" } as const;
const bool = { type: "boolean" } as const;
const date = { type: "date" } as const;
const oneOf = (labels: Labels<string>): CellKind => ({ type: "enum", labels });
const manyOf = (labels: Labels<string>): CellKind => ({ type: "enumList", labels });

/** In the order of the form; `satisfies` below keeps it complete. */
export const columns: Column[] = [
  { key: "title", header: { sv: "Titel", en: "Title" }, kind: text, required: true, width: 40 },
  { key: "publicSummary", header: { sv: "Offentlig sammanfattning", en: "Public summary" }, kind: text, required: true, width: 60 },
  { key: "description", header: { sv: "Beskrivning", en: "Description" }, kind: text, width: 60 },
  { key: "registryNumber", header: { sv: "Diarienummer", en: "Registry number" }, kind: text, width: 18 },
  { key: "tags", header: { sv: "Taggar", en: "Tags" }, kind: { type: "textList" }, width: 24 },
  { key: "businessArea", header: { sv: "Verksamhetsområde", en: "Business area" }, kind: text, required: true, width: 28 },
  { key: "problemAndBenefit", header: { sv: "Problem och nytta", en: "Problem and benefit" }, kind: text, width: 50 },
  { key: "intendedUsers", header: { sv: "Avsedda användare", en: "Intended users" }, kind: text, width: 30 },
  { key: "affectedGroups", header: { sv: "Berörda grupper", en: "Affected groups" }, kind: manyOf(affectedGroupLabels), width: 30 },
  { key: "outputUse", header: { sv: "Användning av resultat", en: "Use of outputs" }, kind: oneOf(outputUseLabels), required: true, width: 28 },
  { key: "humanOversight", header: { sv: "Mänsklig kontroll", en: "Human oversight" }, kind: text, width: 40 },
  { key: "appealProcess", header: { sv: "Överprövning", en: "Appeal process" }, kind: text, width: 40 },
  { key: "legalBasis", header: { sv: "Rättslig grund", en: "Legal basis" }, kind: text, width: 40 },
  { key: "legalReferences", header: { sv: "Rättsliga hänvisningar", en: "Legal references" }, kind: { type: "legalReferences" }, width: 50 },
  { key: "necessity", header: { sv: "Nödvändighet", en: "Necessity" }, kind: text, width: 40 },
  { key: "subsidiarity", header: { sv: "Subsidiaritet", en: "Subsidiarity" }, kind: text, width: 40 },
  { key: "proportionality", header: { sv: "Proportionalitet", en: "Proportionality" }, kind: text, width: 40 },
  { key: "alternativesConsidered", header: { sv: "Övervägda alternativ", en: "Alternatives considered" }, kind: text, width: 40 },
  {
    key: "consequenceOfNotDeploying",
    header: { sv: "Konsekvens av att avstå", en: "Consequence of not deploying" },
    kind: text,
    width: 40,
  },
  { key: "techniques", header: { sv: "AI-teknik", en: "AI techniques" }, kind: manyOf(aiTechniqueLabels), width: 36 },
  { key: "modelsAndVersions", header: { sv: "Modeller och versioner", en: "Models and versions" }, kind: text, width: 30 },
  { key: "acquisitionMethod", header: { sv: "Anskaffning", en: "Acquisition method" }, kind: oneOf(acquisitionMethodLabels), width: 24 },
  { key: "supplierName", header: { sv: "Leverantör", en: "Supplier" }, kind: text, width: 28 },
  { key: "hosting", header: { sv: "Drift", en: "Hosting" }, kind: oneOf(hostingLabels), width: 24 },
  { key: "dataLeavesEea", header: { sv: "Data lämnar EU/EES", en: "Data leaves EU/EEA" }, kind: bool, width: 18 },
  { key: "dataSources", header: { sv: "Datakällor", en: "Data sources" }, kind: text, width: 40 },
  { key: "personalData", header: { sv: "Personuppgifter", en: "Personal data" }, kind: manyOf(personalDataLabels), width: 32 },
  { key: "trainingData", header: { sv: "Träningsdata", en: "Training data" }, kind: text, width: 40 },
  { key: "lifecycleStage", header: { sv: "Livscykelstadium", en: "Lifecycle stage" }, kind: oneOf(lifecycleStageLabels), width: 18 },
  { key: "startedOn", header: { sv: "Startdatum", en: "Started on" }, kind: date, width: 14 },
  { key: "inUseSince", header: { sv: "I drift sedan", en: "In use since" }, kind: date, width: 14 },
  { key: "retiredOn", header: { sv: "Avvecklad den", en: "Retired on" }, kind: date, width: 14 },
  { key: "nextReviewOn", header: { sv: "Nästa översyn", en: "Next review" }, kind: date, width: 14 },
  { key: "aiActRoles", header: { sv: "Roller enligt AI-förordningen", en: "AI Act roles" }, kind: manyOf(aiActRoleLabels), width: 30 },
  { key: "riskClass", header: { sv: "Riskklass", en: "Risk class" }, kind: oneOf(riskClassLabels), width: 24 },
  { key: "annexIIIArea", header: { sv: "Område enligt bilaga III", en: "Annex III area" }, kind: oneOf(annexIIIAreaLabels), width: 30 },
  { key: "annexI", header: { sv: "Bilaga I", en: "Annex I" }, kind: bool, width: 10 },
  { key: "riskClassJustification", header: { sv: "Motivering av riskklass", en: "Risk class justification" }, kind: text, width: 40 },
  { key: "dpiaRequired", header: { sv: "Konsekvensbedömning (DPIA) krävs", en: "DPIA required" }, kind: bool, width: 14 },
  { key: "dpiaDone", header: { sv: "Konsekvensbedömning (DPIA) gjord", en: "DPIA done" }, kind: bool, width: 14 },
  { key: "friaRequired", header: { sv: "FRIA krävs", en: "FRIA required" }, kind: bool, width: 14 },
  { key: "friaDone", header: { sv: "FRIA gjord", en: "FRIA done" }, kind: bool, width: 14 },
  { key: "intendedForPublication", header: { sv: "Ska publiceras", en: "Intended for publication" }, kind: bool, width: 14 },
  { key: "publicContactEmail", header: { sv: "Offentlig kontakt", en: "Public contact" }, kind: text, width: 30 },
  { key: "withheldFields", header: { sv: "Undantagna fält", en: "Withheld fields" }, kind: { type: "withheldFields" }, width: 40 },
];

/** Fails to compile, and the test fails, if a field of the record has no column. */
export const missingColumns = (Object.keys(useCaseFields.shape) as FieldKey[]).filter(
  (key) => !columns.some((column) => column.key === key),
);

export const columnByKey = new Map(columns.map((column) => [column.key, column]));

/** Lower case, single spaces, trimmed: "  Public  SUMMARY " and "public summary" are one header. */
export function normaliseHeader(value: string): string {
  return value.replace(/^\uFEFF/, "").trim().replace(/\s+/g, " ").toLocaleLowerCase("sv");
}

const columnsByHeader = new Map<string, Column>(
  columns.flatMap((column) => [
    [normaliseHeader(column.header.sv), column],
    [normaliseHeader(column.header.en), column],
    [normaliseHeader(column.key), column],
  ]),
);

export function columnForHeader(header: string): Column | undefined {
  return columnsByHeader.get(normaliseHeader(header));
}

export function isReferenceHeader(header: string): boolean {
  const normal = normaliseHeader(header);
  return normal === normaliseHeader(REFERENCE_HEADER.sv) || normal === normaliseHeader(REFERENCE_HEADER.en);
}

// Writing cells ------------------------------------------------------------------

const booleanWords: Record<Locale, [string, string]> = { sv: ["Ja", "Nej"], en: ["Yes", "No"] };

function labelOf(labels: Labels<string>, code: string, locale: Locale): string {
  return labels[code]?.[locale] ?? code;
}

function withheldLabel(field: string, locale: Locale): string {
  return columnByKey.get(field as FieldKey)?.header[locale] ?? field;
}

/** One field's value as the text of its cell. */
export function formatCell(column: Column, value: unknown, locale: Locale): string {
  if (value === null || value === undefined) return "";
  const kind = column.kind;
  switch (kind.type) {
    case "text":
    case "date":
      return String(value);
    case "textList":
      return (value as string[]).join(LIST_SEPARATOR);
    case "enum":
      return labelOf(kind.labels, value as string, locale);
    case "enumList":
      return (value as string[]).map((code) => labelOf(kind.labels, code, locale)).join(LIST_SEPARATOR);
    case "boolean":
      return booleanWords[locale][value ? 0 : 1];
    case "legalReferences":
      return (value as UseCaseFields["legalReferences"]).map((ref) => `${ref.title} | ${ref.url}`).join(LIST_SEPARATOR);
    case "withheldFields":
      return Object.entries(value as Record<string, string>)
        .map(([field, reason]) => `${withheldLabel(field, locale)}: ${reason}`)
        .join(LIST_SEPARATOR);
  }
}

// Reading cells ------------------------------------------------------------------

const booleanValues = new Map<string, boolean>([
  ["ja", true],
  ["yes", true],
  ["true", true],
  ["sant", true],
  ["1", true],
  ["x", true],
  ["nej", false],
  ["no", false],
  ["false", false],
  ["falskt", false],
  ["0", false],
]);

/** Plain lists split at any semicolon; entries that may hold one themselves (a URL, a reason) only at "; ". */
function splitList(cell: string, separator: RegExp = /;|\n/): string[] {
  return cell
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** A code, or a Swedish or English label, in any case; unknown values go through so the schema names them. */
function codeOf(labels: Labels<string>, cell: string): string {
  const wanted = normaliseHeader(cell);
  for (const [code, label] of Object.entries(labels)) {
    if (normaliseHeader(code) === wanted || normaliseHeader(label.sv) === wanted || normaliseHeader(label.en) === wanted) {
      return code;
    }
  }
  return cell.trim();
}

const ENTRY_SEPARATOR = /;\s+|;$|\n/;

function parseLegalReference(entry: string): { title: string; url: string } {
  const bar = entry.lastIndexOf("|");
  if (bar === -1) return { title: "", url: entry.trim() };
  return { title: entry.slice(0, bar).trim(), url: entry.slice(bar + 1).trim() };
}

function parseWithheld(cell: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of splitList(cell, ENTRY_SEPARATOR)) {
    const colon = entry.indexOf(":");
    const name = colon === -1 ? entry : entry.slice(0, colon);
    const field = columnForHeader(name)?.key ?? name.trim();
    result[field] = colon === -1 ? "" : entry.slice(colon + 1).trim();
  }
  return result;
}

/**
 * The text of a cell as the schema's input. An empty cell is "not given" (undefined),
 * so the schema's defaults apply; values it cannot read are passed on for the schema to
 * reject with its message.
 */
export function parseCell(column: Column, cell: string): unknown {
  const trimmed = cell.trim();
  if (trimmed === "") return column.kind.type === "text" ? "" : undefined;
  const kind = column.kind;
  switch (kind.type) {
    case "text":
    case "date":
      return trimmed;
    case "textList":
      return splitList(trimmed);
    case "enum":
      return codeOf(kind.labels, trimmed);
    case "enumList":
      return splitList(trimmed).map((item) => codeOf(kind.labels, item));
    case "boolean":
      return booleanValues.get(trimmed.toLocaleLowerCase("sv")) ?? trimmed;
    case "legalReferences":
      return splitList(trimmed, ENTRY_SEPARATOR).map(parseLegalReference);
    case "withheldFields":
      return parseWithheld(trimmed);
  }
}
