import type { OAuthConfig } from "next-auth/providers/oauth";
import { describe, expect, it } from "vitest";
import { type AuthConfig, buildAuthOptions, clientAddressFrom, oidcSettings } from "./options";

const base: AuthConfig = {
  NEXTAUTH_URL: "http://localhost:3000",
  NEXTAUTH_SECRET: "x".repeat(32),
  SESSION_MAX_AGE_HOURS: 8,
  OIDC_ISSUER: undefined,
  OIDC_CLIENT_ID: undefined,
  OIDC_CLIENT_SECRET: undefined,
  OIDC_NAME: "Inloggning med e-legitimation",
  OIDC_TRUST_EMAIL: false,
};

const withOidc: AuthConfig = {
  ...base,
  OIDC_ISSUER: "https://login.example.se/realms/tillit/",
  OIDC_CLIENT_ID: "tillit",
  OIDC_CLIENT_SECRET: "s3cret",
};

const noDatabase = () => {
  throw new Error("these tests need no database");
};

describe("buildAuthOptions", () => {
  it("offers only email and password when OIDC is not configured", () => {
    const options = buildAuthOptions(base, noDatabase);
    expect(options.providers.map((provider) => provider.id)).toEqual(["credentials"]);
    expect(oidcSettings(base)).toBeNull();
  });

  it("adds the OpenID Connect provider when configured", () => {
    const options = buildAuthOptions(withOidc, noDatabase);
    expect(options.providers.map((provider) => provider.id)).toEqual(["credentials", "oidc"]);
    const oidc = options.providers[1] as OAuthConfig<Record<string, unknown>>;
    expect(oidc).toMatchObject({
      type: "oauth",
      name: "Inloggning med e-legitimation",
      wellKnown: "https://login.example.se/realms/tillit/.well-known/openid-configuration",
      clientId: "tillit",
      clientSecret: "s3cret",
      idToken: true,
      checks: ["pkce", "state"],
      authorization: { params: { scope: "openid email profile" } },
    });
  });

  it("maps the identity provider's claims to a user", async () => {
    const oidc = buildAuthOptions(withOidc, noDatabase).providers[1] as OAuthConfig<Record<string, unknown>>;
    const claims = { sub: "abc", email: "anna@kommun.se", email_verified: true, name: "Anna" };
    expect(await oidc.profile(claims, {})).toEqual({ id: "abc", email: "anna@kommun.se", name: "Anna" });
  });

  it("keeps JWT sessions for SESSION_MAX_AGE_HOURS, with the app's sign-in page", () => {
    const options = buildAuthOptions({ ...base, SESSION_MAX_AGE_HOURS: 0.5 }, noDatabase);
    expect(options.session).toEqual({ strategy: "jwt", maxAge: 1800 });
    expect(options.pages).toEqual({ signIn: "/sign-in", error: "/sign-in" });
    expect(options.secret).toBe(base.NEXTAUTH_SECRET);
  });

  it("uses secure cookies exactly when the app's URL is https", () => {
    expect(buildAuthOptions(base, noDatabase).useSecureCookies).toBe(false);
    expect(buildAuthOptions({ ...base, NEXTAUTH_URL: "https://tillit.example.se" }, noDatabase).useSecureCookies).toBe(true);
    expect(buildAuthOptions({ ...base, NEXTAUTH_URL: undefined }, noDatabase).useSecureCookies).toBe(false);
  });
});

describe("session contents", () => {
  const callbacks = buildAuthOptions(base, noDatabase).callbacks;

  it("exposes the user id, and nothing else, in the session", async () => {
    const session = await callbacks?.session?.({
      session: { expires: "2026-12-01T00:00:00.000Z", user: { id: "", name: "Anna", email: "anna@kommun.se" } },
      token: { sub: "user-1" },
      user: { id: "user-1", email: "anna@kommun.se", emailVerified: null },
      newSession: undefined,
      trigger: "update",
    });
    expect(session).toEqual({ expires: "2026-12-01T00:00:00.000Z", user: { id: "user-1" } });
  });
});

describe("clientAddressFrom", () => {
  it("reads only the address the server wrote, never X-Forwarded-For or X-Real-IP", () => {
    expect(clientAddressFrom({ "x-tillit-client-address": "198.51.100.7" })).toBe("198.51.100.7");
    expect(clientAddressFrom({ "x-tillit-client-address": "2001:DB8::1" })).toBe("2001:db8::1");
    expect(clientAddressFrom({ "x-forwarded-for": "198.51.100.7" })).toBeNull();
    expect(clientAddressFrom({ "x-real-ip": "198.51.100.8" })).toBeNull();
  });

  it("answers null when the server could not tell, or the value is no address", () => {
    expect(clientAddressFrom({ "x-tillit-client-address": "unknown" })).toBeNull();
    expect(clientAddressFrom({ "x-tillit-client-address": "x".repeat(500) })).toBeNull();
    expect(clientAddressFrom({ "x-tillit-client-address": ["198.51.100.7"] })).toBeNull();
    expect(clientAddressFrom({})).toBeNull();
    expect(clientAddressFrom(undefined)).toBeNull();
  });
});
