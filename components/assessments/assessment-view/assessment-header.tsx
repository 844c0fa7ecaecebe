import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { dateTimeFormat } from "@/components/ui/format";
import { templateKindLabels } from "@/server/domain/assessments/labels";
import type { AssessmentView } from "@/server/domain/assessments/view";
import type { Locale } from "@/server/i18n/config";
import { StatusBadge } from "./status-badge";

/** Newest version of the series, when it is not this one. */
export function newerVersion(view: AssessmentView) {
  const newest = view.versions[0];
  return newest && newest.id !== view.id && newest.seriesVersion > view.seriesVersion ? newest : null;
}

/**
 * The top of an assessment: breadcrumbs, the template and use case, status and versions,
 * and a banner when the version is superseded or approved (locked).
 */
export async function AssessmentHeader({
  organisationSlug,
  view,
  locale,
  current,
}: {
  organisationSlug: string;
  view: AssessmentView;
  locale: Locale;
  /** The last breadcrumb, when the page is below the assessment (the report). */
  current?: string;
}) {
  const t = await getTranslations("Assessment");
  const format = await getFormatter();
  const kind = templateKindLabels[view.template.kind][locale];
  const useCaseHref = `/${organisationSlug}/register/${view.useCase.id}`;
  const base = `/${organisationSlug}/assessments/${view.id}`;
  const newer = newerVersion(view);
  const superseded = view.supersededAt !== null;

  return (
    <div className="flex flex-col gap-4">
      <nav aria-label={t("breadcrumbs.label")}>
        <ol className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
          <li>
            <Link href={`/${organisationSlug}/register`} className="text-brand-700 underline">
              {t("breadcrumbs.register")}
            </Link>
            <span aria-hidden="true" className="ml-2 text-muted">
              /
            </span>
          </li>
          <li>
            <Link href={useCaseHref} className="text-brand-700 underline">
              {view.useCase.reference} {view.useCase.title}
            </Link>
            <span aria-hidden="true" className="ml-2 text-muted">
              /
            </span>
          </li>
          {current ? (
            <>
              <li>
                <Link href={base} className="text-brand-700 underline">
                  {kind}
                </Link>
                <span aria-hidden="true" className="ml-2 text-muted">
                  /
                </span>
              </li>
              <li aria-current="page">{current}</li>
            </>
          ) : (
            <li aria-current="page">{kind}</li>
          )}
        </ol>
      </nav>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold text-brand-900">
          {current ? <span className="block text-xl font-semibold">{current}</span> : null}
          <span className="block">{kind}</span>
          <span className="mt-1 block text-xl font-semibold">
            <span className="sr-only">{t("header.useCase")}: </span>
            <Link href={`${useCaseHref}?tab=assessments`} className="text-brand-700 underline">
              <span className="font-mono">{view.useCase.reference}</span> {view.useCase.title}
            </Link>
          </span>
        </h1>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <StatusBadge status={view.status} locale={locale} label={t("header.status")} />
          <span>{t("header.version", { version: view.seriesVersion })}</span>
          <span aria-hidden="true">·</span>
          <span>{t("header.templateVersion", { version: view.template.version })}</span>
          <span aria-hidden="true">·</span>
          <span>{t("header.updated", { when: format.dateTime(view.updatedAt, dateTimeFormat) })}</span>
        </p>
      </div>
      {superseded ? (
        <Alert tone="warning" title={t("header.supersededTitle")}>
          <p>{t("header.supersededBody", { when: format.dateTime(view.supersededAt ?? view.updatedAt, dateTimeFormat) })}</p>
          {newer ? (
            <p className="mt-1">
              <Link href={`/${organisationSlug}/assessments/${newer.id}`} className="text-brand-700 underline">
                {t("header.toNewest", { version: newer.seriesVersion })}
              </Link>
            </p>
          ) : null}
        </Alert>
      ) : newer ? (
        <Alert tone="info" title={t("header.newerTitle")}>
          <p>{t("header.newerBody")}</p>
          <p className="mt-1">
            <Link href={`/${organisationSlug}/assessments/${newer.id}`} className="text-brand-700 underline">
              {t("header.toNewest", { version: newer.seriesVersion })}
            </Link>
          </p>
        </Alert>
      ) : null}
      {view.status === "APPROVED" ? (
        <Alert tone="success" title={t("header.approvedTitle")}>
          <p>
            {t("header.approvedBody", {
              who: view.approvedBy?.name ?? t("header.unknownPerson"),
              when: view.approvedAt ? format.dateTime(view.approvedAt, dateTimeFormat) : "–",
            })}
          </p>
          {!superseded && !newer ? <p className="mt-1">{t("header.lockedBody")}</p> : null}
        </Alert>
      ) : null}
    </div>
  );
}
