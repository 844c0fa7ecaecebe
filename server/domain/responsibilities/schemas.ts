/**
 * Inputs of the responsibility procedures: one schema per concept, used by the forms in
 * the browser and by the procedures on the server. Dates are calendar days (YYYY-MM-DD);
 * `validTo` is the last day an assignment lasts, empty while it lasts.
 */
import { z } from "zod";
import { calendarDate, optionalCalendarDate, optionalText, rowVersion } from "../schema-parts";
import { AiActRole, ResponsibilityRole, ValueChainHolderKind } from "../../db/generated/enums";
import { organisationSlugInput } from "../organisations/schemas";

export const responsibilityRole = z.enum(ResponsibilityRole);
export const aiActRole = z.enum(AiActRole);
export const valueChainHolderKind = z.enum(ValueChainHolderKind);
export const personKinds = ["MEMBER", "EXTERNAL"] as const;

const SHORT = 200;
const NOTE = 2_000;

const day = calendarDate();

/** A calendar date, or empty for "none". */
const optionalDay = optionalCalendarDate();

const optionalUuid = z
  .union([z.literal(""), z.uuid("choose a member")])
  .nullable()
  .optional()
  .transform((value) => (value ? value : null));

const optionalEmail = z
  .union([z.literal(""), z.email("must be an email address").max(254)])
  .nullable()
  .optional()
  .transform((value) => (value ? value.trim() : null));

/** Who answers for a role, and for how long: the assign form's fields. */
const assignmentShape = {
  role: responsibilityRole,
  /** A member of the organisation, or an external contact (name, e-mail, role title). */
  personKind: z.enum(personKinds),
  userId: optionalUuid,
  externalName: optionalText(SHORT),
  externalEmail: optionalEmail,
  externalRoleTitle: optionalText(SHORT),
  validFrom: day,
  validTo: optionalDay,
  note: optionalText(NOTE),
};

type AssignmentValues = {
  personKind: (typeof personKinds)[number];
  userId: string | null;
  externalName: string | null;
  validFrom: string;
  validTo: string | null;
};

function checkAssignment(value: AssignmentValues, ctx: z.RefinementCtx): void {
  if (value.personKind === "MEMBER" && !value.userId) {
    ctx.addIssue({ code: "custom", path: ["userId"], message: "choose a member" });
  }
  if (value.personKind === "EXTERNAL" && !value.externalName) {
    ctx.addIssue({ code: "custom", path: ["externalName"], message: "give the contact's name" });
  }
  if (value.validTo && value.validTo < value.validFrom) {
    ctx.addIssue({ code: "custom", path: ["validTo"], message: "cannot be before the start date" });
  }
}

export const assignmentFields = z.object(assignmentShape).superRefine(checkAssignment);
export type AssignmentFieldsInput = z.input<typeof assignmentFields>;
export type AssignmentFields = z.output<typeof assignmentFields>;

export const useCaseResponsibilitiesInput = organisationSlugInput.extend({ useCaseId: z.uuid() });

export const assignInput = organisationSlugInput
  .extend({
    useCaseId: z.uuid(),
    /** "Assign a new one": ends this (flagged or current) assignment the day before the new one starts. */
    replacesId: optionalUuid,
    ...assignmentShape,
  })
  .superRefine(checkAssignment);
export type AssignInput = z.output<typeof assignInput>;

export const endFields = z.object({ validTo: day });
export const endInput = organisationSlugInput.extend({
  id: z.uuid(),
  version: rowVersion(),
  validTo: day,
});
export type EndInput = z.output<typeof endInput>;

export const updateInput = organisationSlugInput
  .extend({
    id: z.uuid(),
    version: rowVersion(),
    validFrom: day,
    validTo: optionalDay,
    note: optionalText(NOTE),
  })
  .superRefine((value, ctx) => {
    if (value.validTo && value.validTo < value.validFrom) {
      ctx.addIssue({ code: "custom", path: ["validTo"], message: "cannot be before the start date" });
    }
  });
export type UpdateInput = z.output<typeof updateInput>;

/** Who holds one AI Act role of the use case; `holderKind: null` removes the entry. */
export const valueChainPartyFields = z.object({
  role: aiActRole,
  /** The version read, or null when there was no entry for the role. */
  version: rowVersion().nullable(),
  holderKind: valueChainHolderKind.nullable(),
  supplierId: optionalUuid,
  holderName: optionalText(SHORT),
  note: optionalText(NOTE),
});
export type ValueChainPartyFields = z.output<typeof valueChainPartyFields>;

export const setValueChainInput = organisationSlugInput.extend({
  useCaseId: z.uuid(),
  parties: z
    .array(valueChainPartyFields)
    .max(Object.keys(AiActRole).length)
    .refine((parties) => new Set(parties.map((party) => party.role)).size === parties.length, "each role at most once"),
});
export type SetValueChainInput = z.output<typeof setValueChainInput>;
