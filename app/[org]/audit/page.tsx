import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuditLog } from "@/components/audit/audit-log";
import { EntityHistory } from "@/components/audit/entity-history";
import { auditHref, auditListFilters, parseAuditQuery, type SearchParams } from "@/components/audit/query";
import { isTRPCErrorCode, loadOrNavigate } from "@/components/trpc/server";
import { can, loadWorkspace } from "@/components/workspace/load";
import { api } from "@/server/api/caller";

type Props = { params: Promise<{ org: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { org } = await params;
  const workspace = await loadWorkspace(org, `/${org}/audit`);
  const t = await getTranslations("Audit");
  return { title: `${t("heading")}: ${workspace.name}` };
}

export default async function AuditPage({ params, searchParams }: Props) {
  const { org } = await params;
  const query = parseAuditQuery(await searchParams);
  const returnTo = auditHref(org, query);
  const workspace = await loadWorkspace(org, returnTo);
  if (!can(workspace, "audit.read")) notFound();
  const caller = await api();
  const members = await loadOrNavigate(() => caller.members.list({ organisationSlug: org }), returnTo);
  const actors = members.map((member) => ({ id: member.userId, name: member.name }));
  const names = new Map(actors.map((actor) => [actor.id, actor.name]));

  if (query.entityType && query.entityId) {
    const t = await getTranslations("Audit");
    return (
      <>
        <p className="mb-4">
          <Link href={`/${org}/audit`} className="text-brand-700 underline">
            {t("backToLog")}
          </Link>
        </p>
        <EntityHistory
          organisationSlug={org}
          entityType={query.entityType}
          entityId={query.entityId}
          label={names.get(query.entityId)}
          names={names}
          headingLevel={1}
        />
      </>
    );
  }

  // A page link that is no longer valid (its cursor) leads to the first page of the same view.
  const firstPage = query.cursor ? auditHref(org, { ...query, cursor: undefined }) : null;
  const page = await loadOrNavigate(
    () =>
      caller.audit.list({ organisationSlug: org, ...auditListFilters(query), limit: 50 }).catch((error: unknown) => {
        if (firstPage && isTRPCErrorCode(error, "BAD_REQUEST")) redirect(firstPage);
        throw error;
      }),
    returnTo,
  );
  return <AuditLog organisationSlug={org} query={query} page={page} actors={actors} />;
}
