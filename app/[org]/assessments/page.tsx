import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AssessmentList } from "@/components/assessments/list/assessment-list";
import { assessmentsHref, parseAssessmentQuery, type SearchParams } from "@/components/assessments/list/query";
import { isTRPCErrorCode, loadOrNavigate } from "@/components/trpc/server";
import { loadWorkspace } from "@/components/workspace/load";
import { api } from "@/server/api/caller";

type Props = { params: Promise<{ org: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { org } = await params;
  const workspace = await loadWorkspace(org, `/${org}/assessments`);
  const t = await getTranslations("Assessments.list");
  return { title: `${t("heading")}: ${workspace.name}` };
}

export default async function AssessmentsPage({ params, searchParams }: Props) {
  const { org } = await params;
  const query = parseAssessmentQuery(await searchParams);
  const returnTo = assessmentsHref(org, query.filters, query.cursor);
  const workspace = await loadWorkspace(org, returnTo);
  const caller = await api();
  const list = () => caller.assessments.list({ organisationSlug: org, filters: query.filters, cursor: query.cursor, limit: 25 });
  // A page link that is no longer valid (its cursor) leads to the first page of the same view.
  const firstPage = query.cursor ? assessmentsHref(org, query.filters) : null;
  const [page, members, businessAreas] = await Promise.all([
    loadOrNavigate(
      () =>
        list().catch((error: unknown) => {
          if (firstPage && isTRPCErrorCode(error, "BAD_REQUEST")) redirect(firstPage);
          throw error;
        }),
      returnTo,
    ),
    loadOrNavigate(() => caller.members.list({ organisationSlug: org }), returnTo),
    loadOrNavigate(() => caller.useCases.businessAreas({ organisationSlug: org }), returnTo),
  ]);
  return (
    <AssessmentList
      organisationSlug={org}
      organisationName={workspace.name}
      query={query}
      page={page}
      members={members.map((member) => ({ id: member.userId, name: member.name }))}
      businessAreas={businessAreas}
    />
  );
}
