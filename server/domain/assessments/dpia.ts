/**
 * The DPIA screening rule (GDPR Art. 35): whether the processing of personal data needs a
 * data protection impact assessment. Required when two or more of the EDPB's nine
 * criteria (WP248 rev.01) are met, when one of the Art. 35(3) cases applies, or when the
 * processing is on IMY's national list. Not required when no personal data is processed.
 */
import { answerProblems, isShown, type Answers } from "./answers";
import type { DpiaScreeningResult } from "./results";
import type { LocalisedText, TemplateDefinition } from "./template-definition";

export const dpiaCriteria = [
  "criterion_evaluation_scoring",
  "criterion_automated_decision",
  "criterion_systematic_monitoring",
  "criterion_sensitive_data",
  "criterion_large_scale",
  "criterion_matching_datasets",
  "criterion_vulnerable_subjects",
  "criterion_innovative_technology",
  "criterion_prevents_rights",
] as const;

export const dpiaMandatoryCases = [
  "mandatory_profiling_significant_effects",
  "mandatory_large_scale_special_categories",
  "mandatory_public_area_monitoring",
] as const;

/** From this many criteria met, a DPIA is in most cases required (EDPB). */
export const criteriaThreshold = 2;

function shownAnswer(definition: TemplateDefinition, answers: Answers, key: string): string | null {
  const question = definition.questions.find((q) => q.key === key);
  if (!question || !isShown(question, answers, definition)) return null;
  const value = answers[key]?.value;
  return typeof value === "string" ? value : null;
}

function questionText(definition: TemplateDefinition, key: string): LocalisedText {
  return definition.questions.find((q) => q.key === key)?.text ?? { sv: key, en: key };
}

/** The questions' texts as a list in running text. */
function listed(definition: TemplateDefinition, keys: readonly string[]): LocalisedText {
  const texts = keys.map((key) => questionText(definition, key));
  return { sv: texts.map((t) => `"${t.sv}"`).join(", "), en: texts.map((t) => `"${t.en}"`).join(", ") };
}

export function screenDpia(definition: TemplateDefinition, answers: Answers): DpiaScreeningResult {
  const unanswered = answerProblems(definition, answers).filter((p) => p.code === "assessment.answerRequired");
  const complete = unanswered.length === 0;
  const isYes = (key: string) => shownAnswer(definition, answers, key) === "YES";
  const personalData = shownAnswer(definition, answers, "processes_personal_data");

  const criteriaMet = dpiaCriteria.filter(isYes);
  const mandatoryCases = dpiaMandatoryCases.filter(isYes);
  const onImyList = isYes("imy_list");
  const reasons: LocalisedText[] = [];

  if (personalData === "NO") {
    reasons.push({
      sv: "Systemet behandlar inte personuppgifter, så ingen konsekvensbedömning avseende dataskydd behövs.",
      en: "The system does not process personal data, so no data protection impact assessment is needed.",
    });
    return { kind: "DPIA_SCREENING", complete, dpiaRequired: false, criteriaMet: [], mandatoryCases: [], reasons };
  }

  if (!complete)
    reasons.push({
      sv: `Förhandsbedömningen är inte klar: ${unanswered.length} obligatoriska frågor är obesvarade.`,
      en: `The screening is not finished: ${unanswered.length} required questions are unanswered.`,
    });

  const byCriteria = criteriaMet.length >= criteriaThreshold;
  if (criteriaMet.length > 0) {
    const list = listed(definition, criteriaMet);
    reasons.push(
      byCriteria
        ? {
            sv: `${criteriaMet.length} av EDPB:s nio kriterier är uppfyllda: ${list.sv}. När två eller fler kriterier är uppfyllda krävs i de flesta fall en konsekvensbedömning.`,
            en: `${criteriaMet.length} of the EDPB's nine criteria are met: ${list.en}. When two or more criteria are met, an impact assessment is required in most cases.`,
          }
        : {
            sv: `Ett av EDPB:s nio kriterier är uppfyllt: ${list.sv}. Ett kriterium räcker i regel inte för att en konsekvensbedömning ska krävas, men bedöm risken i det enskilda fallet.`,
            en: `One of the EDPB's nine criteria is met: ${list.en}. One criterion alone does not usually make an impact assessment required, but assess the risk in the individual case.`,
          },
    );
  } else if (personalData === "YES") {
    reasons.push({
      sv: "Inget av EDPB:s nio kriterier är uppfyllt.",
      en: "None of the EDPB's nine criteria is met.",
    });
  }
  if (mandatoryCases.length > 0) {
    const list = listed(definition, mandatoryCases);
    reasons.push({
      sv: `Behandlingen är ett av fallen i art. 35.3 i dataskyddsförordningen, där en konsekvensbedömning alltid krävs: ${list.sv}.`,
      en: `The processing is one of the cases in GDPR Art. 35(3), where an impact assessment is always required: ${list.en}.`,
    });
  }
  if (onImyList)
    reasons.push({
      sv: "Behandlingen finns med på IMY:s förteckning över behandlingar som kräver en konsekvensbedömning.",
      en: "The processing is on IMY's list of processing operations that require an impact assessment.",
    });

  const dpiaRequired = byCriteria || mandatoryCases.length > 0 || onImyList;
  if (personalData === "YES" && complete && !dpiaRequired)
    reasons.push({
      sv: "En konsekvensbedömning krävs inte enligt förhandsbedömningen. Spara bedömningen och gör om den om behandlingen ändras.",
      en: "An impact assessment is not required according to the screening. Keep the screening and repeat it if the processing changes.",
    });

  return { kind: "DPIA_SCREENING", complete, dpiaRequired, criteriaMet, mandatoryCases, reasons };
}
