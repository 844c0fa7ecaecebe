import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AssessmentQuestions } from "@/components/assessments/questions/assessment-questions";
import { newerVersion } from "@/components/assessments/assessment-view/assessment-header";
import { AssessmentPageView } from "@/components/assessments/assessment-view/assessment-page-view";
import { loadOrNavigate } from "@/components/trpc/server";
import { asLocale } from "@/components/use-cases/fields";
import { can, loadWorkspace } from "@/components/workspace/load";
import { api } from "@/server/api/caller";
import { templateKindLabels } from "@/server/domain/assessments/labels";

type Props = {
  params: Promise<{ org: string; id: string }>;
  searchParams: Promise<{ showProblems?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { org, id } = await params;
  const returnTo = `/${org}/assessments/${id}`;
  await loadWorkspace(org, returnTo);
  const caller = await api();
  const view = await loadOrNavigate(() => caller.assessments.get({ organisationSlug: org, id }), returnTo);
  const locale = asLocale(await getLocale());
  const t = await getTranslations("Assessment");
  return {
    title: t("metaTitle", {
      kind: templateKindLabels[view.template.kind][locale],
      reference: view.useCase.reference,
      version: view.seriesVersion,
    }),
  };
}

export default async function AssessmentPage({ params, searchParams }: Props) {
  const { org, id } = await params;
  const { showProblems: rawShowProblems } = await searchParams;
  const returnTo = `/${org}/assessments/${id}`;
  const workspace = await loadWorkspace(org, returnTo);
  const caller = await api();
  const [view, members, me] = await Promise.all([
    loadOrNavigate(() => caller.assessments.get({ organisationSlug: org, id }), returnTo),
    can(workspace, "member.read") ? loadOrNavigate(() => caller.members.list({ organisationSlug: org }), returnTo) : [],
    loadOrNavigate(() => caller.me.profile(), returnTo),
  ]);
  const locale = asLocale(await getLocale());

  const status = view.status;
  const approved = status === "APPROVED";
  const superseded = view.supersededAt !== null;
  const inForce = approved && !superseded && newerVersion(view) === null;
  const showProblems = rawShowProblems === "1" || (Array.isArray(rawShowProblems) && rawShowProblems.includes("1")) || status === "CHANGES_REQUESTED";
  // Answers are frozen while a reviewer looks at them: changes go through "request changes".
  const canAnswer = can(workspace, "assessment.answer") && (status === "DRAFT" || status === "CHANGES_REQUESTED");
  const canComment = can(workspace, "assessment.comment") && !approved;
  const canResolve = can(workspace, "assessment.resolve");
  const mayReview = can(workspace, "assessment.review") && status === "IN_REVIEW";
  const ownWork = view.lastAnsweredBy?.id === me.id || view.submittedBy?.id === me.id;

  const permissions = {
    canAnswer,
    canComment,
    canResolve,
    canManage: can(workspace, "assessment.manage") && !superseded,
    actions: {
      submit: canAnswer,
      requestChanges: mayReview,
      approve: mayReview && !ownWork,
      approveBlocked: mayReview && ownWork,
      startNext: inForce && can(workspace, "assessment.create"),
      delete: status === "DRAFT" && view.submittedAt === null && can(workspace, "assessment.delete"),
    },
  };

  return (
    <AssessmentPageView
      organisationSlug={org}
      view={view}
      locale={locale}
      members={members.map((member) => ({ userId: member.userId, name: member.name }))}
      permissions={permissions}
      showProblems={showProblems}
      questions={
        <AssessmentQuestions
          organisationSlug={org}
          view={view}
          locale={locale}
          canAnswer={canAnswer}
          canComment={canComment}
          canResolve={canResolve}
          showProblems={showProblems}
          headingLevel={3}
        />
      }
    />
  );
}
