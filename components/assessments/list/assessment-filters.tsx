import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { inputClasses, selectClasses } from "@/components/ui/field";
import { asLocale } from "@/components/use-cases/fields";
import { assessmentStatusLabels, templateKindLabels } from "@/server/domain/assessments/labels";
import type { AssessmentListFilters } from "@/server/domain/assessments/schemas";
import { templateKinds } from "@/server/domain/assessments/template-definition";
import { assessmentsHref } from "./query";

const statuses = ["DRAFT", "IN_REVIEW", "CHANGES_REQUESTED", "APPROVED"] as const;

/**
 * The list's filters as a plain GET form: the URL carries the whole view, so it works
 * without JavaScript and a view can be shared and bookmarked.
 */
export async function AssessmentFilters({
  organisationSlug,
  filters,
  members,
  businessAreas,
}: {
  organisationSlug: string;
  filters: AssessmentListFilters;
  members: { id: string; name: string }[];
  businessAreas: string[];
}) {
  const t = await getTranslations("Assessments.list");
  const locale = asLocale(await getLocale());
  const areas = [...new Set([...businessAreas, ...(filters.businessArea ? [filters.businessArea] : [])])].sort((a, b) =>
    a.localeCompare(b, locale),
  );
  const groups = [
    {
      key: "status" as const,
      legend: t("status"),
      options: statuses.map((value) => ({ value, label: assessmentStatusLabels[value][locale] })),
      selected: filters.status as readonly string[],
    },
    {
      key: "templateKind" as const,
      legend: t("template"),
      options: templateKinds.map((value) => ({ value, label: templateKindLabels[value][locale] })),
      selected: filters.templateKind as readonly string[],
    },
  ];

  return (
    <form method="get" action={`/${organisationSlug}/assessments`} role="search" aria-label={t("filtersLabel")} className="flex flex-col gap-4">
      {filters.useCaseId ? (
        <div className="rounded border border-brand-600 bg-brand-50 p-3 text-sm">
          <input type="hidden" name="useCaseId" value={filters.useCaseId} />
          <p>{t("useCaseFilterActive")}</p>
          <p className="mt-1">
            <Link href={assessmentsHref(organisationSlug, { ...filters, useCaseId: undefined })} className="text-brand-700 underline">
              {t("useCaseFilterRemove")}
            </Link>
          </p>
        </div>
      ) : null}
      {groups.map((group) => (
        <fieldset key={group.key} className="rounded border border-gray-300 p-3">
          <legend className="px-1 font-medium">{group.legend}</legend>
          <ul className="flex flex-col gap-1 text-sm">
            {group.options.map((option) => {
              const id = `assessment-filter-${group.key}-${option.value}`;
              return (
                <li key={option.value} className="flex items-start gap-2">
                  <input
                    id={id}
                    type="checkbox"
                    name={group.key}
                    value={option.value}
                    defaultChecked={group.selected.includes(option.value)}
                    className="mt-1 size-4"
                  />
                  <label htmlFor={id}>{option.label}</label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
      <div className="flex items-start gap-2 text-sm">
        <input
          id="assessment-filter-overdue"
          type="checkbox"
          name="overdue"
          value="true"
          defaultChecked={filters.overdue === true}
          aria-describedby="assessment-filter-overdue-hint"
          className="mt-1 size-4"
        />
        <div>
          <label htmlFor="assessment-filter-overdue" className="font-medium">
            {t("overdueOnly")}
          </label>
          <p id="assessment-filter-overdue-hint" className="text-muted">
            {t("overdueHint")}
          </p>
        </div>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="assessment-filter-review" className="font-medium">
          {t("reviewWithinDays")}
        </label>
        <p id="assessment-filter-review-hint" className="text-sm text-muted">
          {t("reviewWithinDaysHint")}
        </p>
        <input
          id="assessment-filter-review"
          type="number"
          inputMode="numeric"
          name="reviewWithinDays"
          min={0}
          max={366}
          step={1}
          defaultValue={filters.reviewWithinDays ?? ""}
          aria-describedby="assessment-filter-review-hint"
          className={`${inputClasses} max-w-32`}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="assessment-filter-owner" className="font-medium">
          {t("owner")}
        </label>
        <select id="assessment-filter-owner" name="ownerId" defaultValue={filters.ownerId ?? ""} className={selectClasses}>
          <option value="">{t("anyOwner")}</option>
          {members.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="assessment-filter-area" className="font-medium">
          {t("businessArea")}
        </label>
        <select id="assessment-filter-area" name="businessArea" defaultValue={filters.businessArea ?? ""} className={selectClasses}>
          <option value="">{t("anyBusinessArea")}</option>
          {areas.map((area) => (
            <option key={area} value={area}>
              {area}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClasses("primary")}>
          {t("apply")}
        </button>
        <Link href={`/${organisationSlug}/assessments`} className={buttonClasses("quiet")}>
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
