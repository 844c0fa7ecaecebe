import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { dateTimeFormat } from "@/components/ui/format";
import type { AssessmentView } from "@/server/domain/assessments/view";
import type { Locale } from "@/server/i18n/config";
import { StatusBadge } from "./status-badge";

/** Every version of the assessment, newest first; the one shown is marked as current. */
export async function VersionList({ organisationSlug, view, locale }: { organisationSlug: string; view: AssessmentView; locale: Locale }) {
  const t = await getTranslations("Assessment.versions");
  const format = await getFormatter();
  return (
    <ol className="flex flex-col gap-2">
      {view.versions.map((version) => {
        const current = version.id === view.id;
        return (
          <li key={version.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
            {current ? (
              <span aria-current="page" className="font-semibold">
                {t("version", { version: version.seriesVersion })} <span className="font-normal text-muted">({t("shown")})</span>
              </span>
            ) : (
              <Link href={`/${organisationSlug}/assessments/${version.id}`} className="text-brand-700 underline">
                {t("version", { version: version.seriesVersion })}
              </Link>
            )}
            <StatusBadge status={version.status} locale={locale} />
            <span className="text-sm text-muted">{t("templateVersion", { version: version.templateVersion })}</span>
            {version.approvedAt ? <span className="text-sm">{t("approvedAt", { when: format.dateTime(version.approvedAt, dateTimeFormat) })}</span> : null}
            {version.supersededAt ? (
              <span className="text-sm">{t("supersededAt", { when: format.dateTime(version.supersededAt, dateTimeFormat) })}</span>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
