import { describe, expect, it } from "vitest";
import { useCaseRuleCodes } from "../problem-codes";
import { brokenUseCaseRules } from "./rules";
import { useCaseFields } from "./schemas";

const base = useCaseFields.parse({
  title: "Automatisk sortering av inkommande post",
  publicSummary: "Vi använder AI för att sortera inkommande e-post till rätt handläggare.",
  businessArea: "Registratur",
  outputUse: "DECISION_SUPPORT",
});

type Overrides = Parameters<typeof useCaseFields.parse>[0] extends infer T ? Partial<T & object> : never;

function fieldsOf(overrides: Overrides) {
  return brokenUseCaseRules(useCaseFields.parse({ ...base, ...overrides })).map((problem) => problem.field);
}

function problemsOf(overrides: Overrides) {
  return brokenUseCaseRules(useCaseFields.parse({ ...base, ...overrides })).map(({ field, code }) => ({ field, code }));
}

describe("use-case rules", () => {
  it("accepts a new idea with only the required fields", () => {
    expect(brokenUseCaseRules(base)).toEqual([]);
  });

  it("requires an Annex III area or Annex I for a high-risk system, and only for one", () => {
    expect(fieldsOf({ riskClass: "HIGH_RISK", riskClassJustification: "Bedömer rätt till bistånd" })).toEqual(["annexIIIArea"]);
    expect(fieldsOf({ riskClass: "HIGH_RISK", riskClassJustification: "x", annexIIIArea: "ESSENTIAL_SERVICES" })).toEqual([]);
    expect(fieldsOf({ riskClass: "HIGH_RISK", riskClassJustification: "x", annexI: true })).toEqual([]);
    expect(fieldsOf({ riskClass: "MINIMAL", riskClassJustification: "x", annexIIIArea: "EDUCATION" })).toEqual(["annexIIIArea"]);
  });

  it("asks for a justification of a risk class set by hand", () => {
    expect(fieldsOf({ riskClass: "MINIMAL" })).toEqual(["riskClassJustification"]);
  });

  it("keeps a prohibited practice out of pilots and use", () => {
    expect(fieldsOf({ riskClass: "PROHIBITED", riskClassJustification: "Social poängsättning", lifecycleStage: "IN_USE", inUseSince: "2026-01-01" })).toContain(
      "lifecycleStage",
    );
    expect(fieldsOf({ riskClass: "PROHIBITED", riskClassJustification: "x", lifecycleStage: "ANALYSIS" })).toEqual([]);
  });

  it("requires a determined risk class and a start date in use", () => {
    expect(fieldsOf({ lifecycleStage: "IN_USE" })).toEqual(["riskClass", "inUseSince"]);
    expect(fieldsOf({ lifecycleStage: "IN_USE", inUseSince: "2026-03-01", riskClass: "MINIMAL", riskClassJustification: "x" })).toEqual([]);
  });

  it("requires a retirement date for a retired use case, not before it started", () => {
    expect(fieldsOf({ lifecycleStage: "RETIRED" })).toEqual(["retiredOn"]);
    expect(fieldsOf({ lifecycleStage: "RETIRED", startedOn: "2026-05-01", retiredOn: "2026-04-01" })).toEqual(["retiredOn"]);
  });

  it("requires a public summary and contact before publication", () => {
    expect(fieldsOf({ intendedForPublication: true })).toEqual(["publicContactEmail"]);
    expect(fieldsOf({ intendedForPublication: true, publicContactEmail: "ai@exempelby.example" })).toEqual([]);
  });

  it("names each broken rule by its stable code", () => {
    const seen = [
      ...problemsOf({ riskClass: "HIGH_RISK", riskClassJustification: "x" }),
      ...problemsOf({ riskClass: "MINIMAL", annexIIIArea: "EDUCATION" }),
      ...problemsOf({ riskClass: "PROHIBITED", riskClassJustification: "x", lifecycleStage: "PILOT" }),
      ...problemsOf({ lifecycleStage: "IN_USE" }),
      ...problemsOf({ lifecycleStage: "RETIRED" }),
      // The schema requires a summary, so this rule is reached only by a blank one.
      ...brokenUseCaseRules({ ...base, intendedForPublication: true, publicSummary: " " }).map(({ field, code }) => ({ field, code })),
      ...problemsOf({ startedOn: "2026-05-01", inUseSince: "2026-04-01", retiredOn: "2026-03-01" }),
    ];
    expect(seen).toEqual([
      { field: "annexIIIArea", code: "useCase.highRiskNeedsArea" },
      { field: "annexIIIArea", code: "useCase.areaOnlyForHighRisk" },
      { field: "riskClassJustification", code: "useCase.justificationRequired" },
      { field: "lifecycleStage", code: "useCase.prohibitedNotLive" },
      { field: "riskClass", code: "useCase.inUseNeedsRiskClass" },
      { field: "inUseSince", code: "useCase.inUseNeedsDate" },
      { field: "retiredOn", code: "useCase.retiredNeedsDate" },
      { field: "publicSummary", code: "useCase.publicationNeedsSummary" },
      { field: "publicContactEmail", code: "useCase.publicationNeedsContact" },
      { field: "inUseSince", code: "useCase.inUseBeforeStart" },
      { field: "retiredOn", code: "useCase.retiredBeforeStart" },
    ]);
    expect(new Set(seen.map((problem) => problem.code))).toEqual(new Set(useCaseRuleCodes));
  });
});

describe("use-case schema", () => {
  it("says which field is wrong and why", () => {
    const result = useCaseFields.safeParse({ ...base, title: "x".repeat(201), outputUse: "SOMETIMES", startedOn: "31/12/2026" });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((issue) => issue.path.join("."));
    expect(fields).toEqual(expect.arrayContaining(["title", "outputUse", "startedOn"]));
  });

  it("treats empty text as not given and removes duplicate choices", () => {
    const parsed = useCaseFields.parse({ ...base, description: "  ", techniques: ["TRANSLATION", "TRANSLATION"] });
    expect(parsed.description).toBeNull();
    expect(parsed.techniques).toEqual(["TRANSLATION"]);
  });

  it("requires a reason for every withheld field", () => {
    expect(useCaseFields.safeParse({ ...base, withheldFields: { supplierName: "" } }).success).toBe(false);
    expect(useCaseFields.parse({ ...base, withheldFields: { supplierName: "Sekretess enligt OSL 31 kap. 16 §" } }).withheldFields).toEqual({
      supplierName: "Sekretess enligt OSL 31 kap. 16 §",
    });
  });
});
