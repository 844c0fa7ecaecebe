import { useTranslations } from "next-intl";

/** The import template in both formats, in the user's language. */
export function TemplateLinks({ organisationSlug }: { organisationSlug: string }) {
  const t = useTranslations("UseCaseFiles.import");
  const href = (format: "csv" | "xlsx") => `/api/organisations/${encodeURIComponent(organisationSlug)}/use-cases/template?format=${format}`;
  return (
    <section aria-labelledby="import-template-heading" className="rounded border border-gray-300 bg-white p-4">
      <h2 id="import-template-heading" className="text-lg font-semibold text-brand-900">
        {t("templateHeading")}
      </h2>
      <p className="mt-1 text-sm">{t("templateIntro")}</p>
      <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
        <li>
          <a href={href("csv")} download className="text-brand-700 underline underline-offset-2">
            {t("templateCsv")}
          </a>
        </li>
        <li>
          <a href={href("xlsx")} download className="text-brand-700 underline underline-offset-2">
            {t("templateXlsx")}
          </a>
        </li>
      </ul>
    </section>
  );
}
