/**
 * next-auth's options against a real database: the credentials provider's answers
 * (a user, null for a wrong password, a throttled error code the sign-in page reads)
 * and OpenID Connect sign-in, which admits only existing users with a verified email.
 */
import { randomUUID } from "node:crypto";
import type { Account, Profile } from "next-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthConfig, authorizeWithPassword, buildAuthOptions, CLIENT_ADDRESS_UNKNOWN } from "@/server/auth/options";
import { hashPassword } from "@/server/auth/password";
import { SIGN_IN_THROTTLE } from "@/server/auth/sign-in";
import { parseSignInError } from "@/server/auth/sign-in-flow";
import { createTestDatabase, type TestDatabase } from "../../support/database";

const PASSWORD = "lingonsylt cykel fönsterbräda";

const config: AuthConfig = {
  NEXTAUTH_URL: "http://localhost:3000",
  NEXTAUTH_SECRET: "x".repeat(32),
  SESSION_MAX_AGE_HOURS: 8,
  OIDC_ISSUER: "https://login.example.se/realms/tillit",
  OIDC_CLIENT_ID: "tillit",
  OIDC_CLIENT_SECRET: "s3cret",
  OIDC_NAME: "Inloggning med e-legitimation",
  OIDC_TRUST_EMAIL: false,
};

let db: TestDatabase;
let passwordHash: string;

beforeAll(async () => {
  db = await createTestDatabase();
  passwordHash = await hashPassword(PASSWORD);
});
afterAll(async () => db?.close());

async function createUser() {
  const email = `person-${randomUUID().slice(0, 8)}@kommun.example`;
  return db.owner.user.create({ data: { email, name: "Anna Svensson", passwordHash } });
}

describe("the credentials provider", () => {
  const headers = { "x-tillit-client-address": "192.0.2.10" };

  it("returns the user for the right password", async () => {
    const user = await createUser();
    expect(await authorizeWithPassword(db.prisma, { email: user.email, password: PASSWORD }, headers)).toEqual({
      id: user.id,
      email: user.email,
      name: user.name,
    });
  });

  it("returns null (next-auth's CredentialsSignin) for a wrong password or malformed input", async () => {
    const user = await createUser();
    expect(await authorizeWithPassword(db.prisma, { email: user.email, password: "wrong password" }, headers)).toBeNull();
    expect(await authorizeWithPassword(db.prisma, { email: "not an email", password: PASSWORD }, headers)).toBeNull();
    expect(await authorizeWithPassword(db.prisma, undefined, headers)).toBeNull();
  });

  it("throws a throttled error code that the sign-in page turns into minutes", async () => {
    const user = await createUser();
    const attempt = () => authorizeWithPassword(db.prisma, { email: user.email, password: "wrong password" }, { "x-tillit-client-address": "192.0.2.11" });
    for (let failure = 1; failure <= SIGN_IN_THROTTLE.pair.freeFailures; failure += 1) await attempt();
    const error = await attempt().then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(Error);
    expect(parseSignInError((error as Error).message)).toEqual({ kind: "throttled", retryAfterMinutes: 1 });
  });

  it("counts attempts against the address the server found, not one the client claims in X-Forwarded-For", async () => {
    const user = await createUser();
    // Each attempt claims a new address; the server wrote the same one for all of them.
    for (let failure = 0; failure <= SIGN_IN_THROTTLE.pair.freeFailures; failure += 1) {
      await authorizeWithPassword(
        db.prisma,
        { email: user.email, password: "wrong password" },
        { "x-forwarded-for": `198.51.100.${failure}`, "x-tillit-client-address": "192.0.2.12" },
      ).catch(() => null);
    }
    const rows = await db.owner.signInThrottle.findMany({ where: { key: { startsWith: "pair:" }, AND: { key: { endsWith: user.email } } } });
    expect(rows.map((row) => [row.key, row.failures])).toEqual([[`pair:192.0.2.12|${user.email}`, 4]]);
  });

  it("signs nobody in when the server could not tell the client's address (a malformed X-Forwarded-For)", async () => {
    const user = await createUser();
    for (const headers of [{ "x-tillit-client-address": "unknown" }, {}, { "x-forwarded-for": "192.0.2.13" }]) {
      await expect(authorizeWithPassword(db.prisma, { email: user.email, password: PASSWORD }, headers)).rejects.toThrow(CLIENT_ADDRESS_UNKNOWN);
    }
  });
});

describe("OpenID Connect sign-in", () => {
  const callbacks = buildAuthOptions(config, () => db.prisma).callbacks;
  const account: Account = { provider: "oidc", type: "oauth", providerAccountId: "subject-1" };

  const signIn = (profile: Profile) =>
    callbacks?.signIn?.({ user: { id: profile.sub ?? "" }, account, profile });

  it("admits an existing user whose verified email matches, whatever its case", async () => {
    const user = await createUser();
    expect(await signIn({ sub: "s", email: user.email.toUpperCase(), email_verified: true })).toBe(true);
  });

  it("refuses an unverified email, a missing email and an unknown one", async () => {
    const user = await createUser();
    expect(await signIn({ sub: "s", email: user.email })).toBe(false);
    expect(await signIn({ sub: "s", email: user.email, email_verified: false })).toBe(false);
    expect(await signIn({ sub: "s", email_verified: true })).toBe(false);
    expect(await signIn({ sub: "s", email: `nobody-${randomUUID()}@kommun.example`, email_verified: true })).toBe(false);
  });

  it("admits an email without email_verified only from an issuer trusted with OIDC_TRUST_EMAIL", async () => {
    const user = await createUser();
    const trusting = buildAuthOptions({ ...config, OIDC_TRUST_EMAIL: true }, () => db.prisma).callbacks;
    const trustedSignIn = (profile: Profile) => trusting?.signIn?.({ user: { id: profile.sub ?? "" }, account, profile });
    expect(await signIn({ sub: "s", email: user.email })).toBe(false);
    expect(await trustedSignIn({ sub: "s", email: user.email })).toBe(true);
    expect(await trustedSignIn({ sub: "s", email: `nobody-${randomUUID()}@kommun.example` })).toBe(false);
  });

  it("puts Tillit's user id (not the provider's subject) in the token and records the sign-in", async () => {
    const user = await createUser();
    const profile: Profile = { sub: "provider-subject", email: user.email, email_verified: true };
    const token = await callbacks?.jwt?.({
      token: { sub: "provider-subject", email: user.email },
      user: { id: "provider-subject", email: user.email },
      account,
      profile,
    });
    expect(token).toEqual({ sub: user.id, sid: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const stored = await db.owner.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.lastSignInAt).not.toBeNull();
  });

  it("leaves password sign-ins to the credentials provider", async () => {
    expect(await callbacks?.signIn?.({ user: { id: "x" }, account: { provider: "credentials", type: "credentials", providerAccountId: "x" } })).toBe(true);
  });
});
