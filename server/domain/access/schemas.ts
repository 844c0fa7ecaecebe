import { z } from "zod";
import { rowVersion, text } from "../schema-parts";
import { OrganisationRole } from "../../db/generated/enums";
import { newPasswordSchema } from "../../auth/password-policy";
import { organisationSlugInput } from "../organisations/schemas";

export const organisationRole = z.enum(OrganisationRole);

export const email = z
  .email("must be an email address")
  .max(254, "must be at most 254 characters")
  .transform((value) => value.trim().toLowerCase());

export const inviteMemberInput = organisationSlugInput.extend({
  email,
  role: organisationRole,
});
export type InviteMemberInput = z.infer<typeof inviteMemberInput>;

export const changeMemberRoleInput = organisationSlugInput.extend({
  userId: z.uuid(),
  role: organisationRole,
  version: rowVersion(),
});

export const removeMemberInput = organisationSlugInput.extend({
  userId: z.uuid(),
  version: rowVersion(),
});

export const revokeInvitationInput = organisationSlugInput.extend({ invitationId: z.uuid() });

export const invitationTokenInput = organisationSlugInput.extend({
  token: text().min(20).max(200),
});

export const personName = text().trim().min(2, "must be at least 2 characters").max(200, "must be at most 200 characters");

/** Joining through an invitation with a new account: the invited address becomes the login. */
export const acceptAsNewUserInput = invitationTokenInput.extend({ name: personName, password: text().pipe(newPasswordSchema) });
