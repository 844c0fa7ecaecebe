import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { UseCaseAssessmentsTab } from "@/components/assessments/use-case-tab/use-case-assessments";
import { loadOrNavigate } from "@/components/trpc/server";
import { UseCaseProcurement } from "@/components/procurement/use-case-procurement";
import { PublishedVersionView, UseCasePublication } from "@/components/publication/use-case-publication";
import { UseCaseResponsibilities } from "@/components/responsibilities/use-case-responsibilities";
import { UseCaseHistory } from "@/components/use-cases/use-case-view/use-case-history";
import { UseCaseOverview } from "@/components/use-cases/use-case-view/use-case-overview";
import { UseCaseView, type UseCaseTab } from "@/components/use-cases/use-case-view/use-case-view";
import { can, loadWorkspace } from "@/components/workspace/load";
import { api } from "@/server/api/caller";
import { OversightSharing } from "@/components/use-cases/use-case-view/oversight-sharing";

type Props = { params: Promise<{ org: string; id: string }>; searchParams: Promise<{ tab?: string | string[]; version?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { org, id } = await params;
  const returnTo = `/${org}/register/${id}`;
  const workspace = await loadWorkspace(org, returnTo);
  const caller = await api();
  const useCase = await loadOrNavigate(() => caller.useCases.get({ organisationSlug: org, id }), returnTo);
  const t = await getTranslations("UseCases");
  return { title: `${useCase.title} (${useCase.reference}) – ${t("register.heading")}: ${workspace.name}` };
}

export default async function UseCasePage({ params, searchParams }: Props) {
  const { org, id } = await params;
  const { tab: rawTab, version: rawVersion } = await searchParams;
  const tabs: UseCaseTab[] = ["overview", "assessments", "responsibilities", "procurement", "publication", "history"];
  const tab: UseCaseTab = tabs.find((known) => known === rawTab) ?? "overview";
  const returnTo = `/${org}/register/${id}${tab === "overview" ? "" : `?tab=${tab}`}`;
  const workspace = await loadWorkspace(org, returnTo);
  const caller = await api();
  const mayStart = can(workspace, "assessment.create");
  const [useCase, history, assessments, members] = await Promise.all([
    loadOrNavigate(() => caller.useCases.get({ organisationSlug: org, id }), returnTo),
    tab === "history" ? loadOrNavigate(() => caller.useCases.history({ organisationSlug: org, id }), returnTo) : null,
    tab === "assessments" ? loadOrNavigate(() => caller.assessments.forUseCase({ organisationSlug: org, useCaseId: id }), returnTo) : null,
    tab === "assessments" && mayStart ? loadOrNavigate(() => caller.members.list({ organisationSlug: org }), returnTo) : null,
  ]);
  const snapshotVersion = typeof rawVersion === "string" && /^\d{1,6}$/.test(rawVersion) ? Number(rawVersion) : null;
  const [publication, publishedVersion] = await Promise.all([
    tab === "publication" && snapshotVersion === null
      ? loadOrNavigate(() => caller.publication.panel({ organisationSlug: org, useCaseId: id }), returnTo)
      : null,
    tab === "publication" && snapshotVersion !== null
      ? loadOrNavigate(() => caller.publication.publishedVersion({ organisationSlug: org, useCaseId: id, snapshotVersion }), returnTo)
      : null,
  ]);
  const archived = useCase.archivedAt !== null;
  const allowed = {
    edit: !archived && can(workspace, "useCase.update"),
    archive: !archived && can(workspace, "useCase.archive"),
    restore: archived && can(workspace, "useCase.restore"),
    delete: useCase.lifecycleStage === "IDEA" && can(workspace, "useCase.delete"),
  };
  return (
    <UseCaseView organisationSlug={org} useCase={useCase} tab={tab} allowed={allowed}>
      {history ? (
        <UseCaseHistory events={history.items} />
      ) : publication ? (
        <UseCasePublication organisationSlug={org} panel={publication} />
      ) : publishedVersion ? (
        <PublishedVersionView organisationSlug={org} useCaseId={id} version={publishedVersion} />
      ) : tab === "responsibilities" ? (
        <UseCaseResponsibilities organisationSlug={org} useCaseId={useCase.id} returnTo={returnTo} />
      ) : tab === "procurement" ? (
        <UseCaseProcurement organisationSlug={org} useCaseId={useCase.id} returnTo={returnTo} />
      ) : assessments ? (
        <UseCaseAssessmentsTab
          organisationSlug={org}
          useCase={{ id: useCase.id, title: useCase.title, riskClass: useCase.riskClass }}
          data={assessments}
          canStart={mayStart && !archived}
          members={(members ?? []).map((member) => ({ id: member.userId, name: member.name }))}
        />
      ) : (
        <>
          {useCase.riskClass === "HIGH_RISK" && allowed.edit ? (
            <p className="mb-4">
              <Link href={`/${org}/register/${useCase.id}/eu-database`} className="text-brand-700 underline">
                {(await getTranslations("EuDatabase"))("link")}
              </Link>
            </p>
          ) : null}
          <UseCaseOverview useCase={useCase} />
          <OversightSharing
            organisationSlug={org}
            useCase={{ id: useCase.id, version: useCase.version, sharedWithOversight: useCase.sharedWithOversight }}
            canChange={!archived && can(workspace, "useCase.shareWithOversight")}
          />
        </>
      )}
    </UseCaseView>
  );
}
