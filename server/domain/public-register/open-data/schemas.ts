/**
 * The open API's requests and responses (/api/open/v1): one zod schema each. The same
 * schemas validate the query, shape every response (responses are parsed through them,
 * so an unknown key can never leave) and generate the OpenAPI description (openapi.ts).
 */
import { z } from "zod";
import { openApiSchemas } from "./open-api-registry";
import { AiTechnique, LifecycleStage, OrganisationKind, RiskClass, Sector } from "../../../db/generated/enums";
import { publicRegisterFilters, publicRegisterPage } from "../schemas";
import { publicUseCaseSnapshot } from "../snapshot";

export const API_VERSION = "v1";
export const API_BASE_PATH = `/api/open/${API_VERSION}`;

const timestamp = z.iso.datetime({ offset: true }).meta({ description: "ISO 8601 date-time (UTC)." });
const url = z.string().meta({ description: "An absolute URL." });

// --- Requests ---------------------------------------------------------------------------

/** `GET /use-cases`: the public register's filters and keyset page. */
export const openUseCaseQuery = publicRegisterFilters.extend(publicRegisterPage.shape).strict();
export type OpenUseCaseQuery = z.output<typeof openUseCaseQuery>;

const booleanParam = z
  .enum(["true", "false"])
  .optional()
  .transform((value) => (value === undefined ? undefined : value === "true"));
const oneOrMany = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item).max(50)])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]) as z.infer<T>[]);

/** `GET /organisations`. */
export const openOrganisationQuery = z
  .object({
    published: booleanParam.meta({ description: "true: only organisations that have published; false: only those that have not." }),
    kind: oneOrMany(z.enum(OrganisationKind)),
    updatedSince: z.iso.datetime({ offset: true }).optional().meta({ description: "Only organisations that published at or after this moment." }),
  })
  .strict();
export type OpenOrganisationQuery = z.output<typeof openOrganisationQuery>;

export const useCaseIdParam = z.uuid();
export const versionParam = z.coerce.number().int().positive().max(1_000_000);

// --- Responses --------------------------------------------------------------------------

export const problemDetails = z
  .object({
    status: z.number().int(),
    title: z.string(),
    detail: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ description: "An error (RFC 9457 problem details)." }).register(openApiSchemas, { id: "Problem" });

export const openOrganisation = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    kind: z.enum(OrganisationKind),
    sector: z.enum(Sector),
    websiteUrl: z.string().nullable(),
    publishedCount: z.number().int().min(0),
    lastPublishedAt: timestamp.nullable(),
    completeness: z.number().int().min(0).max(100).nullable().meta({ description: "Average share (0-100) of the optional public fields filled in." }),
    links: z.object({ useCases: url }).strict(),
  })
  .strict()
  .register(openApiSchemas, { id: "Organisation" });

export const openOrganisationList = z
  .object({ data: z.array(openOrganisation), total: z.number().int() })
  .strict()
  .register(openApiSchemas, { id: "OrganisationList" });

export const openUseCaseSummary = z
  .object({
    id: z.uuid(),
    version: z.number().int().positive(),
    title: z.string(),
    publicSummary: z.string(),
    organisation: z.object({ slug: z.string(), name: z.string(), kind: z.enum(OrganisationKind) }).strict(),
    sector: z.enum(Sector),
    lifecycleStage: z.enum(LifecycleStage),
    riskClass: z.enum(RiskClass),
    techniques: z.array(z.enum(AiTechnique)),
    generativeAi: z.boolean(),
    processesPersonalData: z.boolean(),
    firstPublishedAt: timestamp,
    publishedAt: timestamp,
    links: z.object({ self: url, page: url }).strict(),
  })
  .strict()
  .register(openApiSchemas, { id: "UseCaseSummary" });

const facetCount = <T extends z.ZodType>(value: T) => z.object({ value, count: z.number().int(), label: z.string().optional() }).strict();

export const openUseCaseList = z
  .object({
    data: z.array(openUseCaseSummary),
    total: z.number().int().meta({ description: "How many use cases match the filters." }),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
    links: z.object({ next: url.nullable() }).strict(),
    facets: z
      .object({
        organisation: z.array(facetCount(z.string())),
        organisationKind: z.array(facetCount(z.enum(OrganisationKind))),
        sector: z.array(facetCount(z.enum(Sector))),
        lifecycleStage: z.array(facetCount(z.enum(LifecycleStage))),
        riskClass: z.array(facetCount(z.enum(RiskClass))),
        technique: z.array(facetCount(z.enum(AiTechnique))),
        generativeAi: z.array(facetCount(z.boolean())),
        personalData: z.array(facetCount(z.boolean())),
      })
      .strict()
      .meta({ description: "Counts per filter value, each with the other filters applied." }),
  })
  .strict()
  .register(openApiSchemas, { id: "UseCaseList" });

export const openUseCaseSnapshot = publicUseCaseSnapshot.meta({
  description: "A published version of a use case: every public field. Withheld fields are null and listed, with reasons, in `withheld`.", }).register(openApiSchemas, { id: "UseCaseSnapshot" });

export const openVersionEntry = z
  .object({ version: z.number().int().positive(), publishedAt: timestamp, supersededAt: timestamp.nullable(), links: z.object({ self: url }).strict() })
  .strict()
  .register(openApiSchemas, { id: "VersionEntry" });

export const openUseCaseDetail = z
  .object({
    id: z.uuid(),
    status: z.literal("PUBLISHED"),
    version: z.number().int().positive(),
    firstPublishedAt: timestamp,
    publishedAt: timestamp,
    completeness: z.number().int().min(0).max(100),
    useCase: openUseCaseSnapshot,
    versions: z.array(openVersionEntry),
    reports: z
      .object({ openCount: z.number().int(), answeredCount: z.number().int(), medianResponseSeconds: z.number().nullable() })
      .strict()
      .meta({ description: "Reports of errors and questions from the public: how many are open and answered, and the median time to an answer." }),
    links: z
      .object({ self: url, page: url, ukAtrs: url, nlAlgoritmeregister: url, usInventory: url })
      .strict(),
  })
  .strict()
  .register(openApiSchemas, { id: "UseCaseDetail" });

export const openRetractedUseCase = z
  .object({
    id: z.uuid(),
    status: z.literal("RETRACTED"),
    title: z.string(),
    organisation: z.object({ slug: z.string(), name: z.string() }).strict(),
    version: z.number().int().positive(),
    publishedAt: timestamp,
    retractedAt: timestamp,
    retractionReason: z.string(),
  })
  .strict()
  .meta({ description: "A use case the organisation has retracted: only its title and the public reason remain." }).register(openApiSchemas, { id: "RetractedUseCase" });

export const openUseCaseVersion = z
  .object({
    id: z.uuid(),
    version: z.number().int().positive(),
    publishedAt: timestamp,
    supersededAt: timestamp.nullable(),
    useCase: openUseCaseSnapshot,
  })
  .strict()
  .register(openApiSchemas, { id: "UseCaseVersion" });

/** One line of the JSON Lines dump. */
export const openDumpRecord = z
  .object({
    id: z.uuid(),
    version: z.number().int().positive(),
    firstPublishedAt: timestamp,
    publishedAt: timestamp,
    completeness: z.number().int().min(0).max(100),
    useCase: openUseCaseSnapshot,
  })
  .strict()
  .meta({ description: "One line of the JSON Lines dump: the current version of a published use case." }).register(openApiSchemas, { id: "DumpRecord" });

/** Top-level keys allowed in each response, for the tests' allow-list. */
export const responseKeys = {
  organisation: Object.keys(openOrganisation.shape),
  useCaseSummary: Object.keys(openUseCaseSummary.shape),
  useCaseDetail: Object.keys(openUseCaseDetail.shape),
} as const;

export const openDailyDumpList = z
  .object({
    data: z.array(
      z
        .object({
          day: z.iso.date().meta({ description: "The day (Swedish time) the file was written." }),
          format: z.enum(["csv", "jsonl"]),
          recordCount: z.number().int(),
          byteCount: z.number().int(),
          sha256: z.string(),
          completedAt: timestamp,
          links: z.object({ self: url }).strict(),
        })
        .strict(),
    ),
  })
  .strict()
  .register(openApiSchemas, { id: "DailyDumpList" });
