import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, newNonce, securityHeaders } from "./server/http/security-headers";

/**
 * Next 16's proxy (the former middleware): runs before every request and puts the security
 * headers on every response (server/http/security-headers.ts). The nonce goes to Next on
 * the request (`x-nonce` and the policy itself, from which Next takes the nonce for its
 * scripts) and to the browser in the response's policy.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const https = servedOverHttps(request);
  const policy = contentSecurityPolicy({ nonce, https, development: process.env.NODE_ENV === "development" });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(securityHeaders({ https }))) response.headers.set(name, value);
  return response;
}

/** The app's public URL says https (NEXTAUTH_URL), or the request came in over https. */
function servedOverHttps(request: NextRequest): boolean {
  return process.env.NEXTAUTH_URL?.startsWith("https://") === true || request.nextUrl.protocol === "https:";
}

export const config = {
  // Every path, also API routes and static files: every response carries the headers.
  matcher: "/:path*",
};
