import { z } from "zod";
import { listOrganisationDirectory, organisationDirectoryEntry } from "../../domain/organisations/directory";
import { publicProcedure, router } from "../trpc";

export const organisationsRouter = router({
  directory: publicProcedure
    .output(z.array(organisationDirectoryEntry))
    .query(({ ctx }) => listOrganisationDirectory(ctx.db)),
});
