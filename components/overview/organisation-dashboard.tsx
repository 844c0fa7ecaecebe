import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { assessmentsHref } from "@/components/assessments/list/query";
import { auditHref } from "@/components/audit/query";
import { BarTable, TrendChart } from "@/components/ui/chart";
import { asLocale } from "@/components/use-cases/fields";
import { registerHref } from "@/components/use-cases/register-list/query";
import type { AssessmentStatus, LifecycleStage, TemplateKind } from "@/server/db/generated/enums";
import { assessmentStatusLabels, templateKindLabels } from "@/server/domain/assessments/labels";
import type { OrganisationDashboard as Dashboard } from "@/server/domain/overview/dashboard";
import { decisionStatusLabels, procurementRouteLabels } from "@/server/domain/procurement/labels";
import { responsibilityRoleLabels } from "@/server/domain/responsibilities/labels";
import { lifecycleStageLabels, riskClassLabels } from "@/server/domain/use-cases/labels";
import { type UseCaseListFilters, useCaseListFilters } from "@/server/domain/use-cases/schemas";

const stages = Object.keys(lifecycleStageLabels) as LifecycleStage[];
const templateKinds = Object.keys(templateKindLabels) as TemplateKind[];
const statuses = Object.keys(assessmentStatusLabels) as AssessmentStatus[];

function Card({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3 rounded border border-gray-200 p-4 print:break-inside-avoid">
      <h2 id={id} className="text-xl font-semibold text-brand-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The organisation's dashboard: every figure links to the list behind it. */
export async function OrganisationDashboard({
  slug,
  dashboard,
  canReadAudit,
}: {
  slug: string;
  dashboard: Dashboard;
  canReadAudit: boolean;
}) {
  const t = await getTranslations("Dashboard");
  const entityTypes = await getTranslations("Audit.entityTypes");
  const locale = asLocale(await getLocale());
  const format = await getFormatter();
  const register = (filters: Partial<Record<keyof UseCaseListFilters, unknown>>) => registerHref(slug, useCaseListFilters.parse(filters));
  const count = (kind: TemplateKind, status: AssessmentStatus) =>
    dashboard.assessments.byTemplateAndStatus.find((row) => row.templateKind === kind && row.status === status)?.count ?? 0;
  const link = (value: number, href: string, label: string) => (
    <Link href={href} className="text-brand-700 underline" aria-label={t("showInList", { count: value, label })}>
      {format.number(value)}
    </Link>
  );

  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-3xl font-bold text-brand-900">{t("heading")}</h1>
        <p className="mt-2 max-w-3xl text-muted">{t("lead")}</p>
        <p className="mt-1 text-sm text-muted">{t("asOf", { time: format.dateTime(dashboard.asOf, { dateStyle: "medium", timeStyle: "short" }) })}</p>
      </div>

      <Card id="dashboard-use-cases" title={t("useCasesHeading")}>
        <p>
          <Link href={register({})} className="text-brand-700 underline">
            {t("useCasesTotal", { count: dashboard.useCases.total })}
          </Link>
        </p>
        <div className="grid gap-6 lg:grid-cols-2">
          <BarTable
            caption={t("byStage")}
            labelHeader={t("stage")}
            valueHeader={t("count")}
            data={dashboard.useCases.byStage.map((row) => ({
              key: row.lifecycleStage,
              label: lifecycleStageLabels[row.lifecycleStage][locale],
              value: row.count,
              href: register({ lifecycleStage: [row.lifecycleStage] }),
              linkLabel: t("showInList", { count: row.count, label: lifecycleStageLabels[row.lifecycleStage][locale] }),
            }))}
          />
          <BarTable
            caption={t("byRiskClass")}
            labelHeader={t("riskClass")}
            valueHeader={t("count")}
            data={dashboard.useCases.byRiskClass.map((row) => ({
              key: row.riskClass,
              label: riskClassLabels[row.riskClass][locale],
              value: row.count,
              href: register({ riskClass: [row.riskClass] }),
              linkLabel: t("showInList", { count: row.count, label: riskClassLabels[row.riskClass][locale] }),
            }))}
          />
        </div>
      </Card>

      <Card id="dashboard-assessments" title={t("assessmentsHeading")}>
        <p className="text-sm text-muted">
          {t("assessmentsLead")}{" "}
          <Link href={`/${slug}/status`} className="text-brand-700 underline">
            {t("statusBoardLink")}
          </Link>
        </p>
        <dl className="grid gap-4 sm:grid-cols-3">
          <div>
            <dt className="text-sm font-medium">{t("overdue")}</dt>
            <dd className="text-2xl">{link(dashboard.assessments.overdue, assessmentsHref(slug, { overdue: true }), t("overdue"))}</dd>
          </div>
          <div>
            <dt className="text-sm font-medium">{t("reviewsDue", { days: dashboard.assessments.reviewDays })}</dt>
            <dd className="text-2xl">
              {link(
                dashboard.assessments.reviewsDue,
                assessmentsHref(slug, { reviewWithinDays: dashboard.assessments.reviewDays }),
                t("reviewsDue", { days: dashboard.assessments.reviewDays }),
              )}
            </dd>
          </div>
          <div>
            <dt className="text-sm font-medium">{t("assessmentGaps")}</dt>
            <dd className="text-2xl">{link(dashboard.assessments.gaps, register({ assessmentGap: true }), t("assessmentGaps"))}</dd>
          </div>
        </dl>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="mb-2 text-left font-semibold text-brand-900">{t("byTemplate")}</caption>
            <thead>
              <tr className="border-b-2 border-gray-300">
                <th scope="col" className="py-2 pr-4">{t("template")}</th>
                {statuses.map((status) => (
                  <th key={status} scope="col" className="py-2 pr-4 text-right">{assessmentStatusLabels[status][locale]}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {templateKinds.map((kind) => (
                <tr key={kind} className="border-b border-gray-200">
                  <th scope="row" className="py-2 pr-4 font-medium">{templateKindLabels[kind][locale]}</th>
                  {statuses.map((status) => (
                    <td key={status} className="py-2 pr-4 text-right tabular-nums">
                      {link(
                        count(kind, status),
                        assessmentsHref(slug, { templateKind: [kind], status: [status] }),
                        `${templateKindLabels[kind][locale]}, ${assessmentStatusLabels[status][locale]}`,
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>

      <div className="grid gap-8 lg:grid-cols-2">
        <Card id="dashboard-responsibilities" title={t("responsibilitiesHeading")}>
          <p>
            {t("responsibilityUseCases")}:{" "}
            <strong className="text-xl">{link(dashboard.responsibilities.useCases, register({ responsibilityGap: true }), t("responsibilityUseCases"))}</strong>
          </p>
          {dashboard.responsibilities.byRole.length > 0 ? (
            <BarTable
              caption={t("byRole")}
              labelHeader={t("role")}
              valueHeader={t("count")}
              data={dashboard.responsibilities.byRole.map((row) => ({
                key: row.role,
                label: responsibilityRoleLabels[row.role][locale],
                value: row.count,
                href: register({ responsibilityGap: true }),
                linkLabel: t("showInList", { count: row.count, label: responsibilityRoleLabels[row.role][locale] }),
              }))}
            />
          ) : null}
        </Card>

        <Card id="dashboard-procurement" title={t("procurementHeading")}>
          <p className="text-sm text-muted">{t("procurementLead")}</p>
          {dashboard.procurement.byRouteAndStatus.length === 0 ? (
            <p>{t("procurementEmpty")}</p>
          ) : (
            <>
              <p>{t("procurementTotal", { count: dashboard.procurement.total, value: format.number(dashboard.procurement.totalValueSek) })}</p>
              <BarTable
                caption={t("procurementHeading")}
                labelHeader={`${t("route")}, ${t("status").toLowerCase()}`}
                valueHeader={t("decisions")}
                data={dashboard.procurement.byRouteAndStatus.map((row) => ({
                  key: `${row.route}-${row.status}`,
                  label: `${procurementRouteLabels[row.route][locale]}, ${decisionStatusLabels[row.status][locale].toLowerCase()}`,
                  value: row.count,
                }))}
                extra={{
                  headers: [t("value")],
                  cells: (datum) => {
                    const row = dashboard.procurement.byRouteAndStatus.find((entry) => `${entry.route}-${entry.status}` === datum.key);
                    return [format.number(row?.valueSek ?? 0)];
                  },
                }}
              />
            </>
          )}
        </Card>
      </div>

      <Card id="dashboard-recent" title={t("recentHeading")}>
        {dashboard.recentChanges.total === 0 ? (
          <p>{t("recentEmpty")}</p>
        ) : (
          <>
            <p>{t("recentTotal", { count: dashboard.recentChanges.total, since: dashboard.recentChanges.since })}</p>
            <BarTable
              caption={t("recentHeading")}
              labelHeader={t("entityType")}
              valueHeader={t("changes")}
              data={dashboard.recentChanges.byEntityType.map((row) => ({
                key: row.entityType,
                label: entityTypes.has(row.entityType) ? entityTypes(row.entityType) : row.entityType,
                value: row.count,
                href: canReadAudit ? auditHref(slug, { entityType: row.entityType, from: dashboard.recentChanges.since }) : undefined,
              }))}
            />
          </>
        )}
      </Card>

      <Card id="dashboard-trends" title={t("trendsHeading")}>
        <p className="text-sm text-muted">{t("trendsLead")}</p>
        <TrendChart
          caption={t("stageTrend")}
          monthHeader={t("month")}
          months={dashboard.trends.months}
          series={stages
            .filter((stage) => dashboard.trends.stageByMonth.some((row) => row.lifecycleStage === stage))
            .map((stage) => ({
              key: stage,
              label: lifecycleStageLabels[stage][locale],
              values: dashboard.trends.months.map(
                (month) => dashboard.trends.stageByMonth.find((row) => row.month === month && row.lifecycleStage === stage)?.count ?? 0,
              ),
            }))}
        />
        <TrendChart
          caption={t("approvalsTrend")}
          monthHeader={t("month")}
          months={dashboard.trends.months}
          series={[{ key: "approved", label: t("approvals"), values: dashboard.trends.approvalsByMonth.map((row) => row.count) }]}
        />
      </Card>
    </div>
  );
}
