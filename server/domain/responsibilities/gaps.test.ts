import { describe, expect, it } from "vitest";
import { type GapUseCase, isInForce, missingRoles, requiredRoles } from "./gaps";

const base: GapUseCase = {
  lifecycleStage: "PILOT",
  archivedAt: null,
  riskClass: "MINIMAL",
  outputUse: "INFORMATION_ONLY",
  personalData: ["NONE"],
  acquisitionMethod: "BUILT_IN_HOUSE",
};

describe("required responsibilities", () => {
  it("asks nothing of ideas, retired or archived use cases", () => {
    expect(requiredRoles({ ...base, lifecycleStage: "IDEA", personalData: ["ORDINARY"] })).toEqual([]);
    expect(requiredRoles({ ...base, lifecycleStage: "RETIRED" })).toEqual([]);
    expect(requiredRoles({ ...base, archivedAt: new Date() })).toEqual([]);
  });

  it("asks an accountable owner beyond the idea stage, and more by risk, data, decisions and procurement", () => {
    expect(requiredRoles(base).map((required) => required.role)).toEqual(["ACCOUNTABLE_OWNER"]);
    expect(
      requiredRoles({ ...base, personalData: ["ORDINARY"], riskClass: "HIGH_RISK", outputUse: "DECISION_SUPPORT", acquisitionMethod: "PROCURED" }),
    ).toEqual([
      { role: "ACCOUNTABLE_OWNER", reason: "BEYOND_IDEA" },
      { role: "DATA_PROTECTION_OFFICER", reason: "PERSONAL_DATA" },
      { role: "HUMAN_OVERSIGHT", reason: "HIGH_RISK" },
      { role: "SUPPLIER_CONTACT", reason: "PROCURED" },
    ]);
    expect(requiredRoles({ ...base, outputUse: "FULLY_AUTOMATED_DECISION" })).toContainEqual({ role: "HUMAN_OVERSIGHT", reason: "DECISIONS" });
  });

  it("counts only assignments in force today, never flagged ones", () => {
    const day = "2026-05-10";
    expect(isInForce({ validFrom: "2026-05-10", validTo: null, needsReassignmentSince: null }, day)).toBe(true);
    expect(isInForce({ validFrom: "2026-05-11", validTo: null, needsReassignmentSince: null }, day)).toBe(false);
    expect(isInForce({ validFrom: "2026-01-01", validTo: "2026-05-09", needsReassignmentSince: null }, day)).toBe(false);
    expect(isInForce({ validFrom: "2026-01-01", validTo: "2026-05-10", needsReassignmentSince: null }, day)).toBe(true);
    expect(missingRoles(base, [{ role: "ACCOUNTABLE_OWNER", validFrom: "2026-01-01", validTo: null, needsReassignmentSince: new Date() }], day)).toEqual([
      { role: "ACCOUNTABLE_OWNER", reason: "BEYOND_IDEA" },
    ]);
  });
});
