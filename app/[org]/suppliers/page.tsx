import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AddSupplier } from "@/components/suppliers/supplier-actions";
import { loadOrNavigate } from "@/components/trpc/server";
import { Input } from "@/components/ui/input";
import { RowHeader, Table, Td, Th, Tr } from "@/components/ui/table";
import { buttonClasses } from "@/components/ui/button";
import { can, loadWorkspace } from "@/components/workspace/load";
import { api } from "@/server/api/caller";
import { countryName } from "@/server/domain/suppliers/countries";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ org: string }>; searchParams: Promise<SearchParams> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function readQuery(searchParams: SearchParams): { q: string | undefined; cursor: string | undefined } {
  const q = first(searchParams.q)?.trim().slice(0, 200) || undefined;
  const cursor = first(searchParams.cursor);
  return { q, cursor: cursor && cursor.length <= 500 ? cursor : undefined };
}

function href(org: string, q: string | undefined, cursor?: string | null): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (cursor) params.set("cursor", cursor);
  const search = params.toString();
  return `/${org}/suppliers${search ? `?${search}` : ""}`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { org } = await params;
  const workspace = await loadWorkspace(org, `/${org}/suppliers`);
  const t = await getTranslations("Suppliers.list");
  return { title: t("metaTitle", { organisation: workspace.name }) };
}

/** The shared supplier catalogue: searchable, paged on the server, the view in the URL. */
export default async function SuppliersPage({ params, searchParams }: Props) {
  const { org } = await params;
  const { q, cursor } = readQuery(await searchParams);
  const returnTo = href(org, q, cursor);
  const workspace = await loadWorkspace(org, returnTo);
  const caller = await api();
  const t = await getTranslations("Suppliers.list");
  const locale = await getLocale();
  const page = await loadOrNavigate(
    () => caller.suppliers.list({ organisationSlug: org, q, cursor, limit: 25 }).catch(() => caller.suppliers.list({ organisationSlug: org, q, limit: 25 })),
    returnTo,
  );

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold text-brand-900">{t("heading")}</h1>
        <p className="mt-2 max-w-3xl">{t("lead")}</p>
      </div>
      {can(workspace, "supplier.create") ? <AddSupplier organisationSlug={org} /> : null}
      <form method="get" action={`/${org}/suppliers`} role="search" className="flex flex-wrap items-end gap-3">
        <div className="flex min-w-64 flex-col gap-1">
          <label htmlFor="supplier-q" className="font-medium">
            {t("searchLabel")}
          </label>
          <p id="supplier-q-hint" className="text-sm text-muted">
            {t("searchHint")}
          </p>
          <Input id="supplier-q" name="q" type="search" defaultValue={q ?? ""} aria-describedby="supplier-q-hint" maxLength={200} />
        </div>
        <button type="submit" className={buttonClasses("secondary")}>
          {t("search")}
        </button>
        {q ? (
          <Link href={`/${org}/suppliers`} className={buttonClasses("quiet")}>
            {t("clear")}
          </Link>
        ) : null}
      </form>
      <p role="status" className="font-medium">
        {q ? t("countFor", { count: page.total, q }) : t("count", { count: page.total })}
      </p>
      {page.items.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <Table caption={t("caption")}>
          <thead>
            <tr>
              <Th>{t("name")}</Th>
              <Th>{t("organisationNumber")}</Th>
              <Th>{t("country")}</Th>
              <Th className="text-right">{t("products")}</Th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((supplier) => (
              <Tr key={supplier.id}>
                <RowHeader>
                  <Link href={`/${org}/suppliers/${supplier.id}`} className="text-brand-700 underline">
                    {supplier.name}
                  </Link>
                  {supplier.ownEntry ? <span className="ml-2 text-sm font-normal text-muted">({t("ownEntry")})</span> : null}
                </RowHeader>
                <Td>{supplier.organisationNumber ?? t("none")}</Td>
                <Td>{countryName(supplier.country, locale)}</Td>
                <Td className="text-right">{supplier.productCount}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
      {cursor || page.nextCursor ? (
        <nav aria-label={t("pagination")} className="flex gap-4">
          {cursor ? (
            <Link href={href(org, q)} className="text-brand-700 underline">
              {t("firstPage")}
            </Link>
          ) : null}
          {page.nextCursor ? (
            <Link href={href(org, q, page.nextCursor)} className="text-brand-700 underline">
              {t("nextPage")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
