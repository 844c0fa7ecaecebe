import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { loadPublicUseCase, loadPublicUseCaseVersion } from "@/components/public-register/load";
import { PublicNav } from "@/components/public-register/public-nav";
import { PublicUseCaseBody } from "@/components/public-register/public-use-case-body";
import { ReportForm } from "@/components/public-register/report-form";
import { reportFormToken } from "@/server/api/public-report";
import { sendPublicReport } from "./actions";
import { Alert } from "@/components/ui/alert";
import { dateFormat, dateTimeFormat } from "@/components/ui/format";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ version?: string | string[]; report?: string | string[]; field?: string | string[] }>;
};

const single = (value: string | string[] | undefined) => (typeof value === "string" ? value.slice(0, 100) : null);

function requestedVersion(raw: string | string[] | undefined): number | null {
  return typeof raw === "string" && /^\d{1,6}$/.test(raw) ? Number(raw) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const t = await getTranslations("PublicRegister");
  const view = await loadPublicUseCase(id);
  if (!view) return { title: t("siteName") };
  if (view.status === "RETRACTED") return { title: `${view.title} – ${t("siteName")}`, robots: { index: false } };
  return {
    title: `${view.snapshot.title} (${view.snapshot.organisation.name}) – ${t("siteName")}`,
    description: view.snapshot.publicSummary.slice(0, 300),
  };
}

export default async function PublicUseCasePage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const version = requestedVersion(query.version);
  const t = await getTranslations("PublicRegister");
  const format = await getFormatter();
  const view = await loadPublicUseCase(id);
  if (!view) notFound();

  if (view.status === "RETRACTED") {
    return (
      <>
        <PublicNav current={null} />
        <h1 className="text-3xl font-bold text-brand-900">{view.title}</h1>
        <Alert tone="warning" title={t("useCase.retractedHeading")} className="mt-6">
          <p>
            {t("useCase.retractedBody", { organisation: view.organisationName, when: format.dateTime(new Date(view.retractedAt), dateFormat) })}
          </p>
          <p className="mt-2 whitespace-pre-line" data-testid="retraction-reason">
            {view.retractionReason}
          </p>
        </Alert>
        <p className="mt-6">
          <Link className="text-brand-700 underline" href="/register">
            {t("useCase.backToRegister")}
          </Link>
        </p>
      </>
    );
  }

  const older = version !== null && version !== view.version ? await loadPublicUseCaseVersion(id, version) : null;
  if (version !== null && version !== view.version && !older) notFound();
  const shown = older ?? { version: view.version, publishedAt: view.publishedAt, snapshot: view.snapshot };
  const when = (value: Date | string) => format.dateTime(new Date(value), dateFormat);
  const median = view.reports.medianResponseSeconds;
  const medianText =
    median === null
      ? null
      : median < 3600
        ? t("reports.minutes", { count: Math.max(1, Math.round(median / 60)) })
        : median < 2 * 86_400
          ? t("reports.hours", { count: Math.round(median / 3600) })
          : t("reports.days", { count: Math.round(median / 86_400) });

  return (
    <>
      <PublicNav current={null} />
      <article className="flex flex-col gap-6">
        <header className="flex flex-col gap-2">
          <p className="text-muted">
            <Link className="text-brand-700 underline" href={`/register/organisations/${shown.snapshot.organisation.slug}`}>
              {shown.snapshot.organisation.name}
            </Link>
          </p>
          <h1 className="text-3xl font-bold text-brand-900">{shown.snapshot.title}</h1>
          <p className="text-sm">
            {t("useCase.lastPublished", { when: format.dateTime(new Date(view.publishedAt), dateTimeFormat), version: view.version })} ·{" "}
            {t("useCase.firstPublished", { when: when(view.firstPublishedAt) })} · {t("useCase.completeness", { percent: view.completeness })}
          </p>
        </header>
        {older ? (
          <Alert tone="info" title={t("useCase.olderVersionNotice", { version: older.version, when: when(older.publishedAt) })}>
            <Link className="text-brand-700 underline" href={`/register/use-cases/${id}`}>
              {t("useCase.toCurrent")}
            </Link>
          </Alert>
        ) : null}
        <PublicUseCaseBody snapshot={shown.snapshot} />
        {view.versions.length > 1 ? (
          <section aria-labelledby="public-versions" className="flex flex-col gap-2">
            <h2 id="public-versions" className="text-xl font-semibold text-brand-900">
              {t("useCase.versionsHeading")}
            </h2>
            <ul className="list-disc pl-5">
              {view.versions.map((entry) => (
                <li key={entry.version}>
                  {entry.version === shown.version ? (
                    <>
                      {t("useCase.versionLink", { version: entry.version, when: when(entry.publishedAt) })} {t("useCase.currentVersion")}
                    </>
                  ) : (
                    <Link
                      className="text-brand-700 underline"
                      href={entry.version === view.version ? `/register/use-cases/${id}` : `/register/use-cases/${id}?version=${entry.version}`}
                    >
                      {t("useCase.versionLink", { version: entry.version, when: when(entry.publishedAt) })}
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section aria-labelledby="report-statistics" className="flex flex-col gap-1">
          <h2 id="report-statistics" className="text-xl font-semibold text-brand-900">
            {t("reports.statsHeading")}
          </h2>
          <p data-testid="report-statistics">
            {t("reports.stats", { open: view.reports.openCount, answered: view.reports.answeredCount })}{" "}
            {medianText ? t("reports.median", { time: medianText }) : null}
          </p>
        </section>
        <ReportForm
          useCaseId={id}
          organisationName={view.snapshot.organisation.name}
          token={reportFormToken(id)}
          action={sendPublicReport}
          outcome={{ report: single(query.report), field: single(query.field) }}
        />
      </article>
    </>
  );
}
