import { z } from "zod";

/**
 * What the sign-in page (a browser bundle) and the next-auth options (server) agree on:
 * the shape of the credentials, the error codes next-auth passes back in its `error`
 * parameter, and where the page may send the user afterwards. Nothing here touches the
 * server, so the client form can import it.
 */

/** Longer input is refused before hashing, so nobody can make the server hash megabytes. */
export const SIGN_IN_PASSWORD_MAX_LENGTH = 1024;

export const signInCredentialsSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "is required")
    .max(254, "must be at most 254 characters")
    .pipe(z.email("must be an email address"))
    .transform((value) => value.toLowerCase()),
  password: z.string().min(1, "is required").max(SIGN_IN_PASSWORD_MAX_LENGTH, "is too long"),
});
export type SignInCredentials = z.infer<typeof signInCredentialsSchema>;

/** next-auth's own code for a credentials sign-in that returned no user. */
const INVALID_CREDENTIALS_CODE = "CredentialsSignin";
/** next-auth's code when the signIn callback refuses (here: an OIDC identity with no Tillit user). */
const ACCESS_DENIED_CODE = "AccessDenied";
const SESSION_REQUIRED_CODE = "SessionRequired";
const THROTTLED_PREFIX = "TooManyAttempts:";

export type SignInError =
  | { kind: "invalid" }
  | { kind: "throttled"; retryAfterMinutes: number }
  | { kind: "noAccount" }
  | { kind: "sessionRequired" }
  | { kind: "failed" };

/** The error message the credentials provider throws for a throttled attempt; next-auth passes it on as the code. */
export function throttledErrorCode(retryAfterSeconds: number): string {
  return `${THROTTLED_PREFIX}${Math.max(1, Math.ceil(retryAfterSeconds))}`;
}

/** Reads next-auth's `error` code (from signIn()'s result or the page's query string). */
export function parseSignInError(code: string | null | undefined): SignInError | null {
  if (!code) return null;
  if (code === INVALID_CREDENTIALS_CODE) return { kind: "invalid" };
  if (code === ACCESS_DENIED_CODE) return { kind: "noAccount" };
  if (code === SESSION_REQUIRED_CODE) return { kind: "sessionRequired" };
  if (code.startsWith(THROTTLED_PREFIX)) {
    const seconds = Number(code.slice(THROTTLED_PREFIX.length));
    if (Number.isFinite(seconds) && seconds > 0) return { kind: "throttled", retryAfterMinutes: Math.ceil(seconds / 60) };
  }
  return { kind: "failed" };
}

/**
 * The path to continue to after signing in: only a path on this site, so a crafted link
 * cannot send someone elsewhere (an open redirect). Absolute URLs on `origin` are reduced
 * to their path, since next-auth itself builds callback URLs that way.
 */
export function safeCallbackPath(value: string | null | undefined, origin?: string): string {
  if (!value) return "/";
  if (origin && value.startsWith(`${origin}/`)) return safeCallbackPath(value.slice(origin.length));
  const isLocalPath = value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\");
  return isLocalPath && !hasControlCharacters(value) ? value : "/";
}

/** Browsers drop tabs and newlines from URLs, which would turn "/\t/evil.example" into "//evil.example". */
function hasControlCharacters(value: string): boolean {
  return Array.from(value).some((character) => character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f);
}
