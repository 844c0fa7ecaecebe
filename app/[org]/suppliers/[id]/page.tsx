import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AddProduct, EditSupplier } from "@/components/suppliers/supplier-actions";
import { loadOrNavigate } from "@/components/trpc/server";
import { RowHeader, Table, Td, Th, Tr } from "@/components/ui/table";
import { can, loadWorkspace } from "@/components/workspace/load";
import { api } from "@/server/api/caller";
import { countryName } from "@/server/domain/suppliers/countries";

type Props = { params: Promise<{ org: string; id: string }> };

async function load(org: string, id: string) {
  const returnTo = `/${org}/suppliers/${id}`;
  const workspace = await loadWorkspace(org, returnTo);
  const caller = await api();
  const supplier = await loadOrNavigate(() => caller.suppliers.get({ organisationSlug: org, id }), returnTo);
  return { workspace, supplier };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { org, id } = await params;
  const { supplier } = await load(org, id);
  const t = await getTranslations("Suppliers.supplier");
  return { title: t("metaTitle", { name: supplier.name }) };
}

/** One supplier: its facts and products; edits where the organisation added them. */
export default async function SupplierPage({ params }: Props) {
  const { org, id } = await params;
  const { workspace, supplier } = await load(org, id);
  const t = await getTranslations("Suppliers.supplier");
  const locale = await getLocale();
  const mayEdit = supplier.editable && can(workspace, "supplier.update");

  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href={`/${org}/suppliers`} className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold text-brand-900">{supplier.name}</h1>
      <section aria-labelledby="supplier-facts">
        <h2 id="supplier-facts" className="sr-only">
          {t("facts")}
        </h2>
        <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          <dt className="font-medium">{t("organisationNumber")}</dt>
          <dd>{supplier.organisationNumber ?? t("missing")}</dd>
          <dt className="font-medium">{t("country")}</dt>
          <dd>{countryName(supplier.country, locale)}</dd>
        </dl>
      </section>
      {mayEdit ? (
        <EditSupplier
          organisationSlug={org}
          supplier={{ id: supplier.id, version: supplier.version, name: supplier.name, country: supplier.country, organisationNumber: supplier.organisationNumber }}
        />
      ) : (
        <p className="max-w-3xl text-sm text-muted">{supplier.editable ? null : t("notEditable")}</p>
      )}
      <section aria-labelledby="products-heading" className="flex flex-col gap-4">
        <h2 id="products-heading" className="text-xl font-semibold text-brand-900">
          {t("productsHeading")}
        </h2>
        {supplier.products.length === 0 ? (
          <p>{t("noProducts")}</p>
        ) : (
          <Table caption={t("productCaption")}>
            <thead>
              <tr>
                <Th>{t("productsHeading")}</Th>
                <Th>{t("model")}</Th>
                <Th>{t("hosting")}</Th>
              </tr>
            </thead>
            <tbody>
              {supplier.products.map((product) => (
                <Tr key={product.id}>
                  <RowHeader>
                    <Link href={`/${org}/suppliers/products/${product.id}`} className="text-brand-700 underline">
                      {product.name}
                    </Link>
                  </RowHeader>
                  <Td>{[product.modelProvider, product.model].filter(Boolean).join(": ") || "–"}</Td>
                  <Td>{product.hostingLocations.map((code) => countryName(code, locale)).join(", ") || "–"}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
        {can(workspace, "supplier.create") ? <AddProduct organisationSlug={org} supplierId={supplier.id} /> : null}
      </section>
    </div>
  );
}
