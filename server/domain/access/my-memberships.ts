import type { Transaction } from "../../db/client";
import type { OrganisationRole } from "../../db/generated/enums";

/** The organisations a user belongs to, for the organisation switcher. */
export async function listMyMemberships(
  tx: Transaction,
  userId: string,
): Promise<{ organisationSlug: string; organisationName: string; role: OrganisationRole }[]> {
  const memberships = await tx.membership.findMany({
    where: { userId },
    select: { role: true, organisation: { select: { slug: true, name: true } } },
    orderBy: { organisation: { name: "asc" } },
  });
  return memberships.map((m) => ({ organisationSlug: m.organisation.slug, organisationName: m.organisation.name, role: m.role }));
}
