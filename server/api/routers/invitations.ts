import { z } from "zod";
import {
  acceptInvitation,
  acceptInvitationAsNewUser,
  createInvitation,
  listPendingInvitations,
  previewInvitation,
  revokeInvitation,
} from "../../domain/access/invitations";
import { acceptAsNewUserInput, invitationTokenInput, inviteMemberInput, revokeInvitationInput } from "../../domain/access/schemas";
import { invitationUrl, sendInvitation } from "../invitation-delivery";
import { authedProcedure, orgProcedure, publicProcedure, router } from "../trpc";
import { organisationChange } from "../change-context";

export const invitationsRouter = router({
  list: orgProcedure("member.invite").query(({ ctx }) => listPendingInvitations(ctx.tx, ctx.organisation.id)),

  create: orgProcedure("member.invite")
    .input(inviteMemberInput)
    .mutation(async ({ ctx, input }) => {
      const invitation = await createInvitation(ctx.tx, organisationChange(ctx), input);
      const link = invitationUrl(ctx.organisation.slug, invitation.token);
      const { mailed } = await sendInvitation({ id: invitation.id, to: invitation.email, organisationName: ctx.organisation.name, role: invitation.role, link, expiresAt: invitation.expiresAt });
      return { id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt, link, mailed };
    }),

  revoke: orgProcedure("member.invite")
    .input(revokeInvitationInput)
    .mutation(({ ctx, input }) => revokeInvitation(ctx.tx, organisationChange(ctx), input.invitationId)),

  preview: publicProcedure
    .input(invitationTokenInput)
    .query(({ ctx, input }) => previewInvitation(ctx.tx, input.organisationSlug, input.token)),

  accept: authedProcedure
    .input(invitationTokenInput)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.tx, { actor: ctx.actor, requestId: ctx.requestId }, input)),

  acceptAsNewUser: publicProcedure
    .input(acceptAsNewUserInput)
    .output(z.object({ email: z.string(), organisationSlug: z.string() }))
    .mutation(({ ctx, input }) => acceptInvitationAsNewUser(ctx.tx, ctx.requestId, input)),
});
