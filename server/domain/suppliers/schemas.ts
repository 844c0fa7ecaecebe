/**
 * The supplier catalogue's input: one schema per form (supplierFields, productFields),
 * used by the form's resolver in the browser and by the procedures on the server, and the
 * procedures' input schemas built from them. Kept free of server imports.
 */
import { z } from "zod";
import { optionalText, pageCursor, rowVersion, text } from "../schema-parts";
import { normaliseOrganisationNumber } from "../organisations/organisation-number";
import { isCountryCode } from "./countries";

const organisationSlugInput = z.object({ organisationSlug: text().min(1).max(60) });

export const countryCode = text()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, "must be an ISO 3166-1 alpha-2 country code, e.g. SE");

/** Foreign company numbers vary; letters, digits, spaces and common separators. */
const FOREIGN_NUMBER = /^[A-Za-z0-9][A-Za-z0-9 ./-]{0,38}[A-Za-z0-9]$|^[A-Za-z0-9]$/;

/**
 * A supplier as its form edits it. A Swedish supplier's organisation number must be a
 * valid one (stored as NNNNNN-NNNN); a foreign supplier's number is kept as written.
 */
export const supplierFields = z
  .object({
    name: text().trim().min(2, "must be at least 2 characters").max(200, "must be at most 200 characters"),
    country: countryCode,
    organisationNumber: optionalText(40),
  })
  .transform((value, ctx) => {
    if (value.organisationNumber === null) return value;
    if (value.country === "SE") {
      const normalised = normaliseOrganisationNumber(value.organisationNumber);
      if (!normalised) {
        ctx.addIssue({
          code: "custom",
          path: ["organisationNumber"],
          message: "is not a valid Swedish organisation number (NNNNNN-NNNN with a correct check digit)",
        });
        return z.NEVER;
      }
      return { ...value, organisationNumber: normalised };
    }
    if (!FOREIGN_NUMBER.test(value.organisationNumber)) {
      ctx.addIssue({ code: "custom", path: ["organisationNumber"], message: "may contain letters, digits, spaces, dots, slashes and hyphens" });
      return z.NEVER;
    }
    return value;
  });
export type SupplierFieldsInput = z.input<typeof supplierFields>;
export type SupplierFields = z.output<typeof supplierFields>;

const certification = text().trim().min(1, "is required").max(120, "must be at most 120 characters");

/** A product as its form edits it. */
export const productFields = z.object({
  name: text().trim().min(2, "must be at least 2 characters").max(200, "must be at most 200 characters"),
  /** Who makes the AI model (the supplier itself or another company). */
  modelProvider: optionalText(200),
  model: optionalText(200),
  /** The provider's registration number of the system in the EU database (AI Act Art. 49, Annex VIII), for high-risk systems. */
  euDatabaseRegistrationNumber: optionalText(100),
  hostingLocations: z
    .array(countryCode)
    .max(30, "at most 30 countries")
    .transform((codes) => [...new Set(codes)]),
  certifications: z
    .array(certification)
    .max(20, "at most 20 certifications")
    .transform((items) => [...new Set(items)]),
});
export type ProductFieldsInput = z.input<typeof productFields>;
export type ProductFields = z.output<typeof productFields>;

const id = z.uuid();
const version = rowVersion();
const query = text().trim().max(200).optional();

export const supplierSearchInput = organisationSlugInput.extend({ q: query });
export const supplierListInput = organisationSlugInput.extend({
  q: query,
  cursor: pageCursor().optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export const supplierIdInput = organisationSlugInput.extend({ id });
export const productIdInput = organisationSlugInput.extend({ id });

export const createSupplierInput = organisationSlugInput.extend({ fields: supplierFields });
export const updateSupplierInput = organisationSlugInput.extend({ id, version, fields: supplierFields });
export const createProductInput = organisationSlugInput.extend({ supplierId: id, fields: productFields });
export const updateProductInput = organisationSlugInput.extend({ id, version, fields: productFields });

/** Platform administrators edit any entry, outside an organisation's workspace. */
export const platformUpdateSupplierInput = z.object({ id, version, fields: supplierFields });
export const platformUpdateProductInput = z.object({ id, version, fields: productFields });

/** Shares (or stops sharing) an approved assessment with organisations using the same product. */
export const assessmentSharingInput = organisationSlugInput.extend({ id, version, shared: z.boolean() });
export const assessmentSharingStateInput = organisationSlugInput.extend({ id });
