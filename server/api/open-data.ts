/**
 * HTTP for the open API (/api/open/v1): CORS for GET, the per-address rate limit (state in
 * PostgreSQL), ETag and If-None-Match, and errors as problem details: a bad query is a 400
 * naming the field, never a 500. Route handlers in app/api/open/v1 call `openApi` with
 * the app's database; tests call it with theirs.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { clientAddressFrom } from "../auth/options";
import type { PrismaClient, Transaction } from "../db/client";
import { inScope } from "../db/scope";
import { RuleViolationError } from "../domain/errors";
import { consumeRateLimit, OPEN_API_RATE_LIMIT, type RateLimitPolicy, type RateLimitResult } from "../domain/public-register/open-data/rate-limit";
import type { Links } from "../domain/public-register/open-data/service";

export const corsHeaders = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, HEAD, OPTIONS",
  "access-control-allow-headers": "If-None-Match, Accept",
  "access-control-expose-headers":
    "ETag, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Content-Disposition, Last-Modified, X-Dump-Date",
  "access-control-max-age": "86400",
} as const;

/** The answer to a CORS preflight. */
export function preflightResponse(): Response {
  return new Response(null, { status: 204, headers: corsHeaders });
}

export interface FieldError {
  field: string;
  message: string;
}

export type OpenOutcome =
  | { kind: "json"; body: unknown; status?: number; cache?: "short" | "none" }
  | { kind: "problem"; status: number; title: string; detail?: string; errors?: FieldError[] }
  | { kind: "response"; response: Response };

export interface OpenContext {
  tx: Transaction;
  url: URL;
  links: Links;
}

export interface OpenApiOptions {
  db: PrismaClient;
  rateLimit?: RateLimitPolicy;
}

/** The query string as an object; a repeated key becomes an array. */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    result[key] = values.length === 1 ? values[0]! : values;
  }
  return result;
}

/** A zod failure as the fields it names: `riskClass: Invalid option: expected one of ...`. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join(".") : issue.code === "unrecognized_keys" ? issue.keys.join(", ") : "query",
    message: issue.code === "unrecognized_keys" ? `unknown parameter${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}` : issue.message,
  }));
}

export function badQuery(error: z.ZodError): OpenOutcome {
  return { kind: "problem", status: 400, title: "Bad request", detail: "The query has invalid parameters.", errors: fieldErrors(error) };
}

export const notFound = (detail: string): OpenOutcome => ({ kind: "problem", status: 404, title: "Not found", detail });

function rateLimitHeaders(result: RateLimitResult): Record<string, string> {
  return {
    "ratelimit-limit": String(result.limit),
    "ratelimit-remaining": String(result.remaining),
    "ratelimit-reset": String(result.resetSeconds),
  };
}

/** A strong validator of the exact bytes sent. */
export function etagOf(body: string | Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** Whether If-None-Match names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => opaque(tag) === opaque(etag));
}

function problemResponse(outcome: Extract<OpenOutcome, { kind: "problem" }>, headers: Record<string, string>): Response {
  const { status, title, detail, errors } = outcome;
  return new Response(JSON.stringify({ status, title, detail, errors }), {
    status,
    headers: { ...headers, "content-type": "application/problem+json; charset=utf-8", "cache-control": "no-store" },
  });
}

/** The client's address as the rate limit counts it. */
export function clientKey(request: Request): string {
  const address = clientAddressFrom(Object.fromEntries(request.headers)) ?? "unknown";
  return `open-api:${address}`;
}

/**
 * Serves one open-API request: the rate limit first (429 with Retry-After), then the
 * handler in a public-scope transaction (no organisation: only the public views answer),
 * then JSON with an ETag, or 304 when the client already has it.
 */
export function openApi(request: Request, options: OpenApiOptions, handler: (context: OpenContext) => Promise<OpenOutcome>): Promise<Response> {
  return serve(request, options, (url, links) => inScope(options.db, {}, (tx) => handler({ tx, url, links })));
}

/** As openApi, for handlers that open their own short transactions (the streamed files). */
export function openApiFile(
  request: Request,
  options: OpenApiOptions,
  handler: (context: Omit<OpenContext, "tx">) => Promise<OpenOutcome>,
): Promise<Response> {
  return serve(request, options, (url, links) => handler({ url, links }));
}

async function serve(request: Request, options: OpenApiOptions, run: (url: URL, links: Links) => Promise<OpenOutcome>): Promise<Response> {
  const url = new URL(request.url);
  const limit = await inScope(options.db, {}, (tx) => consumeRateLimit(tx, clientKey(request), options.rateLimit ?? OPEN_API_RATE_LIMIT));
  const headers: Record<string, string> = { ...corsHeaders, ...rateLimitHeaders(limit) };
  if (!limit.allowed) {
    return problemResponse(
      { kind: "problem", status: 429, title: "Too many requests", detail: `At most ${limit.limit} requests a minute per client. Try again in ${limit.resetSeconds} s.` },
      { ...headers, "retry-after": String(limit.resetSeconds) },
    );
  }

  let outcome: OpenOutcome;
  try {
    outcome = await run(url, { origin: url.origin });
  } catch (error) {
    if (error instanceof RuleViolationError) {
      outcome = { kind: "problem", status: 400, title: "Bad request", errors: error.problems.map(({ field, message }) => ({ field, message })) };
    } else if (error instanceof z.ZodError) {
      outcome = badQuery(error);
    } else {
      throw error;
    }
  }

  if (outcome.kind === "problem") return problemResponse(outcome, headers);
  if (outcome.kind === "response") {
    for (const [name, value] of Object.entries(headers)) outcome.response.headers.set(name, value);
    return outcome.response;
  }
  const body = JSON.stringify(outcome.body);
  const etag = etagOf(body);
  const cacheHeaders = {
    etag,
    "cache-control": outcome.cache === "none" ? "no-cache" : "public, max-age=60, must-revalidate",
  };
  if (etagMatches(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers: { ...headers, ...cacheHeaders } });
  }
  return new Response(request.method === "HEAD" ? null : body, {
    status: outcome.status ?? 200,
    headers: { ...headers, ...cacheHeaders, "content-type": "application/json; charset=utf-8", "x-content-type-options": "nosniff" },
  });
}
