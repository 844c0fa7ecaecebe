import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { RouterOutputs } from "@/components/trpc/types";
import { AssessmentFilters } from "./assessment-filters";
import { AssessmentTable } from "./assessment-table";
import { assessmentsHref, hasAssessmentFilters, type AssessmentQuery } from "./query";

type Page = RouterOutputs["assessments"]["list"];

/**
 * The organisation's assessments: filters beside the results, the count announced, the
 * next page by cursor. An empty list says where assessments are started.
 */
export async function AssessmentList({
  organisationSlug,
  organisationName,
  query,
  page,
  members,
  businessAreas,
}: {
  organisationSlug: string;
  organisationName: string;
  query: AssessmentQuery;
  page: Page;
  members: { id: string; name: string }[];
  businessAreas: string[];
}) {
  const t = await getTranslations("Assessments.list");
  const filtered = hasAssessmentFilters(query.filters);
  const base = `/${organisationSlug}/assessments`;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold text-brand-900">{t("heading")}</h1>
          <p className="mt-1 text-muted">{t("intro", { organisation: organisationName })}</p>
        </div>
        <Link href={`/${organisationSlug}/status`} className="text-brand-700 underline">
          {t("toStatusBoard")}
        </Link>
      </div>
      <div className="grid gap-8 lg:grid-cols-[18rem_1fr]">
        <div>
          <h2 className="sr-only">{t("filtersLabel")}</h2>
          <AssessmentFilters organisationSlug={organisationSlug} filters={query.filters} members={members} businessAreas={businessAreas} />
        </div>
        <section aria-labelledby="assessment-results" className="flex min-w-0 flex-col gap-4">
          <h2 id="assessment-results" className="text-xl font-semibold text-brand-900">
            {t("resultsHeading")}
          </h2>
          <p role="status" className="font-medium">
            {filtered ? t("totalFiltered", { count: page.total }) : t("total", { count: page.total })}
          </p>
          {page.items.length > 0 ? (
            <>
              <AssessmentTable organisationSlug={organisationSlug} items={page.items} caption={t("tableCaption")} />
              <nav aria-label={t("paginationLabel")} className="flex flex-wrap gap-4">
                {query.cursor ? (
                  <Link href={assessmentsHref(organisationSlug, query.filters)} className="text-brand-700 underline">
                    {t("firstPage")}
                  </Link>
                ) : null}
                {page.nextCursor ? (
                  <Link href={assessmentsHref(organisationSlug, query.filters, page.nextCursor)} className="text-brand-700 underline">
                    {t("nextPage")}
                  </Link>
                ) : null}
              </nav>
            </>
          ) : filtered || query.cursor ? (
            <div className="rounded border border-gray-300 p-4">
              <p className="font-semibold">{t("noMatchesTitle")}</p>
              <p className="mt-1">{t("noMatchesBody")}</p>
              <p className="mt-2">
                <Link href={base} className="text-brand-700 underline">
                  {t("clear")}
                </Link>
              </p>
            </div>
          ) : (
            <div className="rounded border border-gray-300 p-4">
              <p className="font-semibold">{t("emptyTitle")}</p>
              <p className="mt-1">{t("emptyBody")}</p>
              <p className="mt-2">
                <Link href={`/${organisationSlug}/register`} className="text-brand-700 underline">
                  {t("emptyToRegister")}
                </Link>
              </p>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
