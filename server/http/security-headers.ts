/**
 * The security headers of every response (set by proxy.ts, the Next 16 proxy).
 *
 * Pages get a Content-Security-Policy with a fresh nonce per request: Next.js puts the
 * nonce on its own scripts (it reads it from the policy on the request), and
 * 'strict-dynamic' lets those scripts load the app's chunks; no inline script without the
 * nonce runs, and no script from anywhere else. Styles may be inline (React's style
 * attributes need it; a nonce cannot cover them). Nothing may frame the app
 * (frame-ancestors 'none' and X-Frame-Options), forms post only to the app, and
 * HSTS is sent when the app is served over https.
 */
export interface SecurityHeaderOptions {
  /** The request's CSP nonce (base64). */
  nonce: string;
  /** Served over https (NEXTAUTH_URL is https, or the proxy in front says so): adds HSTS. */
  https: boolean;
  /** Next's development server evaluates code for fast refresh, which needs 'unsafe-eval'. */
  development: boolean;
}

export const HSTS = "max-age=31536000; includeSubDomains";

export function contentSecurityPolicy({ nonce, https, development }: SecurityHeaderOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Headers for every response, beside the Content-Security-Policy. */
export function securityHeaders({ https }: Pick<SecurityHeaderOptions, "https">): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

/** A nonce for one response: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
