/**
 * The use-case record: one zod schema, used by the form in the browser, by the procedures,
 * and by the import. Field groups follow the form: identity, purpose and context,
 * technology and data, status, risk, publication.
 */
import { z } from "zod";
import { httpUrl, optionalCalendarDate, optionalText, pageCursor, requiredText, rowVersion, text } from "../schema-parts";
import {
  AcquisitionMethod,
  AffectedGroup,
  AiActRole,
  AiTechnique,
  AnnexIIIArea,
  Hosting,
  LifecycleStage,
  OutputUse,
  PersonalDataCategory,
  RiskClass,
} from "../../db/generated/enums";
import { organisationSlugInput } from "../organisations/schemas";

const SHORT = 200;
const SUMMARY = 1_000;
const LONG = 10_000;

const optionalDate = optionalCalendarDate();

const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max, `may have at most ${max} entries`)
    .default([])
    .transform((values) => [...new Set(values)] as z.infer<T>[]);

export const legalReference = z.object({
  title: requiredText(SHORT),
  url: httpUrl(),
});

/** Fields of the record that may be withheld from the public register, with a reason. */
export const publishableFields = [
  "description",
  "registryNumber",
  "problemAndBenefit",
  "intendedUsers",
  "humanOversight",
  "appealProcess",
  "legalBasis",
  "necessity",
  "subsidiarity",
  "proportionality",
  "alternativesConsidered",
  "consequenceOfNotDeploying",
  "modelsAndVersions",
  "supplierName",
  "hosting",
  "dataSources",
  "personalData",
  "trainingData",
] as const;
export const publishableField = z.enum(publishableFields);

export const useCaseFields = z.object({
  // Identity
  title: requiredText(SHORT),
  publicSummary: requiredText(SUMMARY),
  description: optionalText(LONG),
  registryNumber: optionalText(100),
  tags: uniqueList(text().trim().min(1).max(50, "a tag must be at most 50 characters"), 20),

  // Purpose and context
  businessArea: requiredText(SHORT),
  problemAndBenefit: optionalText(LONG),
  intendedUsers: optionalText(SUMMARY),
  affectedGroups: uniqueList(z.enum(AffectedGroup), 10),
  outputUse: z.enum(OutputUse, "choose how the outputs are used"),
  humanOversight: optionalText(LONG),
  appealProcess: optionalText(LONG),
  legalBasis: optionalText(LONG),
  legalReferences: z.array(legalReference).max(20, "may have at most 20 references").default([]),
  necessity: optionalText(LONG),
  subsidiarity: optionalText(LONG),
  proportionality: optionalText(LONG),
  alternativesConsidered: optionalText(LONG),
  consequenceOfNotDeploying: optionalText(LONG),

  // Technology and data
  techniques: uniqueList(z.enum(AiTechnique), 11),
  modelsAndVersions: optionalText(SUMMARY),
  acquisitionMethod: z.enum(AcquisitionMethod).nullable().optional().transform((v) => v ?? null),
  supplierName: optionalText(SHORT),
  hosting: z.enum(Hosting).nullable().optional().transform((v) => v ?? null),
  dataLeavesEea: z.boolean().nullable().optional().transform((v) => v ?? null),
  dataSources: optionalText(LONG),
  personalData: uniqueList(z.enum(PersonalDataCategory), 5),
  trainingData: optionalText(LONG),

  // Status
  lifecycleStage: z.enum(LifecycleStage).default("IDEA"),
  startedOn: optionalDate,
  inUseSince: optionalDate,
  retiredOn: optionalDate,
  nextReviewOn: optionalDate,

  // Risk
  aiActRoles: uniqueList(z.enum(AiActRole), 6),
  riskClass: z.enum(RiskClass).default("UNDETERMINED"),
  annexIIIArea: z.enum(AnnexIIIArea).nullable().optional().transform((v) => v ?? null),
  annexI: z.boolean().default(false),
  riskClassJustification: optionalText(LONG),
  dpiaRequired: z.boolean().nullable().optional().transform((v) => v ?? null),
  dpiaDone: z.boolean().default(false),
  friaRequired: z.boolean().nullable().optional().transform((v) => v ?? null),
  friaDone: z.boolean().default(false),

  // Publication
  intendedForPublication: z.boolean().default(false),
  publicContactEmail: z
    .union([z.literal(""), z.email("must be an email address").max(254)])
    .nullable()
    .optional()
    .transform((value) => (value ? value.toLowerCase() : null)),
  withheldFields: z
    .partialRecord(publishableField, requiredText(SUMMARY).describe("the reason the field is withheld"))
    .default({}),
});

/** The record as the form and the import give it, before the rules (see rules.ts) are checked. */
export type UseCaseFieldsInput = z.input<typeof useCaseFields>;
export type UseCaseFields = z.output<typeof useCaseFields>;

export const createUseCaseInput = organisationSlugInput.extend({ useCase: useCaseFields });
export const updateUseCaseInput = organisationSlugInput.extend({
  id: z.uuid(),
  version: rowVersion(),
  useCase: useCaseFields,
});
export const useCaseIdInput = organisationSlugInput.extend({ id: z.uuid() });
export const useCaseVersionInput = useCaseIdInput.extend({ version: rowVersion() });

/** Share a use case with DIGG's oversight, or stop sharing it. */
export const oversightSharingInput = useCaseVersionInput.extend({ shared: z.boolean() });

/** One value or several, as a URL query gives them (`?stage=IDEA&stage=PILOT`). */
const oneOrMany = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item)])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]) as z.infer<T>[]);

const booleanParam = z
  .union([z.boolean(), z.enum(["true", "false"])])
  .optional()
  .transform((value) => (value === undefined ? undefined : value === true || value === "true"));

/**
 * The register's filters: the list, its counts and the export all take these, and the
 * list page keeps them in its URL.
 */
export const useCaseListFilters = z.object({
  q: text().trim().max(200, "must be at most 200 characters").optional(),
  lifecycleStage: oneOrMany(z.enum(LifecycleStage)),
  riskClass: oneOrMany(z.enum(RiskClass)),
  technique: oneOrMany(z.enum(AiTechnique)),
  businessArea: oneOrMany(text().trim().min(1).max(SHORT)),
  personalData: oneOrMany(z.enum(PersonalDataCategory)),
  published: booleanParam,
  supplier: text().trim().max(SHORT).optional(),
  /** High-risk or personal-data use cases that lack an approved assessment they need. */
  assessmentGap: booleanParam,
  /** Use cases missing a responsibility they require (server/domain/responsibilities/gaps.ts). */
  responsibilityGap: booleanParam,
  /**
   * Where the use case stands in the public register: proposed, published (now public),
   * published but out of date (the record changed since the published version), retracted.
   */
  publication: z.enum(["proposed", "published", "outOfDate", "retracted"]).optional(),
  /** Archived use cases leave the list; `archived: true` shows only them. */
  archived: booleanParam,
  sort: z.enum(["updated", "title", "reference", "relevance"]).default("updated"),
});
export type UseCaseListFilters = z.output<typeof useCaseListFilters>;

export const useCaseListInput = organisationSlugInput.extend({
  filters: useCaseListFilters.prefault({}),
  cursor: pageCursor().optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
