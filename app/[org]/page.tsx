import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { loadOrNavigate } from "@/components/trpc/server";
import { can, loadWorkspace } from "@/components/workspace/load";
import { OrganisationOverview } from "@/components/workspace/organisation-overview";
import { OrganisationDashboard } from "@/components/overview/organisation-dashboard";
import { api } from "@/server/api/caller";

type Props = { params: Promise<{ org: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { org } = await params;
  const workspace = await loadWorkspace(org, `/${org}`);
  const t = await getTranslations("Workspace");
  return { title: `${t("overview")}: ${workspace.name}` };
}

export default async function WorkspaceOverviewPage({ params }: Props) {
  const { org } = await params;
  const returnTo = `/${org}`;
  const workspace = await loadWorkspace(org, returnTo);
  const caller = await api();
  const [dashboard, members, invitations] = await Promise.all([
    loadOrNavigate(() => caller.overview.dashboard({ organisationSlug: org }), returnTo),
    loadOrNavigate(() => caller.members.list({ organisationSlug: org }), returnTo),
    can(workspace, "member.invite") ? loadOrNavigate(() => caller.invitations.list({ organisationSlug: org }), returnTo) : null,
  ]);
  return (
    <>
      <OrganisationDashboard slug={org} dashboard={dashboard} canReadAudit={can(workspace, "audit.read")} />
      <OrganisationOverview workspace={workspace} memberCount={members.length} pendingInvitationCount={invitations?.length ?? null} />
    </>
  );
}
