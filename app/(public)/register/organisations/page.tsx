import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { loadPublicOrganisations } from "@/components/public-register/load";
import { OrganisationTable } from "@/components/public-register/organisation-table";
import { PublicNav } from "@/components/public-register/public-nav";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PublicRegister");
  return { title: `${t("organisations.heading")} – ${t("siteName")}`, description: t("organisations.intro") };
}

export default async function PublicOrganisationsPage() {
  const t = await getTranslations("PublicRegister.organisations");
  const organisations = await loadPublicOrganisations(true);
  return (
    <>
      <h1 className="text-3xl font-bold text-brand-900">{t("heading")}</h1>
      <p className="mt-2 mb-6 max-w-3xl text-muted">{t("intro")}</p>
      <PublicNav current="organisations" />
      {organisations.length === 0 ? <p>{t("none")}</p> : <OrganisationTable organisations={organisations} caption={t("caption")} />}
    </>
  );
}
