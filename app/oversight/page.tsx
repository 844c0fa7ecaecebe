import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OversightOverviewView } from "@/components/oversight/oversight-overview";
import { oversightHref, parseOversightQuery, type SearchParams } from "@/components/oversight/query";
import { loadOrNavigate } from "@/components/trpc/server";
import { api } from "@/server/api/caller";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("OversightOverview");
  return { title: t("title") };
}

export default async function OversightPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const filters = parseOversightQuery(await searchParams);
  const returnTo = oversightHref(filters);
  const caller = await api();
  const overview = await loadOrNavigate(() => caller.overview.oversight({ filters }), returnTo);
  const organisations = await caller.organisations.directory();
  const disclosed = filters.organisation ? await loadOrNavigate(() => caller.overview.disclosedUseCases({ filters }), returnTo) : null;
  return <OversightOverviewView overview={overview} organisations={organisations} disclosed={disclosed} />;
}
