import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { loadOrNavigate } from "@/components/trpc/server";
import { CopyField } from "@/components/ui/copy-field";
import { loadWorkspace } from "@/components/workspace/load";
import { api } from "@/server/api/caller";
import { isLocale } from "@/server/i18n/config";

type Props = { params: Promise<{ org: string; id: string }> };

async function load(org: string, id: string) {
  const returnTo = `/${org}/register/${id}/eu-database`;
  await loadWorkspace(org, returnTo);
  const caller = await api();
  return loadOrNavigate(() => caller.useCaseFiles.euDatabaseRegistration({ organisationSlug: org, useCaseId: id }), returnTo);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { org, id } = await params;
  const registration = await load(org, id);
  const t = await getTranslations("EuDatabase");
  return { title: t("metaTitle", { title: registration.useCase.title }) };
}

/** The EU database registration of a high-risk use case (AI Act Annex VIII C), ready to copy, with what is missing. */
export default async function EuDatabasePage({ params }: Props) {
  const { org, id } = await params;
  const registration = await load(org, id);
  const t = await getTranslations("EuDatabase");
  const rawLocale = await getLocale();
  const locale = isLocale(rawLocale) ? rawLocale : "sv";
  const missing = registration.fields.filter((field) => field.value === null);

  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <div>
        <Link href={`/${org}/register/${id}`} className="text-brand-700 underline">
          {t("back")}
        </Link>
        <h1 className="mt-2 text-2xl font-bold text-brand-900">{t("heading")}</h1>
        <p className="text-lg">
          {registration.useCase.reference} {registration.useCase.title}
        </p>
      </div>
      <p>{t("intro")}</p>
      {!registration.applicable ? (
        <p role="status" className="rounded border border-amber-700 bg-amber-50 p-3">
          {t("notApplicable")}
        </p>
      ) : null}
      {registration.nonPublicSection ? <p className="rounded border border-brand-700 p-3">{t("nonPublic")}</p> : null}

      <section aria-labelledby="eu-missing" className="flex flex-col gap-2">
        <h2 id="eu-missing" className="text-xl font-semibold text-brand-900">
          {t("missingHeading")}
        </h2>
        {missing.length === 0 ? (
          <p>{t("noneMissing")}</p>
        ) : (
          <>
            <p>{t("missingIntro")}</p>
            <ul className="list-disc pl-5">
              {missing.map((field) => (
                <li key={field.key}>
                  <span className="font-medium">
                    {t("point")} {field.point}: {field.label[locale]}
                  </span>{" "}
                  ({t("source")}: {field.source[locale]})
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="eu-fields" className="flex flex-col gap-4">
        <h2 id="eu-fields" className="text-xl font-semibold text-brand-900">
          {t("field")}
        </h2>
        {registration.fields.map((field) => (
          <div key={field.key} className="flex flex-col gap-1 border-t border-slate-300 pt-3">
            {field.value === null ? (
              <p>
                <span className="font-medium">
                  {t("point")} {field.point}: {field.label[locale]}
                </span>
                <br />
                <span className="text-red-800">{t("notFilled")}</span>
              </p>
            ) : (
              <CopyField
                label={`${t("point")} ${field.point}: ${field.label[locale]}`}
                value={field.value}
                multiline={field.value.includes("\n") || field.value.length > 80}
                copyLabel={t("copy")}
                copiedMessage={t("copied")}
                copyFailedMessage={t("copyFailed")}
              />
            )}
            <p className="text-sm text-muted">
              {t("source")}: {field.source[locale]}
            </p>
          </div>
        ))}
      </section>

      <p>
        <a href={`/api/organisations/${org}/use-cases/${id}/eu-database.json`} className="text-brand-700 underline" download>
          {t("download")}
        </a>
      </p>
      <p className="text-sm text-muted">{t("disclaimer")}</p>
    </div>
  );
}
