import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PlatformOrganisations } from "@/components/platform/platform-organisations";
import { currentUser } from "@/components/session/current-user";
import { loadOrNavigate } from "@/components/trpc/server";
import { signInUrl } from "@/components/trpc/sign-in-url";
import { api } from "@/server/api/caller";

const path = "/platform/organisations";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Platform");
  return { title: t("heading") };
}

export default async function PlatformOrganisationsPage() {
  const user = await currentUser();
  if (!user) redirect(signInUrl(path));
  if (user.profile.platformRole !== "PLATFORM_ADMIN") notFound();
  const organisations = await loadOrNavigate(async () => (await api()).organisations.adminList(), path);
  return <PlatformOrganisations organisations={organisations} />;
}
