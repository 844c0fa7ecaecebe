import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PublicUseCaseBody } from "@/components/public-register/public-use-case-body";
import type { RouterOutputs } from "@/components/trpc/types";
import { Alert } from "@/components/ui/alert";
import { dateTimeFormat } from "@/components/ui/format";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { formatValue } from "@/components/use-cases/use-case-view/format-value";
import { asLocale } from "@/components/use-cases/fields";
import { PublicationActions } from "./publication-actions";
import { WithholdingReasonsForm } from "./withholding-reasons-form";

type Panel = RouterOutputs["publication"]["panel"];

/** The use case's publication tab: state and steps, what changed, what is missing, plain-language advice, and the public view. */
export async function UseCasePublication({ organisationSlug, panel }: { organisationSlug: string; panel: Panel }) {
  const t = await getTranslations("Publication");
  const publicT = await getTranslations("PublicRegister");
  const fieldLabel = await getTranslations("UseCases.fields");
  const common = await getTranslations("UseCases");
  const format = await getFormatter();
  const locale = asLocale(await getLocale());
  const when = (value: Date | string) => format.dateTime(new Date(value), dateTimeFormat);
  const base = `/${organisationSlug}/register/${panel.useCaseId}`;
  const label = (field: string) =>
    ["contactEmail", "generativeAi", "processesPersonalData", "organisation", "approvedAssessments", "procurement", "withheld"].includes(field)
      ? publicT(`fields.${field}` as Parameters<typeof publicT>[0])
      : fieldLabel(field as Parameters<typeof fieldLabel>[0]);
  const words = { empty: common("notGiven"), yes: common("yes"), no: common("no"), date: (value: Date) => when(value) };
  const show = (field: string, value: unknown) => {
    if (field === "organisation" && value && typeof value === "object") return (value as { name: string }).name;
    if (field === "withheld" && Array.isArray(value)) {
      return value.map((entry: { field: string; reason: string }) => `${label(entry.field)}: ${publicT(`withholdingReason.${entry.reason}` as Parameters<typeof publicT>[0])}`).join("; ") || common("notGiven");
    }
    if ((field === "approvedAssessments" || field === "procurement") && Array.isArray(value)) return String(value.length);
    return formatValue(field, value, locale, words);
  };
  const adviceFields = panel.advice;

  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="publication-state" className="flex flex-col gap-3">
        <h3 id="publication-state" className="text-xl font-semibold text-brand-900">
          {t("stateHeading")}: <span data-testid="publication-state">{t(`state.${panel.state}`)}</span>
        </h3>
        {panel.state === "PROPOSED" && panel.proposalNote ? (
          <div>
            <p>{t("proposedBy", { name: panel.proposedBy ?? "–", when: panel.proposedAt ? when(panel.proposedAt) : "–" })}</p>
            <blockquote className="mt-1 border-l-4 border-gray-300 pl-3 whitespace-pre-line">{panel.proposalNote}</blockquote>
          </div>
        ) : null}
        {panel.published ? (
          <p>
            {t("publishedVersion", { version: panel.published.version, when: when(panel.published.publishedAt) })}{" "}
            {panel.state === "PROPOSED" ? t("proposedWhilePublished", { version: panel.published.version }) : null}{" "}
            <Link className="text-brand-700 underline" href={`/register/use-cases/${panel.useCaseId}`}>
              {t("publicLink")}
            </Link>
          </p>
        ) : null}
        {panel.state === "RETRACTED" && panel.retractedAt ? (
          <div>
            <p>{t("retractedAt", { when: when(panel.retractedAt) })}</p>
            <blockquote className="mt-1 border-l-4 border-gray-300 pl-3 whitespace-pre-line">{panel.retractionReason}</blockquote>
          </div>
        ) : null}
        <PublicationActions
          organisationSlug={organisationSlug}
          useCaseId={panel.useCaseId}
          version={panel.version}
          allowed={panel.allowedActions}
          nextSnapshotVersion={(panel.versions[0]?.version ?? 0) + 1}
          hasPublishedVersion={panel.published !== null}
        />
      </section>

      {panel.published ? (
        <section aria-labelledby="publication-changes" className="flex flex-col gap-3">
          <h3 id="publication-changes" className="text-xl font-semibold text-brand-900">
            {t("changesHeading")}
          </h3>
          {panel.changes.length === 0 ? (
            <p>{t("upToDate")}</p>
          ) : (
            <>
              <Alert tone="warning" title={t("changesHeading")}>
                {t("changesIntro")} {panel.allowedActions.includes("propose") ? t("offerNewVersion") : null}
              </Alert>
              <Table caption={t("changesCaption")}>
                <thead>
                  <tr>
                    <Th>{t("field")}</Th>
                    <Th>{t("publishedValue")}</Th>
                    <Th>{t("currentValue")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {panel.changes.map((change) => (
                    <Tr key={change.field}>
                      <Td className="font-medium">{label(change.field)}</Td>
                      <Td className="whitespace-pre-line">{show(change.field, change.before)}</Td>
                      <Td className="whitespace-pre-line">{show(change.field, change.after)}</Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
            </>
          )}
        </section>
      ) : null}

      <section aria-labelledby="publication-missing" className="flex flex-col gap-3">
        <h3 id="publication-missing" className="text-xl font-semibold text-brand-900">
          {t("missingHeading")}
        </h3>
        {panel.missing.length === 0 ? (
          <p>{t("missingNone")}</p>
        ) : (
          <>
            <p>{t("missingIntro")}</p>
            <ul className="list-disc pl-5">
              {panel.missing.map((missing) => (
                <li key={missing.field}>
                  <Link
                    className="text-brand-700 underline"
                    href={missing.fix.tab === "edit" ? `${base}/edit${missing.fix.anchor ? `#${missing.fix.anchor}` : ""}` : `${base}?tab=assessments`}
                  >
                    {t("fixLink", { field: label(missing.field) })}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="publication-advice" className="flex flex-col gap-3">
        <h3 id="publication-advice" className="text-xl font-semibold text-brand-900">
          {t("adviceHeading")}
        </h3>
        <p>{t("adviceIntro")}</p>
        <Table caption={t("adviceCaption")}>
          <thead>
            <tr>
              <Th>{t("field")}</Th>
              <Th>{t("lix")}</Th>
              <Th>{t("averageSentence")}</Th>
              <Th>{t("longSentences")}</Th>
            </tr>
          </thead>
          <tbody>
            {adviceFields.map(({ field, report }) => (
              <Tr key={field}>
                <Td className="font-medium">{label(field)}</Td>
                <Td>
                  {report.lix} ({t(`level.${report.level}`)})
                </Td>
                <Td>{report.averageSentenceLength}</Td>
                <Td>
                  {report.longSentences.length === 0 ? (
                    report.advise ? t("adviceShorten") : t("adviceOk")
                  ) : (
                    <ul className="flex flex-col gap-1">
                      {report.longSentences.map((sentence) => (
                        <li key={sentence.text}>
                          <mark className="bg-amber-100">{sentence.text}</mark> ({t("sentenceWords", { count: sentence.words })})
                        </li>
                      ))}
                    </ul>
                  )}
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      </section>

      {panel.preview.withheld.length > 0 && panel.allowedActions.includes("setWithholdingReasons") ? (
        <section aria-labelledby="publication-withheld" className="flex flex-col gap-3">
          <h3 id="publication-withheld" className="text-xl font-semibold text-brand-900">
            {t("withheldHeading")}
          </h3>
          <p>{t("withheldIntro")}</p>
          <WithholdingReasonsForm
            organisationSlug={organisationSlug}
            useCaseId={panel.useCaseId}
            version={panel.version}
            fields={panel.preview.withheld.map((entry) => ({ ...entry, label: label(entry.field) }))}
          />
        </section>
      ) : null}

      {panel.versions.length > 0 ? (
        <section aria-labelledby="publication-versions" className="flex flex-col gap-3">
          <h3 id="publication-versions" className="text-xl font-semibold text-brand-900">
            {t("versionsHeading")}
          </h3>
          <Table caption={t("versionsCaption")}>
            <thead>
              <tr>
                <Th>{t("version")}</Th>
                <Th>{t("publishedAt")}</Th>
                <Th>{t("publishedBy")}</Th>
                <Th>{t("status")}</Th>
              </tr>
            </thead>
            <tbody>
              {panel.versions.map((version) => (
                <Tr key={version.version}>
                  <Td>
                    <Link className="text-brand-700 underline" href={`${base}?tab=publication&version=${version.version}`}>
                      {t("viewVersion", { version: version.version })}
                    </Link>
                  </Td>
                  <Td>{when(version.publishedAt)}</Td>
                  <Td>{version.publishedBy ?? "–"}</Td>
                  <Td>
                    {version.retractedAt ? t("retracted") : version.supersededAt ? t("superseded", { when: when(version.supersededAt) }) : t("current")}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        </section>
      ) : null}

      <section aria-labelledby="publication-preview" className="flex flex-col gap-3 rounded border border-gray-300 p-4">
        <h3 id="publication-preview" className="text-xl font-semibold text-brand-900">
          {t("previewHeading")}
        </h3>
        <p className="text-sm text-muted">{t("previewIntro")}</p>
        <p className="text-2xl font-bold text-brand-900">{panel.preview.title}</p>
        <PublicUseCaseBody snapshot={panel.preview} headingLevel={4} />
      </section>
    </div>
  );
}

/** One published version, as the public saw it (inside the publication tab). */
export async function PublishedVersionView({
  organisationSlug,
  useCaseId,
  version,
}: {
  organisationSlug: string;
  useCaseId: string;
  version: RouterOutputs["publication"]["publishedVersion"];
}) {
  const t = await getTranslations("Publication");
  const format = await getFormatter();
  return (
    <div className="flex flex-col gap-4">
      <p>
        <Link className="text-brand-700 underline" href={`/${organisationSlug}/register/${useCaseId}?tab=publication`}>
          {t("backToPublication")}
        </Link>
      </p>
      <h3 className="text-xl font-semibold text-brand-900">
        {t("versionHeading", { version: version.version, when: format.dateTime(new Date(version.publishedAt), dateTimeFormat) })}
      </h3>
      <p className="text-2xl font-bold text-brand-900">{version.snapshot.title}</p>
      <PublicUseCaseBody snapshot={version.snapshot} headingLevel={4} />
    </div>
  );
}
