import { z } from "zod";
import { rolePermissions } from "../../domain/access/permissions";
import { invitationUrl, sendInvitation } from "../invitation-delivery";
import { listOrganisationDirectory, organisationDirectoryEntry } from "../../domain/organisations/directory";
import { createOrganisationInput, updateOrganisationInput } from "../../domain/organisations/schemas";
import {
  countOrganisations,
  createOrganisation,
  getOrganisation,
  listOrganisations,
  updateOrganisation,
} from "../../domain/organisations/service";
import { orgProcedure, oversightProcedure, platformProcedure, publicProcedure, router } from "../trpc";

export const organisationsRouter = router({
  directory: publicProcedure
    .output(z.array(organisationDirectoryEntry))
    .query(({ ctx }) => listOrganisationDirectory(ctx.tx)),

  get: orgProcedure("organisation.read").query(async ({ ctx }) => ({
    ...(await getOrganisation(ctx.tx, ctx.organisation.id)),
    role: ctx.organisation.role,
    permissions: [...rolePermissions[ctx.organisation.role]],
  })),

  adminList: platformProcedure.query(({ ctx }) => listOrganisations(ctx.tx)),

  create: platformProcedure.input(createOrganisationInput).mutation(async ({ ctx, input }) => {
    const { organisation, invitation } = await createOrganisation(ctx.tx, { actor: ctx.actor, requestId: ctx.requestId }, input);
    const link = invitationUrl(organisation.slug, invitation.token);
    const { mailed } = await sendInvitation({ id: invitation.id, to: invitation.email, organisationName: organisation.name, role: invitation.role, link, expiresAt: invitation.expiresAt });
    return {
      organisation: { slug: organisation.slug, name: organisation.name },
      invitation: { email: invitation.email, link, expiresAt: invitation.expiresAt, mailed },
    };
  }),

  update: platformProcedure
    .input(updateOrganisationInput)
    .mutation(({ ctx, input }) => updateOrganisation(ctx.tx, { actor: ctx.actor, requestId: ctx.requestId }, input)),

  counts: oversightProcedure.query(({ ctx }) => countOrganisations(ctx.tx)),
});
