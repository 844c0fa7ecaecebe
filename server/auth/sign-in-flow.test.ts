import { describe, expect, it } from "vitest";
import { parseSignInError, safeCallbackPath, signInCredentialsSchema, throttledErrorCode } from "./sign-in-flow";

describe("sign-in error codes", () => {
  it("round-trips a throttled attempt's wait, rounded up to whole minutes", () => {
    expect(parseSignInError(throttledErrorCode(900))).toEqual({ kind: "throttled", retryAfterMinutes: 15 });
    expect(parseSignInError(throttledErrorCode(61))).toEqual({ kind: "throttled", retryAfterMinutes: 2 });
    expect(parseSignInError(throttledErrorCode(0.2))).toEqual({ kind: "throttled", retryAfterMinutes: 1 });
  });

  it("reads next-auth's own codes", () => {
    expect(parseSignInError("CredentialsSignin")).toEqual({ kind: "invalid" });
    expect(parseSignInError("AccessDenied")).toEqual({ kind: "noAccount" });
    expect(parseSignInError("SessionRequired")).toEqual({ kind: "sessionRequired" });
  });

  it("treats anything else as a failure, and nothing as no error", () => {
    expect(parseSignInError("OAuthCallback")).toEqual({ kind: "failed" });
    expect(parseSignInError("TooManyAttempts:soon")).toEqual({ kind: "failed" });
    expect(parseSignInError(null)).toBeNull();
    expect(parseSignInError("")).toBeNull();
  });
});

describe("safeCallbackPath", () => {
  it.each([
    ["/sundsvall/register?page=2", "/sundsvall/register?page=2"],
    ["/", "/"],
    [undefined, "/"],
    ["", "/"],
    ["https://evil.example/phish", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["/\t/evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["sundsvall", "/"],
  ])("keeps only paths on this site: %s → %s", (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  it("reduces an absolute URL on the app's own origin to its path", () => {
    expect(safeCallbackPath("https://tillit.example.se/region-skane/audit", "https://tillit.example.se")).toBe("/region-skane/audit");
    expect(safeCallbackPath("https://tillit.example.se.evil.example/x", "https://tillit.example.se")).toBe("/");
    expect(safeCallbackPath("https://tillit.example.se//evil.example", "https://tillit.example.se")).toBe("/");
  });
});

describe("signInCredentialsSchema", () => {
  it("trims and lower-cases the email address and keeps the password as typed", () => {
    expect(signInCredentialsSchema.parse({ email: "  Anna.Svensson@Kommun.SE ", password: " hemligt " })).toEqual({
      email: "anna.svensson@kommun.se",
      password: " hemligt ",
    });
  });

  it("refuses a missing or malformed email, an empty or huge password", () => {
    const fieldsOf = (input: unknown) =>
      signInCredentialsSchema.safeParse(input).error?.issues.map((issue) => issue.path.join("."));
    expect(fieldsOf({ email: "", password: "x" })).toEqual(["email"]);
    expect(fieldsOf({ email: "anna", password: "x" })).toEqual(["email"]);
    expect(fieldsOf({ email: "anna@kommun.se", password: "" })).toEqual(["password"]);
    expect(fieldsOf({ email: "anna@kommun.se", password: "x".repeat(1025) })).toEqual(["password"]);
    expect(fieldsOf(undefined)).toEqual([""]);
  });
});
