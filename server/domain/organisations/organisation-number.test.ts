import { describe, expect, it } from "vitest";
import {
  isValidOrganisationNumber,
  normaliseOrganisationNumber,
  organisationNumberCheckDigit,
} from "./organisation-number";

// Published numbers of real public bodies (see shared/domain/REFERENCE.md).
const knownValid = ["202100-5448", "202100-5521", "212000-0142", "232100-0016"];

describe("organisationNumberCheckDigit", () => {
  it.each(knownValid)("computes the last digit of %s", (number) => {
    const digits = number.replace("-", "");
    expect(organisationNumberCheckDigit(digits.slice(0, 9))).toBe(Number(digits[9]));
  });

  it("gives 0 when the weighted sum is already a multiple of ten", () => {
    // 2·2 + 0 + 2·2 + 0 + 2·1 + 0 + 0 + 0 + 0 = 10
    expect(organisationNumberCheckDigit("202010000")).toBe(0);
  });

  it("refuses anything but nine digits", () => {
    expect(() => organisationNumberCheckDigit("20210054")).toThrow(RangeError);
    expect(() => organisationNumberCheckDigit("2021005a4")).toThrow(RangeError);
  });
});

describe("normaliseOrganisationNumber", () => {
  it.each(knownValid)("keeps the canonical form of %s", (number) => {
    expect(normaliseOrganisationNumber(number)).toBe(number);
  });

  it.each([
    ["2021005448", "202100-5448"],
    ["162021005448", "202100-5448"],
    ["16202100-5448", "202100-5448"],
    ["  212000-0142 ", "212000-0142"],
  ])("normalises %s to %s", (input, expected) => {
    expect(normaliseOrganisationNumber(input)).toBe(expected);
  });

  it.each([
    ["a wrong check digit", "202100-5449"],
    ["a wrong check digit without hyphen", "2121000143"],
    ["a third digit below 2 (a personal identity number)", "811218-9876"],
    ["a third digit of 1", "201100-0005"],
    ["nine digits", "202100-544"],
    ["eleven digits", "202100-54480"],
    ["twelve digits with a prefix other than 16", "192021005448"],
    ["a hyphen in the wrong place", "20210-05448"],
    ["letters", "20210A-5448"],
    ["a plus sign (used for personal identity numbers only)", "202100+5448"],
    ["an empty string", ""],
  ])("rejects %s (%s)", (_description, input) => {
    expect(normaliseOrganisationNumber(input)).toBeNull();
  });
});

describe("isValidOrganisationNumber", () => {
  it("agrees with normalisation", () => {
    expect(knownValid.every(isValidOrganisationNumber)).toBe(true);
    expect(isValidOrganisationNumber("162321000016")).toBe(true);
    expect(isValidOrganisationNumber("232100-0017")).toBe(false);
  });

  it("accepts exactly one check digit for every nine-digit stem", () => {
    const stem = "212000014";
    const valid = [...Array(10).keys()].filter((digit) => isValidOrganisationNumber(`${stem}${digit}`));
    expect(valid).toEqual([2]);
  });
});
