import { useTranslations } from "next-intl";
import { registerSearch } from "@/components/use-cases/register-list/query";
import type { UseCaseListFilters } from "@/server/domain/use-cases/schemas";

const formats = ["csv", "xlsx", "json"] as const;

/** The export of the register's current view (its search and filters), as CSV, Excel or JSON. */
export function exportHref(organisationSlug: string, filters: UseCaseListFilters, format: (typeof formats)[number]): string {
  const search = registerSearch(filters);
  return `/api/organisations/${encodeURIComponent(organisationSlug)}/use-cases/export?format=${format}${search ? `&${search}` : ""}`;
}

export function ExportLinks({ organisationSlug, filters }: { organisationSlug: string; filters: UseCaseListFilters }) {
  const t = useTranslations("UseCaseFiles.export");
  return (
    <nav aria-label={t("label")}>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {formats.map((format) => (
          <li key={format}>
            <a href={exportHref(organisationSlug, filters, format)} download className="text-brand-700 underline underline-offset-2 hover:text-brand-900">
              {t(format)}
            </a>
          </li>
        ))}
      </ul>
      <p className="mt-1 text-xs text-muted">{t("hint")}</p>
    </nav>
  );
}
