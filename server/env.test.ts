import { describe, expect, it } from "vitest";
import { InvalidEnvironmentError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("fills in defaults for a fresh machine (embedded database, port 3000)", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.EMBEDDED_DATABASE_DIR).toBe(".data/pglite");
    expect(env.SEED_DEMO_DATA).toBe("auto");
  });

  it("accepts a PostgreSQL URL and treats an empty one as unset", () => {
    expect(parseEnv({ DATABASE_URL: "postgresql://app:secret@db:5432/tillit" }).DATABASE_URL).toBe(
      "postgresql://app:secret@db:5432/tillit",
    );
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    ["DATABASE_URL", "mysql://db/tillit"],
    ["DATABASE_URL", "not a url"],
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["SEED_DEMO_DATA", "sometimes"],
    ["NEXTAUTH_SECRET", "short"],
    ["NEXTAUTH_URL", "ftp://example.org"],
    ["TRUSTED_PROXIES", "one"],
    ["TRUSTED_PROXIES", "-1"],
    ["TRUSTED_PROXIES", "1.5"],
    ["TRUSTED_PROXIES", "9"],
  ])("names %s when it is malformed (%s)", (variable, value) => {
    expect(() => parseEnv({ [variable]: value })).toThrowError(InvalidEnvironmentError);
    try {
      parseEnv({ [variable]: value });
    } catch (error) {
      const problems = (error as InvalidEnvironmentError).problems;
      expect(problems.map((p) => p.variable)).toEqual([variable]);
      expect((error as Error).message).not.toContain("\n");
    }
  });

  it("trusts no proxy unless told how many stand in front of the app", () => {
    expect(parseEnv({}).TRUSTED_PROXIES).toBe(0);
    expect(parseEnv({ TRUSTED_PROXIES: "2" }).TRUSTED_PROXIES).toBe(2);
  });

  it("requires a session secret in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrowError(/NEXTAUTH_SECRET is required/);
    expect(parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(32) }).NODE_ENV).toBe("production");
  });
});
