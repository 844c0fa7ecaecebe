import { getTranslations } from "next-intl/server";
import type { OrganisationDirectoryEntry } from "@/server/domain/organisations/directory";

export async function OrganisationDirectory({ organisations }: { organisations: OrganisationDirectoryEntry[] }) {
  const t = await getTranslations("Home");
  const kinds = await getTranslations("OrganisationKind");
  const sectors = await getTranslations("Sector");
  return (
    <section aria-labelledby="organisations-heading" className="mt-12">
      <h2 id="organisations-heading" className="text-2xl font-semibold text-brand-900">
        {t("organisationsHeading")}
      </h2>
      {organisations.length === 0 ? (
        <p className="mt-4 text-muted">{t("organisationsEmpty")}</p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{t("organisationsCount", { count: organisations.length })}</caption>
            <thead>
              <tr className="border-b-2 border-gray-300">
                <th scope="col" className="py-2 pr-4">{t("name")}</th>
                <th scope="col" className="py-2 pr-4">{t("kind")}</th>
                <th scope="col" className="py-2 pr-4">{t("sector")}</th>
                <th scope="col" className="py-2 pr-4">{t("organisationNumber")}</th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((organisation) => (
                <tr key={organisation.slug} className="border-b border-gray-200">
                  <th scope="row" className="py-2 pr-4 font-medium">{organisation.name}</th>
                  <td className="py-2 pr-4">{kinds(organisation.kind)}</td>
                  <td className="py-2 pr-4">{sectors(organisation.sector)}</td>
                  <td className="py-2 pr-4 tabular-nums">{organisation.organisationNumber}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
