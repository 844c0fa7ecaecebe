import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PublicNav } from "@/components/public-register/public-nav";
import { dateFormat } from "@/components/ui/format";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { asLocale } from "@/components/use-cases/fields";
import { fieldChangelog, fieldDefinitions } from "@/server/domain/public-register/field-definitions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PublicRegister");
  return { title: `${t("fieldDefinitions.heading")} – ${t("siteName")}`, description: t("fieldDefinitions.intro") };
}

export default async function FieldDefinitionsPage() {
  const t = await getTranslations("PublicRegister");
  const fieldLabel = await getTranslations("UseCases.fields");
  const format = await getFormatter();
  const locale = asLocale(await getLocale());
  const label = (key: string) =>
    ["contactEmail", "generativeAi", "processesPersonalData", "approvedAssessments", "procurement", "withheld"].includes(key)
      ? t(`fields.${key}` as Parameters<typeof t>[0])
      : fieldLabel(key as Parameters<typeof fieldLabel>[0]);
  const day = (value: string) => format.dateTime(new Date(value), dateFormat);
  return (
    <>
      <h1 className="text-3xl font-bold text-brand-900">{t("fieldDefinitions.heading")}</h1>
      <p className="mt-2 mb-6 max-w-3xl text-muted">{t("fieldDefinitions.intro")}</p>
      <PublicNav current="fields" />
      <Table caption={t("fieldDefinitions.caption")}>
        <thead>
          <tr>
            <Th>{t("fieldDefinitions.field")}</Th>
            <Th>{t("fieldDefinitions.key")}</Th>
            <Th>{t("fieldDefinitions.meaning")}</Th>
            <Th>{t("fieldDefinitions.since")}</Th>
          </tr>
        </thead>
        <tbody>
          {fieldDefinitions.map((definition) => (
            <Tr key={definition.key}>
              <Td className="font-medium">{label(definition.key)}</Td>
              <Td className="font-mono">{definition.key}</Td>
              <Td>{definition.meaning[locale]}</Td>
              <Td>{day(definition.since)}</Td>
            </Tr>
          ))}
        </tbody>
      </Table>
      <section aria-labelledby="field-changelog" className="mt-8">
        <h2 id="field-changelog" className="text-xl font-semibold text-brand-900">
          {t("fieldDefinitions.changesHeading")}
        </h2>
        <ul className="mt-2 list-disc pl-5">
          {fieldChangelog.map((entry) => (
            <li key={entry.date}>
              <time dateTime={entry.date}>{day(entry.date)}</time>: {entry.text[locale]}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
