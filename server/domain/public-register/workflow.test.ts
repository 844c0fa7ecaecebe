import { describe, expect, it } from "vitest";
import { plainLanguageReport } from "./plain-language";
import { allowedActions, stateAfterWithdrawal } from "./workflow";

describe("allowedActions", () => {
  const fresh = { state: "NONE" as const, archived: false, publicNow: false };
  it("lets editors propose, never publish or retract", () => {
    expect(allowedActions(fresh, { role: "EDITOR" })).toEqual(["propose", "setWithholdingReasons"]);
    expect(allowedActions({ state: "PROPOSED", archived: false, publicNow: true }, { role: "EDITOR" })).toEqual(["setWithholdingReasons"]);
  });
  it("lets admins publish or withdraw a proposal, and retract what is public", () => {
    expect(allowedActions({ state: "PROPOSED", archived: false, publicNow: false }, { role: "ADMIN" })).toEqual([
      "publish",
      "withdraw",
      "setWithholdingReasons",
    ]);
    expect(allowedActions({ state: "PUBLISHED", archived: false, publicNow: true }, { role: "ADMIN" })).toEqual([
      "propose",
      "retract",
      "setWithholdingReasons",
    ]);
  });
  it("gives reviewers and viewers nothing, and an archived use case only a retraction", () => {
    expect(allowedActions({ state: "PUBLISHED", archived: false, publicNow: true }, { role: "REVIEWER" })).toEqual([]);
    expect(allowedActions(fresh, { role: "VIEWER" })).toEqual([]);
    expect(allowedActions({ state: "PUBLISHED", archived: true, publicNow: true }, { role: "ADMIN" })).toEqual(["retract"]);
  });
  it("returns a withdrawn proposal to where it was", () => {
    expect(stateAfterWithdrawal({ publishedVersion: null, retractedAt: null })).toBe("NONE");
    expect(stateAfterWithdrawal({ publishedVersion: 2, retractedAt: null })).toBe("PUBLISHED");
    expect(stateAfterWithdrawal({ publishedVersion: 2, retractedAt: new Date() })).toBe("RETRACTED");
  });
});

describe("the plain-language check", () => {
  it("computes LIX from sentence length and long words", () => {
    // 8 words, 2 sentences, 3 words over six letters: 8/2 + 3*100/8 = 4 + 37.5, rounded 42.
    const report = plainLanguageReport("Vi svarar på frågor. Chattboten använder kommunens texter.");
    expect(report).toMatchObject({ words: 8, sentences: 2, lix: 42, level: "MEDIUM", averageSentenceLength: 4, advise: false });
  });
  it("marks the longest sentences and advises, without splitting on abbreviations", () => {
    const long = `Systemet används bl.a. för att ${"sortera inkommande handlingar och ".repeat(6)}fördela dem.`;
    const report = plainLanguageReport(`Kort mening här. ${long}`);
    expect(report?.sentences).toBe(2);
    expect(report?.longSentences).toHaveLength(1);
    expect(report?.longSentences[0]?.text).toContain("bl.a.");
    expect(report?.advise).toBe(true);
  });
  it("has nothing to say about an empty text", () => {
    expect(plainLanguageReport("  ")).toBeNull();
  });
});
