import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { dateFormat } from "@/components/ui/format";
import { asLocale, enumLabel } from "@/components/use-cases/fields";
import { templateKindLabels } from "@/server/domain/assessments/labels";
import { decisionStatusLabels, procurementRouteLabels } from "@/server/domain/procurement/labels";
import type { PublicUseCaseSnapshot, WithholdableField } from "@/server/domain/public-register/snapshot";

type SnapshotField = keyof PublicUseCaseSnapshot;

/**
 * A published use case's content, as the public register shows it. The publication tab's
 * preview renders this same component, so an admin reviews exactly what the public sees.
 * `headingLevel` is the level of its section headings (the page owns the h1).
 */
export async function PublicUseCaseBody({ snapshot, headingLevel = 2 }: { snapshot: PublicUseCaseSnapshot; headingLevel?: 2 | 3 | 4 }) {
  const t = await getTranslations("PublicRegister");
  const fieldLabel = await getTranslations("UseCases.fields");
  const format = await getFormatter();
  const locale = asLocale(await getLocale());
  const Heading = headingLevel === 2 ? "h2" : headingLevel === 3 ? "h3" : "h4";
  const withheld = new Map(snapshot.withheld.map((entry) => [entry.field as string, entry]));
  const day = (value: string) => format.dateTime(new Date(value), dateFormat);

  const label = (field: SnapshotField): string => {
    switch (field) {
      case "contactEmail":
      case "generativeAi":
      case "processesPersonalData":
        return t(`fields.${field}`);
      default:
        return fieldLabel(field as Parameters<typeof fieldLabel>[0]);
    }
  };

  const valueOf = (field: SnapshotField): ReactNode => {
    const entry = withheld.get(field);
    if (entry) return <em>{t("useCase.withheldValue", { reason: t(`withholdingReason.${entry.reason}`) })}</em>;
    const value = snapshot[field];
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) {
      return <span className="text-muted">{t("useCase.notGiven")}</span>;
    }
    if (typeof value === "boolean") return value ? t("search.yes") : t("search.no");
    if (field === "startedOn" || field === "inUseSince" || field === "retiredOn") return day(value as string);
    if (field === "contactEmail") return <a className="text-brand-700 underline" href={`mailto:${value as string}`}>{value as string}</a>;
    if (field === "legalReferences") {
      return (
        <ul className="list-disc pl-5">
          {(value as PublicUseCaseSnapshot["legalReferences"]).map((reference) => (
            <li key={reference.url}>
              <a className="text-brand-700 underline" href={reference.url} rel="noopener noreferrer">
                {reference.title}
              </a>
            </li>
          ))}
        </ul>
      );
    }
    if (Array.isArray(value)) return (value as string[]).map((item) => enumLabel(field, item, locale)).join(", ");
    if (typeof value === "string") {
      const labelled = enumLabel(field, value, locale);
      return labelled === value ? <span className="whitespace-pre-line">{value}</span> : labelled;
    }
    return String(value);
  };

  const list = (fields: SnapshotField[]) => (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[minmax(12rem,1fr)_3fr]">
      {fields.map((field) => (
        <div key={field} className="contents">
          <dt className="font-medium">{label(field)}</dt>
          <dd>{valueOf(field)}</dd>
        </div>
      ))}
    </dl>
  );

  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="public-summary" className="flex flex-col gap-3">
        <Heading id="public-summary" className="text-xl font-semibold text-brand-900">
          {t("useCase.summary")}
        </Heading>
        <p className="whitespace-pre-line text-lg">{snapshot.publicSummary}</p>
        {list(["description", "businessArea", "contactEmail", "registryNumber", "tags"])}
        <p className="text-sm text-muted">
          {t("useCase.reference")}: <span className="font-mono">{snapshot.reference}</span> ·{" "}
          {t("fields.organisation")}:{" "}
          <Link className="text-brand-700 underline" href={`/register/organisations/${snapshot.organisation.slug}`}>
            {snapshot.organisation.name}
          </Link>
        </p>
      </section>
      <section aria-labelledby="public-purpose" className="flex flex-col gap-3">
        <Heading id="public-purpose" className="text-xl font-semibold text-brand-900">
          {t("useCase.purposeHeading")}
        </Heading>
        {list([
          "problemAndBenefit",
          "intendedUsers",
          "affectedGroups",
          "outputUse",
          "humanOversight",
          "appealProcess",
          "legalBasis",
          "legalReferences",
          "necessity",
          "subsidiarity",
          "proportionality",
          "alternativesConsidered",
          "consequenceOfNotDeploying",
        ])}
      </section>
      <section aria-labelledby="public-technology" className="flex flex-col gap-3">
        <Heading id="public-technology" className="text-xl font-semibold text-brand-900">
          {t("useCase.technologyHeading")}
        </Heading>
        {list([
          "techniques",
          "generativeAi",
          "modelsAndVersions",
          "acquisitionMethod",
          "supplierName",
          "hosting",
          "dataLeavesEea",
          "dataSources",
          "processesPersonalData",
          "personalData",
          "trainingData",
        ])}
      </section>
      <section aria-labelledby="public-status" className="flex flex-col gap-3">
        <Heading id="public-status" className="text-xl font-semibold text-brand-900">
          {t("useCase.statusHeading")}
        </Heading>
        {list(["lifecycleStage", "startedOn", "inUseSince", "retiredOn"])}
      </section>
      <section aria-labelledby="public-risk" className="flex flex-col gap-3">
        <Heading id="public-risk" className="text-xl font-semibold text-brand-900">
          {t("useCase.riskHeading")}
        </Heading>
        {list(["riskClass", "annexIIIArea", "riskClassJustification", "aiActRoles", "dpiaDone", "friaDone"])}
      </section>
      <section aria-labelledby="public-assessments" className="flex flex-col gap-3">
        <Heading id="public-assessments" className="text-xl font-semibold text-brand-900">
          {t("useCase.assessmentsHeading")}
        </Heading>
        {snapshot.approvedAssessments.length === 0 ? (
          <p>{t("useCase.noAssessments")}</p>
        ) : (
          <Table caption={t("useCase.assessmentsCaption")}>
            <thead>
              <tr>
                <Th>{t("useCase.template")}</Th>
                <Th>{t("useCase.templateVersion")}</Th>
                <Th>{t("useCase.approvedAt")}</Th>
                <Th>{t("useCase.resultRiskClass")}</Th>
              </tr>
            </thead>
            <tbody>
              {snapshot.approvedAssessments.map((assessment) => (
                <Tr key={`${assessment.templateKind}-${assessment.approvedAt}`}>
                  <Td>{templateKindLabels[assessment.templateKind][locale]}</Td>
                  <Td>{assessment.templateVersion}</Td>
                  <Td>{day(assessment.approvedAt)}</Td>
                  <Td>{assessment.riskClass ? enumLabel("riskClass", assessment.riskClass, locale) : "–"}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
      <section aria-labelledby="public-procurement" className="flex flex-col gap-3">
        <Heading id="public-procurement" className="text-xl font-semibold text-brand-900">
          {t("useCase.procurementHeading")}
        </Heading>
        {snapshot.procurement === null ? (
          <p>
            <em>{t("useCase.withheldValue", { reason: t(`withholdingReason.${withheld.get("procurement")?.reason ?? "OTHER"}`) })}</em>
          </p>
        ) : snapshot.procurement.length === 0 ? (
          <p>{t("useCase.noProcurement")}</p>
        ) : (
          <Table caption={t("useCase.procurementCaption")}>
            <thead>
              <tr>
                <Th>{t("useCase.route")}</Th>
                <Th>{t("useCase.decisionStatus")}</Th>
                <Th>{t("useCase.decidedOn")}</Th>
                <Th>{t("useCase.supplier")}</Th>
                <Th>{t("useCase.product")}</Th>
              </tr>
            </thead>
            <tbody>
              {snapshot.procurement.map((entry, index) => (
                <Tr key={index}>
                  <Td>{procurementRouteLabels[entry.route][locale]}</Td>
                  <Td>{decisionStatusLabels[entry.status][locale]}</Td>
                  <Td>{entry.decidedOn ? day(entry.decidedOn) : "–"}</Td>
                  <Td>{entry.supplierName ?? (withheld.has("supplierName") ? <em>{t("useCase.withheldValue", { reason: t(`withholdingReason.${withheld.get("supplierName")?.reason ?? "OTHER"}`) })}</em> : "–")}</Td>
                  <Td>{entry.productName ?? "–"}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
      {snapshot.withheld.length > 0 ? (
        <section aria-labelledby="public-withheld" className="flex flex-col gap-3">
          <Heading id="public-withheld" className="text-xl font-semibold text-brand-900">
            {t("useCase.withheldHeading")}
          </Heading>
          <p>{t("useCase.withheldIntro")}</p>
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[minmax(12rem,1fr)_3fr]">
            {snapshot.withheld.map((entry) => (
              <div key={entry.field} className="contents">
                <dt className="font-medium">{withheldFieldLabel(entry.field, label, t("fields.procurement"))}</dt>
                <dd>
                  {t(`withholdingReason.${entry.reason}`)}
                  {entry.explanation ? <>: {entry.explanation}</> : null}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </div>
  );
}

function withheldFieldLabel(field: WithholdableField, label: (field: SnapshotField) => string, procurement: string): string {
  return field === "procurement" ? procurement : label(field);
}
