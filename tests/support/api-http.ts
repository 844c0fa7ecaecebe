/**
 * Calls the tRPC API over HTTP exactly as the app's client does (superjson; GET for queries,
 * POST for mutations), in-process through the fetch adapter, and reads the answer an API
 * client sees: the status, the error code, the field errors and the message.
 */
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { appRouter } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import type { PrismaClient } from "@/server/db/client";
import type { TestUser } from "./tenancy";

export interface ApiAnswer {
  status: number;
  code: string | null;
  fieldErrors: { field: string; code: string; message: string }[];
  message: string | null;
  requestId: string | null;
  /** The error's whole body, to check that it carries no internals. */
  raw: string;
}

export async function callApi(
  prisma: PrismaClient,
  path: string,
  type: "query" | "mutation" | "subscription",
  input: unknown,
  as: TestUser | null,
  requestId = "test-request",
): Promise<ApiAnswer> {
  const serialized = JSON.stringify(superjson.serialize(input));
  const url = new URL(`http://localhost/api/trpc/${path}`);
  if (type === "query" && input !== undefined) url.searchParams.set("input", serialized);
  const request = new Request(url, {
    method: type === "query" ? "GET" : "POST",
    headers: { "content-type": "application/json", "x-request-id": requestId },
    ...(type === "query" ? {} : { body: serialized }),
  });
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => createContext({ headers: request.headers, userId: as?.id ?? null, db: prisma }),
    // Unexpected failures are logged by the API itself (server/api/trpc.ts) and asserted by the tests.
    onError: () => undefined,
  });
  const raw = await response.text();
  const body = JSON.parse(raw) as {
    error?: { json: { message: string; data: { code: string; requestId: string | null; fieldErrors: ApiAnswer["fieldErrors"] | null } } };
  };
  return {
    status: response.status,
    code: body.error?.json.data.code ?? null,
    fieldErrors: body.error?.json.data.fieldErrors ?? [],
    message: body.error?.json.message ?? null,
    requestId: body.error?.json.data.requestId ?? null,
    raw,
  };
}
