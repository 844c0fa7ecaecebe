import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PublicNav } from "@/components/public-register/public-nav";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { asLocale } from "@/components/use-cases/fields";
import { targetFormats } from "@/server/domain/public-register/mappings";
import { openApiDocument } from "@/server/domain/public-register/open-data/openapi";
import { OPEN_API_RATE_LIMIT } from "@/server/domain/public-register/open-data/rate-limit";
import { API_BASE_PATH } from "@/server/domain/public-register/open-data/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("OpenApiPage");
  return { title: t("metaTitle"), description: t("metaDescription") };
}

interface Parameter {
  name: string;
  in: string;
  description?: string;
  schema?: Record<string, unknown>;
}

/** The values a parameter takes, read from its JSON Schema. */
function valuesOf(schema: Record<string, unknown> | undefined): string {
  if (!schema) return "";
  const text = JSON.stringify(schema);
  const enums = [...text.matchAll(/"enum":\[([^\]]*)\]/g)].flatMap((match) => JSON.parse(`[${match[1]}]`) as string[]);
  if (enums.length > 0) return [...new Set(enums)].join(", ");
  if (text.includes('"date-time"')) return "ISO 8601 date-time";
  if (text.includes('"integer"')) return "integer";
  if (text.includes('"boolean"')) return "true, false";
  return "text";
}

const examples = [
  `curl -s "https://tillit.example${API_BASE_PATH}/use-cases?riskClass=HIGH_RISK&limit=50"`,
  `curl -s "https://tillit.example${API_BASE_PATH}/use-cases?q=chattbot&sort=relevance"`,
  `curl -s "https://tillit.example${API_BASE_PATH}/use-cases?updatedSince=2026-12-01T00:00:00Z"`,
  `curl -s -i -H 'If-None-Match: "<etag>"' "https://tillit.example${API_BASE_PATH}/use-cases/<id>"`,
  `curl -s "https://tillit.example${API_BASE_PATH}/use-cases/<id>/uk-atrs.json"`,
  `curl -s -o register.csv "https://tillit.example${API_BASE_PATH}/dumps/daily.csv"`,
  `curl -s "https://tillit.example${API_BASE_PATH}/dump.jsonl" | jq -c '{id, title: .useCase.title}'`,
];

/** The open API, documented from its own OpenAPI description and the mapping tables (server-rendered, no JavaScript needed). */
export default async function OpenApiPage() {
  const t = await getTranslations("OpenApiPage");
  const locale = asLocale(await getLocale());
  const document = openApiDocument() as { paths: Record<string, { get: { summary: string; parameters?: Parameter[] } }> };
  return (
    <>
      <h1 className="text-3xl font-bold text-brand-900">{t("heading")}</h1>
      <p className="mt-2 max-w-3xl">{t("intro")}</p>
      <p className="mt-2 max-w-3xl">{t("limits", { limit: OPEN_API_RATE_LIMIT.limit })}</p>
      <p className="mt-2 mb-6 max-w-3xl">
        {t("description")}{" "}
        <a href={`${API_BASE_PATH}/openapi.json`} className="font-mono text-brand-700 underline">
          {API_BASE_PATH}/openapi.json
        </a>
      </p>
      <PublicNav current="api" />

      <section aria-labelledby="api-endpoints">
        <h2 id="api-endpoints" className="text-xl font-semibold text-brand-900">
          {t("endpointsHeading")}
        </h2>
        <Table caption={t("endpointsHeading")}>
          <thead>
            <tr>
              <Th>{t("endpoint")}</Th>
              <Th>{t("summary")}</Th>
              <Th>{t("parameters")}</Th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(document.paths).map(([path, { get }]) => {
              const query = (get.parameters ?? []).filter((parameter) => parameter.in === "query");
              return (
                <Tr key={path}>
                  <Td className="font-mono whitespace-nowrap">GET {API_BASE_PATH + path}</Td>
                  <Td>{get.summary}</Td>
                  <Td>
                    {query.length === 0 ? (
                      t("none")
                    ) : (
                      <ul className="list-none">
                        {query.map((parameter) => (
                          <li key={parameter.name}>
                            <span className="font-mono">{parameter.name}</span>: {valuesOf(parameter.schema)}
                            {parameter.description ? ` (${parameter.description})` : ""}
                          </li>
                        ))}
                      </ul>
                    )}
                  </Td>
                </Tr>
              );
            })}
          </tbody>
        </Table>
      </section>

      <section aria-labelledby="api-paging" className="mt-8 max-w-3xl">
        <h2 id="api-paging" className="text-xl font-semibold text-brand-900">
          {t("pagingHeading")}
        </h2>
        <p className="mt-2">{t("paging")}</p>
      </section>

      <section aria-labelledby="api-examples" className="mt-8">
        <h2 id="api-examples" className="text-xl font-semibold text-brand-900">
          {t("examplesHeading")}
        </h2>
        <p className="mt-2">{t("examplesIntro")}</p>
        <pre className="mt-2 overflow-x-auto rounded border border-gray-300 bg-gray-50 p-3 text-sm" tabIndex={0}>
          <code>{examples.join("\n")}</code>
        </pre>
      </section>

      <section aria-labelledby="api-dump" className="mt-8 max-w-3xl">
        <h2 id="api-dump" className="text-xl font-semibold text-brand-900">
          {t("dumpHeading")}
        </h2>
        <p className="mt-2">{t("dump")}</p>
        <p className="mt-2">{t("daily")}</p>
      </section>

      <section aria-labelledby="api-mappings" className="mt-8">
        <h2 id="api-mappings" className="text-xl font-semibold text-brand-900">
          {t("mappingsHeading")}
        </h2>
        <p className="mt-2 max-w-3xl">
          {t("mappingsIntro")}{" "}
          <Link href="/register/fields" className="text-brand-700 underline">
            {t("fieldsLink")}
          </Link>
        </p>
        {targetFormats.map((format) => (
          <section key={format.id} aria-labelledby={`mapping-${format.id}`} className="mt-6">
            <h3 id={`mapping-${format.id}`} className="text-lg font-semibold text-brand-900">
              {format.name[locale]}
            </h3>
            <p>
              {t("standard")}: {format.standard}.{" "}
              <a href={format.sourceUrl} className="text-brand-700 underline" rel="noreferrer">
                {t("sourceLink")}
              </a>
            </p>
            <p className="font-mono">{t("download", { path: `${API_BASE_PATH}/use-cases/{id}/${format.id}.json` })}</p>
            <p className="mt-2 font-medium">{t("caveats")}</p>
            <ul className="list-disc pl-5">
              {format.caveats.map((caveat) => (
                <li key={caveat.en}>{caveat[locale]}</li>
              ))}
            </ul>
            {format.sections.map((section) => (
              <Table key={section.key || format.id} caption={`${format.name[locale]}: ${section.label}`} captionVisible>
                <thead>
                  <tr>
                    <Th>{t("targetField")}</Th>
                    <Th>{t("ourFields")}</Th>
                    <Th>{t("howFilled")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {section.fields.map((field) => (
                    <Tr key={field.key}>
                      <Td>
                        <span className="font-mono">{field.key}</span> ({field.label})
                      </Td>
                      <Td className="font-mono">{field.from.length > 0 ? field.from.join(", ") : "–"}</Td>
                      <Td>{field.note?.[locale] ?? (field.from.length === 0 ? t("notRecorded") : "")}</Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
            ))}
          </section>
        ))}
      </section>
    </>
  );
}
