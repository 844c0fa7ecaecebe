import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { AnnexIIIArea } from "../../db/generated/enums";
import { aiActDatesSchema, decisionInForce, milestoneDate } from "./ai-act-dates";
import type { Answers } from "./answers";
import { classify } from "./classification";
import type { ClassificationResult } from "./results";
import { templateDefinition, type TemplateDefinition } from "./template-definition";

function loadTemplate(file: string): TemplateDefinition {
  const path = fileURLToPath(new URL(`./templates/${file}`, import.meta.url));
  return templateDefinition.parse(JSON.parse(readFileSync(path, "utf8")));
}

const definition = loadTemplate("ai-act-classification.v1.json");

type Given = Record<string, string | string[]>;

function answersOf(given: Given): Answers {
  return Object.fromEntries(Object.entries(given).map(([key, value]) => [key, { value, comment: null, reference: null }]));
}

/** A public agency that uses (deploys) an AI system in no special category. */
const minimal: Given = {
  is_ai_system: "YES",
  value_chain_roles: ["DEPLOYER"],
  prohibited_practices: ["NONE"],
  annex_i_product: "NO",
  annex_iii_area: "NONE",
  transparency_cases: ["NONE"],
  gpai: "NONE",
};

function classified(changes: Given): ClassificationResult {
  return classify(definition, answersOf({ ...minimal, ...changes }));
}

const keys = (result: ClassificationResult) => result.obligations.map((o) => o.key);
const obligationOf = (result: ClassificationResult, key: string) => result.obligations.find((o) => o.key === key);

const annexIII = milestoneDate("high_risk_annex_iii");
const annexI = milestoneDate("high_risk_annex_i");

describe("classify: Annex III areas", () => {
  const areas: { area: AnnexIIIArea; fria: boolean; registration: boolean }[] = [
    { area: "BIOMETRICS", fria: true, registration: true },
    { area: "CRITICAL_INFRASTRUCTURE", fria: false, registration: false },
    { area: "EDUCATION", fria: true, registration: true },
    { area: "EMPLOYMENT", fria: true, registration: true },
    { area: "ESSENTIAL_SERVICES", fria: true, registration: true },
    { area: "LAW_ENFORCEMENT", fria: true, registration: true },
    { area: "MIGRATION_ASYLUM_BORDER", fria: true, registration: true },
    { area: "JUSTICE_AND_DEMOCRACY", fria: true, registration: true },
  ];

  it.each(areas)("$area is high-risk (FRIA $fria, registration $registration)", ({ area, fria, registration }) => {
    const result = classified({
      annex_iii_area: area,
      essential_services_point: "PUBLIC_BENEFITS",
      profiling: "NO",
      exemption_6_3: "NONE",
    });
    expect(result).toMatchObject({ complete: true, riskClass: "HIGH_RISK", annexIIIArea: area, annexI: false, exemption: null });
    expect(result.friaRequired).toBe(fria);
    expect(result.registrationRequired).toBe(registration);
    expect(keys(result)).toContain("deployer_duties");
    expect(keys(result)).toContain("inform_affected_persons");
    expect(keys(result).includes("fundamental_rights_impact_assessment")).toBe(fria);
    expect(keys(result).includes("deployer_registration")).toBe(registration);
    expect(obligationOf(result, "deployer_duties")).toMatchObject({ article: "Art. 26", role: "DEPLOYER", appliesFrom: annexIII.date });
  });

  it.each([
    { point: "CREDITWORTHINESS", fria: true },
    { point: "INSURANCE_PRICING", fria: true },
    { point: "PUBLIC_BENEFITS", fria: true },
    { point: "EMERGENCY_TRIAGE", fria: true },
  ])("essential services point $point: FRIA required $fria", ({ point, fria }) => {
    const result = classified({ annex_iii_area: "ESSENTIAL_SERVICES", essential_services_point: point, profiling: "NO", exemption_6_3: "NONE" });
    expect(result.friaRequired).toBe(fria);
    expect(obligationOf(result, "fundamental_rights_impact_assessment")).toMatchObject({ article: "Art. 27", role: "DEPLOYER" });
  });

  it("names Annex III 5(b)/5(c) as the reason the FRIA applies regardless", () => {
    const result = classified({ annex_iii_area: "ESSENTIAL_SERVICES", essential_services_point: "CREDITWORTHINESS", profiling: "YES", exemption_6_3: "NONE" });
    expect(result.reasons.some((r) => r.en.includes("5(b) and 5(c)"))).toBe(true);
  });

  it("asks for the essential-services point only in that area", () => {
    const result = classified({ annex_iii_area: "ESSENTIAL_SERVICES", profiling: "NO", exemption_6_3: "NONE" });
    expect(result).toMatchObject({ complete: false, riskClass: "UNDETERMINED", annexIIIArea: "ESSENTIAL_SERVICES" });
    expect(classified({ annex_iii_area: "EDUCATION", profiling: "NO", exemption_6_3: "NONE" }).complete).toBe(true);
  });

  it("gives a provider of an Annex III system the provider duties, conformity assessment and registration", () => {
    const result = classified({ value_chain_roles: ["PROVIDER", "DEPLOYER"], annex_iii_area: "EMPLOYMENT", profiling: "YES", exemption_6_3: "NONE" });
    expect(keys(result)).toEqual(
      expect.arrayContaining(["provider_duties", "conformity_assessment", "provider_registration", "deployer_duties", "deployer_registration"]),
    );
    expect(obligationOf(result, "provider_registration")).toMatchObject({ article: "Art. 49(1)", role: "PROVIDER" });
  });

  it("registers a critical-infrastructure provider's system at national level", () => {
    const result = classified({ value_chain_roles: ["PROVIDER"], annex_iii_area: "CRITICAL_INFRASTRUCTURE", profiling: "NO", exemption_6_3: "NONE" });
    expect(keys(result)).toContain("provider_national_registration");
    expect(result.registrationRequired).toBe(false);
  });

  it("gives importers, distributors and authorised representatives their duties", () => {
    const result = classified({
      value_chain_roles: ["IMPORTER", "DISTRIBUTOR", "AUTHORISED_REPRESENTATIVE"],
      annex_iii_area: "EDUCATION",
      profiling: "NO",
      exemption_6_3: "NONE",
    });
    expect(result.obligations.map((o) => [o.key, o.article])).toEqual(
      expect.arrayContaining([
        ["importer_duties", "Art. 23"],
        ["distributor_duties", "Art. 24"],
        ["authorised_representative_duties", "Art. 22"],
      ]),
    );
    expect(result.friaRequired).toBe(false);
  });
});

describe("classify: the Art. 6(3) exemption", () => {
  const grounds = ["NARROW_PROCEDURAL_TASK", "IMPROVES_COMPLETED_HUMAN_ACTIVITY", "DETECTS_PATTERNS_WITHOUT_REPLACING_ASSESSMENT", "PREPARATORY_TASK"];

  it.each(grounds)("%s without profiling: not high-risk, documented and registered by the provider", (ground) => {
    const result = classified({
      value_chain_roles: ["PROVIDER", "DEPLOYER"],
      annex_iii_area: "MIGRATION_ASYLUM_BORDER",
      profiling: "NO",
      exemption_6_3: ground,
      exemption_justification: "Sorterar inkomna handlingar per ärendetyp.",
    });
    expect(result).toMatchObject({
      complete: true,
      riskClass: "MINIMAL",
      annexIIIArea: null,
      exemption: { ground, justification: "Sorterar inkomna handlingar per ärendetyp." },
      friaRequired: false,
      registrationRequired: true,
    });
    expect(obligationOf(result, "document_exemption_assessment")).toMatchObject({ article: "Art. 6(4)", role: "PROVIDER" });
    expect(obligationOf(result, "register_exemption")).toMatchObject({ article: "Art. 49(2)", role: "PROVIDER", appliesFrom: annexIII.date });
    expect(keys(result)).not.toContain("deployer_duties");
  });

  it("tells a deployer-only organisation to check the provider's documentation", () => {
    const result = classified({ annex_iii_area: "EDUCATION", profiling: "NO", exemption_6_3: "PREPARATORY_TASK", exemption_justification: "Översätter underlag." });
    expect(result.riskClass).toBe("MINIMAL");
    expect(keys(result)).toContain("check_provider_exemption");
    expect(result.registrationRequired).toBe(false);
  });

  it("an exempted system with transparency cases is TRANSPARENCY", () => {
    const result = classified({
      annex_iii_area: "EDUCATION",
      profiling: "NO",
      exemption_6_3: "PREPARATORY_TASK",
      exemption_justification: "x",
      transparency_cases: ["DEEP_FAKE"],
    });
    expect(result.riskClass).toBe("TRANSPARENCY");
  });

  it("cannot be used when the system profiles people", () => {
    const result = classified({
      annex_iii_area: "EMPLOYMENT",
      profiling: "YES",
      exemption_6_3: "NARROW_PROCEDURAL_TASK",
      exemption_justification: "Rangordnar ansökningar.",
    });
    expect(result).toMatchObject({ complete: true, riskClass: "HIGH_RISK", annexIIIArea: "EMPLOYMENT", exemption: null, friaRequired: true });
    expect(result.reasons.some((r) => r.en.includes("profiles natural persons"))).toBe(true);
  });

  it("needs a justification once a ground is chosen", () => {
    const result = classified({ annex_iii_area: "EDUCATION", profiling: "NO", exemption_6_3: "PREPARATORY_TASK" });
    expect(result).toMatchObject({ complete: false, riskClass: "UNDETERMINED" });
  });
});

describe("classify: classes", () => {
  it.each([
    { practices: ["SOCIAL_SCORING"] },
    { practices: ["EMOTION_RECOGNITION_WORK_EDUCATION", "UNTARGETED_FACIAL_SCRAPING"] },
  ])("a prohibited practice ($practices) is PROHIBITED", ({ practices }) => {
    const result = classified({ prohibited_practices: practices, annex_iii_area: "EMPLOYMENT", profiling: "YES", exemption_6_3: "NONE" });
    expect(result).toMatchObject({ complete: true, riskClass: "PROHIBITED", annexIIIArea: null, friaRequired: false });
    expect(obligationOf(result, "stop_prohibited_practice")).toMatchObject({
      article: "Art. 5",
      role: "ALL",
      appliesFrom: milestoneDate("prohibitions").date,
    });
    expect(keys(result)).toEqual(["ai_literacy", "stop_prohibited_practice"]);
  });

  it("not an AI system: no obligations", () => {
    const result = classify(definition, answersOf({ is_ai_system: "NO", not_ai_system_reason: "Fasta beräkningsregler." }));
    expect(result).toMatchObject({ complete: true, riskClass: "NOT_AN_AI_SYSTEM", obligations: [], roles: [], gpai: "NONE" });
    expect(result.justification).toContain("Fasta beräkningsregler.");
  });

  it("ignores answers to questions hidden by 'not an AI system'", () => {
    const result = classify(
      definition,
      answersOf({ ...minimal, is_ai_system: "NO", not_ai_system_reason: "x", prohibited_practices: ["SOCIAL_SCORING"] }),
    );
    expect(result).toMatchObject({ riskClass: "NOT_AN_AI_SYSTEM", roles: [], obligations: [] });
  });

  it("an Annex I product is high-risk with the Annex I date", () => {
    const result = classified({ annex_i_product: "YES", value_chain_roles: ["PROVIDER", "PRODUCT_MANUFACTURER"] });
    expect(result).toMatchObject({ complete: true, riskClass: "HIGH_RISK", annexI: true, annexIIIArea: null, friaRequired: false });
    expect(obligationOf(result, "provider_duties")).toMatchObject({ appliesFrom: annexI.date, dateSource: annexI.source });
    expect(keys(result)).toEqual(expect.arrayContaining(["conformity_assessment", "product_manufacturer_as_provider"]));
    expect(keys(result)).not.toContain("provider_registration");
  });

  it("minimal risk: only AI literacy", () => {
    const result = classified({});
    expect(result).toMatchObject({ complete: true, riskClass: "MINIMAL", friaRequired: false, registrationRequired: false });
    expect(result.obligations).toEqual([
      expect.objectContaining({ key: "ai_literacy", article: "Art. 4", role: "ALL", appliesFrom: milestoneDate("ai_literacy").date }),
    ]);
    expect(result.justification).toMatch(/^Riskklass enligt AI-förordningen: minimal risk\./);
  });

  it.each([
    { kase: "INTERACTS_WITH_PEOPLE", role: "PROVIDER", key: "transparency_interaction", article: "Art. 50(1)" },
    { kase: "GENERATES_SYNTHETIC_CONTENT", role: "PROVIDER", key: "transparency_synthetic_content", article: "Art. 50(2)" },
    { kase: "EMOTION_RECOGNITION_OR_BIOMETRIC_CATEGORISATION", role: "DEPLOYER", key: "transparency_emotion_biometric", article: "Art. 50(3)" },
    { kase: "DEEP_FAKE", role: "DEPLOYER", key: "transparency_deep_fake", article: "Art. 50(4)" },
    { kase: "PUBLIC_INTEREST_TEXT", role: "DEPLOYER", key: "transparency_public_interest_text", article: "Art. 50(4)" },
  ])("$kase is TRANSPARENCY with $article for the $role", ({ kase, role, key, article }) => {
    const other = role === "PROVIDER" ? "DEPLOYER" : "PROVIDER";
    const ours = classified({ transparency_cases: [kase], value_chain_roles: [role] });
    expect(ours).toMatchObject({ complete: true, riskClass: "TRANSPARENCY", transparencyCases: [kase] });
    expect(obligationOf(ours, key)).toEqual({
      key,
      article,
      title: expect.objectContaining({ sv: expect.any(String), en: expect.any(String) }),
      appliesFrom: milestoneDate("transparency").date,
      dateSource: milestoneDate("transparency").source,
      role,
    });
    const theirs = classified({ transparency_cases: [kase], value_chain_roles: [other] });
    expect(theirs.riskClass).toBe("TRANSPARENCY");
    expect(keys(theirs)).not.toContain(key);
  });

  it("a high-risk system keeps its transparency duties", () => {
    const result = classified({ annex_iii_area: "EDUCATION", profiling: "NO", exemption_6_3: "NONE", transparency_cases: ["PUBLIC_INTEREST_TEXT"] });
    expect(result.riskClass).toBe("HIGH_RISK");
    expect(keys(result)).toContain("transparency_public_interest_text");
  });

  it("a GPAI model provider gets Art. 53 from the GPAI date", () => {
    const result = classified({ gpai: "PROVIDES_GPAI_MODEL", value_chain_roles: ["PROVIDER"] });
    expect(result).toMatchObject({ riskClass: "MINIMAL", gpai: "PROVIDES_GPAI_MODEL" });
    expect(obligationOf(result, "gpai_provider_duties")).toMatchObject({ article: "Art. 53", role: "PROVIDER", appliesFrom: milestoneDate("gpai").date });
  });

  it("a GPAI model user gets a note, not an obligation", () => {
    const result = classified({ gpai: "USES_GPAI_MODEL" });
    expect(result.gpai).toBe("USES_GPAI_MODEL");
    expect(keys(result)).toEqual(["ai_literacy"]);
    expect(result.reasons.some((r) => r.en.includes("general-purpose AI model from someone else"))).toBe(true);
  });
});

describe("classify: incomplete answers", () => {
  it("nothing answered: UNDETERMINED, no obligations", () => {
    const result = classify(definition, {});
    expect(result).toMatchObject({ complete: false, riskClass: "UNDETERMINED", obligations: [], roles: [] });
  });

  it("lists what can be known while required questions are open", () => {
    const result = classify(definition, answersOf({ is_ai_system: "YES", annex_iii_area: "EDUCATION", profiling: "NO", exemption_6_3: "NONE" }));
    expect(result).toMatchObject({ complete: false, riskClass: "UNDETERMINED", annexIIIArea: "EDUCATION", roles: [] });
    expect(keys(result)).toEqual(["ai_literacy"]);
    expect(result.reasons[0]?.en).toContain("From the answers so far the risk class is high risk");
  });

  it("a missing reason for 'not an AI system' leaves it UNDETERMINED", () => {
    expect(classify(definition, answersOf({ is_ai_system: "NO" }))).toMatchObject({ complete: false, riskClass: "UNDETERMINED" });
  });

  it("the optional notes are not needed", () => {
    expect(classified({}).complete).toBe(true);
  });
});

describe("obligation dates", () => {
  it("come from the dates file, with the latest decision (the Digital Omnibus)", () => {
    expect(annexIII).toEqual({ date: "2027-12-02", source: expect.stringContaining("Omnibus") });
    expect(annexI).toEqual({ date: "2028-08-02", source: expect.stringContaining("Omnibus") });
    expect(milestoneDate("transparency").date).toBe("2026-08-02");
    expect(milestoneDate("prohibitions").date).toBe("2025-02-02");
    const result = classified({ annex_iii_area: "EDUCATION", profiling: "NO", exemption_6_3: "NONE" });
    expect(obligationOf(result, "fundamental_rights_impact_assessment")).toMatchObject({ appliesFrom: "2027-12-02", dateSource: annexIII.source });
  });

  it("the latest decision wins whatever the order in the file", () => {
    const adopted = { date: "2026-08-02", source: "2024/1689", decidedOn: "2024-06-13" };
    const omnibus = { date: "2027-12-02", source: "Omnibus", decidedOn: "2026-06-29" };
    const later = { date: "2028-01-01", source: "Correction", decidedOn: "2027-01-15" };
    expect(decisionInForce([omnibus, adopted])).toEqual(omnibus);
    expect(decisionInForce([adopted, later, omnibus])).toEqual(later);
    const dates = aiActDatesSchema.parse({
      milestones: {
        prohibitions: [adopted],
        ai_literacy: [adopted],
        gpai: [adopted],
        transparency: [adopted],
        high_risk_annex_iii: [omnibus, adopted, later],
        high_risk_annex_i: [adopted],
        public_authority_legacy_high_risk: [adopted],
      },
    });
    expect(milestoneDate("high_risk_annex_iii", dates)).toEqual({ date: "2028-01-01", source: "Correction" });
  });

  it("the dates file rejects a milestone without decisions and a date that is not a date", () => {
    const bad = { milestones: { prohibitions: [{ date: "2025-02-30", source: "x", decidedOn: "2024-06-13" }] } };
    expect(aiActDatesSchema.safeParse(bad).success).toBe(false);
  });
});
