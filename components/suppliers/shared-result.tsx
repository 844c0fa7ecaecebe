import { getTranslations } from "next-intl/server";
import type { AssessmentResult } from "@/server/domain/assessments/results";
import { riskClassLabels } from "@/server/domain/use-cases/labels";
import type { Locale } from "@/server/i18n/config";

/** One line summing up another organisation's approved result: risk class, DPIA need, open items. */
export async function SharedAssessmentResult({ result, locale }: { result: AssessmentResult | null; locale: Locale }) {
  const t = await getTranslations("Suppliers.product.results");
  if (!result) return <>{t("none")}</>;
  switch (result.kind) {
    case "AI_ACT_CLASSIFICATION":
      return <>{t("riskClass", { riskClass: riskClassLabels[result.riskClass][locale] })}</>;
    case "DPIA_SCREENING":
      return <>{result.dpiaRequired ? t("dpiaRequired") : t("dpiaNotRequired")}</>;
    case "FRIA":
      return <>{t("fria")}</>;
    case "TRUST_MODEL":
    case "GENAI_GUIDELINE":
      return <>{t("openItems", { count: result.openItems.length })}</>;
    default:
      return <>{t("none")}</>;
  }
}
