import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OrganisationCounts } from "@/components/oversight/organisation-counts";
import { loadOrNavigate } from "@/components/trpc/server";
import { api } from "@/server/api/caller";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Oversight");
  return { title: t("title") };
}

export default async function OversightPage() {
  const counts = await loadOrNavigate(async () => (await api()).organisations.counts(), "/oversight");
  return <OrganisationCounts counts={counts} />;
}
