import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { loadPublicOrganisations } from "@/components/public-register/load";
import { PublicNav } from "@/components/public-register/public-nav";
import { organisationKinds } from "@/server/domain/public-register/organisation-kinds";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PublicRegister");
  return { title: `${t("notYet.heading")} – ${t("siteName")}`, description: t("notYet.intro") };
}

export default async function NotYetPublishedPage() {
  const t = await getTranslations("PublicRegister.notYet");
  const kindLabel = await getTranslations("OrganisationKind");
  const organisations = await loadPublicOrganisations(false);
  return (
    <>
      <h1 className="text-3xl font-bold text-brand-900">{t("heading")}</h1>
      <p className="mt-2 mb-6 max-w-3xl text-muted">{t("intro")}</p>
      <PublicNav current="notYetPublished" />
      <div className="flex flex-col gap-6">
        {organisationKinds.map((kind) => {
          const ofKind = organisations.filter((organisation) => organisation.kind === kind);
          return (
            <section key={kind} aria-labelledby={`kind-${kind}`}>
              <h2 id={`kind-${kind}`} className="text-xl font-semibold text-brand-900">
                {kindLabel(kind)}: {t("count", { count: ofKind.length })}
              </h2>
              {ofKind.length > 0 ? (
                <ul className="mt-2 list-disc pl-5">
                  {ofKind.map((organisation) => (
                    <li key={organisation.id}>
                      <Link className="text-brand-700 underline" href={`/register/organisations/${organisation.slug}`}>
                        {organisation.name}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : null}
            </section>
          );
        })}
      </div>
    </>
  );
}
