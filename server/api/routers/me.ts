import { z } from "zod";
import { OrganisationRole, PlatformRole } from "../../db/generated/enums";
import { listMyMemberships } from "../../domain/access/my-memberships";
import { authedProcedure, router } from "../trpc";

export const meRouter = router({
  profile: authedProcedure
    .output(z.object({ id: z.uuid(), name: z.string(), email: z.string(), platformRole: z.enum(PlatformRole).nullable() }))
    .query(({ ctx }) => ctx.actor),
  memberships: authedProcedure
    .output(z.array(z.object({ organisationSlug: z.string(), organisationName: z.string(), role: z.enum(OrganisationRole) })))
    .query(({ ctx }) => listMyMemberships(ctx.tx, ctx.actor.id)),
});
