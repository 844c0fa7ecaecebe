/** Inputs of the public register: the list's filters (kept in the page's URL and the open API's query) and the report form. */
import { z } from "zod";
import { AiTechnique, LifecycleStage, OrganisationKind, RiskClass, Sector, WithholdingReason } from "../../db/generated/enums";
import { organisationSlugInput } from "../organisations/schemas";
import { isoInstant, pageCursor, text } from "../schema-parts";
import { withholdableField } from "./snapshot";

/** One value or several, as a URL query gives them (`?riskClass=HIGH_RISK&riskClass=MINIMAL`). */
const oneOrMany = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item).max(50)])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]) as z.infer<T>[]);

/** "true"/"false" from a URL, a boolean from JSON; anything else (e.g. "") means no filter. */
const booleanParam = z
  .union([z.boolean(), z.enum(["true", "false", ""])])
  .optional()
  .transform((value) => (value === undefined || value === "" ? undefined : value === true || value === "true"));

export const publicSorts = ["newest", "title", "relevance"] as const;

export const publicRegisterFilters = z.object({
  q: text().trim().max(200, "must be at most 200 characters").optional(),
  /** Organisation slugs. */
  organisation: oneOrMany(text().trim().min(1).max(100)),
  organisationKind: oneOrMany(z.enum(OrganisationKind)),
  sector: oneOrMany(z.enum(Sector)),
  lifecycleStage: oneOrMany(z.enum(LifecycleStage)),
  riskClass: oneOrMany(z.enum(RiskClass)),
  technique: oneOrMany(z.enum(AiTechnique)),
  generativeAi: booleanParam,
  personalData: booleanParam,
  /** Only use cases (re)published at or after this moment: for harvesting. */
  updatedSince: isoInstant().optional(),
  sort: z.enum(publicSorts).default("newest"),
});
export type PublicRegisterFilters = z.output<typeof publicRegisterFilters>;

export const publicRegisterPage = z.object({
  cursor: pageCursor().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type PublicRegisterPageInput = z.output<typeof publicRegisterPage>;

// --- The publication workflow (inside the organisation) ---------------------------------

const useCaseRef = organisationSlugInput.extend({ useCaseId: z.uuid() });

export const publicationPanelInput = useCaseRef;
export const publishedVersionInput = useCaseRef.extend({ snapshotVersion: z.number().int().positive() });

/** The publication's version the change was made on (0 before the first proposal). */
const versioned = useCaseRef.extend({ version: z.number().int().min(0) });

export const proposePublicationInput = versioned.extend({
  note: text().trim().min(1, "is required").max(2_000, "must be at most 2000 characters"),
});
export const publicationStepInput = versioned;
export const retractPublicationInput = versioned.extend({
  reason: text().trim().min(1, "is required").max(2_000, "must be at most 2000 characters"),
});
export const setWithholdingReasonsInput = versioned.extend({
  reasons: z.partialRecord(withholdableField, z.enum(WithholdingReason)),
});

// --- The inbox of reports from the public -----------------------------------------------

export const reportListInput = organisationSlugInput.extend({
  status: z.enum(["OPEN", "ANSWERED", "CLOSED"]).optional(),
});
export const reportIdInput = organisationSlugInput.extend({ id: z.uuid() });
const reportVersioned = reportIdInput.extend({ version: z.number().int().positive() });
export const reportStepInput = reportVersioned;
export const assignReportInput = reportVersioned.extend({ assigneeId: z.uuid().nullable() });
export const answerReportInput = reportVersioned.extend({
  answer: text().trim().min(1, "is required").max(4_000, "must be at most 4000 characters"),
  /** E-mail the answer to the sender (when they left an address and SMTP is set up). */
  emailSender: z.boolean().default(false),
});
