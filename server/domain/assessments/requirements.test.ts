import { describe, expect, it } from "vitest";
import { type UseCaseFacts, templateNeeds } from "./requirements";

const base: UseCaseFacts = {
  riskClass: "MINIMAL",
  annexIIIArea: null,
  personalData: ["NONE"],
  techniques: [],
  friaRequired: null,
  classificationSaysFriaRequired: null,
};

const needOf = (facts: Partial<UseCaseFacts>) =>
  Object.fromEntries(templateNeeds({ ...base, ...facts }).map((need) => [need.kind, `${need.requirement}:${need.reason}`]));

describe("which templates a use case needs", () => {
  it.each([
    ["minimal risk, no personal data", {}, {
      AI_ACT_CLASSIFICATION: "REQUIRED:everyAiSystem",
      TRUST_MODEL: "OPTIONAL:recommended",
      DPIA_SCREENING: "OPTIONAL:noPersonalData",
      FRIA: "NOT_OFFERED:friaNotRequired",
      GENAI_GUIDELINE: "NOT_OFFERED:noGenerativeAi",
    }],
    ["personal data", { personalData: ["ORDINARY"] }, { TRUST_MODEL: "REQUIRED:personalData", DPIA_SCREENING: "REQUIRED:personalData" }],
    ["personal data not stated", { personalData: [] }, { DPIA_SCREENING: "REQUIRED:personalDataUnknown", TRUST_MODEL: "OPTIONAL:recommended" }],
    ["high-risk in an Annex III area", { riskClass: "HIGH_RISK", annexIIIArea: "ESSENTIAL_SERVICES" }, { TRUST_MODEL: "REQUIRED:highRisk", FRIA: "REQUIRED:highRisk" }],
    ["high-risk critical infrastructure", { riskClass: "HIGH_RISK", annexIIIArea: "CRITICAL_INFRASTRUCTURE" }, { FRIA: "NOT_OFFERED:friaNotRequired" }],
    ["the register says FRIA is required", { friaRequired: true }, { FRIA: "REQUIRED:friaByRegister" }],
    ["the approved classification requires a FRIA", { classificationSaysFriaRequired: true }, { FRIA: "REQUIRED:friaByClassification" }],
    ["the approved classification says no FRIA, whatever the register says", { classificationSaysFriaRequired: false, friaRequired: true, riskClass: "HIGH_RISK", annexIIIArea: "EDUCATION" }, { FRIA: "NOT_OFFERED:friaNotRequired" }],
    ["generative AI", { techniques: ["GENERATIVE_AI", "TRANSLATION"] }, { GENAI_GUIDELINE: "REQUIRED:generativeAi" }],
  ] as const)("%s", (_name, facts, expected) => {
    expect(needOf(facts as Partial<UseCaseFacts>)).toMatchObject(expected);
  });
});
