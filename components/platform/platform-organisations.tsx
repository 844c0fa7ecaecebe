import { getTranslations } from "next-intl/server";
import type { RouterOutputs } from "@/components/trpc/types";
import { Announcer } from "@/components/ui/announcer";
import { CreateOrganisationForm } from "./create-organisation-form";
import { OrganisationsTable } from "./organisations-table";

/** The platform administrator's page: every organisation, and a form to add one. */
export async function PlatformOrganisations({ organisations }: { organisations: RouterOutputs["organisations"]["adminList"] }) {
  const t = await getTranslations("Platform");
  return (
    <>
      <h1 className="text-3xl font-bold text-brand-900">{t("heading")}</h1>
      <p className="mt-2 max-w-3xl text-muted">{t("lead")}</p>
      <Announcer className="mt-4">
        <section aria-labelledby="platform-list-heading" className="mt-8">
          <h2 id="platform-list-heading" className="text-xl font-semibold text-brand-900">
            {t("list.heading")}
          </h2>
          <div className="mt-3">
            <OrganisationsTable organisations={organisations} />
          </div>
        </section>
        <section aria-labelledby="platform-create-heading" className="mt-10 max-w-3xl">
          <h2 id="platform-create-heading" className="text-xl font-semibold text-brand-900">
            {t("create.heading")}
          </h2>
          <div className="mt-3">
            <CreateOrganisationForm />
          </div>
        </section>
      </Announcer>
    </>
  );
}
