/**
 * DIGG's overview as tables: the page renders these and the export writes the same tables
 * (CSV and XLSX) with the filters applied and the time of the data, so what is downloaded is
 * what is shown. A suppressed figure is a null cell, written "< 3".
 */
import ExcelJS from "exceljs";
import type { Locale } from "../../i18n/config";
import en from "../../i18n/messages/overview.en.json";
import sv from "../../i18n/messages/overview.sv.json";
import baseEn from "../../i18n/messages/en.json";
import baseSv from "../../i18n/messages/sv.json";
import { templateKindLabels } from "../assessments/labels";
import { organisationKindLabels } from "../procurement/labels";
import { responsibilityRoleLabels } from "../responsibilities/labels";
import { aiTechniqueLabels, hostingLabels, lifecycleStageLabels, personalDataLabels, riskClassLabels } from "../use-cases/labels";
import { csvText } from "../use-cases/export";
import { AGGREGATE_MAX_AGE_MS, type BreakdownDimension, type DisclosedUseCase, type Figure, type OversightOverview } from "./oversight";

const messages = { sv: sv.OversightOverview, en: en.OversightOverview };
const sectors = { sv: baseSv.Sector, en: baseEn.Sector } as Record<Locale, Record<string, string>>;

export const tableKeys = [
  "summary",
  "registers",
  "sector",
  "lifecycleStage",
  "riskClass",
  "technique",
  "generativeAi",
  "hosting",
  "dataLeavesEea",
  "personalData",
  "coverage",
  "readiness",
  "responsibilityGaps",
  "suppliers",
  "trends",
  "publication",
  "useCases",
] as const;
export type TableKey = (typeof tableKeys)[number];

export type Cell = string | number | null;

export interface OverviewTable {
  key: TableKey;
  title: string;
  columns: { header: string; numeric: boolean }[];
  rows: Cell[][];
  /** Per row, the figure it stands for (for the drill-down), when it is one. */
  figures?: ({ dimension: BreakdownDimension | "all"; value: string } | null)[];
}

type LabelTable = Record<string, Record<Locale, string>>;
const valueTables: Partial<Record<BreakdownDimension | "templateKind" | "role", LabelTable>> = {
  kind: organisationKindLabels,
  lifecycleStage: lifecycleStageLabels,
  riskClass: riskClassLabels,
  technique: aiTechniqueLabels,
  hosting: hostingLabels,
  personalData: personalDataLabels,
  templateKind: templateKindLabels,
  role: responsibilityRoleLabels,
};

/** The label of a value in a dimension, in the locale. */
export function valueLabel(dimension: BreakdownDimension | "templateKind" | "role" | "value", value: string, locale: Locale): string {
  if (dimension === "sector") return sectors[locale][value] ?? value;
  const table = dimension === "value" ? undefined : valueTables[dimension];
  const fromTable = table?.[value]?.[locale];
  if (fromTable) return fromTable;
  const values = messages[locale].values as Record<string, string>;
  return values[value] ?? value;
}

function percent(part: Figure, whole: Figure): Figure {
  if (part === null || whole === null) return null;
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}

function breakdownTable(overview: OversightOverview, dimension: BreakdownDimension, locale: Locale): OverviewTable {
  const m = messages[locale];
  const rows = overview.breakdown.filter((row) => row.dimension === dimension);
  return {
    key: dimension as TableKey,
    title: m.tables[dimension],
    columns: [
      { header: m.columns.value, numeric: false },
      { header: m.useCases, numeric: true },
      { header: m.organisations, numeric: true },
      { header: m.completeness, numeric: true },
    ],
    rows: rows.map((row) => [valueLabel(dimension, row.value, locale), row.useCases, row.organisations, row.completeness]),
    figures: rows.map((row) => ({ dimension, value: row.value })),
  };
}

/** Every table of the overview, in the page's order (the disclosed use cases are a table of their own). */
export function oversightTables(overview: OversightOverview, locale: Locale): OverviewTable[] {
  const m = messages[locale];
  const organisations = overview.registers.reduce((sum, row) => sum + row.organisations, 0);
  const keepers = overview.registers.some((row) => row.suppressed)
    ? null
    : overview.registers.reduce((sum, row) => sum + (row.keepingRegister ?? 0), 0);
  const byKind = (kind: string) => overview.breakdown.find((row) => row.dimension === "kind" && row.value === kind);
  const trendMonths = [...new Set(overview.trends.map((row) => row.month))];
  const trend = (month: string, measure: string) => overview.trends.find((row) => row.month === month && row.measure === measure)?.value ?? null;
  return [
    {
      key: "summary",
      title: m.tables.summary,
      columns: [
        { header: m.organisations, numeric: true },
        { header: m.keepingRegister, numeric: true },
        { header: m.useCases, numeric: true },
        { header: m.completeness, numeric: true },
      ],
      rows: [[organisations, keepers, overview.totals.useCases, overview.totals.completeness]],
      figures: [{ dimension: "all", value: "all" }],
    },
    {
      key: "registers",
      title: m.tables.registers,
      columns: [
        { header: m.kind, numeric: false },
        { header: m.organisations, numeric: true },
        { header: m.keepingRegister, numeric: true },
        { header: m.useCases, numeric: true },
        { header: m.completeness, numeric: true },
      ],
      rows: overview.registers.map((row) => {
        const kind = byKind(row.kind);
        return [valueLabel("kind", row.kind, locale), row.organisations, row.keepingRegister, kind ? kind.useCases : 0, kind ? kind.completeness : null];
      }),
      figures: overview.registers.map((row) => ({ dimension: "kind", value: row.kind })),
    },
    ...(["sector", "lifecycleStage", "riskClass", "technique", "generativeAi", "hosting", "dataLeavesEea", "personalData"] as const).map(
      (dimension) => breakdownTable(overview, dimension, locale),
    ),
    {
      key: "coverage",
      title: m.tables.coverage,
      columns: [
        { header: m.columns.groupBy, numeric: false },
        { header: m.columns.group, numeric: false },
        { header: m.columns.population, numeric: false },
        { header: m.columns.template, numeric: false },
        { header: m.useCases, numeric: true },
        { header: m.columns.covered, numeric: true },
        { header: m.share, numeric: true },
      ],
      rows: overview.coverage.map((row) => [
        valueLabel("value", row.groupBy, locale),
        valueLabel(row.groupBy, row.groupValue, locale),
        valueLabel("value", row.population, locale),
        valueLabel("templateKind", row.templateKind, locale),
        row.useCases,
        row.covered,
        percent(row.covered, row.useCases),
      ]),
    },
    {
      key: "readiness",
      title: m.tables.readiness,
      columns: [
        { header: m.columns.milestone, numeric: false },
        { header: m.columns.date, numeric: false },
        { header: m.columns.daysLeft, numeric: true },
        { header: m.columns.obligation, numeric: false },
        { header: m.useCases, numeric: true },
        { header: m.columns.lacking, numeric: true },
      ],
      rows: overview.readiness.map((row) => [
        valueLabel("value", row.milestone, locale),
        row.date,
        row.daysLeft,
        valueLabel("value", row.obligation, locale),
        row.useCases,
        row.lacking,
      ]),
    },
    {
      key: "responsibilityGaps",
      title: m.tables.responsibilityGaps,
      columns: [
        { header: m.sector, numeric: false },
        { header: m.columns.role, numeric: false },
        { header: m.useCases, numeric: true },
      ],
      rows: overview.responsibilityGaps.map((row) => [valueLabel("sector", row.sector, locale), valueLabel("role", row.role, locale), row.useCases]),
    },
    {
      key: "suppliers",
      title: m.tables.suppliers,
      columns: [
        { header: m.columns.supplier, numeric: false },
        { header: m.columns.product, numeric: false },
        { header: m.organisations, numeric: true },
        { header: m.useCases, numeric: true },
      ],
      rows: overview.suppliers.map((row) => [row.supplier, row.product ?? "", row.organisations, row.useCases]),
    },
    {
      key: "trends",
      title: m.tables.trends,
      columns: [
        { header: m.columns.month, numeric: false },
        { header: m.columns.registered, numeric: true },
        { header: m.columns.total, numeric: true },
        { header: m.columns.approved, numeric: true },
      ],
      rows: trendMonths.map((month) => [month, trend(month, "registered"), trend(month, "total"), trend(month, "approved")]),
    },
    {
      key: "publication",
      title: m.tables.publication,
      columns: [
        { header: m.columns.groupBy, numeric: false },
        { header: m.columns.group, numeric: false },
        { header: m.useCases, numeric: true },
        { header: m.columns.published, numeric: true },
        { header: m.columns.publishedShare, numeric: true },
        { header: m.columns.outdated, numeric: true },
      ],
      rows: overview.publication.map((row) => [
        valueLabel("value", row.groupBy, locale),
        row.groupBy === "all" ? valueLabel("value", "all", locale) : valueLabel(row.groupBy, row.groupValue, locale),
        row.useCases,
        row.published,
        percent(row.published, row.useCases),
        row.outdated,
      ]),
    },
  ];
}

/** The use cases shared with oversight, as a table. */
export function disclosedTable(rows: DisclosedUseCase[], locale: Locale): OverviewTable {
  const m = messages[locale];
  return {
    key: "useCases",
    title: m.tables.useCases,
    columns: [
      { header: m.organisation, numeric: false },
      { header: m.columns.reference, numeric: false },
      { header: m.columns.title, numeric: false },
      { header: m.columns.summary, numeric: false },
      { header: m.columns.businessArea, numeric: false },
      { header: m.tables.lifecycleStage, numeric: false },
      { header: m.tables.riskClass, numeric: false },
      { header: m.columns.updatedAt, numeric: false },
    ],
    rows: rows.map((row) => [
      row.organisationName,
      row.reference,
      row.title,
      row.publicSummary,
      row.businessArea,
      valueLabel("lifecycleStage", row.lifecycleStage, locale),
      valueLabel("riskClass", row.riskClass, locale),
      row.updatedAt.toISOString().slice(0, 10),
    ]),
  };
}

/** A cell as text: a suppressed figure is "< 3". */
export function cellText(cell: Cell, numeric: boolean, locale: Locale): string {
  if (cell === null) return numeric ? messages[locale].suppressed : "";
  return typeof cell === "number" ? String(cell) : cell;
}

/** The lines that say what the file holds: the table, the filters and when the data was computed. */
/** What a file is made from: when the data was computed, and (for the overview's tables) when its maintained aggregates were refreshed. */
export type TableSource = Pick<OversightOverview, "asOf" | "filters" | "organisation"> & { refreshedAt?: Date };

function headerLines(table: OverviewTable, overview: TableSource, locale: Locale): string[][] {
  const m = messages[locale];
  const filters = [
    overview.filters.kind ? `${m.kind}: ${valueLabel("kind", overview.filters.kind, locale)}` : null,
    overview.filters.sector ? `${m.sector}: ${valueLabel("sector", overview.filters.sector, locale)}` : null,
    overview.organisation || overview.filters.organisation
      ? `${m.organisation}: ${overview.organisation?.name ?? overview.filters.organisation}`
      : null,
  ].filter((entry): entry is string => entry !== null);
  const formatTime = new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Stockholm" });
  const time = formatTime.format(overview.asOf);
  const refreshed = overview.refreshedAt
    ? [[`${m.refreshedAt.replace("{time}", formatTime.format(overview.refreshedAt))}. ${m.refreshedAtNote.replace("{minutes}", String(AGGREGATE_MAX_AGE_MS / 60_000))}`]]
    : [];
  return [
    [table.title],
    ...refreshed,
    [m.asOf.replace("{time}", time)],
    [`${m.filtersLegend}: ${filters.length > 0 ? filters.join("; ") : m.anyOrganisation}`],
    [m.suppressionRule],
    [],
  ];
}

export interface TableFile {
  bytes: Uint8Array;
  contentType: string;
  extension: "csv" | "xlsx";
}

/** One table as CSV (Excel-friendly, as the register's export) or XLSX, with the filters and the time of the data above it. */
export async function tableFile(
  table: OverviewTable,
  overview: TableSource,
  format: "csv" | "xlsx",
  locale: Locale,
): Promise<TableFile> {
  const head = headerLines(table, overview, locale);
  const header = table.columns.map((column) => column.header);
  if (format === "csv") {
    const body = table.rows.map((row) => row.map((cell, index) => cellText(cell, table.columns[index]?.numeric ?? false, locale)));
    return { bytes: csvText([...head, header, ...body], locale), contentType: "text/csv; charset=utf-8", extension: "csv" };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Tillit";
  workbook.created = overview.asOf;
  const sheet = workbook.addWorksheet(table.title.slice(0, 31).replace(/[\\/?*[\]:]/g, " "), {
    views: [{ state: "frozen", ySplit: head.length + 1 }],
  });
  sheet.addRows(head);
  sheet.getRow(1).font = { bold: true, size: 14 };
  const headerRow = sheet.addRow(header);
  headerRow.font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(row.map((cell, index) => (cell === null ? cellText(cell, table.columns[index]?.numeric ?? false, locale) : cell)));
  }
  sheet.columns.forEach((column, index) => {
    column.width = table.columns[index]?.numeric ? 16 : 32;
  });
  return {
    bytes: new Uint8Array(await workbook.xlsx.writeBuffer()),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extension: "xlsx",
  };
}
