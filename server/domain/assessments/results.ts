/**
 * What a template's rules compute from its answers. `evaluateAssessment` (rules.ts) picks
 * the rule of the template's kind; the result is shown live while answering and stored
 * on the assessment (`approvedResult`) when it is approved.
 */
import type { AiActRole, AnnexIIIArea, RiskClass } from "../../db/generated/enums";
import type { LocalisedText } from "./template-definition";

/** A duty that follows for the organisation in its value-chain role, with the date it applies. */
export interface Obligation {
  /** Stable key, e.g. "deployer_duties". */
  key: string;
  /** E.g. "Art. 26". */
  article: string;
  title: LocalisedText;
  /** YYYY-MM-DD, from ai-act-dates.json. */
  appliesFrom: string;
  /** Where that date comes from (e.g. the regulation as adopted, or the Digital Omnibus). */
  dateSource: string;
  /** For which of the organisation's roles. */
  role: AiActRole | "ALL";
}

export interface ClassificationResult {
  kind: "AI_ACT_CLASSIFICATION";
  /** False while questions the rule needs are unanswered: riskClass is then UNDETERMINED. */
  complete: boolean;
  riskClass: RiskClass;
  annexIIIArea: AnnexIIIArea | null;
  annexI: boolean;
  /** The Art. 6(3) exemption when it applies. */
  exemption: { ground: string; justification: string } | null;
  transparencyCases: string[];
  gpai: "NONE" | "USES_GPAI_MODEL" | "PROVIDES_GPAI_MODEL";
  roles: AiActRole[];
  /** Why this class: one sentence each, in both languages. */
  reasons: LocalisedText[];
  obligations: Obligation[];
  friaRequired: boolean;
  /** Registration in the EU database before use (Art. 49). */
  registrationRequired: boolean;
  /** Plain-text justification written to the use case's riskClassJustification on approval. */
  justification: string;
}

export interface DpiaScreeningResult {
  kind: "DPIA_SCREENING";
  complete: boolean;
  dpiaRequired: boolean;
  /** Keys of the EDPB criteria that were met. */
  criteriaMet: string[];
  /** Keys of the Art. 35(3) mandatory cases that apply. */
  mandatoryCases: string[];
  reasons: LocalisedText[];
}

export interface FriaResult {
  kind: "FRIA";
  complete: boolean;
  /** The Annex VIII section C summary for the EU-database registration, from the answers. */
  registrationSummary: LocalisedText;
}

/** Trust model and generative-AI check: no computed class, only open items. */
export interface ChecklistResult {
  kind: "TRUST_MODEL" | "GENAI_GUIDELINE";
  complete: boolean;
  /** Question keys answered NO or PARTLY. */
  openItems: string[];
}

export type AssessmentResult = ClassificationResult | DpiaScreeningResult | FriaResult | ChecklistResult;
