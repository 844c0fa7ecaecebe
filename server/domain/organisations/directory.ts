import { z } from "zod";
import type { PrismaClient, Transaction } from "../../db/client";
import { OrganisationKind, Sector } from "../../db/generated/enums";

export const organisationDirectoryEntry = z.object({
  slug: z.string(),
  name: z.string(),
  organisationNumber: z.string(),
  kind: z.enum(OrganisationKind),
  sector: z.enum(Sector),
});
export type OrganisationDirectoryEntry = z.infer<typeof organisationDirectoryEntry>;

/** The public list of organisations on this installation, by name. */
export async function listOrganisationDirectory(db: PrismaClient | Transaction): Promise<OrganisationDirectoryEntry[]> {
  return db.organisation.findMany({
    select: { slug: true, name: true, organisationNumber: true, kind: true, sector: true },
    orderBy: [{ name: "asc" }],
  });
}
