/**
 * The public register's field definitions and their changelog: what each public field
 * means, since when it exists. Shown at /register/fields; a change of a field's meaning
 * adds an entry to `fieldChangelog` (never rewrites an old one).
 */
import type { Locale } from "../../i18n/config";
import type { PublicUseCaseSnapshot } from "./snapshot";

export interface FieldDefinition {
  key: keyof PublicUseCaseSnapshot;
  since: string;
  meaning: Record<Locale, string>;
}

const FIRST = "2026-12-02";

export const fieldDefinitions: FieldDefinition[] = [
  { key: "title", since: FIRST, meaning: { sv: "Användningsfallets namn.", en: "The use case's name." } },
  { key: "publicSummary", since: FIRST, meaning: { sv: "Kort beskrivning på klarspråk av vad AI-systemet gör.", en: "A short plain-language description of what the AI system does." } },
  { key: "description", since: FIRST, meaning: { sv: "Längre beskrivning av systemet och hur det används.", en: "A longer description of the system and how it is used." } },
  { key: "problemAndBenefit", since: FIRST, meaning: { sv: "Syftet: vilket problem systemet löser och vilken nytta det ger.", en: "The purpose: which problem the system solves and the benefit." } },
  { key: "contactEmail", since: FIRST, meaning: { sv: "Funktionsbrevlåda dit allmänheten kan vända sig.", en: "The mailbox the public may write to." } },
  { key: "businessArea", since: FIRST, meaning: { sv: "Verksamhetsområde där systemet används.", en: "The area of the organisation where it is used." } },
  { key: "affectedGroups", since: FIRST, meaning: { sv: "Grupper som påverkas av systemets resultat.", en: "Groups affected by the system's outputs." } },
  { key: "outputUse", since: FIRST, meaning: { sv: "Hur resultaten används: information, beslutsstöd eller helt eller delvis automatiserade beslut (förvaltningslagen 28 §).", en: "How the outputs are used: information, decision support, or partly or fully automated decisions." } },
  { key: "humanOversight", since: FIRST, meaning: { sv: "Hur människor övervakar systemet och kan ingripa.", en: "How people oversee the system and can intervene." } },
  { key: "appealProcess", since: FIRST, meaning: { sv: "Hur den som berörs kan begära omprövning eller överklaga.", en: "How someone affected can ask for review or appeal." } },
  { key: "legalBasis", since: FIRST, meaning: { sv: "Rättslig grund för behandlingen.", en: "The legal basis." } },
  { key: "techniques", since: FIRST, meaning: { sv: "AI-tekniker som används.", en: "The AI techniques used." } },
  { key: "generativeAi", since: FIRST, meaning: { sv: "Om systemet använder generativ AI.", en: "Whether the system uses generative AI." } },
  { key: "processesPersonalData", since: FIRST, meaning: { sv: "Om systemet behandlar personuppgifter (alltid publikt).", en: "Whether the system processes personal data (always public)." } },
  { key: "personalData", since: FIRST, meaning: { sv: "Vilka slags personuppgifter som behandlas.", en: "Which kinds of personal data are processed." } },
  { key: "lifecycleStage", since: FIRST, meaning: { sv: "Livscykelfas: idé, analys, pilot, utveckling, i drift, pausad eller avvecklad.", en: "Lifecycle stage: idea, analysis, pilot, development, in use, paused or retired." } },
  { key: "riskClass", since: FIRST, meaning: { sv: "Riskklass enligt EU:s AI-förordning.", en: "Risk class under the EU AI Act." } },
  { key: "approvedAssessments", since: FIRST, meaning: { sv: "Godkända bedömningar: mall, version och datum för godkännandet, och riskklass där bedömningen ger en.", en: "Approved assessments: template, version, approval date, and the risk class where the assessment gives one." } },
  { key: "procurement", since: FIRST, meaning: { sv: "Hur systemet anskaffats: anskaffningsväg, status och leverantör.", en: "How the system was obtained: route, status and supplier." } },
  { key: "withheld", since: FIRST, meaning: { sv: "Uppgifter som organisationen inte publicerar, med skäl ur en fast lista och en förklaring.", en: "Information the organisation does not publish, with a reason from a fixed list and an explanation." } },
];

export const fieldChangelog: { date: string; text: Record<Locale, string> }[] = [
  {
    date: FIRST,
    text: {
      sv: "Det öppna AI-registret öppnade med fälten ovan (snapshot-schema version 1).",
      en: "The public AI register opened with the fields above (snapshot schema version 1).",
    },
  },
];
