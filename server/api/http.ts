/**
 * The tRPC endpoint over HTTP (app/api/trpc/[trpc]/route.ts), with the checks that belong
 * before any procedure runs:
 * - a POST (every mutation, and any batch sent as a POST) must come from a page of this
 *   site: its Origin header must be the app's own origin (NEXTAUTH_URL). Browsers send
 *   Origin with every POST and scripts cannot change it, so a page on another site cannot
 *   make a signed-in person's browser change anything (cross-site request forgery);
 * - a batch holds at most MAX_BATCH_CALLS calls (400 otherwise);
 * - a request body holds at most MAX_BODY_BYTES (MAX_IMPORT_BODY_BYTES for the file
 *   import), answered 413 before the body is parsed.
 */
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { PrismaClient } from "../db/client";
import { isDatabaseUnavailable } from "../db/query-errors";
import { MAX_IMPORT_BYTES } from "../domain/use-cases/import-limits";
import { appRouter } from "./root";
import { createContext, databaseUnavailable } from "./trpc";

export const TRPC_ENDPOINT = "/api/trpc";
export const MAX_BATCH_CALLS = 20;
export const MAX_BODY_BYTES = 1024 * 1024;
/** The import sends its file as base64 (4 characters per 3 bytes), plus the JSON around it. */
export const MAX_IMPORT_BODY_BYTES = Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 64 * 1024;
const IMPORT_PROCEDURES = new Set(["useCaseFiles.previewImport", "useCaseFiles.import"]);

export interface TrpcHttpOptions {
  /** The app's public origin, e.g. "https://tillit.example.se" (from NEXTAUTH_URL). */
  appOrigin: string;
  userId: () => Promise<string | null>;
  db?: PrismaClient;
}

/** How long a client should wait before retrying while the database is not available. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** The session's user; the session lookup reads the database, so an outage there is a 503 too. */
async function sessionUserId(options: TrpcHttpOptions): Promise<string | null> {
  try {
    return await options.userId();
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw databaseUnavailable(error);
    throw error;
  }
}

export async function handleTrpcRequest(request: Request, options: TrpcHttpOptions): Promise<Response> {
  if (request.method !== "GET" && request.method !== "HEAD" && !isSameOrigin(request, options.appOrigin)) {
    return problem(403, "FORBIDDEN", "This request did not come from a page of this site (Origin).");
  }
  const paths = proceduresOf(request);
  const limit = paths.length > 0 && paths.every((path) => IMPORT_PROCEDURES.has(path)) ? MAX_IMPORT_BODY_BYTES : MAX_BODY_BYTES;
  const body = await readBody(request, limit);
  if (body === "too large") {
    return problem(413, "PAYLOAD_TOO_LARGE", `The request body is larger than ${Math.floor(limit / 1024)} KiB.`);
  }
  const bounded = body === null ? request : new Request(request.url, { method: request.method, headers: request.headers, body });
  return fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req: bounded,
    router: appRouter,
    maxBatchSize: MAX_BATCH_CALLS,
    createContext: async () => createContext({ headers: request.headers, userId: await sessionUserId(options), db: options.db }),
    responseMeta({ errors }) {
      return errors.some((error) => error.code === "SERVICE_UNAVAILABLE")
        ? { headers: new Headers({ "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) }) }
        : {};
    },
    onError({ error, path, ctx }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        console.error(`[trpc] ${path ?? "?"} failed (request ${ctx?.requestId ?? "?"}):`, error.cause ?? error);
      }
    },
  });
}

/** The app's origin from its public URL. */
export function originOf(url: string): string {
  return new URL(url).origin;
}

function isSameOrigin(request: Request, appOrigin: string): boolean {
  const origin = request.headers.get("origin");
  return origin !== null && origin === appOrigin;
}

function proceduresOf(request: Request): string[] {
  const path = decodeURIComponent(new URL(request.url).pathname).slice(TRPC_ENDPOINT.length + 1);
  return path.split(",").filter((entry) => entry !== "");
}

/**
 * The body, read up to `limit` bytes: "too large" as soon as it exceeds the limit (or
 * says it will, in Content-Length), null for a request without a body.
 */
async function readBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null | "too large"> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > limit) return "too large";
  if (!request.body) return null;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return "too large";
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** An error in tRPC's own response shape, so the client reads it like any other. */
function problem(status: number, code: string, message: string): Response {
  return Response.json({ error: { json: { message, code: -32600, data: { code, httpStatus: status } } } }, { status });
}
