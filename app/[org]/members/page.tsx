import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MembersPanel } from "@/components/members/members-panel";
import { loadOrNavigate } from "@/components/trpc/server";
import { can, loadWorkspace } from "@/components/workspace/load";
import { api } from "@/server/api/caller";

type Props = { params: Promise<{ org: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { org } = await params;
  const workspace = await loadWorkspace(org, `/${org}/members`);
  const t = await getTranslations("Members");
  return { title: `${t("heading")}: ${workspace.name}` };
}

export default async function MembersPage({ params }: Props) {
  const { org } = await params;
  const returnTo = `/${org}/members`;
  const workspace = await loadWorkspace(org, returnTo);
  const caller = await api();
  const [members, invitations] = await Promise.all([
    loadOrNavigate(() => caller.members.list({ organisationSlug: org }), returnTo),
    can(workspace, "member.invite") ? loadOrNavigate(() => caller.invitations.list({ organisationSlug: org }), returnTo) : null,
  ]);
  return <MembersPanel workspace={workspace} members={members} invitations={invitations} />;
}
