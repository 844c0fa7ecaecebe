import { changeMemberRole, listMembers, removeMember } from "../../domain/access/members";
import { changeMemberRoleInput, removeMemberInput } from "../../domain/access/schemas";
import { organisationChange } from "../change-context";
import { orgProcedure, router } from "../trpc";

export const membersRouter = router({
  list: orgProcedure("member.read").query(({ ctx }) => listMembers(ctx.tx, ctx.organisation.id)),

  changeRole: orgProcedure("member.update")
    .input(changeMemberRoleInput)
    .mutation(({ ctx, input }) => changeMemberRole(ctx.tx, organisationChange(ctx), input)),

  remove: orgProcedure("member.remove")
    .input(removeMemberInput)
    .mutation(({ ctx, input }) => removeMember(ctx.tx, organisationChange(ctx), input)),
});
