/**
 * The open API's endpoints (/api/open/v1), each a few lines: parse the query or path with
 * its schema, call one service, answer through `openApi` (rate limit, CORS, ETag, errors).
 * The route files in app/api/open/v1 pass the app's database; tests pass theirs.
 */
import type { PrismaClient } from "../db/client";
import type { TargetFormatId } from "../domain/public-register/mappings";
import {
  dailyDump,
  dailyDumpStream,
  type DumpFormat,
  dumpContentType,
  dumpStream,
  listDailyDumps,
  storedDailyDump,
} from "../domain/public-register/open-data/dump";
import { openApiDocument } from "../domain/public-register/open-data/openapi";
import type { RateLimitPolicy } from "../domain/public-register/open-data/rate-limit";
import { API_BASE_PATH, openDailyDumpList, openOrganisationQuery, openUseCaseQuery, useCaseIdParam, versionParam } from "../domain/public-register/open-data/schemas";
import { getOpenUseCase, getOpenUseCaseAs, getOpenUseCaseVersion, listOpenOrganisations, listOpenUseCases } from "../domain/public-register/open-data/service";
import { badQuery, notFound, openApi, openApiFile, type OpenOutcome, queryObject } from "./open-data";

export interface RouteOptions {
  db: PrismaClient;
  rateLimit?: RateLimitPolicy;
}

const formats = ["nl-algoritmeregister", "uk-atrs", "us-inventory"] as const satisfies readonly TargetFormatId[];

export function organisations(request: Request, options: RouteOptions): Promise<Response> {
  return openApi(request, options, async ({ tx, url, links }) => {
    const query = openOrganisationQuery.safeParse(queryObject(url.searchParams));
    if (!query.success) return badQuery(query.error);
    return { kind: "json", body: await listOpenOrganisations(tx, query.data, links) };
  });
}

export function useCases(request: Request, options: RouteOptions): Promise<Response> {
  return openApi(request, options, async ({ tx, url, links }) => {
    const query = openUseCaseQuery.safeParse(queryObject(url.searchParams));
    if (!query.success) return badQuery(query.error);
    return { kind: "json", body: await listOpenUseCases(tx, query.data, links, url.searchParams) };
  });
}

const unknownUseCase = notFound("No published use case has this id.");

export function useCase(request: Request, options: RouteOptions, id: string): Promise<Response> {
  return openApi(request, options, async ({ tx, links }): Promise<OpenOutcome> => {
    if (!useCaseIdParam.safeParse(id).success) return unknownUseCase;
    const result = await getOpenUseCase(tx, id, links);
    if (result.status === "NOT_FOUND") return unknownUseCase;
    return { kind: "json", body: result.body, status: result.status === "RETRACTED" ? 410 : 200 };
  });
}

export function useCaseVersion(request: Request, options: RouteOptions, id: string, version: string): Promise<Response> {
  return openApi(request, options, async ({ tx }): Promise<OpenOutcome> => {
    const number = versionParam.safeParse(version);
    if (!useCaseIdParam.safeParse(id).success || !number.success) return notFound("No such published version.");
    const body = await getOpenUseCaseVersion(tx, id, number.data);
    return body ? { kind: "json", body } : notFound("No such published version.");
  });
}

/** `/use-cases/{id}/{format}.json`: the current version in another register's shape. */
export function useCaseAs(request: Request, options: RouteOptions, id: string, file: string): Promise<Response> {
  return openApi(request, options, async ({ tx, links }): Promise<OpenOutcome> => {
    const format = formats.find((name) => file === `${name}.json`);
    if (!format) return notFound(`Unknown format. Use one of: ${formats.map((name) => `${name}.json`).join(", ")}.`);
    if (!useCaseIdParam.safeParse(id).success) return unknownUseCase;
    const body = await getOpenUseCaseAs(tx, id, format, links);
    return body === null ? unknownUseCase : { kind: "json", body };
  });
}

export function openApiDescription(request: Request, options: RouteOptions): Promise<Response> {
  return openApi(request, options, async () => ({ kind: "json", body: openApiDocument() }));
}

function fileResponse(stream: ReadableStream<Uint8Array>, format: DumpFormat, fileName: string, extra: Record<string, string> = {}): Response {
  return new Response(stream, {
    headers: {
      "content-type": dumpContentType[format],
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      ...extra,
    },
  });
}

/** `/dump.csv`, `/dump.jsonl`: everything published now, streamed. */
export function dump(request: Request, options: RouteOptions, format: DumpFormat): Promise<Response> {
  return openApiFile(request, options, async () => ({
    kind: "response",
    response: fileResponse(dumpStream(options.db, format), format, `tillit-ai-register.${format}`),
  }));
}

export function dailyDumps(request: Request, options: RouteOptions): Promise<Response> {
  return openApi(request, options, async ({ tx, links }) => ({
    kind: "json",
    cache: "none",
    body: openDailyDumpList.parse({
      data: (await listDailyDumps(tx)).map((entry) => ({
        ...entry,
        completedAt: entry.completedAt.toISOString(),
        links: { self: `${links.origin}${API_BASE_PATH}/dumps/${entry.day}.${entry.format}` },
      })),
    }),
  }));
}

/** `/dumps/daily.csv` (today's, written on the first request of the day) or `/dumps/2026-12-02.jsonl`. */
export function dailyDumpFile(request: Request, options: RouteOptions, file: string): Promise<Response> {
  return openApiFile(request, options, async (): Promise<OpenOutcome> => {
    const match = /^(daily|\d{4}-\d{2}-\d{2})\.(csv|jsonl)$/.exec(file);
    if (!match) return notFound("Use daily.csv, daily.jsonl or <YYYY-MM-DD>.csv|jsonl.");
    const format = match[2] as DumpFormat;
    const found = match[1] === "daily" ? await dailyDump(options.db, format) : await storedDailyDump(options.db, format, match[1]!);
    if (!found) {
      return match[1] === "daily"
        ? { kind: "problem", status: 503, title: "Not ready", detail: "The first daily file is being written. Try again in a minute." }
        : notFound("No daily file for that day (the last 7 days are kept).");
    }
    return {
      kind: "response",
      response: fileResponse(dailyDumpStream(options.db, found), format, `tillit-ai-register-${found.day}.${format}`, {
        "x-dump-date": found.day,
        "last-modified": found.completedAt.toUTCString(),
        etag: `"${found.sha256.slice(0, 32)}"`,
        "content-length": String(found.byteCount),
      }),
    };
  });
}
