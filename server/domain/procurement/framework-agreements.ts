/**
 * Framework agreements a decision may call off from: maintained data
 * (data/framework-agreements.json), checked once when loaded. Free of server imports.
 */
import { z } from "zod";
import { OrganisationKind } from "../../db/generated/enums";
import agreementsFile from "./data/framework-agreements.json";

export const frameworkBodies = ["KAMMARKOLLEGIET_SIC", "ADDA", "OTHER"] as const;
export type FrameworkBody = (typeof frameworkBodies)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const agreement = z
  .object({
    key: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().trim().min(1),
    body: z.enum(frameworkBodies),
    bodyName: z.string().trim().min(1),
    validFrom: isoDate,
    validTo: isoDate,
    scope: z.string().trim().min(1),
    forWhom: z.array(z.enum(OrganisationKind)).min(1),
  })
  .strict();
export type FrameworkAgreement = z.infer<typeof agreement>;

export const frameworkAgreementsSchema = z
  .object({ about: z.string().optional(), agreements: z.array(agreement) })
  .strict()
  .refine((file) => new Set(file.agreements.map((a) => a.key)).size === file.agreements.length, "agreement keys must be unique");

export const frameworkAgreements: readonly FrameworkAgreement[] = frameworkAgreementsSchema.parse(agreementsFile).agreements;

export function frameworkAgreement(key: string): FrameworkAgreement | null {
  return frameworkAgreements.find((candidate) => candidate.key === key) ?? null;
}

/** Whether the agreement is in force on the day and open to this kind of organisation (for notes; not a refusal). */
export function frameworkFits(agreementRow: FrameworkAgreement, kind: OrganisationKind, on: string): { inForce: boolean; forOrganisation: boolean } {
  return { inForce: agreementRow.validFrom <= on && on <= agreementRow.validTo, forOrganisation: agreementRow.forWhom.includes(kind) };
}
