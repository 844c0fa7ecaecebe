import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The API addresses of an assessment's files (route handlers under app/api). */
export function assessmentFileUrls(organisationSlug: string, id: string) {
  const base = `/api/organisations/${encodeURIComponent(organisationSlug)}/assessments/${id}`;
  return { pdf: `${base}/report.pdf`, answers: `${base}/answers.json` };
}

/** Report (print), PDF and the answers as JSON. */
export async function FileLinks({ organisationSlug, id }: { organisationSlug: string; id: string }) {
  const t = await getTranslations("Assessment.files");
  const urls = assessmentFileUrls(organisationSlug, id);
  return (
    <section aria-labelledby="files-heading" className="print:hidden">
      <h2 id="files-heading" className="text-xl font-semibold text-brand-900">
        {t("heading")}
      </h2>
      <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
        <li>
          <Link href={`/${organisationSlug}/assessments/${id}/report`} className="text-brand-700 underline">
            {t("report")}
          </Link>
        </li>
        <li>
          <a href={urls.pdf} className="text-brand-700 underline" download>
            {t("pdf")}
          </a>
        </li>
        <li>
          <a href={urls.answers} className="text-brand-700 underline" download>
            {t("answers")}
          </a>
        </li>
      </ul>
    </section>
  );
}
