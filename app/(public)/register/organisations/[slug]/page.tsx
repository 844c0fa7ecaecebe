import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { loadPublicList, loadPublicOrganisation } from "@/components/public-register/load";
import { PublicNav } from "@/components/public-register/public-nav";
import { dateFormat } from "@/components/ui/format";
import { asLocale, enumLabel } from "@/components/use-cases/fields";
import { publicRegisterFilters } from "@/server/domain/public-register/schemas";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const t = await getTranslations("PublicRegister");
  const organisation = await loadPublicOrganisation(slug);
  return organisation ? { title: `${organisation.name} – ${t("siteName")}`, description: t("description") } : { title: t("siteName") };
}

export default async function PublicOrganisationPage({ params }: Props) {
  const { slug } = await params;
  const t = await getTranslations("PublicRegister");
  const kindLabel = await getTranslations("OrganisationKind");
  const sectorLabel = await getTranslations("Sector");
  const format = await getFormatter();
  const locale = asLocale(await getLocale());
  const organisation = await loadPublicOrganisation(slug);
  if (!organisation) notFound();
  const page = await loadPublicList(publicRegisterFilters.parse({ organisation: slug, sort: "title" }), { limit: 100 });
  return (
    <>
      <PublicNav current={null} />
      <h1 className="text-3xl font-bold text-brand-900">{organisation.name}</h1>
      <p className="mt-2 text-muted">
        {kindLabel(organisation.kind)} · {sectorLabel(organisation.sector)}
        {organisation.websiteUrl ? (
          <>
            {" "}
            ·{" "}
            <a className="text-brand-700 underline" href={organisation.websiteUrl} rel="noopener noreferrer">
              {t("organisation.website")}
            </a>
          </>
        ) : null}
      </p>
      <p className="mt-4">
        {organisation.publishedCount > 0 && organisation.lastPublishedAt
          ? t("organisation.stats", {
              count: organisation.publishedCount,
              when: format.dateTime(new Date(organisation.lastPublishedAt), dateFormat),
              percent: organisation.completeness ?? 0,
            })
          : t("organisation.nothing")}
      </p>
      {page.items.length > 0 ? (
        <section aria-labelledby="organisation-use-cases" className="mt-6 flex flex-col gap-3">
          <h2 id="organisation-use-cases" className="text-xl font-semibold text-brand-900">
            {t("organisation.useCases")}
          </h2>
          <ul className="flex flex-col gap-3">
            {page.items.map((item) => (
              <li key={item.useCaseId}>
                <Link className="font-medium text-brand-700 underline" href={`/register/use-cases/${item.useCaseId}`}>
                  {item.title}
                </Link>
                <p className="text-sm">
                  {enumLabel("lifecycleStage", item.lifecycleStage, locale)} · {enumLabel("riskClass", item.riskClass, locale)} ·{" "}
                  {format.dateTime(new Date(item.publishedAt), dateFormat)}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
