import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { responseTime } from "@/components/publication/reports/response-time";
import { loadOrNavigate } from "@/components/trpc/server";
import { dateTimeFormat } from "@/components/ui/format";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { can, loadWorkspace } from "@/components/workspace/load";
import { api } from "@/server/api/caller";

type Status = "OPEN" | "ANSWERED" | "CLOSED";
type Props = { params: Promise<{ org: string }>; searchParams: Promise<{ status?: string | string[] }> };

const statuses: Status[] = ["OPEN", "ANSWERED", "CLOSED"];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { org } = await params;
  const workspace = await loadWorkspace(org, `/${org}/reports`);
  const t = await getTranslations("PublicReports");
  return { title: `${t("heading")}: ${workspace.name}` };
}

/** The organisation's inbox of errors and questions from the public. */
export default async function ReportsPage({ params, searchParams }: Props) {
  const { org } = await params;
  const raw = (await searchParams).status;
  const status = statuses.find((value) => value === raw);
  const returnTo = `/${org}/reports${status ? `?status=${status}` : ""}`;
  const workspace = await loadWorkspace(org, returnTo);
  if (!can(workspace, "publicReport.read")) notFound();
  const t = await getTranslations("PublicReports");
  const format = await getFormatter();
  const reports = await loadOrNavigate(async () => (await api()).publicReports.list({ organisationSlug: org, status }), returnTo);
  const responseTimes = await Promise.all(reports.map((report) => (report.responseSeconds === null ? null : responseTime(report.responseSeconds))));
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold text-brand-900">{t("heading")}</h1>
      <p className="text-muted">{t("intro")}</p>
      <nav aria-label={t("filterStatus")}>
        <ul className="flex flex-wrap gap-4">
          {[undefined, ...statuses].map((value) => (
            <li key={value ?? "all"}>
              <Link
                className={`text-brand-700 ${value === status ? "font-semibold underline" : "hover:underline"}`}
                aria-current={value === status ? "page" : undefined}
                href={`/${org}/reports${value ? `?status=${value}` : ""}`}
              >
                {value ? t(`status.${value}`) : t("all")}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {reports.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <Table caption={t("caption")}>
          <thead>
            <tr>
              <Th>{t("received")}</Th>
              <Th>{t("useCase")}</Th>
              <Th>{t("message")}</Th>
              <Th>{t("filterStatus")}</Th>
              <Th>{t("assignee")}</Th>
              <Th>{t("responseTime")}</Th>
            </tr>
          </thead>
          <tbody>
            {reports.map((report, index) => (
              <Tr key={report.id}>
                <Td>
                  <Link className="text-brand-700 underline" href={`/${org}/reports/${report.id}`}>
                    {format.dateTime(new Date(report.createdAt), dateTimeFormat)}
                  </Link>
                </Td>
                <Td>{report.useCaseTitle}</Td>
                <Td>
                  {t(`kind.${report.kind}`)}: {report.message.length > 120 ? `${report.message.slice(0, 120)}…` : report.message}
                </Td>
                <Td>{t(`status.${report.status}`)}</Td>
                <Td>{report.assigneeName ?? t("nobody")}</Td>
                <Td>{responseTimes[index] ?? t("notAnswered")}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
