/**
 * Which templates a use case needs, from what the register says about it (risk class,
 * personal data, generative AI) and from its approved classification. One function, used
 * by the use case's assessments tab, by "start an assessment", and by the status board.
 */
import type { AiTechnique, AnnexIIIArea, PersonalDataCategory, RiskClass } from "../../db/generated/enums";
import { type TemplateKind, templateKinds } from "./template-definition";

export type TemplateRequirement = "REQUIRED" | "OPTIONAL" | "NOT_OFFERED";

/** Why a template is required, optional or not offered; labelled by requirementReasonLabels (labels.ts). */
export type RequirementReason =
  | "everyAiSystem"
  | "highRisk"
  | "personalData"
  | "personalDataUnknown"
  | "noPersonalData"
  | "recommended"
  | "friaByClassification"
  | "friaByRegister"
  | "friaNotRequired"
  | "generativeAi"
  | "noGenerativeAi";

export interface UseCaseFacts {
  riskClass: RiskClass;
  annexIIIArea: AnnexIIIArea | null;
  personalData: PersonalDataCategory[];
  techniques: AiTechnique[];
  /** The register's own "FRIA required" answer. */
  friaRequired: boolean | null;
  /** From the approved (current) AI Act classification, when there is one. */
  classificationSaysFriaRequired: boolean | null;
}

export interface TemplateNeed {
  kind: TemplateKind;
  requirement: TemplateRequirement;
  reason: RequirementReason;
}

export function processesPersonalData(personalData: PersonalDataCategory[]): boolean | null {
  if (personalData.length === 0) return null;
  return personalData.some((category) => category !== "NONE");
}

function need(kind: TemplateKind, facts: UseCaseFacts): Omit<TemplateNeed, "kind"> {
  const personal = processesPersonalData(facts.personalData);
  switch (kind) {
    case "AI_ACT_CLASSIFICATION":
      return { requirement: "REQUIRED", reason: "everyAiSystem" };
    case "TRUST_MODEL":
      if (facts.riskClass === "HIGH_RISK") return { requirement: "REQUIRED", reason: "highRisk" };
      if (personal) return { requirement: "REQUIRED", reason: "personalData" };
      return { requirement: "OPTIONAL", reason: "recommended" };
    case "DPIA_SCREENING":
      if (personal === true) return { requirement: "REQUIRED", reason: "personalData" };
      if (personal === null) return { requirement: "REQUIRED", reason: "personalDataUnknown" };
      return { requirement: "OPTIONAL", reason: "noPersonalData" };
    case "FRIA":
      if (facts.classificationSaysFriaRequired === true) return { requirement: "REQUIRED", reason: "friaByClassification" };
      if (facts.classificationSaysFriaRequired === null && facts.friaRequired === true)
        return { requirement: "REQUIRED", reason: "friaByRegister" };
      if (
        facts.classificationSaysFriaRequired === null &&
        facts.riskClass === "HIGH_RISK" &&
        facts.annexIIIArea !== null &&
        facts.annexIIIArea !== "CRITICAL_INFRASTRUCTURE"
      )
        return { requirement: "REQUIRED", reason: "highRisk" };
      return { requirement: "NOT_OFFERED", reason: "friaNotRequired" };
    case "GENAI_GUIDELINE":
      return facts.techniques.includes("GENERATIVE_AI")
        ? { requirement: "REQUIRED", reason: "generativeAi" }
        : { requirement: "NOT_OFFERED", reason: "noGenerativeAi" };
  }
}

export function templateNeeds(facts: UseCaseFacts): TemplateNeed[] {
  return templateKinds.map((kind) => ({ kind, ...need(kind, facts) }));
}
