import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { RouterOutputs } from "@/components/trpc/types";
import { AuditFilters } from "./audit-filters";
import { AuditTable } from "./audit-table";
import { auditHref, type AuditQuery } from "./query";

/** The organisation's audit log: filters, one page of events, and the way to the next page. */
export async function AuditLog({
  organisationSlug,
  query,
  page,
  actors,
}: {
  organisationSlug: string;
  query: AuditQuery;
  page: RouterOutputs["audit"]["list"];
  actors: { id: string; name: string }[];
}) {
  const t = await getTranslations("Audit");
  const names = new Map(actors.map((actor) => [actor.id, actor.name]));
  const filtered = Boolean(query.entityType || query.actorId || query.from || query.to);
  const { cursor: _cursor, ...filters } = query;
  return (
    <>
      <h1 className="text-3xl font-bold text-brand-900">{t("heading")}</h1>
      <p className="mt-2 max-w-3xl text-muted">{t("lead")}</p>
      <div className="mt-6">
        <AuditFilters organisationSlug={organisationSlug} query={query} actors={actors} />
      </div>
      <section aria-labelledby="audit-results-heading" className="mt-8">
        <h2 id="audit-results-heading" className="text-xl font-semibold text-brand-900">
          {query.cursor ? t("resultsHeadingLaterPage") : t("resultsHeading")}
        </h2>
        <div className="mt-3">
          {page.items.length === 0 ? (
            <p className="text-muted">{filtered || query.cursor ? t("emptyFiltered") : t("empty")}</p>
          ) : (
            <AuditTable organisationSlug={organisationSlug} events={page.items} caption={t("caption")} names={names} />
          )}
        </div>
        {page.nextCursor || query.cursor ? (
          <nav aria-label={t("pagination")} className="mt-4 flex flex-wrap gap-6">
            {query.cursor ? (
              <Link href={auditHref(organisationSlug, filters)} className="text-brand-700 underline">
                {t("firstPage")}
              </Link>
            ) : null}
            {page.nextCursor ? (
              <Link href={auditHref(organisationSlug, { ...filters, cursor: page.nextCursor })} className="text-brand-700 underline">
                {t("nextPage")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}
