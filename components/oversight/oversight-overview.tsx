import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { BarTable, TrendChart } from "@/components/ui/chart";
import { asLocale } from "@/components/use-cases/fields";
import type { OrganisationDirectoryEntry } from "@/server/domain/organisations/directory";
import { AGGREGATE_MAX_AGE_MS, type DisclosedUseCase, type OversightFilters, type OversightOverview } from "@/server/domain/overview/oversight";
import { type Cell, type OverviewTable, disclosedTable, oversightTables } from "@/server/domain/overview/tables";
import { OrganisationKind, Sector } from "@/server/db/generated/enums";
import { exportHref, figureHref, oversightHref } from "./query";
import { RefreshFigures } from "./refresh-figures";

/** A suppressed figure: "< 3", with its meaning for screen readers. */
export async function FigureCell({ cell, numeric }: { cell: Cell; numeric: boolean }) {
  const t = await getTranslations("OversightOverview");
  if (cell === null && numeric) {
    return (
      <span>
        <span aria-hidden="true">{t("suppressed")}</span>
        <span className="sr-only">{t("suppressedLabel")}</span>
      </span>
    );
  }
  return <>{typeof cell === "number" ? cell.toLocaleString("sv-SE") : (cell ?? "")}</>;
}

export async function ExportLinks({ filters, table, title, figure }: { filters: OversightFilters; table: string; title: string; figure?: { dimension: string; value: string } }) {
  const t = await getTranslations("OversightOverview");
  return (
    <p className="flex gap-4 text-sm print:hidden">
      {(["csv", "xlsx"] as const).map((format) => (
        <a
          key={format}
          href={exportHref(filters, table, format, figure)}
          className="text-brand-700 underline"
          aria-label={t("exportLabel", { title, format: format.toUpperCase() })}
          download
        >
          {t("export", { format: format.toUpperCase() })}
        </a>
      ))}
    </p>
  );
}

/** A table of the overview as it is exported, for tables that are not figures with a drill-down. */
export async function PlainTable({ table, children }: { table: OverviewTable; children?: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left font-semibold text-brand-900">{table.title}</caption>
        <thead>
          <tr className="border-b-2 border-gray-300">
            {table.columns.map((column, index) => (
              <th key={index} scope="col" className={`py-2 pr-4 ${column.numeric ? "text-right" : ""}`}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, rowIndex) => (
            <tr key={rowIndex} className="border-b border-gray-200">
              {row.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row" className="py-2 pr-4 font-medium">
                    <FigureCell cell={cell} numeric={table.columns[index]?.numeric ?? false} />
                  </th>
                ) : (
                  <td key={index} className={`py-2 pr-4 ${table.columns[index]?.numeric ? "text-right tabular-nums" : ""}`}>
                    <FigureCell cell={cell} numeric={table.columns[index]?.numeric ?? false} />
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {children}
    </div>
  );
}

/** A table whose rows are figures: a bar chart, each number leading to the organisations behind it. */
async function FigureTable({ table, filters }: { table: OverviewTable; filters: OversightFilters }) {
  const t = await getTranslations("OversightOverview");
  const valueIndex = table.columns.findIndex((column) => column.header === t("useCases"));
  const extraIndexes = table.columns.map((column, index) => index).filter((index) => index !== 0 && index !== valueIndex);
  const data = table.rows.map((row, index) => {
    const value = row[valueIndex];
    const figure = table.figures?.[index];
    const label = String(row[0] ?? "");
    return {
      key: `${figure?.dimension ?? ""}-${figure?.value ?? index}`,
      label,
      value: typeof value === "number" ? value : null,
      display: value === null ? <FigureCell cell={null} numeric /> : undefined,
      href: figure ? figureHref(filters, figure) : undefined,
      linkLabel: typeof value === "number" ? t("drillDown", { count: value, label }) : undefined,
      row,
    };
  });
  return (
    <BarTable
      caption={table.title}
      labelHeader={table.columns[0]?.header ?? ""}
      valueHeader={table.columns[valueIndex]?.header ?? ""}
      data={data}
      extra={{
        headers: extraIndexes.map((index) => table.columns[index]?.header ?? ""),
        cells: (datum) => {
          const row = data.find((entry) => entry.key === datum.key)?.row ?? [];
          return extraIndexes.map((index) => <FigureCell key={index} cell={row[index] ?? null} numeric={table.columns[index]?.numeric ?? false} />);
        },
      }}
    />
  );
}

function Section({ id, children }: { id: string; children: ReactNode }) {
  return (
    <section id={id} className="flex flex-col gap-2 print:break-inside-avoid">
      {children}
    </section>
  );
}

async function Filters({ filters, organisations }: { filters: OversightFilters; organisations: OrganisationDirectoryEntry[] }) {
  const t = await getTranslations("OversightOverview");
  const kinds = await getTranslations("OrganisationKind");
  const sectors = await getTranslations("Sector");
  const select = "mt-1 block w-full rounded border border-gray-500 bg-white px-2 py-1.5";
  return (
    <form method="get" action="/oversight" className="print:hidden">
      <fieldset className="grid gap-4 rounded border border-gray-200 p-4 sm:grid-cols-4 sm:items-end">
        <legend className="px-1 font-semibold">{t("filtersLegend")}</legend>
        <label className="text-sm font-medium">
          {t("kind")}
          <select name="kind" defaultValue={filters.kind ?? ""} className={select}>
            <option value="">{t("anyKind")}</option>
            {Object.values(OrganisationKind).map((kind) => (
              <option key={kind} value={kind}>{kinds(kind)}</option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          {t("sector")}
          <select name="sector" defaultValue={filters.sector ?? ""} className={select}>
            <option value="">{t("anySector")}</option>
            {Object.values(Sector).map((sector) => (
              <option key={sector} value={sector}>{sectors(sector)}</option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          {t("organisation")}
          <select name="organisation" defaultValue={filters.organisation ?? ""} className={select}>
            <option value="">{t("anyOrganisation")}</option>
            {organisations.map((organisation) => (
              <option key={organisation.slug} value={organisation.slug}>{organisation.name}</option>
            ))}
          </select>
        </label>
        <div className="flex items-center gap-4">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900 focus-visible:outline-2 focus-visible:outline-offset-2">
            {t("apply")}
          </button>
          <Link href="/oversight" className="text-brand-700 underline">
            {t("clear")}
          </Link>
        </div>
      </fieldset>
    </form>
  );
}

export async function DisclosedList({ rows, filters, figure }: { rows: DisclosedUseCase[]; filters: OversightFilters; figure?: { dimension: string; value: string } }) {
  const t = await getTranslations("OversightOverview");
  const locale = asLocale(await getLocale());
  const table = disclosedTable(rows, locale);
  return (
    <Section id="disclosed">
      <h2 className="text-xl font-semibold text-brand-900">{t("disclosedHeading")}</h2>
      {rows.length === 0 ? (
        <p>{t("disclosedEmpty")}</p>
      ) : (
        <>
          <PlainTable table={table} />
          <ExportLinks filters={filters} table="useCases" title={table.title} figure={figure} />
        </>
      )}
    </Section>
  );
}

/** DIGG's cross-sector overview: the same tables the export writes, with charts and drill-downs. */
export async function OversightOverviewView({
  overview,
  organisations,
  disclosed,
}: {
  overview: OversightOverview;
  organisations: OrganisationDirectoryEntry[];
  disclosed: DisclosedUseCase[] | null;
}) {
  const t = await getTranslations("OversightOverview");
  const locale = asLocale(await getLocale());
  const format = await getFormatter();
  const tables = oversightTables(overview, locale);
  const filters = overview.filters;
  const trends = overview.trends;
  const months = [...new Set(trends.map((row) => row.month))];
  const series = (["registered", "total", "approved"] as const).map((measure) => ({
    key: measure,
    label: t(`columns.${measure}`),
    values: months.map((month) => trends.find((row) => row.month === month && row.measure === measure)?.value ?? null),
  }));

  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 id="oversight-heading" className="text-3xl font-bold text-brand-900">
          {t("title")}
        </h1>
        <p className="mt-2 max-w-3xl text-lg text-muted">{t("lead")}</p>
        <div className="mt-2 flex flex-col gap-2 text-sm text-muted">
          <p>
            <strong className="text-brand-900">
              {t("refreshedAt", { time: format.dateTime(overview.refreshedAt, { dateStyle: "medium", timeStyle: "short" }) })}
            </strong>{" "}
            {t("refreshedAtNote", { minutes: AGGREGATE_MAX_AGE_MS / 60_000 })}
          </p>
          <p>{t("asOf", { time: format.dateTime(overview.asOf, { dateStyle: "medium", timeStyle: "short" }) })}</p>
          <RefreshFigures />
        </div>
      </div>
      <Filters filters={filters} organisations={organisations} />
      {overview.organisation ? (
        <div>
          <h2 className="text-2xl font-semibold text-brand-900">{t("organisationHeading", { name: overview.organisation.name })}</h2>
          <Link href={oversightHref({})} className="text-brand-700 underline">
            {t("backToAll")}
          </Link>
        </div>
      ) : null}
      <section aria-labelledby="suppression-heading" className="rounded border-l-4 border-brand-600 bg-brand-50 p-4">
        <h2 id="suppression-heading" className="font-semibold text-brand-900">
          {t("suppressionHeading")}
        </h2>
        <p className="mt-1 max-w-3xl text-sm">{t("suppressionRule")}</p>
        <p className="mt-1 max-w-3xl text-sm">{t("completenessHint")}</p>
      </section>
      {tables.map((table) => (
        <Section key={table.key} id={`table-${table.key}`}>
          {table.key === "trends" ? (
            <TrendChart caption={table.title} monthHeader={t("columns.month")} months={months} series={series} suppressedText={t("suppressed")} />
          ) : table.figures && table.key !== "summary" ? (
            <FigureTable table={table} filters={filters} />
          ) : (
            <PlainTable table={table} />
          )}
          {table.key === "coverage" ? <p className="text-sm text-muted">{t("coverageLead")}</p> : null}
          {table.key === "readiness" ? <p className="text-sm text-muted">{t("readinessLead")}</p> : null}
          {table.key === "publication" ? <p className="text-sm text-muted">{t("publicationLead")}</p> : null}
          <ExportLinks filters={filters} table={table.key} title={table.title} />
        </Section>
      ))}
      {disclosed ? <DisclosedList rows={disclosed} filters={filters} /> : null}
    </div>
  );
}
