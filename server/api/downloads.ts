import "server-only";

import { TRPCError } from "@trpc/server";
import { cookies } from "next/headers";
import { defaultLocale, isLocale, type Locale, localeCookieName } from "../i18n/config";

/** The visitor's chosen language, as the pages read it (server/i18n/request.ts). */
export async function requestLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(localeCookieName)?.value;
  return isLocale(chosen) ? chosen : defaultLocale;
}

/** Today in Swedish time, for file names. */
export function todayInSweden(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(now);
}

/** A URL query as an object: a repeated key (`?stage=IDEA&stage=PILOT`) becomes an array. */
export function queryObject(params: URLSearchParams, omit: string[] = []): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    if (omit.includes(key)) continue;
    const values = params.getAll(key);
    result[key] = values.length === 1 ? values[0]! : values;
  }
  return result;
}

/** A file download, whole or streamed; `inline` lets the browser show it (a PDF opens in its viewer) instead of saving it. */
export function fileResponse(
  body: Uint8Array | ReadableStream<Uint8Array>,
  contentType: string,
  fileName: string,
  options: { inline?: boolean } = {},
): Response {
  return new Response(body as Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>, {
    headers: {
      "content-type": contentType,
      "content-disposition": `${options.inline ? "inline" : "attachment"}; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

export function problemResponse(status: number, message: string): Response {
  return Response.json({ error: message }, { status, headers: { "cache-control": "no-store" } });
}

const statusOf: Partial<Record<TRPCError["code"], number>> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_REQUEST: 400,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
};

/** Chunks as a response body, pulled one at a time: the next is made only when the client has taken the last. */
export function chunkStream(chunks: AsyncIterator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return?.(undefined);
    },
  });
}

/** A refused call as an HTTP answer; anything unexpected is rethrown (a 500, logged by Next). */
export function refusedCallResponse(error: unknown): Response {
  if (error instanceof TRPCError) {
    const status = statusOf[error.code];
    if (status) return problemResponse(status, error.message);
  }
  throw error;
}
