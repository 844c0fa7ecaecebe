import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { loadPublicOrganisations } from "@/components/public-register/load";
import { OrganisationTable } from "@/components/public-register/organisation-table";
import { PublicNav } from "@/components/public-register/public-nav";
import { completenessFields } from "@/server/domain/public-register/snapshot";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PublicRegister");
  return { title: `${t("completeness.heading")} – ${t("siteName")}`, description: t("description") };
}

export default async function CompletenessPage() {
  const t = await getTranslations("PublicRegister.completeness");
  const fieldLabel = await getTranslations("UseCases.fields");
  const organisations = (await loadPublicOrganisations(true)).sort(
    (a, b) => (b.completeness ?? 0) - (a.completeness ?? 0) || a.name.localeCompare(b.name, "sv"),
  );
  return (
    <>
      <h1 className="text-3xl font-bold text-brand-900">{t("heading")}</h1>
      <p className="mt-2 mb-6 max-w-3xl text-muted">{t("intro", { fields: completenessFields.map((field) => fieldLabel(field)).join(", ") })}</p>
      <PublicNav current="completeness" />
      <OrganisationTable organisations={organisations} caption={t("caption")} />
    </>
  );
}
