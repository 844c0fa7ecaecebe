import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { OverdueMarker } from "@/components/assessments/list/overdue-marker";
import { assessmentsHref, dayAsDate } from "@/components/assessments/list/query";
import type { RouterOutputs } from "@/components/trpc/types";
import { buttonClasses } from "@/components/ui/button";
import { selectClasses } from "@/components/ui/field";
import { dateFormat } from "@/components/ui/format";
import { asLocale } from "@/components/use-cases/fields";
import { parseRegisterQuery, registerHref } from "@/components/use-cases/register-list/query";
import { assessmentStatusLabels, templateKindLabels } from "@/server/domain/assessments/labels";
import type { AssessmentListFilters } from "@/server/domain/assessments/schemas";
import { templateKinds } from "@/server/domain/assessments/template-definition";
import { responsibilityRoleLabels } from "@/server/domain/responsibilities/labels";
import { lifecycleStageLabels, riskClassLabels } from "@/server/domain/use-cases/labels";

type Board = RouterOutputs["assessments"]["statusBoard"];
type BoardAssessment = Board["overdue"]["items"][number];
export interface BoardFilters {
  businessArea?: string;
  ownerId?: string;
}

const statuses = ["DRAFT", "IN_REVIEW", "CHANGES_REQUESTED", "APPROVED"] as const;
/** Bar colours per status; every bar also has its number in text, so colour is never the only signal. */
const statusColours: Record<(typeof statuses)[number], string> = {
  DRAFT: "bg-gray-500",
  IN_REVIEW: "bg-brand-600",
  CHANGES_REQUESTED: "bg-amber-600",
  APPROVED: "bg-green-700",
};

const linkClass = "text-brand-700 underline";

/**
 * The CIO's status board: assessments per template and status, what is overdue, what
 * comes up for review, and high-risk or personal-data use cases without an approved
 * assessment. Every number links to the list behind it, with the board's filters.
 */
export async function StatusBoard({
  organisationSlug,
  organisationName,
  board,
  filters,
  members,
  businessAreas,
}: {
  organisationSlug: string;
  organisationName: string;
  board: Board;
  filters: BoardFilters;
  members: { id: string; name: string }[];
  businessAreas: string[];
}) {
  const t = await getTranslations("StatusBoard");
  const tr = await getTranslations("Responsibilities.board");
  const format = await getFormatter();
  const locale = asLocale(await getLocale());
  const listHref = (extra: Partial<AssessmentListFilters>) =>
    assessmentsHref(organisationSlug, { businessArea: filters.businessArea, ownerId: filters.ownerId, ...extra });
  const gapHref = registerHref(
    organisationSlug,
    parseRegisterQuery({ assessmentGap: "true", businessArea: filters.businessArea }).filters,
  );
  const responsibilityGapHref = registerHref(
    organisationSlug,
    parseRegisterQuery({ responsibilityGap: "true", businessArea: filters.businessArea }).filters,
  );
  const day = (value: string | null) => (value ? format.dateTime(dayAsDate(value), dateFormat) : null);

  const count = (kind: string, status: string) =>
    board.byTemplateAndStatus.find((row) => row.templateKind === kind && row.status === status)?.count ?? 0;
  const rowTotal = (kind: string) => board.byTemplateAndStatus.filter((row) => row.templateKind === kind).reduce((sum, row) => sum + row.count, 0);
  const columnTotal = (status: string) => board.byTemplateAndStatus.filter((row) => row.status === status).reduce((sum, row) => sum + row.count, 0);
  const maxRow = Math.max(1, ...templateKinds.map(rowTotal));
  const areas = [...new Set([...businessAreas, ...(filters.businessArea ? [filters.businessArea] : [])])].sort((a, b) =>
    a.localeCompare(b, locale),
  );
  const filtered = Boolean(filters.businessArea || filters.ownerId);

  /** A number as a link, with the words a screen-reader user needs when the link is read out of its table. */
  const numberLink = (value: number, href: string, context: string) => (
    <Link href={href} className={`${linkClass} font-semibold`}>
      {format.number(value)}
      <span className="sr-only"> {context}</span>
    </Link>
  );

  const assessmentItem = (item: BoardAssessment, when: "due" | "review") => {
    const template = templateKindLabels[item.templateKind][locale];
    const byDueDate = when === "due" && item.status !== "APPROVED";
    const date = byDueDate ? day(item.dueOn) : day(item.nextReviewOn);
    return (
      <li key={item.id} className="border-t border-gray-200 py-2 first:border-t-0">
        <Link href={`/${organisationSlug}/assessments/${item.id}`} className={linkClass}>
          {item.useCase.title}: {template}
        </Link>
        <span className="block text-xs text-muted">
          <span className="font-mono">{item.useCase.reference}</span> · {assessmentStatusLabels[item.status][locale]}
          {date ? ` · ${byDueDate ? t("dueOn", { date }) : t("reviewOn", { date })}` : ""}
          {item.ownerName ? ` · ${t("owner", { name: item.ownerName })}` : ` · ${t("noOwner")}`}
        </span>
      </li>
    );
  };

  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-3xl font-bold text-brand-900">{t("heading")}</h1>
        <p className="mt-1 text-muted">{t("intro", { organisation: organisationName })}</p>
      </div>

      <form
        method="get"
        action={`/${organisationSlug}/status`}
        role="search"
        aria-label={t("filtersLabel")}
        className="flex flex-wrap items-end gap-4 rounded border border-gray-300 p-4"
      >
        <div className="flex min-w-48 flex-col gap-1">
          <label htmlFor="board-business-area" className="font-medium">
            {t("businessArea")}
          </label>
          <select id="board-business-area" name="businessArea" defaultValue={filters.businessArea ?? ""} className={selectClasses}>
            <option value="">{t("anyBusinessArea")}</option>
            {areas.map((area) => (
              <option key={area} value={area}>
                {area}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-48 flex-col gap-1">
          <label htmlFor="board-owner" className="font-medium">
            {t("ownerFilter")}
          </label>
          <select id="board-owner" name="ownerId" defaultValue={filters.ownerId ?? ""} className={selectClasses}>
            <option value="">{t("anyOwner")}</option>
            {members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={buttonClasses("primary")}>
            {t("apply")}
          </button>
          {filtered ? (
            <Link href={`/${organisationSlug}/status`} className={buttonClasses("quiet")}>
              {t("clear")}
            </Link>
          ) : null}
        </div>
      </form>

      <section aria-labelledby="board-cards" className="flex flex-col gap-4">
        <h2 id="board-cards" className="sr-only">
          {t("cardsHeading")}
        </h2>
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
          <section aria-labelledby="board-overdue" className="flex flex-col gap-2 rounded border border-gray-300 p-4">
            <h3 id="board-overdue" className="flex items-center gap-2 text-lg font-semibold text-brand-900">
              <OverdueMarker label={t("overdueHeading")} />
            </h3>
            <p className="text-3xl">{numberLink(board.overdue.count, listHref({ overdue: true }), t("overdueCountContext"))}</p>
            <p className="text-sm text-muted">{t("overdueHint")}</p>
            {board.overdue.items.length > 0 ? (
              <ul className="text-sm">{board.overdue.items.map((item) => assessmentItem(item, "due"))}</ul>
            ) : (
              <p className="text-sm">{t("overdueNone")}</p>
            )}
            {board.overdue.count > board.overdue.items.length ? (
              <Link href={listHref({ overdue: true })} className={`${linkClass} text-sm`}>
                {t("showAll", { count: board.overdue.count })}
              </Link>
            ) : null}
          </section>
          <section aria-labelledby="board-reviews" className="flex flex-col gap-2 rounded border border-gray-300 p-4">
            <h3 id="board-reviews" className="text-lg font-semibold text-brand-900">
              {t("reviewsHeading", { days: board.reviewsDue.days })}
            </h3>
            <p className="text-3xl">
              {numberLink(board.reviewsDue.count, listHref({ reviewWithinDays: board.reviewsDue.days }), t("reviewsCountContext", { days: board.reviewsDue.days }))}
            </p>
            <p className="text-sm text-muted">{t("reviewsHint")}</p>
            {board.reviewsDue.items.length > 0 ? (
              <ul className="text-sm">{board.reviewsDue.items.map((item) => assessmentItem(item, "review"))}</ul>
            ) : (
              <p className="text-sm">{t("reviewsNone", { days: board.reviewsDue.days })}</p>
            )}
            {board.reviewsDue.count > board.reviewsDue.items.length ? (
              <Link href={listHref({ reviewWithinDays: board.reviewsDue.days })} className={`${linkClass} text-sm`}>
                {t("showAll", { count: board.reviewsDue.count })}
              </Link>
            ) : null}
          </section>
          <section aria-labelledby="board-gaps" className="flex flex-col gap-2 rounded border border-gray-300 p-4">
            <h3 id="board-gaps" className="text-lg font-semibold text-brand-900">
              {t("gapsHeading")}
            </h3>
            <p className="text-3xl">{numberLink(board.gaps.count, gapHref, t("gapsCountContext"))}</p>
            <p className="text-sm text-muted">
              {t("gapsHint")}
              {filters.ownerId ? ` ${t("gapsOwnerNote")}` : ""}
            </p>
            {board.gaps.items.length > 0 ? (
              <ul className="text-sm">
                {board.gaps.items.map((gap) => (
                  <li key={gap.useCase.id} className="border-t border-gray-200 py-2 first:border-t-0">
                    <Link href={`/${organisationSlug}/register/${gap.useCase.id}?tab=assessments`} className={linkClass}>
                      {gap.useCase.title}
                    </Link>
                    <span className="block text-xs text-muted">
                      <span className="font-mono">{gap.useCase.reference}</span> · {riskClassLabels[gap.useCase.riskClass][locale]}
                    </span>
                    <span className="block text-xs">
                      {t("missing", { templates: gap.missing.map((kind) => templateKindLabels[kind][locale]).join(", ") })}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm">{t("gapsNone")}</p>
            )}
            {board.gaps.count > board.gaps.items.length ? (
              <Link href={gapHref} className={`${linkClass} text-sm`}>
                {t("showAllUseCases", { count: board.gaps.count })}
              </Link>
            ) : null}
          </section>
          <section aria-labelledby="board-responsibility-gaps" className="flex flex-col gap-2 rounded border border-gray-300 p-4">
            <h3 id="board-responsibility-gaps" className="text-lg font-semibold text-brand-900">
              {tr("heading")}
            </h3>
            <p className="text-3xl">{numberLink(board.responsibilityGaps.count, responsibilityGapHref, tr("countContext"))}</p>
            <p className="text-sm text-muted">
              {tr("hint")}
              {filters.ownerId ? ` ${tr("ownerNote")}` : ""}
            </p>
            {board.responsibilityGaps.items.length > 0 ? (
              <ul className="text-sm">
                {board.responsibilityGaps.items.map((gap) => (
                  <li key={gap.useCase.id} className="border-t border-gray-200 py-2 first:border-t-0">
                    <Link href={`/${organisationSlug}/register/${gap.useCase.id}?tab=responsibilities`} className={linkClass}>
                      {gap.useCase.title}
                    </Link>
                    <span className="block text-xs text-muted">
                      <span className="font-mono">{gap.useCase.reference}</span> · {lifecycleStageLabels[gap.useCase.lifecycleStage][locale]}
                    </span>
                    <span className="block text-xs">
                      {tr("missing", { roles: gap.missing.map((role) => responsibilityRoleLabels[role][locale]).join(", ") })}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm">{tr("none")}</p>
            )}
            {board.responsibilityGaps.count > board.responsibilityGaps.items.length ? (
              <Link href={responsibilityGapHref} className={`${linkClass} text-sm`}>
                {tr("showAll", { count: board.responsibilityGaps.count })}
              </Link>
            ) : null}
          </section>
        </div>
      </section>

      <section aria-labelledby="board-matrix" className="flex flex-col gap-3">
        <h2 id="board-matrix" className="text-xl font-semibold text-brand-900">
          {t("matrixHeading")}
        </h2>
        <p className="text-sm text-muted">{t("matrixHint")}</p>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{t("matrixCaption")}</caption>
            <thead>
              <tr>
                <th scope="col" className="border-b-2 border-gray-300 py-2 pr-4 align-bottom">
                  {t("template")}
                </th>
                {statuses.map((status) => (
                  <th key={status} scope="col" className="border-b-2 border-gray-300 py-2 pr-4 text-right align-bottom">
                    {assessmentStatusLabels[status][locale]}
                  </th>
                ))}
                <th scope="col" className="border-b-2 border-gray-300 py-2 pr-4 text-right align-bottom">
                  {t("total")}
                </th>
              </tr>
            </thead>
            <tbody>
              {templateKinds.map((kind) => {
                const template = templateKindLabels[kind][locale];
                return (
                  <tr key={kind} className="border-b border-gray-200">
                    <th scope="row" className="py-2 pr-4 align-top font-medium">
                      {template}
                    </th>
                    {statuses.map((status) => (
                      <td key={status} className="py-2 pr-4 text-right align-top">
                        {numberLink(
                          count(kind, status),
                          listHref({ templateKind: [kind], status: [status] }),
                          t("cellContext", { template, status: assessmentStatusLabels[status][locale] }),
                        )}
                      </td>
                    ))}
                    <td className="py-2 pr-4 text-right align-top">
                      {numberLink(rowTotal(kind), listHref({ templateKind: [kind] }), t("rowContext", { template }))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr className="border-t-2 border-gray-300">
                <th scope="row" className="py-2 pr-4 align-top font-semibold">
                  {t("total")}
                </th>
                {statuses.map((status) => (
                  <td key={status} className="py-2 pr-4 text-right align-top">
                    {numberLink(
                      columnTotal(status),
                      listHref({ status: [status] }),
                      t("columnContext", { status: assessmentStatusLabels[status][locale] }),
                    )}
                  </td>
                ))}
                <td className="py-2 pr-4 text-right align-top">{numberLink(board.total, listHref({}), t("totalContext"))}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <section aria-labelledby="board-chart" className="flex flex-col gap-3">
        <h2 id="board-chart" className="text-xl font-semibold text-brand-900">
          {t("chartHeading")}
        </h2>
        <p className="text-sm text-muted">{t("chartHint")}</p>
        <ul className="flex flex-wrap gap-4 text-sm" aria-label={t("legend")}>
          {statuses.map((status) => (
            <li key={status} className="flex items-center gap-2">
              <span aria-hidden="true" className={`inline-block size-3 rounded-sm ${statusColours[status]}`} />
              {assessmentStatusLabels[status][locale]}
            </li>
          ))}
        </ul>
        <ul className="flex flex-col gap-4">
          {templateKinds.map((kind) => {
            const total = rowTotal(kind);
            return (
              <li key={kind} className="flex flex-col gap-1">
                <p className="text-sm font-medium">
                  {templateKindLabels[kind][locale]}: {t("chartTotal", { count: total })}
                </p>
                <div aria-hidden="true" className="flex h-5 w-full overflow-hidden rounded bg-gray-100">
                  <div className="flex h-full" style={{ width: `${(total / maxRow) * 100}%` }}>
                    {statuses.map((status) => {
                      const value = count(kind, status);
                      return value > 0 ? (
                        <div key={status} className={`h-full border-r border-white ${statusColours[status]}`} style={{ width: `${(value / total) * 100}%` }} />
                      ) : null;
                    })}
                  </div>
                </div>
                <p className="text-xs text-muted">
                  {statuses.map((status) => `${assessmentStatusLabels[status][locale]} ${format.number(count(kind, status))}`).join(" · ")}
                </p>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
