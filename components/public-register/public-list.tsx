import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { RouterOutputs } from "@/components/trpc/types";
import { buttonClasses } from "@/components/ui/button";
import { inputClasses, selectClasses } from "@/components/ui/field";
import { dateFormat } from "@/components/ui/format";
import { asLocale, enumLabel } from "@/components/use-cases/fields";
import type { PublicRegisterFilters } from "@/server/domain/public-register/schemas";
import { publicRegisterHref, type PublicListKey } from "./query";

type Page = RouterOutputs["publicRegister"]["list"];

/** The public register's search: a GET form (works without JavaScript), filters with counts, results and the next page. */
export async function PublicList({ filters, cursor, page }: { filters: PublicRegisterFilters; cursor: string | undefined; page: Page }) {
  const t = await getTranslations("PublicRegister");
  const kindLabel = await getTranslations("OrganisationKind");
  const sectorLabel = await getTranslations("Sector");
  const format = await getFormatter();
  const locale = asLocale(await getLocale());
  const { facets } = page;

  const labelOf = (key: PublicListKey, value: string, label?: string): string => {
    switch (key) {
      case "organisation":
        return label ?? value;
      case "organisationKind":
        return kindLabel(value as Parameters<typeof kindLabel>[0]);
      case "sector":
        return sectorLabel(value as Parameters<typeof sectorLabel>[0]);
      default:
        return enumLabel(key, value, locale);
    }
  };
  const groups: { key: PublicListKey; options: { value: string; label?: string; count: number }[] }[] = [
    { key: "organisation", options: facets.organisation },
    { key: "organisationKind", options: facets.organisationKind },
    { key: "sector", options: facets.sector },
    { key: "lifecycleStage", options: facets.lifecycleStage },
    { key: "riskClass", options: facets.riskClass },
    { key: "technique", options: facets.technique },
  ];
  // A chosen value stays visible (with 0) even when nothing matches it any more.
  for (const group of groups) {
    for (const value of filters[group.key] as string[]) {
      if (!group.options.some((option) => option.value === value)) group.options.push({ value, count: 0 });
    }
  }
  const countOf = (list: { value: boolean; count: number }[], value: boolean) => list.find((entry) => entry.value === value)?.count ?? 0;
  const booleanGroups = [
    { key: "generativeAi" as const, current: filters.generativeAi, counts: facets.generativeAi },
    { key: "personalData" as const, current: filters.personalData, counts: facets.personalData },
  ];

  return (
    <div className="grid gap-8 lg:grid-cols-[20rem_1fr]">
      <form method="get" action="/register" role="search" aria-label={t("search.label")} className="flex flex-col gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="public-q" className="font-medium">
            {t("search.label")}
          </label>
          <p id="public-q-hint" className="text-sm text-muted">
            {t("search.hint")}
          </p>
          <input id="public-q" type="search" name="q" defaultValue={filters.q ?? ""} maxLength={200} aria-describedby="public-q-hint" className={inputClasses} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="public-sort" className="font-medium">
            {t("search.sort")}
          </label>
          <select id="public-sort" name="sort" defaultValue={filters.sort} className={selectClasses}>
            <option value="newest">{t("search.sortNewest")}</option>
            <option value="title">{t("search.sortTitle")}</option>
            <option value="relevance">{t("search.sortRelevance")}</option>
          </select>
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={buttonClasses("primary")}>
            {t("search.apply")}
          </button>
          <Link href="/register" className={buttonClasses("quiet")}>
            {t("search.clear")}
          </Link>
        </div>
        {groups.map((group) =>
          group.options.length === 0 ? null : (
            <fieldset key={group.key} className="rounded border border-gray-300 p-3">
              <legend className="px-1 font-medium">{t(`filters.${group.key}`)}</legend>
              <ul className="flex flex-col gap-1 text-sm">
                {group.options.map((option) => {
                  const id = `public-${group.key}-${option.value}`;
                  return (
                    <li key={option.value} className="flex items-start gap-2">
                      <input
                        id={id}
                        type="checkbox"
                        name={group.key}
                        value={option.value}
                        defaultChecked={(filters[group.key] as string[]).includes(option.value)}
                        className="mt-1 size-4"
                      />
                      <label htmlFor={id}>{t("search.facetCount", { label: labelOf(group.key, option.value, option.label), count: option.count })}</label>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          ),
        )}
        {booleanGroups.map((group) => (
          <fieldset key={group.key} className="rounded border border-gray-300 p-3">
            <legend className="px-1 font-medium">{t(`filters.${group.key}`)}</legend>
            <ul className="flex flex-col gap-1 text-sm">
              {(
                [
                  ["", t("search.any"), null],
                  ["true", t("search.yes"), countOf(group.counts, true)],
                  ["false", t("search.no"), countOf(group.counts, false)],
                ] as const
              ).map(([value, text, count]) => {
                const id = `public-${group.key}-${value || "any"}`;
                return (
                  <li key={value} className="flex items-start gap-2">
                    <input
                      id={id}
                      type="radio"
                      name={group.key}
                      value={value}
                      defaultChecked={(group.current === undefined ? "" : String(group.current)) === value}
                      className="mt-1 size-4"
                    />
                    <label htmlFor={id}>{count === null ? text : t("search.facetCount", { label: text, count })}</label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        ))}
        <div>
          <button type="submit" className={buttonClasses("secondary")}>
            {t("search.apply")}
          </button>
        </div>
      </form>
      <section aria-labelledby="public-results" className="flex flex-col gap-4">
        <h2 id="public-results" className="text-xl font-semibold text-brand-900" aria-live="polite">
          {t("search.results", { count: page.total })}
        </h2>
        {page.items.length === 0 ? (
          <p>{t("search.none")}</p>
        ) : (
          <ol className="flex flex-col gap-4">
            {page.items.map((item) => (
              <li key={item.useCaseId} className="rounded border border-gray-300 p-4">
                <h3 className="text-lg font-semibold">
                  <Link className="text-brand-700 underline" href={`/register/use-cases/${item.useCaseId}`}>
                    {item.title}
                  </Link>
                </h3>
                <p className="text-sm text-muted">
                  {item.organisation.name} · {kindLabel(item.organisation.kind)} · {format.dateTime(new Date(item.publishedAt), dateFormat)}
                </p>
                <p className="mt-2">{item.publicSummary}</p>
                <p className="mt-2 text-sm">
                  {enumLabel("lifecycleStage", item.lifecycleStage, locale)} · {enumLabel("riskClass", item.riskClass, locale)}
                  {item.techniques.length > 0 ? <> · {item.techniques.map((technique) => enumLabel("techniques", technique, locale)).join(", ")}</> : null}
                </p>
              </li>
            ))}
          </ol>
        )}
        <div className="flex flex-wrap gap-4">
          {cursor ? (
            <Link className="text-brand-700 underline" href={publicRegisterHref(filters)}>
              {t("search.first")}
            </Link>
          ) : null}
          {page.nextCursor ? (
            <Link className="text-brand-700 underline" rel="next" href={publicRegisterHref(filters, page.nextCursor)}>
              {t("search.next")}
            </Link>
          ) : null}
        </div>
      </section>
    </div>
  );
}
