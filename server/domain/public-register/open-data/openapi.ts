/**
 * The OpenAPI 3.1 description of the open API, generated from the zod schemas that
 * validate its queries and shape its responses (zod 4's JSON Schema output, draft
 * 2020-12, which OpenAPI 3.1 uses as is). Nothing here restates a field by hand.
 */
import { z } from "zod";
import { nlAlgoritmeregisterRecord } from "../mappings/nl-algoritmeregister";
import { ukAtrsRecord } from "../mappings/uk-atrs";
import { usInventoryRecord } from "../mappings/us-inventory";
import { dumpCsvColumns } from "./dump";
import { openApiSchemas } from "./open-api-registry";
import { OPEN_API_RATE_LIMIT } from "./rate-limit";
import { API_BASE_PATH, openOrganisationQuery, openUseCaseQuery } from "./schemas";

// The mapped records are registered where they are defined; naming them here keeps their modules loaded.
void [nlAlgoritmeregisterRecord, ukAtrsRecord, usInventoryRecord];

type JsonSchema = Record<string, unknown>;

function clean(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

/** Every registered schema as a component. */
export function componentSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(openApiSchemas, {
    target: "draft-2020-12",
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: "any",
  }) as { schemas: Record<string, JsonSchema> };
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, clean(schema)]));
}

/** The query parameters of an endpoint, from the zod object that parses its query. */
function queryParameters(query: z.ZodObject): JsonSchema[] {
  return Object.entries(query.shape).map(([name, field]) => {
    const schema = clean(z.toJSONSchema(field as z.ZodType, { io: "input", target: "draft-2020-12", unrepresentable: "any" }) as JsonSchema);
    const { description, ...rest } = schema;
    const repeatable = JSON.stringify(rest).includes('"type":"array"');
    return {
      name,
      in: "query",
      required: !(field as z.ZodType).safeParse(undefined).success,
      ...(description ? { description } : {}),
      ...(repeatable ? { style: "form", explode: true } : {}),
      schema: rest,
    };
  });
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string, description: string) => ({ description, content: { "application/json": { schema: ref(id) } } });
const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: ref("Problem") } } });

const rateLimited = {
  description: `Too many requests: at most ${OPEN_API_RATE_LIMIT.limit} a minute per client address.`,
  headers: { "Retry-After": { description: "Seconds until the limit resets.", schema: { type: "integer" } } },
  content: { "application/problem+json": { schema: ref("Problem") } },
};
const notModified = { description: "Not modified: the `If-None-Match` ETag is current." };
const common = { "304": notModified, "400": problem("A query parameter is invalid; `errors` names it."), "429": rateLimited };

const ifNoneMatch = {
  name: "If-None-Match",
  in: "header",
  required: false,
  description: "An ETag from an earlier response: a 304 without body when nothing changed.",
  schema: { type: "string" },
};
const idParameter = { name: "id", in: "path", required: true, description: "The use case's id.", schema: { type: "string", format: "uuid" } };

function mapped(id: string, standard: string) {
  return {
    get: {
      tags: ["Mappings"],
      summary: `The current published version as ${standard}`,
      parameters: [idParameter, ifNoneMatch],
      responses: { "200": json(id, standard), ...common, "404": problem("Not published (never, or retracted).") },
    },
  };
}

export function openApiDocument(): JsonSchema {
  return {
    openapi: "3.1.0",
    info: {
      title: "Tillit: öppna data från AI-registret (open data from the public AI register)",
      version: "1.0.0",
      description:
        "Read-only access to every AI use case Swedish public organisations have published in Tillit: only published versions, never internal fields. " +
        "JSON; ETag and If-None-Match; CORS open for GET; at most " +
        `${OPEN_API_RATE_LIMIT.limit} requests a minute per client address (429 with Retry-After). ` +
        "Lists use keyset pagination: follow `links.next` (or pass `nextCursor` as `cursor`); harvest changes with `updatedSince`.",
      license: { name: "CC0 1.0 (the published records)", url: "https://creativecommons.org/publicdomain/zero/1.0/" },
    },
    servers: [{ url: API_BASE_PATH }],
    tags: [
      { name: "Register", description: "Organisations and their published use cases." },
      { name: "Mappings", description: "A published use case in another register's shape." },
      { name: "Dump", description: "Everything published, as one file." },
    ],
    paths: {
      "/organisations": {
        get: {
          tags: ["Register"],
          summary: "Organisations, with how much each has published",
          parameters: [...queryParameters(openOrganisationQuery), ifNoneMatch],
          responses: { "200": json("OrganisationList", "Every organisation matching the filters, by name."), ...common },
        },
      },
      "/use-cases": {
        get: {
          tags: ["Register"],
          summary: "Published use cases: search, filters, counts and keyset pages",
          parameters: [...queryParameters(openUseCaseQuery), ifNoneMatch],
          responses: { "200": json("UseCaseList", "One page of published use cases."), ...common },
        },
      },
      "/use-cases/{id}": {
        get: {
          tags: ["Register"],
          summary: "One published use case, with its versions",
          parameters: [idParameter, ifNoneMatch],
          responses: {
            "200": json("UseCaseDetail", "The current published version."),
            ...common,
            "404": problem("Never published."),
            "410": json("RetractedUseCase", "Retracted: its title and the public reason remain."),
          },
        },
      },
      "/use-cases/{id}/versions/{version}": {
        get: {
          tags: ["Register"],
          summary: "One published version (current or earlier)",
          parameters: [idParameter, { name: "version", in: "path", required: true, schema: { type: "integer", minimum: 1 } }, ifNoneMatch],
          responses: { "200": json("UseCaseVersion", "That version as it was published."), ...common, "404": problem("No such published version.") },
        },
      },
      "/use-cases/{id}/nl-algoritmeregister.json": mapped("NlAlgoritmeregisterRecord", "a Dutch algorithm register record (standard 1.0)"),
      "/use-cases/{id}/uk-atrs.json": mapped("UkAtrsRecord", "a UK ATRS record (tiers 1 and 2)"),
      "/use-cases/{id}/us-inventory.json": mapped("UsInventoryRecord", "a row of the US federal AI use-case inventory"),
      "/dump.csv": {
        get: {
          tags: ["Dump"],
          summary: "Everything published now, as CSV (streamed)",
          description: `UTF-8 with BOM, semicolon-separated, CRLF (opens in Excel). Columns: ${dumpCsvColumns.map((c) => c.name).join(", ")}. Lists are joined with " | ".`,
          responses: { "200": { description: "The CSV file.", content: { "text/csv": { schema: { type: "string" } } } }, "429": rateLimited },
        },
      },
      "/dump.jsonl": {
        get: {
          tags: ["Dump"],
          summary: "Everything published now, as JSON Lines (streamed)",
          description: "One DumpRecord (see the schema) per line.",
          responses: {
            "200": { description: "One JSON object per line.", content: { "application/x-ndjson": { schema: { type: "string" } } } },
            "429": rateLimited,
          },
        },
      },
      "/dumps": {
        get: {
          tags: ["Dump"],
          summary: "The daily files kept (the last 7 days)",
          parameters: [ifNoneMatch],
          responses: { "200": json("DailyDumpList", "The daily files, newest first."), ...common },
        },
      },
      "/dumps/{file}": {
        get: {
          tags: ["Dump"],
          summary: "A daily file: `daily.csv` or `daily.jsonl` for today's, `YYYY-MM-DD.csv` or `.jsonl` for a given day",
          description:
            "Written once a day, by the first request of the day, and the same for every client that day. `X-Dump-Date` says which day a file is of (while today's is being written, `daily.*` answers with the newest finished one).",
          parameters: [{ name: "file", in: "path", required: true, schema: { type: "string", pattern: "^(daily|\\d{4}-\\d{2}-\\d{2})\\.(csv|jsonl)$" } }],
          responses: {
            "200": {
              description: "The file.",
              headers: { "X-Dump-Date": { description: "The day of the file.", schema: { type: "string", format: "date" } } },
              content: { "text/csv": { schema: { type: "string" } }, "application/x-ndjson": { schema: { type: "string" } } },
            },
            "404": problem("No file for that day."),
            "429": rateLimited,
            "503": problem("The first file is being written; try again shortly."),
          },
        },
      },
      "/openapi.json": {
        get: { summary: "This description", responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": { schema: { type: "object" } } } } } },
      },
    },
    components: { schemas: componentSchemas() },
  };
}
