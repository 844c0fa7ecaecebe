import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InvitationView } from "@/components/invitations/invitation-view";
import { currentUser } from "@/components/session/current-user";
import { loadOrNavigate } from "@/components/trpc/server";
import { api } from "@/server/api/caller";

type Props = { params: Promise<{ org: string; token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Invitations");
  // The address holds a secret: keep it out of search engines and other sites' logs.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

export default async function InvitationPage({ params }: Props) {
  const { org, token } = await params;
  const caller = await api();
  const [preview, user] = await Promise.all([
    loadOrNavigate(() => caller.invitations.preview({ organisationSlug: org, token }), `/invitations/${org}/${token}`),
    currentUser(),
  ]);
  return <InvitationView organisationSlug={org} token={token} preview={preview} user={user} />;
}
