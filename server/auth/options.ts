import type { NextAuthOptions, Profile, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { database } from "../db";
import type { PrismaClient } from "../db/client";
import { inScope } from "../db/scope";
import { env, type Env } from "../env";
import { authenticateWithPassword } from "./sign-in";
import { signInCredentialsSchema, throttledErrorCode } from "./sign-in-flow";

export const CREDENTIALS_PROVIDER_ID = "credentials";
export const OIDC_PROVIDER_ID = "oidc";
export const SIGN_IN_PATH = "/sign-in";

export type AuthConfig = Pick<
  Env,
  | "NEXTAUTH_URL"
  | "NEXTAUTH_SECRET"
  | "SESSION_MAX_AGE_HOURS"
  | "OIDC_ISSUER"
  | "OIDC_CLIENT_ID"
  | "OIDC_CLIENT_SECRET"
  | "OIDC_NAME"
  | "OIDC_TRUST_EMAIL"
>;

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The label on the sign-in button. */
  name: string;
  /** Accept the email claim without email_verified (OIDC_TRUST_EMAIL). */
  trustEmail: boolean;
}

/** The OpenID Connect settings, or null when OIDC sign-in is not configured (env.ts checks all-or-none). */
export function oidcSettings(config: AuthConfig): OidcSettings | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME, OIDC_TRUST_EMAIL } = config;
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return null;
  return {
    issuer: OIDC_ISSUER,
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    name: OIDC_NAME,
    trustEmail: OIDC_TRUST_EMAIL,
  };
}

/**
 * next-auth's options. Sessions are JWTs in an httpOnly, SameSite=Lax cookie (secure,
 * with the __Secure- prefix, when the app's URL is https) that carry the user id and
 * nothing else; everything else about the user is read fresh from the database.
 */
export function buildAuthOptions(config: AuthConfig, db: () => PrismaClient = database): NextAuthOptions {
  const oidc = oidcSettings(config);
  return {
    providers: [credentialsProvider(db), ...(oidc ? [oidcProvider(oidc)] : [])],
    session: { strategy: "jwt", maxAge: Math.round(config.SESSION_MAX_AGE_HOURS * 60 * 60) },
    useSecureCookies: config.NEXTAUTH_URL?.startsWith("https://") ?? false,
    secret: config.NEXTAUTH_SECRET,
    // Errors come back to the sign-in page too, which explains them in the user's language.
    pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH },
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        return (await userForOidcProfile(db(), profile, oidc?.trustEmail ?? false)) !== null;
      },
      async jwt({ token, user, account, profile }) {
        if (!account) return token;
        const userId = account.provider === OIDC_PROVIDER_ID ? await recordOidcSignIn(db(), profile, oidc?.trustEmail ?? false) : user.id;
        if (!userId) throw new Error("AccessDenied");
        return { sub: userId };
      },
      session({ session, token }) {
        if (!token.sub) throw new Error("the session token names no user");
        return { expires: session.expires, user: { id: token.sub } };
      },
    },
  };
}

function credentialsProvider(db: () => PrismaClient) {
  return CredentialsProvider({
    id: CREDENTIALS_PROVIDER_ID,
    name: "Email and password",
    credentials: {
      email: { label: "Email", type: "email" },
      password: { label: "Password", type: "password" },
    },
    authorize: (credentials, request) => authorizeWithPassword(db(), credentials, request.headers),
  });
}

/**
 * The credentials provider's check. A wrong email or password answers null, which next-auth
 * reports as "CredentialsSignin"; a throttled attempt throws, and next-auth passes the
 * message on as the error code, which the sign-in page reads (sign-in-flow.ts).
 */
export async function authorizeWithPassword(
  db: PrismaClient,
  credentials: Record<string, unknown> | undefined,
  headers: Record<string, unknown> | undefined,
): Promise<User | null> {
  const parsed = signInCredentialsSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const result = await authenticateWithPassword(db, { ...parsed.data, clientAddress: clientAddressFrom(headers) });
  if (result.ok) return result.user;
  if (result.reason === "throttled") throw new Error(throttledErrorCode(result.retryAfterSeconds));
  return null;
}

const LONGEST_CLIENT_ADDRESS = 64;

/**
 * The client's address for throttling. The last X-Forwarded-For entry is the one added by
 * the proxy in front of the app; earlier entries come from the client and could be forged
 * to dodge the per-address limit. Without a proxy, Next.js fills X-Forwarded-For with the
 * socket's address. X-Real-IP is the fallback for proxies that only set that.
 */
export function clientAddressFrom(headers: Record<string, unknown> | undefined): string | null {
  const forwardedFor = headerValue(headers, "x-forwarded-for")?.split(",").map((entry) => entry.trim());
  const address = forwardedFor?.filter((entry) => entry !== "").at(-1) ?? headerValue(headers, "x-real-ip")?.trim();
  return address && address.length <= LONGEST_CLIENT_ADDRESS ? address : null;
}

function headerValue(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = headers?.[name];
  return typeof value === "string" ? value : undefined;
}

interface OidcProfile extends Record<string, unknown> {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

function oidcProvider(settings: OidcSettings): OAuthConfig<OidcProfile> {
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.name,
    type: "oauth",
    wellKnown: `${settings.issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    idToken: true,
    checks: ["pkce", "state"],
    authorization: { params: { scope: "openid email profile" } },
    profile: (profile) => ({ id: profile.sub, email: profile.email ?? null, name: profile.name ?? null }),
  };
}

/**
 * OIDC signs in existing users only (people join through invitations), matched on an
 * email address the identity provider has verified (an unverified address could be
 * anyone's), or on any address from an issuer the operator trusts (OIDC_TRUST_EMAIL).
 */
async function userForOidcProfile(
  db: PrismaClient,
  profile: Profile | undefined,
  trustEmail: boolean,
): Promise<{ id: string } | null> {
  if (!profile?.email || (profile.email_verified !== true && !trustEmail)) return null;
  const email = profile.email.trim().toLowerCase();
  return inScope(db, {}, (tx) => tx.user.findUnique({ where: { email }, select: { id: true } }));
}

async function recordOidcSignIn(db: PrismaClient, profile: Profile | undefined, trustEmail: boolean): Promise<string | null> {
  const user = await userForOidcProfile(db, profile, trustEmail);
  if (!user) return null;
  await inScope(db, { userId: user.id }, (tx) => tx.user.updateMany({ where: { id: user.id }, data: { lastSignInAt: new Date() } }));
  return user.id;
}

export const authOptions: NextAuthOptions = buildAuthOptions(env());
