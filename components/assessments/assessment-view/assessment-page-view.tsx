import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Announcer } from "@/components/ui/announcer";
import type { AssessmentView } from "@/server/domain/assessments/view";
import type { Locale } from "@/server/i18n/config";
import { AssessmentActions, type AssessmentActionsAllowed } from "./assessment-actions";
import { AssessmentHeader } from "./assessment-header";
import { AssessmentHistory } from "./assessment-history";
import { FileLinks } from "./file-links";
import { GeneralComments } from "./general-comments";
import { ImportPanel } from "./import-panel";
import { PlanPanel } from "./plan-panel";
import type { PlanMember } from "./plan-dialog";
import { Alert } from "@/components/ui/alert";
import { ProgressPanel } from "./progress-panel";
import { ResultPanel } from "./result-panel";
import { SharingToggle } from "./sharing-toggle";
import { VersionList } from "./version-list";

export interface AssessmentPermissions {
  canAnswer: boolean;
  canComment: boolean;
  canResolve: boolean;
  canManage: boolean;
  actions: AssessmentActionsAllowed;
}

/**
 * One assessment: header and banners, what keeps it from submission, the workflow,
 * general comments, plan and progress, the result, the questions (`questions`), import,
 * versions and history.
 */
export async function AssessmentPageView({
  organisationSlug,
  view,
  locale,
  members,
  permissions,
  showProblems,
  questions,
}: {
  organisationSlug: string;
  view: AssessmentView;
  locale: Locale;
  members: PlanMember[];
  permissions: AssessmentPermissions;
  showProblems: boolean;
  questions: ReactNode;
}) {
  const t = await getTranslations("Assessment");
  const names = new Map(members.map((member) => [member.userId, member.name]));
  // The questions list the problems themselves (an error summary that takes focus, linked to
  // each field); the top of the page only says so, without taking focus a second time.
  const problemCount = showProblems ? view.problems.length : 0;

  return (
    <Announcer className="mb-4">
      <div className="flex flex-col gap-6">
        <AssessmentHeader organisationSlug={organisationSlug} view={view} locale={locale} />
        {problemCount > 0 ? (
          <Alert tone="error" title={t("problems.title", { count: problemCount })} className="print:hidden">
            <p>
              {t("problems.lead")}{" "}
              <a href="#questions-heading" className="text-brand-700 underline">
                {t("problems.toQuestions")}
              </a>
            </p>
          </Alert>
        ) : null}
        <AssessmentActions
          organisationSlug={organisationSlug}
          assessment={{
            id: view.id,
            version: view.version,
            useCaseId: view.useCase.id,
            reviewIntervalMonths: view.template.reviewIntervalMonths,
            title: view.useCase.title,
          }}
          allowed={permissions.actions}
        />
        <GeneralComments
          organisationSlug={organisationSlug}
          assessmentId={view.id}
          comments={view.comments}
          canResolve={permissions.canResolve}
          canComment={permissions.canComment}
        />
        <div className="grid gap-6 md:grid-cols-2">
          <PlanPanel organisationSlug={organisationSlug} view={view} locale={locale} members={members} canManage={permissions.canManage} />
          <ProgressPanel progress={view.progress} />
        </div>
        <ResultPanel view={view} locale={locale} />
        {view.status === "APPROVED" && permissions.canManage ? (
          <SharingToggle organisationSlug={organisationSlug} assessmentId={view.id} />
        ) : null}
        <section aria-labelledby="questions-heading">
          <h2 id="questions-heading" className="mb-4 text-xl font-semibold text-brand-900">
            {t("questionsHeading")}
          </h2>
          {questions}
        </section>
        <FileLinks organisationSlug={organisationSlug} id={view.id} />
        {permissions.canAnswer ? <ImportPanel organisationSlug={organisationSlug} assessment={{ id: view.id, version: view.version }} /> : null}
        <section aria-labelledby="versions-heading">
          <h2 id="versions-heading" className="mb-3 text-xl font-semibold text-brand-900">
            {t("versions.heading")}
          </h2>
          <VersionList organisationSlug={organisationSlug} view={view} locale={locale} />
        </section>
        <section aria-labelledby="history-heading">
          <h2 id="history-heading" className="mb-3 text-xl font-semibold text-brand-900">
            {t("history.heading")}
          </h2>
          <AssessmentHistory view={view} locale={locale} names={names} />
        </section>
      </div>
    </Announcer>
  );
}
