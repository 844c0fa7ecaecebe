import { describe, expect, it } from "vitest";
import { checkNewPassword, newPasswordSchema, passwordMessages, personalWords } from "./password-policy";

const ylvasDetails = ["ylva.kvarnback@boden.se", "Ylva Kvarnbäck"];

describe("checkNewPassword", () => {
  it.each([
    "lingonsylt cykel fönsterbräda",
    "tre små grisar dansar",
    "MinKatt heter Pelle",
    "7Xq!mr93LpZz",
  ])("accepts a passphrase or random string that is hard to guess: %s", (password) => {
    expect(checkNewPassword(password)).toEqual({ ok: true });
  });

  it("refuses fewer than 12 characters, counting code points rather than UTF-16 units", () => {
    expect(checkNewPassword("kort lösen")).toEqual({ ok: false, message: passwordMessages.tooShort });
    // Eleven emoji are 22 UTF-16 units but 11 characters.
    expect(checkNewPassword("🐘".repeat(11))).toEqual({ ok: false, message: passwordMessages.tooShort });
  });

  it("refuses more than 256 characters", () => {
    expect(checkNewPassword(`${"lingonsylt ".repeat(24)}cykel`)).toEqual({ ok: false, message: passwordMessages.tooLong });
  });

  it("has no composition rules: lower-case letters and spaces alone are fine", () => {
    expect(checkNewPassword("kaffe och kanelbullar i parken")).toEqual({ ok: true });
  });

  it.each([
    "password1234",
    "Password123456789",
    "qwertyuiop123",
    "aaaaaaaaaaaa",
    "abcdefghijkl",
    "iloveyou12345",
    "Welcome2024!!",
    "Stockholm2024!",
    "Losenord12345",
    "sommar2024sommar",
    "tillit123456",
  ])("refuses a common, breached or guessable password: %s", (password) => {
    expect(checkNewPassword(password)).toEqual({ ok: false, message: passwordMessages.tooGuessable });
  });

  it("refuses a password built on the person's own name or email address, and says so", () => {
    const password = "kvarnbackylva7";
    expect(checkNewPassword(password, ylvasDetails)).toEqual({
      ok: false,
      message: passwordMessages.containsPersonalInformation,
    });
    expect(checkNewPassword("Kvarnbäck Ylva!", ylvasDetails)).toMatchObject({ ok: false });
    expect(checkNewPassword("ylva.kvarnback@boden.se", ylvasDetails)).toMatchObject({ ok: false });
    // The same password is fine for someone else.
    expect(checkNewPassword(password, ["per.karlsson@region.se", "Per Karlsson"])).toEqual({ ok: true });
  });
});

describe("newPasswordSchema", () => {
  it("passes a good password through unchanged (no trimming)", () => {
    expect(newPasswordSchema.parse(" lingonsylt cykel fönsterbräda ")).toBe(" lingonsylt cykel fönsterbräda ");
  });

  it("reports one issue with the policy's message", () => {
    const result = newPasswordSchema.safeParse("password1234");
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([passwordMessages.tooGuessable]);
  });

  it("refuses a non-string", () => {
    expect(newPasswordSchema.safeParse(undefined).success).toBe(false);
  });
});

describe("personalWords", () => {
  it("splits an email address and a name into the words a password might reuse", () => {
    expect(personalWords([...ylvasDetails, "  ", "Li"])).toEqual([
      "ylva.kvarnback@boden.se",
      "ylva",
      "kvarnback",
      "boden",
      "ylva kvarnbäck",
      "kvarnbäck",
      "li",
    ]);
  });
});
