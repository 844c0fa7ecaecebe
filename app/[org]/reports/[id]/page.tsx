import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ReportActions } from "@/components/publication/reports/report-actions";
import { responseTime } from "@/components/publication/reports/response-time";
import { loadOrNavigate } from "@/components/trpc/server";
import { dateTimeFormat } from "@/components/ui/format";
import { can, loadWorkspace } from "@/components/workspace/load";
import { api } from "@/server/api/caller";

type Props = { params: Promise<{ org: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { org } = await params;
  const workspace = await loadWorkspace(org, `/${org}/reports`);
  const t = await getTranslations("PublicReports");
  return { title: `${t("heading")}: ${workspace.name}` };
}

export default async function ReportPage({ params }: Props) {
  const { org, id } = await params;
  const returnTo = `/${org}/reports/${id}`;
  const workspace = await loadWorkspace(org, returnTo);
  if (!can(workspace, "publicReport.read")) notFound();
  const t = await getTranslations("PublicReports");
  const format = await getFormatter();
  const caller = await api();
  const [report, members] = await Promise.all([
    loadOrNavigate(() => caller.publicReports.get({ organisationSlug: org, id }), returnTo),
    loadOrNavigate(() => caller.members.list({ organisationSlug: org }), returnTo),
  ]);
  const when = (value: Date | string) => format.dateTime(new Date(value), dateTimeFormat);
  const handlers = members.filter((member) => member.role === "ADMIN" || member.role === "EDITOR");
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link className="text-brand-700 underline" href={`/${org}/reports`}>
          {t("back")}
        </Link>
      </p>
      <h1 className="text-3xl font-bold text-brand-900">
        {t(`kind.${report.kind}`)}: {report.useCaseTitle}
      </h1>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium">{t("filterStatus")}</dt>
        <dd data-testid="report-status">{t(`status.${report.status}`)}</dd>
        <dt className="font-medium">{t("received")}</dt>
        <dd>{when(report.createdAt)}</dd>
        <dt className="font-medium">{t("from")}</dt>
        <dd>
          {report.senderName ?? t("anonymous")}
          {report.senderEmail ? ` <${report.senderEmail}>` : ""}
        </dd>
        <dt className="font-medium">{t("assignee")}</dt>
        <dd>{report.assigneeName ?? t("nobody")}</dd>
        <dt className="font-medium">{t("responseTime")}</dt>
        <dd>{report.responseSeconds === null ? t("notAnswered") : await responseTime(report.responseSeconds)}</dd>
        <dt className="font-medium">{t("useCase")}</dt>
        <dd>
          <Link className="text-brand-700 underline" href={`/${org}/register/${report.useCaseId}?tab=publication`}>
            {report.useCaseTitle}
          </Link>{" "}
          ·{" "}
          <Link className="text-brand-700 underline" href={`/register/use-cases/${report.useCaseId}`}>
            {t("publicPage")}
          </Link>
        </dd>
      </dl>
      <section aria-labelledby="report-message" className="flex flex-col gap-2">
        <h2 id="report-message" className="text-xl font-semibold text-brand-900">
          {t("message")}
        </h2>
        <p className="whitespace-pre-line">{report.message}</p>
      </section>
      {report.answer ? (
        <section aria-labelledby="report-answer" className="flex flex-col gap-2">
          <h2 id="report-answer" className="text-xl font-semibold text-brand-900">
            {t("answer")}
          </h2>
          <p className="whitespace-pre-line" data-testid="report-answer">
            {report.answer}
          </p>
          {report.answeredAt ? <p className="text-sm text-muted">{t("answeredBy", { when: when(report.answeredAt) })}</p> : null}
          {report.answerEmailedAt ? <p className="text-sm text-muted">{t("emailed", { when: when(report.answerEmailedAt) })}</p> : null}
        </section>
      ) : null}
      <ReportActions
        organisationSlug={org}
        report={{ id: report.id, version: report.version, senderEmail: report.senderEmail, assigneeId: report.assigneeId, answer: report.answer }}
        allowed={report.allowedActions}
        handlers={handlers.map((member) => ({ id: member.userId, name: member.name }))}
      />
    </div>
  );
}
