/**
 * Inputs of the procurement procedures: one schema for the decision form, used by the form
 * in the browser and by the procedures on the server. Values are whole kronor (excl. VAT),
 * sent as numbers (or as text with spaces, as people type them) and stored as BigInt.
 */
import { z } from "zod";
import { calendarDate, httpUrl, optionalCalendarDate, optionalText, requiredText, rowVersion, text } from "../schema-parts";
import { OrganisationKind, ProcurementDecisionStatus, ProcurementRoute, RequirementStatus } from "../../db/generated/enums";
import { organisationSlugInput } from "../organisations/schemas";

export const procurementRoute = z.enum(ProcurementRoute);
export const decisionStatus = z.enum(ProcurementDecisionStatus);
export const requirementStatus = z.enum(RequirementStatus);

/** A calendar date as YYYY-MM-DD, or empty for "none". */
const optionalDate = optionalCalendarDate();

const optionalId = z
  .union([z.literal(""), z.uuid("choose from the list")])
  .nullable()
  .optional()
  .transform((value) => (value ? value : null));

/** Whole kronor: a number, or text such as "900 000"; empty means "not estimated". */
export const sekValue = z
  .union([z.number(), text().max(100, "must be whole kronor")])
  .nullable()
  .optional()
  .transform((value, ctx) => {
    if (value === null || value === undefined) return null;
    if (typeof value === "number") return value;
    const compact = value.replace(/[\s\u00a0\u202f]/g, "").replace(/kr$/i, "");
    if (compact === "") return null;
    if (!/^\d+$/.test(compact)) {
      ctx.addIssue({ code: "custom", message: "must be whole kronor" });
      return z.NEVER;
    }
    return Number(compact);
  })
  .pipe(
    z
      .number()
      .int("must be whole kronor")
      .min(0, "cannot be negative")
      .max(Number.MAX_SAFE_INTEGER, "is too large")
      .nullable(),
  );

export const documentLink = z.object({
  title: requiredText(200),
  url: httpUrl(),
});
export type DocumentLink = z.infer<typeof documentLink>;

/** The decision's own fields: what the form edits. */
export const decisionFields = z.object({
  route: procurementRoute,
  supplierId: optionalId,
  productId: optionalId,
  frameworkAgreementKey: text()
    .trim()
    .max(100)
    .nullable()
    .optional()
    .transform((value) => (value ? value : null)),
  estimatedValueSek: sekValue,
  contractStartOn: optionalDate,
  contractEndOn: optionalDate,
  registryNumber: optionalText(100),
  decidedOn: optionalDate,
  decisionMaker: optionalText(200),
  rationale: optionalText(10_000),
  documentLinks: z.array(documentLink).max(20, "may have at most 20 links").default([]),
  legalException: optionalText(500),
  legalExceptionJustification: optionalText(10_000),
  sharedWithOtherOrganisations: z.boolean().default(false),
});
export type DecisionFields = z.output<typeof decisionFields>;
export type DecisionFieldsInput = z.input<typeof decisionFields>;

export const decisionIdInput = organisationSlugInput.extend({ id: z.uuid() });
export const decisionVersionInput = decisionIdInput.extend({ version: rowVersion() });

export const useCaseDecisionsInput = organisationSlugInput.extend({ useCaseId: z.uuid() });

export const createDecisionInput = organisationSlugInput.extend({ useCaseId: z.uuid(), fields: decisionFields });
export const updateDecisionInput = decisionVersionInput.extend({ fields: decisionFields });

export const setRequirementInput = decisionIdInput.extend({
  itemKey: text().min(1).max(100),
  /** The version of the item the person read. */
  itemVersion: rowVersion(),
  required: z.boolean(),
  status: requirementStatus,
  evidence: optionalText(10_000),
});

/** A status change; approving or rejecting records the decision date (today when not given). */
export const setStatusInput = decisionVersionInput.extend({
  status: decisionStatus.exclude(["PLANNED"]),
  decidedOn: optionalDate,
});

export const acceptRiskInput = decisionVersionInput.extend({
  reason: text().trim().min(1, "is required").max(4_000, "must be at most 4 000 characters"),
});

/** The live check the form asks for as value, route and date change. */
export const thresholdCheckInput = organisationSlugInput.extend({
  valueSek: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  on: calendarDate().optional(),
});

/** For tests and tools that check a kind other than the caller's organisation's. */
export const organisationKind = z.enum(OrganisationKind);
