import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OversightFigure } from "@/components/oversight/oversight-figure";
import { figureHref, parseFigureQuery, parseOversightQuery, type SearchParams } from "@/components/oversight/query";
import { loadOrNavigate } from "@/components/trpc/server";
import { api } from "@/server/api/caller";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("OversightOverview");
  return { title: `${t("figureHeading")}: ${t("title")}` };
}

export default async function OversightFigurePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const filters = parseOversightQuery(params);
  const figure = parseFigureQuery(params);
  if (!figure) notFound();
  const returnTo = figureHref(filters, figure);
  const caller = await api();
  const behind = await loadOrNavigate(() => caller.overview.figureOrganisations({ filters, ...figure }), returnTo);
  const disclosed = await loadOrNavigate(() => caller.overview.disclosedUseCases({ filters, figure }), returnTo);
  return <OversightFigure filters={filters} figure={figure} behind={behind} disclosed={disclosed} />;
}
