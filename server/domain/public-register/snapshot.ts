/**
 * What the public sees of a use case: one published version, as stored in
 * PublishedUseCaseSnapshot.snapshot. This one schema validates a snapshot when it is
 * written, shapes the public pages and the open API, and documents the public fields.
 * Nothing outside it is ever public; withheld fields are null and listed, with their
 * reasons, in `withheld`.
 */
import { z } from "zod";
import {
  AcquisitionMethod,
  AffectedGroup,
  AiActRole,
  AiTechnique,
  AnnexIIIArea,
  Hosting,
  LifecycleStage,
  OrganisationKind,
  OutputUse,
  PersonalDataCategory,
  ProcurementDecisionStatus,
  ProcurementRoute,
  RiskClass,
  Sector,
  TemplateKind,
  WithholdingReason,
} from "../../db/generated/enums";
import { publishableFields } from "../use-cases/schemas";

export const SNAPSHOT_SCHEMA_VERSION = 1;

/** Fields that may be withheld: the use case's publishable fields, plus its procurement. */
export const withholdableFields = [...publishableFields, "procurement"] as const;
export const withholdableField = z.enum(withholdableFields);
export type WithholdableField = z.infer<typeof withholdableField>;

export const withholdingReason = z.enum(WithholdingReason);

/** A field the organisation did not publish, and why (a reason from the fixed list, and its own words). */
export const withheldField = z.object({
  field: withholdableField,
  reason: withholdingReason,
  explanation: z.string().max(1_000),
});
export type WithheldField = z.infer<typeof withheldField>;

const day = z.iso.date();
const text = z.string().max(10_000);

export const publicAssessmentSummary = z.object({
  templateKind: z.enum(TemplateKind),
  templateVersion: z.number().int().positive(),
  approvedAt: z.iso.datetime({ offset: true }),
  /** The risk class the approved AI Act classification gave, where it gives one. */
  riskClass: z.enum(RiskClass).nullable(),
});
export type PublicAssessmentSummary = z.infer<typeof publicAssessmentSummary>;

export const publicProcurementSummary = z.object({
  route: z.enum(ProcurementRoute),
  status: z.enum(ProcurementDecisionStatus),
  decidedOn: day.nullable(),
  /** Null when the procurement is withheld as a whole or has no supplier. */
  supplierName: z.string().nullable(),
  productName: z.string().nullable(),
});
export type PublicProcurementSummary = z.infer<typeof publicProcurementSummary>;

export const publicOrganisation = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  organisationNumber: z.string(),
  kind: z.enum(OrganisationKind),
  sector: z.enum(Sector),
  websiteUrl: z.string().nullable(),
});

export const publicUseCaseSnapshot = z.strictObject({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  useCaseId: z.uuid(),
  reference: z.string(),
  organisation: publicOrganisation,
  /** Where the public writes: the use case's public contact, else the organisation's. */
  contactEmail: z.string().nullable(),

  // Identity
  title: z.string().min(1).max(200),
  publicSummary: z.string().min(1).max(1_000),
  description: text.nullable(),
  registryNumber: z.string().nullable(),
  tags: z.array(z.string()),

  // Purpose and context
  businessArea: z.string(),
  /** The purpose: the problem it solves and the benefit. */
  problemAndBenefit: text.nullable(),
  intendedUsers: text.nullable(),
  affectedGroups: z.array(z.enum(AffectedGroup)),
  outputUse: z.enum(OutputUse),
  humanOversight: text.nullable(),
  appealProcess: text.nullable(),
  legalBasis: text.nullable(),
  legalReferences: z.array(z.object({ title: z.string(), url: z.string() })),
  necessity: text.nullable(),
  subsidiarity: text.nullable(),
  proportionality: text.nullable(),
  alternativesConsidered: text.nullable(),
  consequenceOfNotDeploying: text.nullable(),

  // Technology and data
  techniques: z.array(z.enum(AiTechnique)),
  generativeAi: z.boolean(),
  modelsAndVersions: text.nullable(),
  acquisitionMethod: z.enum(AcquisitionMethod).nullable(),
  supplierName: z.string().nullable(),
  hosting: z.enum(Hosting).nullable(),
  dataLeavesEea: z.boolean().nullable(),
  dataSources: text.nullable(),
  /** Whether personal data is processed: always public, even when the categories are withheld. */
  processesPersonalData: z.boolean(),
  personalData: z.array(z.enum(PersonalDataCategory)).nullable(),
  trainingData: text.nullable(),

  // Status
  lifecycleStage: z.enum(LifecycleStage),
  startedOn: day.nullable(),
  inUseSince: day.nullable(),
  retiredOn: day.nullable(),

  // Risk
  aiActRoles: z.array(z.enum(AiActRole)),
  riskClass: z.enum(RiskClass),
  annexIIIArea: z.enum(AnnexIIIArea).nullable(),
  riskClassJustification: text.nullable(),
  dpiaDone: z.boolean(),
  friaDone: z.boolean(),

  // Assessments and procurement
  approvedAssessments: z.array(publicAssessmentSummary),
  /** Null when withheld. */
  procurement: z.array(publicProcurementSummary).nullable(),

  withheld: z.array(withheldField),
});
export type PublicUseCaseSnapshot = z.infer<typeof publicUseCaseSnapshot>;

/** Every key a public use case may carry: the allow-list tests compare responses with. */
export const publicSnapshotKeys = Object.keys(publicUseCaseSnapshot.shape) as (keyof PublicUseCaseSnapshot)[];

/**
 * The text fields of a snapshot the public reads in prose, checked for plain language
 * (server/domain/public-register/plain-language.ts) and compared field by field for
 * "changed since publication".
 */
export const publicTextFields = [
  "title",
  "publicSummary",
  "description",
  "problemAndBenefit",
  "intendedUsers",
  "humanOversight",
  "appealProcess",
  "legalBasis",
  "necessity",
  "proportionality",
  "alternativesConsidered",
  "consequenceOfNotDeploying",
  "dataSources",
  "trainingData",
  "riskClassJustification",
] as const satisfies readonly (keyof PublicUseCaseSnapshot)[];

/** Optional public fields counted for completeness (how much of the record is told). */
export const completenessFields = [
  "description",
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
  "acquisitionMethod",
  "hosting",
  "dataSources",
  "trainingData",
  "riskClassJustification",
] as const satisfies readonly (keyof PublicUseCaseSnapshot)[];

/** Percentage (0-100) of the optional public fields filled in; withheld fields count as not told. */
export function completenessOf(snapshot: PublicUseCaseSnapshot): number {
  const filled = completenessFields.filter((field) => {
    const value = snapshot[field];
    return value !== null && value !== "";
  }).length;
  return Math.round((filled / completenessFields.length) * 100);
}
