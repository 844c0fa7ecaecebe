import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { loadPublicList } from "@/components/public-register/load";
import { PublicList } from "@/components/public-register/public-list";
import { PublicNav } from "@/components/public-register/public-nav";
import { parsePublicQuery, type SearchParams } from "@/components/public-register/query";

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PublicRegister");
  return { title: t("siteName"), description: t("description") };
}

export default async function PublicRegisterPage({ searchParams }: Props) {
  const t = await getTranslations("PublicRegister");
  const { filters, cursor } = parsePublicQuery(await searchParams);
  const page = await loadPublicList(filters, { cursor, limit: 20 }).catch(() => loadPublicList(filters, { limit: 20 }));
  return (
    <>
      <h1 className="text-3xl font-bold text-brand-900">{t("siteName")}</h1>
      <p className="mt-2 mb-6 max-w-3xl text-lg text-muted">{t("description")}</p>
      <PublicNav current="useCases" />
      <PublicList filters={filters} cursor={cursor} page={page} />
    </>
  );
}
