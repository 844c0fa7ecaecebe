import { describe, expect, it } from "vitest";
import type { OrganisationKind } from "../../db/generated/enums";
import { checkThresholds, NoThresholdPeriodError, thresholdTable, thresholdTableSchema } from "./thresholds";

const check = (valueSek: number, organisationKind: OrganisationKind = "MUNICIPALITY", on = "2025-06-01") => checkThresholds({ valueSek, organisationKind, on });

describe("threshold table", () => {
  it("is dated data with a source per period, without gaps or overlaps", () => {
    expect(thresholdTable.periods.length).toBeGreaterThanOrEqual(2);
    for (const period of thresholdTable.periods) expect(period.source.trim()).not.toBe("");
    expect(thresholdTable.periods.find((p) => p.validFrom === "2026-01-01")?.source).toMatch(/preliminära, kontrollera mot Upphandlingsmyndigheten/);
    expect(() =>
      thresholdTableSchema.parse({ periods: [thresholdTable.periods[0], { ...thresholdTable.periods[0], validFrom: "2025-12-31", validTo: "2026-06-30" }] }),
    ).toThrow(/overlap/);
  });
});

describe("checkThresholds", () => {
  it.each([
    // value, kind, on, direct award allowed, documentation required, EU threshold reached
    [0, "MUNICIPALITY", "2025-06-01", true, false, false],
    [100_000, "MUNICIPALITY", "2025-06-01", true, false, false],
    [100_001, "MUNICIPALITY", "2025-06-01", true, true, false],
    [700_000, "MUNICIPALITY", "2025-06-01", true, true, false],
    [700_001, "MUNICIPALITY", "2025-06-01", false, true, false],
    [900_000, "MUNICIPALITY", "2025-06-01", false, true, false],
    [1_546_201, "CENTRAL_AGENCY", "2025-06-01", false, true, false],
    [1_546_202, "CENTRAL_AGENCY", "2025-06-01", false, true, true],
    [1_546_203, "CENTRAL_AGENCY", "2025-06-01", false, true, true],
    [1_546_202, "MUNICIPALITY", "2025-06-01", false, true, false],
    [2_389_584, "MUNICIPALITY", "2025-06-01", false, true, false],
    [2_389_585, "MUNICIPALITY", "2025-06-01", false, true, true],
    [2_389_586, "MUNICIPALITY", "2025-06-01", false, true, true],
    [2_389_585, "REGION", "2025-06-01", false, true, true],
    [2_389_584, "OTHER_PUBLIC", "2025-06-01", false, true, false],
  ] as const)("%i SEK for a %s on %s: direct award %s, documentation %s, EU %s", (value, kind, on, allowed, documentation, eu) => {
    const result = checkThresholds({ valueSek: value, organisationKind: kind, on });
    expect(result.directAward).toEqual({ limitSek: 700_000, allowed });
    expect(result.documentation).toEqual({ aboveSek: 100_000, required: documentation });
    expect(result.eu.exceeded).toBe(eu);
  });

  it("uses the central-government EU threshold for central agencies only", () => {
    expect(check(1, "CENTRAL_AGENCY").eu).toMatchObject({ kind: "centralGovernment", thresholdSek: 1_546_202 });
    for (const kind of ["MUNICIPALITY", "REGION", "OTHER_PUBLIC"] as const) {
      expect(check(1, kind).eu).toMatchObject({ kind: "otherContractingAuthorities", thresholdSek: 2_389_585 });
    }
  });

  it("reads the period of the day: the last day of 2025 and the first of 2026", () => {
    const last2025 = check(1_550_000, "CENTRAL_AGENCY", "2025-12-31");
    expect(last2025.period).toMatchObject({ validFrom: "2024-01-01", validTo: "2025-12-31", source: "Upphandlingsmyndigheten, tröskelvärden 2024–2025" });
    expect(last2025.eu).toMatchObject({ thresholdSek: 1_546_202, exceeded: true });

    const first2026 = check(1_550_000, "CENTRAL_AGENCY", "2026-01-01");
    expect(first2026.period.validFrom).toBe("2026-01-01");
    expect(first2026.period.source).toMatch(/preliminära/);
    const threshold2026 = thresholdTable.periods.find((p) => p.validFrom === "2026-01-01")!.euThresholdsSek.centralGovernment;
    expect(first2026.eu).toMatchObject({ thresholdSek: threshold2026, exceeded: 1_550_000 >= threshold2026 });
    // The same value on either side of the boundary, at the new threshold exactly and +/- 1.
    expect(check(threshold2026, "CENTRAL_AGENCY", "2026-01-01").eu.exceeded).toBe(true);
    expect(check(threshold2026 - 1, "CENTRAL_AGENCY", "2026-01-01").eu.exceeded).toBe(false);
    expect(check(700_000, "MUNICIPALITY", "2026-01-01").directAward.allowed).toBe(true);
    expect(check(700_001, "MUNICIPALITY", "2026-01-01").directAward.allowed).toBe(false);
    expect(check(700_001, "MUNICIPALITY", "2027-12-31").directAward.allowed).toBe(false);
  });

  it("refuses a day outside every period, and values that are not whole kronor", () => {
    expect(() => check(1, "MUNICIPALITY", "2023-12-31")).toThrow(NoThresholdPeriodError);
    expect(() => check(1, "MUNICIPALITY", "2028-01-01")).toThrow(NoThresholdPeriodError);
    expect(check(1, "MUNICIPALITY", "2024-01-01").period.validFrom).toBe("2024-01-01");
    expect(() => check(1.5)).toThrow(RangeError);
    expect(() => check(-1)).toThrow(RangeError);
    expect(() => check(1, "MUNICIPALITY", "1 jan 2025")).toThrow(RangeError);
  });
});
