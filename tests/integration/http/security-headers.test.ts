/**
 * The headers every response carries (proxy.ts): a Content-Security-Policy with a fresh
 * nonce that Next.js receives for its own scripts, no framing, no sniffing, a referrer and
 * permissions policy, and HSTS exactly when the app is served over https. (The e2e suite
 * shows the pages still work in a browser under this policy.)
 */
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { config, proxy } from "@/proxy";

afterEach(() => vi.unstubAllEnvs());

function directives(policy: string | null): Map<string, string> {
  return new Map(
    (policy ?? "").split(";").map((directive) => {
      const [name = "", ...values] = directive.trim().split(/\s+/);
      return [name, values.join(" ")];
    }),
  );
}

describe("security headers", () => {
  it("give every page a policy whose scripts need this response's nonce, and pass the nonce to Next", () => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    const first = proxy(new NextRequest("http://localhost:3000/exempelby/register"));
    const second = proxy(new NextRequest("http://localhost:3000/exempelby/register"));
    const policy = directives(first.headers.get("content-security-policy"));
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy.get("script-src") ?? "")?.[1];
    expect(nonce).toBeDefined();
    expect(policy.get("script-src")).not.toContain("unsafe-inline");
    expect(policy.get("script-src")).not.toContain("unsafe-eval");
    expect(policy.get("frame-ancestors")).toBe("'none'");
    expect(policy.get("object-src")).toBe("'none'");
    expect(policy.get("base-uri")).toBe("'self'");
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    // Next reads the nonce for its own scripts from the request's headers, which the proxy overrides.
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(first.headers.get("x-middleware-request-content-security-policy")).toContain(`'nonce-${nonce}'`);
  });

  it("send nosniff, no framing, a referrer and a permissions policy, and no HSTS over plain http", () => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    const response = proxy(new NextRequest("http://localhost:3000/api/health"));
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("permissions-policy")).toContain("camera=()");
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  it("add HSTS when the app is served over https", () => {
    vi.stubEnv("NEXTAUTH_URL", "https://tillit.example.se");
    const response = proxy(new NextRequest("https://tillit.example.se/"));
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(directives(response.headers.get("content-security-policy")).has("upgrade-insecure-requests")).toBe(true);
  });

  it("run for every path, API routes and static files included", () => {
    expect(config.matcher).toBe("/:path*");
  });
});
