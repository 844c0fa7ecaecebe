/**
 * Swedish and English labels of the assessment enumerations, kept once: the UI, the
 * report and the exports read them.
 */
import type { AssessmentPhase, AssessmentStatus } from "../../db/generated/enums";
import type { Labels } from "../use-cases/labels";
import type { RequirementReason, TemplateRequirement } from "./requirements";
import type { TemplateKind } from "./template-definition";

export const templateKindLabels = {
  TRUST_MODEL: { sv: "Förtroendemodellen", en: "Trust model" },
  AI_ACT_CLASSIFICATION: { sv: "Riskklassning enligt AI-förordningen", en: "AI Act risk classification" },
  DPIA_SCREENING: { sv: "Förhandsbedömning av konsekvensbedömning (DPIA)", en: "DPIA screening" },
  FRIA: { sv: "Konsekvensbedömning avseende grundläggande rättigheter (FRIA)", en: "Fundamental-rights impact assessment (FRIA)" },
  GENAI_GUIDELINE: { sv: "Riktlinjer för generativ AI (DIGG/IMY)", en: "Generative-AI guideline check" },
} satisfies Labels<TemplateKind>;

export const assessmentStatusLabels = {
  DRAFT: { sv: "Utkast", en: "Draft" },
  IN_REVIEW: { sv: "Under granskning", en: "In review" },
  CHANGES_REQUESTED: { sv: "Ändringar begärda", en: "Changes requested" },
  APPROVED: { sv: "Godkänd", en: "Approved" },
} satisfies Labels<AssessmentStatus>;

export const assessmentPhaseLabels = {
  BEFORE_DEVELOPMENT: { sv: "Före utveckling", en: "Before development" },
  DEVELOPMENT: { sv: "Utveckling", en: "Development" },
  OPERATION: { sv: "Drift", en: "Operation" },
  FOLLOW_UP: { sv: "Uppföljning", en: "Follow-up" },
} satisfies Labels<AssessmentPhase>;

export const templateRequirementLabels = {
  REQUIRED: { sv: "Krävs", en: "Required" },
  OPTIONAL: { sv: "Frivillig", en: "Optional" },
  NOT_OFFERED: { sv: "Gäller inte", en: "Does not apply" },
} satisfies Labels<TemplateRequirement>;

export const requirementReasonLabels = {
  everyAiSystem: { sv: "Varje AI-system ska riskklassas.", en: "Every AI system is classified." },
  highRisk: { sv: "Användningsfallet har hög risk.", en: "The use case is high-risk." },
  personalData: { sv: "Användningsfallet behandlar personuppgifter.", en: "The use case processes personal data." },
  personalDataUnknown: {
    sv: "Registret anger inte om personuppgifter behandlas.",
    en: "The register does not say whether personal data is processed.",
  },
  noPersonalData: { sv: "Inga personuppgifter enligt registret.", en: "No personal data according to the register." },
  recommended: { sv: "Rekommenderas för alla AI-system.", en: "Recommended for every AI system." },
  friaByClassification: { sv: "Den godkända riskklassningen kräver en FRIA.", en: "The approved classification requires a FRIA." },
  friaByRegister: { sv: "Registret anger att en FRIA krävs.", en: "The register says a FRIA is required." },
  friaNotRequired: {
    sv: "Krävs bara för system med hög risk enligt bilaga III (utom kritisk infrastruktur).",
    en: "Only for Annex III high-risk systems (except critical infrastructure).",
  },
  generativeAi: { sv: "Användningsfallet använder generativ AI.", en: "The use case uses generative AI." },
  noGenerativeAi: { sv: "Gäller bara generativ AI.", en: "Only for generative AI." },
} satisfies Labels<RequirementReason>;

/** TRUST_ANSWER and YES_NO values; PARTLY and NOT_APPLICABLE are Tillit's own extensions of the trust model. */
export const answerValueLabels = {
  YES: { sv: "Ja", en: "Yes" },
  NO: { sv: "Nej", en: "No" },
  PARTLY: { sv: "Delvis", en: "Partly" },
  NOT_APPLICABLE: { sv: "Ej tillämpligt", en: "Not applicable" },
} satisfies Labels<"YES" | "NO" | "PARTLY" | "NOT_APPLICABLE">;
