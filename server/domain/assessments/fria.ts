/**
 * The fundamental rights impact assessment (AI Act Art. 27) turned into the summary a
 * public-authority deployer enters when it registers its use of a high-risk system in the
 * EU database (Art. 49(3), Annex VIII section C): who the deployer is, who submits, the
 * URL of the provider's entry, the FRIA's findings (a)-(f) and, where there is one, the
 * DPIA's summary.
 */
import { answerProblems, isShown, type Answers } from "./answers";
import type { FriaResult } from "./results";
import type { RuleContext } from "./rules";
import type { LocalisedText, TemplateDefinition } from "./template-definition";

/** The six parts of Art. 27(1), in order, with the headings of the summary. */
export const friaFindings: readonly { key: string; heading: LocalisedText }[] = [
  { key: "fria_processes", heading: { sv: "a) Processer där systemet används", en: "(a) Processes in which the system is used" } },
  { key: "fria_period_frequency", heading: { sv: "b) Period och frekvens", en: "(b) Period and frequency of use" } },
  { key: "fria_affected_persons", heading: { sv: "c) Berörda personer och grupper", en: "(c) Categories of persons and groups affected" } },
  { key: "fria_risks_of_harm", heading: { sv: "d) Risker för skada", en: "(d) Specific risks of harm" } },
  { key: "fria_human_oversight", heading: { sv: "e) Mänsklig tillsyn", en: "(e) Human oversight measures" } },
  {
    key: "fria_measures_if_risks_materialise",
    heading: { sv: "f) Åtgärder om riskerna inträffar", en: "(f) Measures if the risks materialise" },
  },
];

const notGiven: LocalisedText = { sv: "(ej angivet)", en: "(not given)" };

function shownText(definition: TemplateDefinition, answers: Answers, key: string): string | null {
  const question = definition.questions.find((q) => q.key === key);
  if (!question || !isShown(question, answers, definition)) return null;
  const value = answers[key]?.value;
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

export function summariseFria(definition: TemplateDefinition, answers: Answers, context: RuleContext): FriaResult {
  const complete = !answerProblems(definition, answers).some((p) => p.code === "assessment.answerRequired");
  const text = (key: string) => shownText(definition, answers, key);
  const or = (value: string | null, lang: "sv" | "en") => value ?? notGiven[lang];

  const notified = text("fria_notified_authority");
  const notifiedText: LocalisedText =
    notified === "YES"
      ? { sv: "Ja", en: "Yes" }
      : notified === "NO"
        ? { sv: "Nej, inte ännu", en: "No, not yet" }
        : notGiven;
  const dpia = text("dpia_summary");

  const summary = (lang: "sv" | "en"): string => {
    const sv = lang === "sv";
    const lines = [
      sv
        ? "Registrering av tillhandahållarens användning (AI-förordningen, bilaga VIII, avsnitt C)"
        : "Registration of the deployer's use (AI Act, Annex VIII, section C)",
      "",
      `${sv ? "Användningsfall" : "Use case"}: ${context.useCase.reference} ${context.useCase.title}`,
      `${sv ? "Tillhandahållare" : "Deployer"}: ${context.organisation.name}`,
      `${sv ? "Kontakt" : "Contact"}: ${or(context.organisation.contactEmail, lang)}`,
      `${sv ? "Inlämnad av" : "Submitted by"}: ${or(text("registration_contact_name"), lang)}, ${or(text("registration_contact_email"), lang)}`,
      `${sv ? "Systemets post i EU:s databas" : "The system's entry in the EU database"}: ${or(text("eu_database_url"), lang)}`,
      "",
      sv
        ? "Sammanfattning av konsekvensbedömningen avseende grundläggande rättigheter (art. 27)"
        : "Summary of the fundamental rights impact assessment (Art. 27)",
      ...friaFindings.map(({ key, heading }) => `${heading[lang]}: ${or(text(key), lang)}`),
      `${sv ? "Resultatet anmält till marknadskontrollmyndigheten" : "Results notified to the market surveillance authority"}: ${notifiedText[lang]}`,
    ];
    if (dpia)
      lines.push(
        "",
        sv ? "Sammanfattning av konsekvensbedömningen avseende dataskydd" : "Summary of the data protection impact assessment",
        dpia,
      );
    return lines.join("\n");
  };

  return { kind: "FRIA", complete, registrationSummary: { sv: summary("sv"), en: summary("en") } };
}
