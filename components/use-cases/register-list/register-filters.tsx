import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { RouterOutputs } from "@/components/trpc/types";
import { buttonClasses } from "@/components/ui/button";
import { inputClasses, selectClasses } from "@/components/ui/field";
import { asLocale, enumLabel, enumOptions } from "@/components/use-cases/fields";
import {
  aiTechniqueLabels,
  lifecycleStageLabels,
  personalDataLabels,
  riskClassLabels,
  type Labels,
} from "@/server/domain/use-cases/labels";
import type { UseCaseListFilters } from "@/server/domain/use-cases/schemas";
import type { ListKey } from "./query";

type Facets = RouterOutputs["useCases"]["list"]["facets"];

/**
 * Search, filters and sort as a plain GET form: the URL carries the whole view, so it
 * works without JavaScript and a view can be bookmarked. Each option shows its count.
 */
export async function RegisterFilters({
  organisationSlug,
  filters,
  facets,
}: {
  organisationSlug: string;
  filters: UseCaseListFilters;
  facets: Facets;
}) {
  const t = await getTranslations("UseCases.register");
  const fieldLabels = await getTranslations("UseCases.fields");
  const locale = asLocale(await getLocale());

  const countOf = (list: readonly { value: string | boolean; count: number }[], value: string | boolean) =>
    list.find((entry) => entry.value === value)?.count ?? 0;

  const enumGroup = (key: ListKey, legend: string, labels: Labels<string>, counts: readonly { value: string; count: number }[]) => ({
    key,
    legend,
    options: enumOptions(labels, locale).map((option) => ({ ...option, count: countOf(counts, option.value) })),
  });
  const businessAreas = [...new Set([...facets.businessArea.map((entry) => entry.value), ...filters.businessArea])].sort((a, b) =>
    a.localeCompare(b, locale),
  );
  const groups = [
    enumGroup("lifecycleStage", fieldLabels("lifecycleStage"), lifecycleStageLabels, facets.lifecycleStage),
    enumGroup("riskClass", fieldLabels("riskClass"), riskClassLabels, facets.riskClass),
    enumGroup("technique", fieldLabels("techniques"), aiTechniqueLabels, facets.technique),
    {
      key: "businessArea" as const,
      legend: fieldLabels("businessArea"),
      options: businessAreas.map((value) => ({ value, label: value, count: countOf(facets.businessArea, value) })),
    },
    enumGroup("personalData", fieldLabels("personalData"), personalDataLabels, facets.personalData),
  ];
  const published = filters.published === undefined ? "" : String(filters.published);

  return (
    <form method="get" action={`/${organisationSlug}/register`} role="search" aria-label={t("searchLabel")} className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <label htmlFor="register-q" className="font-medium">
          {t("search")}
        </label>
        <p id="register-q-hint" className="text-sm text-muted">
          {t("searchHint")}
        </p>
        <input
          id="register-q"
          type="search"
          name="q"
          defaultValue={filters.q ?? ""}
          maxLength={200}
          aria-describedby="register-q-hint"
          className={inputClasses}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="register-supplier" className="font-medium">
          {t("supplier")}
        </label>
        <input
          id="register-supplier"
          type="text"
          name="supplier"
          defaultValue={filters.supplier ?? ""}
          maxLength={200}
          className={inputClasses}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="register-sort" className="font-medium">
          {t("sort")}
        </label>
        <select id="register-sort" name="sort" defaultValue={filters.sort} className={selectClasses}>
          {(["updated", "title", "reference", "relevance"] as const).map((sort) => (
            <option key={sort} value={sort}>
              {t(`sortOptions.${sort}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClasses("primary")}>
          {t("apply")}
        </button>
        <Link href={`/${organisationSlug}/register`} className={buttonClasses("quiet")}>
          {t("clear")}
        </Link>
      </div>
      {groups.map((group) =>
        group.options.length === 0 ? null : (
          <fieldset key={group.key} className="rounded border border-gray-300 p-3">
            <legend className="px-1 font-medium">{group.legend}</legend>
            <ul className="flex flex-col gap-1 text-sm">
              {group.options.map((option) => {
                const id = `filter-${group.key}-${option.value}`.replace(/\s+/g, "-");
                return (
                  <li key={option.value} className="flex items-start gap-2">
                    <input
                      id={id}
                      type="checkbox"
                      name={group.key}
                      value={option.value}
                      defaultChecked={(filters[group.key] as readonly string[]).includes(option.value)}
                      className="mt-1 size-4"
                    />
                    <label htmlFor={id}>
                      {group.key === "businessArea" ? option.label : enumLabel(group.key, option.value, locale)}{" "}
                      <span className="text-muted">({t("count", { count: option.count })})</span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        ),
      )}
      <fieldset className="rounded border border-gray-300 p-3">
        <legend className="px-1 font-medium">{t("published")}</legend>
        <ul className="flex flex-col gap-1 text-sm">
          {(
            [
              ["", t("publishedAny"), null],
              ["true", t("publishedYes"), countOf(facets.published, true)],
              ["false", t("publishedNo"), countOf(facets.published, false)],
            ] as const
          ).map(([value, text, count]) => (
            <li key={value || "any"} className="flex items-start gap-2">
              <input
                id={`filter-published-${value || "any"}`}
                type="radio"
                name="published"
                value={value}
                defaultChecked={published === value}
                className="mt-1 size-4"
              />
              <label htmlFor={`filter-published-${value || "any"}`}>
                {text}
                {count === null ? null : <span className="text-muted"> ({t("count", { count })})</span>}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="flex items-start gap-2 text-sm">
        <input
          id="filter-assessmentGap"
          type="checkbox"
          name="assessmentGap"
          value="true"
          defaultChecked={filters.assessmentGap === true}
          aria-describedby="filter-assessmentGap-hint"
          className="mt-1 size-4"
        />
        <div>
          <label htmlFor="filter-assessmentGap">{t("assessmentGap")}</label>
          <p id="filter-assessmentGap-hint" className="text-muted">
            {t("assessmentGapHint")}
          </p>
        </div>
      </div>
      <div className="flex items-start gap-2 text-sm">
        <input
          id="filter-responsibilityGap"
          type="checkbox"
          name="responsibilityGap"
          value="true"
          defaultChecked={filters.responsibilityGap === true}
          aria-describedby="filter-responsibilityGap-hint"
          className="mt-1 size-4"
        />
        <div>
          <label htmlFor="filter-responsibilityGap">{t("responsibilityGap")}</label>
          <p id="filter-responsibilityGap-hint" className="text-muted">
            {t("responsibilityGapHint")}
          </p>
        </div>
      </div>
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor="filter-publication" className="font-medium">
          {t("publication")}
        </label>
        <select
          id="filter-publication"
          name="publication"
          defaultValue={filters.publication ?? ""}
          className="rounded border border-gray-500 bg-white px-2 py-1"
        >
          <option value="">{t("publicationAny")}</option>
          <option value="proposed">{t("publicationProposed")}</option>
          <option value="published">{t("publicationPublished")}</option>
          <option value="outOfDate">{t("publicationOutOfDate")}</option>
          <option value="retracted">{t("publicationRetracted")}</option>
        </select>
      </div>
      <div className="flex items-start gap-2 text-sm">
        <input
          id="filter-archived"
          type="checkbox"
          name="archived"
          value="true"
          defaultChecked={filters.archived === true}
          className="mt-1 size-4"
        />
        <label htmlFor="filter-archived">{t("archivedOnly")}</label>
      </div>
      <div>
        <button type="submit" className={buttonClasses("secondary")}>
          {t("apply")}
        </button>
      </div>
    </form>
  );
}
