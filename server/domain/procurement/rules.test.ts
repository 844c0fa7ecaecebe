import { describe, expect, it } from "vitest";
import { blockingItems, checklistTemplate, evidenceMissing, initialRequirements, latestChecklistVersion } from "./checklist";
import { frameworkAgreements } from "./framework-agreements";
import { decisionRuleProblems } from "./rules";
import { decisionFields } from "./schemas";

const context = { organisationKind: "MUNICIPALITY" as const, today: "2025-06-01" };
const fields = (overrides: Record<string, unknown>) => decisionFields.parse({ route: "DIRECT_AWARD", ...overrides });
const codes = (input: Record<string, unknown>, ctx = context) => decisionRuleProblems(fields(input), ctx).map((p) => `${p.field}:${p.code}`);

describe("decision rules", () => {
  it("refuses a direct award above the limit, with the figures, unless a legal exception is justified", () => {
    const [refusal] = decisionRuleProblems(fields({ estimatedValueSek: "900 000" }), context);
    expect(refusal).toMatchObject({ field: "estimatedValueSek", code: "procurement.directAwardAboveLimit", values: { value: "900 000", limit: "700 000" } });
    expect(codes({ estimatedValueSek: 700_000 })).toEqual([]);
    expect(codes({ estimatedValueSek: 700_001 })).toEqual(["estimatedValueSek:procurement.directAwardAboveLimit"]);
    expect(codes({ estimatedValueSek: 900_000, legalException: "LOU 6 kap. 14 §" })).toEqual([
      "legalExceptionJustification:procurement.justificationRequired",
      "estimatedValueSek:procurement.directAwardAboveLimit",
    ]);
    expect(codes({ estimatedValueSek: 900_000, legalException: "LOU 6 kap. 14 §", legalExceptionJustification: "Synnerlig brådska." })).toEqual([]);
    expect(codes({ estimatedValueSek: 900_000, route: "OPEN_PROCUREMENT" })).toEqual([]);
  });

  it("needs a value for a direct award and a period for its day", () => {
    expect(codes({})).toEqual(["estimatedValueSek:procurement.valueRequired"]);
    expect(codes({ estimatedValueSek: 1, decidedOn: "2023-05-01" })).toEqual(["decidedOn:procurement.noThresholdPeriod"]);
  });

  it("needs a known framework agreement for a call-off, and a contract that ends after it starts", () => {
    expect(codes({ route: "FRAMEWORK_CALL_OFF" })).toEqual(["frameworkAgreementKey:procurement.frameworkRequired"]);
    expect(codes({ route: "FRAMEWORK_CALL_OFF", frameworkAgreementKey: "no-such" })).toEqual(["frameworkAgreementKey:procurement.unknownFrameworkAgreement"]);
    expect(codes({ route: "FRAMEWORK_CALL_OFF", frameworkAgreementKey: frameworkAgreements[0]!.key, contractStartOn: "2025-02-01", contractEndOn: "2025-01-31" })).toEqual([
      "contractEndOn:procurement.endBeforeStart",
    ]);
  });
});

describe("decision schema", () => {
  it("takes whole kronor as numbers or typed text, and only http(s) links", () => {
    expect(fields({ estimatedValueSek: "1 234 567" }).estimatedValueSek).toBe(1_234_567);
    expect(fields({ estimatedValueSek: "" }).estimatedValueSek).toBeNull();
    expect(decisionFields.safeParse({ route: "DIRECT_AWARD", estimatedValueSek: "12,5" }).success).toBe(false);
    expect(decisionFields.safeParse({ route: "DIRECT_AWARD", estimatedValueSek: Number.MAX_SAFE_INTEGER + 1 }).success).toBe(false);
    expect(decisionFields.safeParse({ route: "DIRECT_AWARD", documentLinks: [{ title: "Avtal", url: "javascript:alert(1)" }] }).success).toBe(false);
    expect(fields({ documentLinks: [{ title: "Avtal", url: "https://diarium.example/1" }] }).documentLinks).toHaveLength(1);
  });
});

describe("checklist", () => {
  const template = checklistTemplate(latestChecklistVersion);

  it("covers the issue's requirements, each in both languages", () => {
    expect(template.items.map((item) => item.key)).toEqual(
      expect.arrayContaining(["data_location", "processor_agreement", "confidentiality", "security_classification", "logging", "explainability", "bias_testing", "exit", "open_standards", "energy_use"]),
    );
    expect(() => checklistTemplate(999)).toThrow();
  });

  it("blocks approval while required items are not met or not assessed", () => {
    const states = initialRequirements(template);
    expect(blockingItems(template, states).length).toBe(template.items.filter((item) => item.requiredByDefault).length);
    const answered = states.map((state) => ({ ...state, status: state.required ? ("MET" as const) : ("NOT_ASSESSED" as const), evidence: "Se avtal." }));
    expect(blockingItems(template, answered)).toEqual([]);
    const oneNotMet = answered.map((state) => (state.itemKey === "exit" ? { ...state, status: "NOT_MET" as const } : state));
    expect(blockingItems(template, oneNotMet).map((state) => state.itemKey)).toEqual(["exit"]);
    const notApplicable = answered.map((state) => (state.itemKey === "exit" ? { ...state, status: "NOT_APPLICABLE" as const } : state));
    expect(blockingItems(template, notApplicable)).toEqual([]);
    const notRequired = oneNotMet.map((state) => (state.itemKey === "exit" ? { ...state, required: false } : state));
    expect(blockingItems(template, notRequired)).toEqual([]);
  });

  it("asks for evidence where the template says", () => {
    const item = template.items.find((candidate) => candidate.key === "processor_agreement")!;
    expect(evidenceMissing(item, { status: "MET", evidence: " " })).toBe(true);
    expect(evidenceMissing(item, { status: "MET", evidence: "PUB-avtal dnr 2025/12" })).toBe(false);
    expect(evidenceMissing(item, { status: "NOT_MET", evidence: null })).toBe(false);
  });
});
