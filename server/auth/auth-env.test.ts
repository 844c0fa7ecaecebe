import { describe, expect, it } from "vitest";
import { InvalidEnvironmentError, parseEnv } from "../env";

/** The sign-in and mail settings of server/env.ts. */
function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    if (!(error instanceof InvalidEnvironmentError)) throw error;
    return error.problems.map((problem) => `${problem.variable} ${problem.message}`);
  }
}

const oidc = {
  OIDC_ISSUER: "https://login.example.se/realms/tillit",
  OIDC_CLIENT_ID: "tillit",
  OIDC_CLIENT_SECRET: "s3cret",
};

describe("sign-in and mail settings", () => {
  it("has defaults: 8-hour sessions, no OIDC, no SMTP, a no-reply sender", () => {
    const env = parseEnv({});
    expect(env.SESSION_MAX_AGE_HOURS).toBe(8);
    expect(env.OIDC_ISSUER).toBeUndefined();
    expect(env.OIDC_NAME).toBe("Inloggning med e-legitimation");
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.MAIL_FROM).toBe("Tillit <no-reply@tillit.local>");
  });

  it("accepts a complete OIDC configuration, an SMTP URL and a session length", () => {
    const env = parseEnv({ ...oidc, OIDC_NAME: "Freja eID", SMTP_URL: "smtp://user:pass@mail.example.se:587", SESSION_MAX_AGE_HOURS: "0.5" });
    expect(env).toMatchObject({ ...oidc, OIDC_NAME: "Freja eID", SMTP_URL: "smtp://user:pass@mail.example.se:587", SESSION_MAX_AGE_HOURS: 0.5 });
  });

  it("trusts an issuer's unverified email only when OIDC_TRUST_EMAIL says true", () => {
    expect(parseEnv({}).OIDC_TRUST_EMAIL).toBe(false);
    expect(parseEnv({ OIDC_TRUST_EMAIL: "true" }).OIDC_TRUST_EMAIL).toBe(true);
    expect(problemsOf({ OIDC_TRUST_EMAIL: "yes" })).toEqual(["OIDC_TRUST_EMAIL must be true or false"]);
  });

  it("names each missing OIDC variable when only some are set", () => {
    expect(problemsOf({ OIDC_ISSUER: oidc.OIDC_ISSUER, OIDC_CLIENT_ID: oidc.OIDC_CLIENT_ID })).toEqual([
      "OIDC_CLIENT_SECRET is required when any of OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET is set (set all three, or none)",
    ]);
    expect(problemsOf({ OIDC_CLIENT_SECRET: "x", OIDC_ISSUER: "" }).map((line) => line.split(" ")[0])).toEqual([
      "OIDC_ISSUER",
      "OIDC_CLIENT_ID",
    ]);
  });

  it.each([
    ["OIDC_ISSUER", "not a url"],
    ["SMTP_URL", "http://mail.example.se"],
    ["SESSION_MAX_AGE_HOURS", "0"],
    ["SESSION_MAX_AGE_HOURS", "forever"],
  ])("names %s when it is malformed (%s)", (variable, value) => {
    const source = variable === "OIDC_ISSUER" ? { ...oidc, [variable]: value } : { [variable]: value };
    expect(problemsOf(source).map((line) => line.split(" ")[0])).toEqual([variable]);
  });
});
