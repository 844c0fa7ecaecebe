import { z } from "zod";
import { httpUrl, optionalText, rowVersion, text } from "../schema-parts";
import { OrganisationKind, Sector } from "../../db/generated/enums";
import { normaliseOrganisationNumber } from "./organisation-number";

/** Paths that are not organisations: an organisation's slug may never be one of them. */
export const reservedSlugs = ["api", "sign-in", "sign-out", "invitations", "platform", "oversight", "account", "register", "open-data", "_next"] as const;

export const organisationSlug = text()
  .trim()
  .min(2, "must be at least 2 characters")
  .max(60, "must be at most 60 characters")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "may contain lower-case letters a–z, digits and single hyphens")
  .refine((slug) => !(reservedSlugs as readonly string[]).includes(slug), "is reserved by the app");

/** Every organisation-scoped procedure names its organisation by slug (as the URL does). */
export const organisationSlugInput = z.object({ organisationSlug: text().min(1).max(60) });

export const organisationNumber = text()
  .trim()
  .transform((value, ctx) => {
    const normalised = normaliseOrganisationNumber(value);
    if (!normalised) {
      ctx.addIssue({ code: "custom", message: "is not a valid organisation number (NNNNNN-NNNN with a correct check digit)" });
      return z.NEVER;
    }
    return normalised;
  });

const functionalMailbox = z.email("must be an email address").max(254);

export const organisationFields = z.object({
  name: text().trim().min(2, "must be at least 2 characters").max(200, "must be at most 200 characters"),
  organisationNumber,
  kind: z.enum(OrganisationKind),
  sector: z.enum(Sector),
  slug: organisationSlug,
  contactEmail: functionalMailbox.nullable().optional(),
  websiteUrl: httpUrl().nullable().optional(),
  /** The postal address, e.g. for the EU database registration of a high-risk system (AI Act Annex VIII C). */
  postalAddress: optionalText(300),
});
export type OrganisationFields = z.infer<typeof organisationFields>;

export const createOrganisationInput = organisationFields.extend({
  firstAdminEmail: z.email("must be an email address").max(254),
});
export type CreateOrganisationInput = z.infer<typeof createOrganisationInput>;

export const updateOrganisationInput = organisationFields.extend({
  id: z.uuid(),
  version: rowVersion(),
});
export type UpdateOrganisationInput = z.infer<typeof updateOrganisationInput>;
