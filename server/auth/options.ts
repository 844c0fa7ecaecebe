import type { NextAuthOptions, Profile, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { database } from "../db";
import type { PrismaClient } from "../db/client";
import { inScope } from "../db/scope";
import { env, type Env } from "../env";
import { CLIENT_ADDRESS_HEADER, normaliseAddress, UNKNOWN_CLIENT_ADDRESS } from "../http/client-address";
import { endSession, sessionIsOpen, startSession } from "./sessions";
import { authenticateWithPassword } from "./sign-in";
import { signInCredentialsSchema, throttledErrorCode } from "./sign-in-flow";

export const CREDENTIALS_PROVIDER_ID = "credentials";
export const OIDC_PROVIDER_ID = "oidc";
export const SIGN_IN_PATH = "/sign-in";
/** The jwt callback's error for a cookie whose session has ended (signed out, revoked, expired). */
export const SESSION_ENDED = "SessionEnded";

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
 * with the __Secure- prefix, when the app's URL is https) that carry the user id and the
 * id of the session's row (server/auth/sessions.ts), and nothing else; every request
 * checks that the row still exists, so sign-out and revocation take effect at once.
 * Everything else about the user is read fresh from the database.
 */
export function buildAuthOptions(config: AuthConfig, db: () => PrismaClient = database): NextAuthOptions {
  const oidc = oidcSettings(config);
  const maxAgeSeconds = Math.round(config.SESSION_MAX_AGE_HOURS * 60 * 60);
  return {
    providers: [credentialsProvider(db), ...(oidc ? [oidcProvider(oidc)] : [])],
    session: { strategy: "jwt", maxAge: maxAgeSeconds },
    useSecureCookies: config.NEXTAUTH_URL?.startsWith("https://") ?? false,
    secret: config.NEXTAUTH_SECRET,
    // Errors come back to the sign-in page too, which explains them in the user's language.
    pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endSession(db(), token.sid);
      },
    },
    logger: {
      error(code, metadata) {
        // An ended session is an ordinary signed-out request, not an error worth a stack trace.
        if ((metadata as { message?: unknown } | undefined)?.message === SESSION_ENDED) return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
      warn(code) {
        console.warn(`[next-auth][warn][${code}]`);
      },
    },
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        return (await userForOidcProfile(db(), profile, oidc?.trustEmail ?? false)) !== null;
      },
      async jwt({ token, user, account, profile }) {
        if (account) {
          // A sign-in: open a session (server/auth/sessions.ts) and name it in the cookie.
          const userId = account.provider === OIDC_PROVIDER_ID ? await recordOidcSignIn(db(), profile, oidc?.trustEmail ?? false) : user.id;
          if (!userId) throw new Error("AccessDenied");
          return { sub: userId, sid: await startSession(db(), userId, maxAgeSeconds) };
        }
        // Every later request: the cookie counts only while its session is open. Throwing
        // here makes next-auth treat the request as signed out and clear the cookie.
        if (!token.sub || typeof token.sid !== "string" || !(await sessionIsOpen(db(), token.sid, token.sub))) {
          throw new Error(SESSION_ENDED);
        }
        return token;
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
 * message on as the error code, which the sign-in page reads (sign-in-flow.ts). Without a
 * known client address (the server writes it: server/http/serve.ts) nobody is signed in,
 * so a malformed X-Forwarded-For can never switch the throttle off.
 */
export async function authorizeWithPassword(
  db: PrismaClient,
  credentials: Record<string, unknown> | undefined,
  headers: Record<string, unknown> | undefined,
): Promise<User | null> {
  const parsed = signInCredentialsSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const clientAddress = clientAddressFrom(headers);
  if (!clientAddress) throw new Error(CLIENT_ADDRESS_UNKNOWN);
  const result = await authenticateWithPassword(db, { ...parsed.data, clientAddress });
  if (result.ok) return result.user;
  if (result.reason === "throttled") throw new Error(throttledErrorCode(result.retryAfterSeconds));
  return null;
}

/** The error code of a sign-in refused because the client's address is not known. */
export const CLIENT_ADDRESS_UNKNOWN = "ClientAddressUnknown";

/**
 * The client's address as the server determined it (CLIENT_ADDRESS_HEADER), or null when
 * it could not (no such header, or "unknown"). X-Forwarded-For is never read here.
 */
export function clientAddressFrom(headers: Record<string, unknown> | undefined): string | null {
  const value = headers?.[CLIENT_ADDRESS_HEADER];
  if (typeof value !== "string" || value === UNKNOWN_CLIENT_ADDRESS) return null;
  return normaliseAddress(value);
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
