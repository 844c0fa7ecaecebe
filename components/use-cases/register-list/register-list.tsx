import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { RouterOutputs } from "@/components/trpc/types";
import { buttonClasses } from "@/components/ui/button";
import { hasFilters, registerHref, type RegisterQuery } from "./query";
import { RegisterFilters } from "./register-filters";
import { RegisterTable } from "./register-table";

type Page = RouterOutputs["useCases"]["list"];

/**
 * The AI register: search and filters beside the results, the count announced, and the
 * next page by cursor. An empty register says what to do next.
 */
export async function RegisterList({
  organisationSlug,
  organisationName,
  query,
  page,
  canCreate,
  canImport,
  exportLinks,
}: {
  organisationSlug: string;
  organisationName: string;
  query: RegisterQuery;
  page: Page;
  canCreate: boolean;
  canImport: boolean;
  /** The export links for the current view, when export is available. */
  exportLinks?: ReactNode;
}) {
  const t = await getTranslations("UseCases.register");
  const filtered = hasFilters(query.filters);
  const base = `/${organisationSlug}/register`;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold text-brand-900">{t("heading")}</h1>
          <p className="mt-1 text-muted">{t("intro", { organisation: organisationName })}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          {canImport ? (
            <Link href={`${base}/import`} className={buttonClasses("secondary")}>
              {t("import")}
            </Link>
          ) : null}
          {canCreate ? (
            <Link href={`${base}/new`} className={buttonClasses("primary")}>
              {t("create")}
            </Link>
          ) : null}
        </div>
      </div>
      <div className="grid gap-8 lg:grid-cols-[18rem_1fr]">
        <div>
          <h2 className="sr-only">{t("filtersLabel")}</h2>
          <RegisterFilters organisationSlug={organisationSlug} filters={query.filters} facets={page.facets} />
        </div>
        <section aria-labelledby="register-results" className="flex min-w-0 flex-col gap-4">
          <h2 id="register-results" className="text-xl font-semibold text-brand-900">
            {query.filters.archived ? t("archivedResultsHeading") : t("resultsHeading")}
          </h2>
          <p role="status" className="font-medium">
            {filtered ? t("totalFiltered", { count: page.total }) : t("total", { count: page.total })}
          </p>
          {query.filters.assessmentGap ? (
            <div className="rounded border-l-4 border-brand-600 bg-brand-50 p-3 text-sm">
              <p>{t("assessmentGapActive")}</p>
              <p className="mt-1">
                <Link href={registerHref(organisationSlug, { ...query.filters, assessmentGap: undefined })} className="text-brand-700 underline">
                  {t("assessmentGapRemove")}
                </Link>
              </p>
            </div>
          ) : null}
          {query.filters.responsibilityGap ? (
            <div className="rounded border-l-4 border-brand-600 bg-brand-50 p-3 text-sm">
              <p>{t("responsibilityGapActive")}</p>
              <p className="mt-1">
                <Link href={registerHref(organisationSlug, { ...query.filters, responsibilityGap: undefined })} className="text-brand-700 underline">
                  {t("responsibilityGapRemove")}
                </Link>
              </p>
            </div>
          ) : null}
          {exportLinks}
          {page.items.length > 0 ? (
            <>
              <RegisterTable organisationSlug={organisationSlug} items={page.items} caption={t("tableCaption")} />
              <nav aria-label={t("paginationLabel")} className="flex flex-wrap gap-4">
                {query.cursor ? (
                  <Link href={registerHref(organisationSlug, query.filters)} className="text-brand-700 underline">
                    {t("firstPage")}
                  </Link>
                ) : null}
                {page.nextCursor ? (
                  <Link href={registerHref(organisationSlug, query.filters, page.nextCursor)} className="text-brand-700 underline">
                    {t("nextPage")}
                  </Link>
                ) : null}
              </nav>
            </>
          ) : filtered ? (
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
              <p className="mt-1">{canCreate || canImport ? t("emptyBody") : t("emptyBodyReader")}</p>
              {canCreate || canImport ? (
                <p className="mt-3 flex flex-wrap gap-2">
                  {canCreate ? (
                    <Link href={`${base}/new`} className={buttonClasses("primary")}>
                      {t("create")}
                    </Link>
                  ) : null}
                  {canImport ? (
                    <Link href={`${base}/import`} className={buttonClasses("secondary")}>
                      {t("import")}
                    </Link>
                  ) : null}
                </p>
              ) : null}
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
