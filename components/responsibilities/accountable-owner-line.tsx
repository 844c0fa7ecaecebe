import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { loadWorkspace } from "@/components/workspace/load";
import { api } from "@/server/api/caller";

/**
 * One line on the use case's overview: its accountable owner (verksamhetsansvarig) in
 * force today, or, in words, that it has none or that the owner has left. The slug is
 * found among the user's memberships when the caller does not pass it (the workspace of
 * the page is cached for the request, so that costs nothing for the current one).
 */
export async function AccountableOwnerLine({
  useCase,
  organisationSlug,
}: {
  useCase: { id: string; organisationId: string };
  organisationSlug?: string;
}) {
  const t = await getTranslations("Responsibilities.ownerLine");
  const caller = await api();
  let slug = organisationSlug;
  if (!slug) {
    for (const membership of await caller.me.memberships()) {
      const workspace = await loadWorkspace(membership.organisationSlug, "/");
      if (workspace.id === useCase.organisationId) {
        slug = membership.organisationSlug;
        break;
      }
    }
  }
  if (!slug) return null;
  const { owner, flagged } = await caller.responsibilities.accountableOwner({ organisationSlug: slug, useCaseId: useCase.id });
  const tab = `/${slug}/register/${useCase.id}?tab=responsibilities`;
  return (
    <p className="rounded border border-gray-300 p-3">
      <span className="font-semibold">{t("label")}:</span>{" "}
      {owner ? (
        <>
          {owner.person.name}
          {owner.person.userId === null && owner.person.roleTitle ? `, ${owner.person.roleTitle}` : ""}
        </>
      ) : (
        <span className="font-semibold text-red-800">
          <span aria-hidden="true">⚠ </span>
          {flagged ? t("left", { name: flagged.person.name }) : t("none")}
        </span>
      )}{" "}
      <Link href={tab} className="text-brand-700 underline">
        {t("link")}
      </Link>
    </p>
  );
}
