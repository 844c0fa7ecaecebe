import { getTranslations } from "next-intl/server";
import { OrganisationDirectory } from "@/components/organisations/organisation-directory";
import { api } from "@/server/api/caller";

export default async function HomePage() {
  const t = await getTranslations("Home");
  const organisations = await (await api()).organisations.directory();
  return (
    <>
      <section aria-labelledby="home-heading" className="max-w-3xl">
        <h1 id="home-heading" className="text-3xl font-bold text-brand-900">
          {t("heading")}
        </h1>
        <p className="mt-4 text-lg text-muted">{t("lead")}</p>
      </section>
      <OrganisationDirectory organisations={organisations} />
    </>
  );
}
