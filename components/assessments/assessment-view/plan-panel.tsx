import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { assessmentPhaseLabels } from "@/server/domain/assessments/labels";
import type { AssessmentView } from "@/server/domain/assessments/view";
import type { Locale } from "@/server/i18n/config";
import { dayDate, dayFormat } from "./format";
import { PlanDialog, type PlanMember } from "./plan-dialog";

/**
 * Phase, owner, due date and next review. A late date is marked in words (and a border);
 * "Ändra" opens the plan dialog for those who may manage the assessment.
 */
export async function PlanPanel({
  organisationSlug,
  view,
  locale,
  members,
  canManage,
}: {
  organisationSlug: string;
  view: AssessmentView;
  locale: Locale;
  members: PlanMember[] | null;
  canManage: boolean;
}) {
  const t = await getTranslations("Assessment.plan");
  const format = await getFormatter();
  const approved = view.status === "APPROVED";
  const day = (value: string | null) => (value ? format.dateTime(dayDate(value), dayFormat) : <span className="text-muted">{t("none")}</span>);
  const late = (content: ReactNode, text: string) => (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span>{content}</span>
      <span className="rounded border-2 border-red-700 bg-red-50 px-2 py-0.5 text-sm font-semibold text-red-800">
        <span aria-hidden="true">! </span>
        {text}
      </span>
    </span>
  );
  const dueOverdue = !approved && view.overdue && view.dueOn !== null;
  const reviewOverdue = approved && view.overdue && view.nextReviewOn !== null;

  return (
    <section aria-labelledby="plan-heading" className="rounded border border-gray-300 p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="plan-heading" className="text-xl font-semibold text-brand-900">
          {t("heading")}
        </h2>
        {canManage && members ? (
          <PlanDialog
            organisationSlug={organisationSlug}
            assessment={{
              id: view.id,
              version: view.version,
              phase: view.phase,
              ownerId: view.owner?.id ?? null,
              dueOn: view.dueOn,
              nextReviewOn: view.nextReviewOn,
              approved,
            }}
            members={members}
            phases={Object.entries(assessmentPhaseLabels).map(([value, labels]) => ({ value, label: labels[locale] }))}
          />
        ) : null}
      </div>
      <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[minmax(9rem,14rem)_1fr]">
        <dt className="font-medium">{t("phase")}</dt>
        <dd>{assessmentPhaseLabels[view.phase][locale]}</dd>
        <dt className="font-medium">{t("owner")}</dt>
        <dd>{view.owner ? view.owner.name : <span className="text-muted">{t("noOwner")}</span>}</dd>
        <dt className="font-medium">{t("dueOn")}</dt>
        <dd>{dueOverdue ? late(day(view.dueOn), t("overdue")) : day(view.dueOn)}</dd>
        <dt className="font-medium">{t("nextReviewOn")}</dt>
        <dd>{reviewOverdue ? late(day(view.nextReviewOn), t("reviewOverdue")) : day(view.nextReviewOn)}</dd>
      </dl>
    </section>
  );
}
