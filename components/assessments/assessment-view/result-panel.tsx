import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { RowHeader, Table, Td, Th, Tr } from "@/components/ui/table";
import type { OpenRisk } from "@/server/domain/assessments/answers";
import type { AssessmentResult, ClassificationResult } from "@/server/domain/assessments/results";
import type { AssessmentView } from "@/server/domain/assessments/view";
import { aiActRoleLabels, annexIIIAreaLabels, riskClassLabels } from "@/server/domain/use-cases/labels";
import type { Locale } from "@/server/i18n/config";
import { CopyField } from "@/components/ui/copy-field";
import { dayDate, dayFormat, questionAnchor, questionOf, sectionTitle } from "./format";

/**
 * What the template's rules conclude: the live result while answering, and the result as
 * approved once approved. `linkQuestions` links open items to their questions on the page;
 * `copyable` offers the FRIA registration summary with a copy button.
 */
export async function ResultPanel({
  view,
  locale,
  linkQuestions = true,
  copyable = true,
}: {
  view: AssessmentView;
  locale: Locale;
  linkQuestions?: boolean;
  copyable?: boolean;
}) {
  const t = await getTranslations("Assessment.result");
  const format = await getFormatter();
  const approved = view.status === "APPROVED" && view.approvedResult !== null;
  const result: AssessmentResult = approved && view.approvedResult ? view.approvedResult : view.result;
  const definition = view.template.definition;
  const yesNo = (value: boolean) => (value ? t("yes") : t("no"));
  const day = (value: string) => format.dateTime(dayDate(value), dayFormat);

  const questionLink = (key: string, extra?: ReactNode) => {
    const question = questionOf(definition, key);
    const text = question?.text[locale] ?? key;
    return (
      <>
        {linkQuestions ? (
          <a href={`#${questionAnchor(key)}`} className="text-brand-700 underline">
            {text}
          </a>
        ) : (
          <span>{text}</span>
        )}
        {question ? <span className="text-sm text-muted"> ({sectionTitle(definition, question.section, locale)})</span> : null}
        {extra}
      </>
    );
  };

  const reasons = (list: { sv: string; en: string }[]) =>
    list.length > 0 ? (
      <>
        <h3 className="mt-4 font-semibold">{t("reasons")}</h3>
        <ul className="mt-1 list-disc pl-5">
          {list.map((reason, index) => (
            <li key={index}>{reason[locale]}</li>
          ))}
        </ul>
      </>
    ) : null;

  const classification = (result: ClassificationResult) => {
    const transparencyQuestion = questionOf(definition, "transparency_cases");
    const transparency = result.transparencyCases.map(
      (value) => transparencyQuestion?.options?.find((option) => option.value === value)?.label[locale] ?? value,
    );
    return (
      <>
        <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[minmax(10rem,16rem)_1fr]">
          <dt className="font-medium">{t("riskClass")}</dt>
          <dd className="text-lg font-semibold">{riskClassLabels[result.riskClass][locale]}</dd>
          {result.annexIIIArea ? (
            <>
              <dt className="font-medium">{t("annexIIIArea")}</dt>
              <dd>{annexIIIAreaLabels[result.annexIIIArea][locale]}</dd>
            </>
          ) : null}
          <dt className="font-medium">{t("annexI")}</dt>
          <dd>{yesNo(result.annexI)}</dd>
          {result.exemption ? (
            <>
              <dt className="font-medium">{t("exemption")}</dt>
              <dd>
                {result.exemption.ground}
                {result.exemption.justification ? <span className="block whitespace-pre-line">{result.exemption.justification}</span> : null}
              </dd>
            </>
          ) : null}
          {transparency.length > 0 ? (
            <>
              <dt className="font-medium">{t("transparencyCases")}</dt>
              <dd>{transparency.join("; ")}</dd>
            </>
          ) : null}
          {result.roles.length > 0 ? (
            <>
              <dt className="font-medium">{t("roles")}</dt>
              <dd>{result.roles.map((role) => aiActRoleLabels[role][locale]).join(", ")}</dd>
            </>
          ) : null}
          <dt className="font-medium">{t("gpai")}</dt>
          <dd>{t(`gpaiValues.${result.gpai}`)}</dd>
          <dt className="font-medium">{t("friaRequired")}</dt>
          <dd className={result.friaRequired ? "font-semibold" : ""}>{yesNo(result.friaRequired)}</dd>
          <dt className="font-medium">{t("registrationRequired")}</dt>
          <dd className={result.registrationRequired ? "font-semibold" : ""}>{yesNo(result.registrationRequired)}</dd>
        </dl>
        {reasons(result.reasons)}
        <h3 className="mt-4 font-semibold">{t("obligations")}</h3>
        {result.obligations.length === 0 ? (
          <p className="mt-1">{t("noObligations")}</p>
        ) : (
          <div className="mt-1">
            <Table caption={t("obligationsCaption", { count: result.obligations.length })}>
              <thead>
                <tr>
                  <Th>{t("article")}</Th>
                  <Th>{t("duty")}</Th>
                  <Th>{t("appliesFrom")}</Th>
                  <Th>{t("dateSource")}</Th>
                </tr>
              </thead>
              <tbody>
                {result.obligations.map((obligation) => (
                  <Tr key={`${obligation.key}-${obligation.role}`}>
                    <RowHeader className="whitespace-nowrap">{obligation.article}</RowHeader>
                    <Td>
                      {obligation.title[locale]}
                      {obligation.role !== "ALL" ? (
                        <span className="block text-sm text-muted">{t("forRole", { role: aiActRoleLabels[obligation.role][locale] })}</span>
                      ) : null}
                    </Td>
                    <Td className="whitespace-nowrap">{day(obligation.appliesFrom)}</Td>
                    <Td>{obligation.dateSource}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </>
    );
  };

  const openRiskList = (risks: OpenRisk[]) =>
    risks.length === 0 ? (
      <p className="mt-2">{t("noOpenRisks")}</p>
    ) : (
      <>
        <p className="mt-2">{t("openRisksCount", { count: risks.length })}</p>
        <ul className="mt-1 flex flex-col gap-1">
          {risks.map((risk) => (
            <li key={risk.questionKey} className="border-l-4 border-amber-600 pl-2">
              {questionLink(risk.questionKey, <span className="block text-sm font-medium">{t(`riskReasons.${risk.reason}`)}</span>)}
            </li>
          ))}
        </ul>
      </>
    );

  let body: ReactNode;
  switch (result.kind) {
    case "AI_ACT_CLASSIFICATION":
      body = classification(result);
      break;
    case "DPIA_SCREENING":
      body = (
        <>
          <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[minmax(10rem,16rem)_1fr]">
            <dt className="font-medium">{t("dpiaRequired")}</dt>
            <dd className="text-lg font-semibold">{yesNo(result.dpiaRequired)}</dd>
          </dl>
          {reasons(result.reasons)}
        </>
      );
      break;
    case "FRIA":
      body = result.registrationSummary[locale].trim() ? (
        <div className="mt-3">
          {copyable ? (
            <CopyField
              multiline
              label={t("registrationSummary")}
              value={result.registrationSummary[locale]}
              copyLabel={t("copy")}
              copiedMessage={t("copied")}
              copyFailedMessage={t("copyFailed")}
            />
          ) : (
            <>
              <h3 className="font-semibold">{t("registrationSummary")}</h3>
              <p className="mt-1 whitespace-pre-line">{result.registrationSummary[locale]}</p>
            </>
          )}
          <p className="mt-1 text-sm text-muted">{t("registrationSummaryHint")}</p>
        </div>
      ) : (
        <p className="mt-2">{t("noSummary")}</p>
      );
      break;
    case "TRUST_MODEL":
      body = (
        <>
          <h3 className="mt-3 font-semibold">{t("openRisks")}</h3>
          {openRiskList(view.openRisks)}
        </>
      );
      break;
    case "GENAI_GUIDELINE":
      body = (
        <>
          <h3 className="mt-3 font-semibold">{t("openItems")}</h3>
          {result.openItems.length === 0 ? (
            <p className="mt-2">{t("noOpenItems")}</p>
          ) : (
            <ul className="mt-1 flex flex-col gap-1">
              {result.openItems.map((key) => (
                <li key={key} className="border-l-4 border-amber-600 pl-2">
                  {questionLink(key, <span className="block text-sm font-medium">{t(`riskReasons.${itemReason(view, key)}`)}</span>)}
                </li>
              ))}
            </ul>
          )}
        </>
      );
      break;
  }

  return (
    <section aria-labelledby="result-heading" className="rounded border border-gray-300 p-4 break-inside-avoid-page">
      <h2 id="result-heading" className="text-xl font-semibold text-brand-900">
        {approved ? t("approvedHeading") : t("heading")}
      </h2>
      <p className="mt-1 text-sm text-muted">{approved ? t("approvedLead") : t("liveLead")}</p>
      {!result.complete ? (
        <p className="mt-2 rounded border-l-4 border-amber-600 bg-amber-50 px-3 py-2 text-sm">
          <span className="font-semibold">{t("incompleteTitle")}</span> {t("incompleteBody")}
        </p>
      ) : null}
      {body}
    </section>
  );
}


function itemReason(view: AssessmentView, key: string): OpenRisk["reason"] {
  const value = view.answers[key]?.value;
  return value === "NO" || value === "PARTLY" ? value : "UNANSWERED";
}
