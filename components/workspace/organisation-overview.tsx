import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { Workspace } from "./load";

function Detail({ term, children }: { term: ReactNode; children: ReactNode }) {
  return (
    <div className="border-b border-gray-200 py-2 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="font-medium">{term}</dt>
      <dd className="sm:col-span-2">{children}</dd>
    </div>
  );
}

/** The organisation's details, your role, and how many people are in it (below the dashboard). */
export async function OrganisationOverview({
  workspace,
  memberCount,
  pendingInvitationCount,
}: {
  workspace: Workspace;
  memberCount: number;
  /** Null when the user may not see invitations. */
  pendingInvitationCount: number | null;
}) {
  const t = await getTranslations("Workspace");
  const kinds = await getTranslations("OrganisationKind");
  const sectors = await getTranslations("Sector");
  const roles = await getTranslations("Roles");
  const base = `/${workspace.slug}`;
  return (
    <>
      <div className="mt-10 grid gap-8 lg:grid-cols-3">
        <section aria-labelledby="details-heading" className="lg:col-span-2">
          <h2 id="details-heading" className="text-xl font-semibold text-brand-900">
            {t("detailsHeading")}
          </h2>
          <dl className="mt-2">
            <Detail term={t("name")}>{workspace.name}</Detail>
            <Detail term={t("organisationNumber")}>
              <span className="tabular-nums">{workspace.organisationNumber}</span>
            </Detail>
            <Detail term={t("kind")}>{kinds(workspace.kind)}</Detail>
            <Detail term={t("sector")}>{sectors(workspace.sector)}</Detail>
            <Detail term={t("contactEmail")}>
              {workspace.contactEmail ? (
                <a href={`mailto:${workspace.contactEmail}`} className="text-brand-700 underline">
                  {workspace.contactEmail}
                </a>
              ) : (
                <span className="text-muted">{t("notGiven")}</span>
              )}
            </Detail>
            <Detail term={t("website")}>
              {workspace.websiteUrl ? (
                <a href={workspace.websiteUrl} className="text-brand-700 underline" rel="noopener noreferrer">
                  {workspace.websiteUrl}
                </a>
              ) : (
                <span className="text-muted">{t("notGiven")}</span>
              )}
            </Detail>
          </dl>
        </section>
        <section aria-labelledby="you-heading">
          <h2 id="you-heading" className="text-xl font-semibold text-brand-900">
            {t("youHeading")}
          </h2>
          <dl className="mt-2">
            <div className="border-b border-gray-200 py-2">
              <dt className="font-medium">{t("role")}</dt>
              <dd>{roles(workspace.role)}</dd>
            </div>
            <div className="border-b border-gray-200 py-2">
              <dt className="font-medium">{t("memberCountLabel")}</dt>
              <dd>
                <Link href={`${base}/members`} className="text-brand-700 underline">
                  {t("memberCount", { count: memberCount })}
                </Link>
              </dd>
            </div>
            {pendingInvitationCount !== null ? (
              <div className="border-b border-gray-200 py-2">
                <dt className="font-medium">{t("pendingInvitationsLabel")}</dt>
                <dd>
                  <Link href={`${base}/members#invitations-heading`} className="text-brand-700 underline">
                    {t("pendingInvitations", { count: pendingInvitationCount })}
                  </Link>
                </dd>
              </div>
            ) : null}
          </dl>
        </section>
      </div>
    </>
  );
}
