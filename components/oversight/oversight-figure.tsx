import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { asLocale } from "@/components/use-cases/fields";
import type { BreakdownRow, DisclosedUseCase, FigureOrganisation, OversightFilters } from "@/server/domain/overview/oversight";
import { valueLabel } from "@/server/domain/overview/tables";
import { DisclosedList, FigureCell } from "./oversight-overview";
import { oversightHref } from "./query";

/** The organisations behind one figure, as far as they shared its records, and the rest as an aggregate. */
export async function OversightFigure({
  filters,
  figure,
  behind,
  disclosed,
}: {
  filters: OversightFilters;
  figure: { dimension: BreakdownRow["dimension"]; value: string };
  behind: { figure: BreakdownRow | null; organisations: FigureOrganisation[]; undisclosedUseCases: number | null };
  disclosed: DisclosedUseCase[];
}) {
  const t = await getTranslations("OversightOverview");
  const kinds = await getTranslations("OrganisationKind");
  const sectors = await getTranslations("Sector");
  const locale = asLocale(await getLocale());
  const dimensionTitle = figure.dimension === "all" ? t("tables.summary") : t(`tables.${figure.dimension}`);
  const label = `${dimensionTitle}: ${figure.dimension === "all" ? t("values.all") : valueLabel(figure.dimension, figure.value, locale)}`;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-3xl font-bold text-brand-900">{t("figureHeading")}</h1>
        <p className="mt-2 text-lg">
          {label}:{" "}
          <strong>
            <FigureCell cell={behind.figure?.useCases ?? 0} numeric />
          </strong>{" "}
          {t("useCases").toLowerCase()}
        </p>
        <Link href={oversightHref(filters)} className="text-brand-700 underline">
          {t("backToAll")}
        </Link>
      </div>
      <section aria-labelledby="figure-organisations" className="flex flex-col gap-2">
        <h2 id="figure-organisations" className="text-xl font-semibold text-brand-900">
          {t("figureDisclosed")}
        </h2>
        {behind.organisations.length === 0 ? (
          <p>{t("figureNone")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">{t("figureDisclosed")}</caption>
              <thead>
                <tr className="border-b-2 border-gray-300">
                  <th scope="col" className="py-2 pr-4">{t("organisation")}</th>
                  <th scope="col" className="py-2 pr-4">{t("kind")}</th>
                  <th scope="col" className="py-2 pr-4">{t("sector")}</th>
                  <th scope="col" className="py-2 pr-4 text-right">{t("useCases")}</th>
                </tr>
              </thead>
              <tbody>
                {behind.organisations.map((organisation) => (
                  <tr key={organisation.slug} className="border-b border-gray-200">
                    <th scope="row" className="py-2 pr-4 font-medium">
                      <Link
                        href={oversightHref({ organisation: organisation.slug })}
                        className="text-brand-700 underline"
                        aria-label={t("openOrganisation", { name: organisation.name })}
                      >
                        {organisation.name}
                      </Link>
                    </th>
                    <td className="py-2 pr-4">{kinds(organisation.kind)}</td>
                    <td className="py-2 pr-4">{sectors(organisation.sector)}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{organisation.disclosedUseCases}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p>
          {behind.undisclosedUseCases === null
            ? t("figureUndisclosedSuppressed")
            : behind.undisclosedUseCases > 0
              ? t("figureUndisclosed", { count: behind.undisclosedUseCases })
              : null}
        </p>
      </section>
      <DisclosedList rows={disclosed} filters={filters} figure={figure} />
    </div>
  );
}
