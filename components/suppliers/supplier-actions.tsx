"use client";

import { useTranslations } from "next-intl";
import { Disclosure } from "./disclosure";
import { type EditedProduct, ProductForm } from "./product-form";
import { SupplierForm } from "./supplier-form";

/** "Lägg till leverantör" on the catalogue page: the form opens in place. */
export function AddSupplier({ organisationSlug }: { organisationSlug: string }) {
  const t = useTranslations("Suppliers.list");
  return <Disclosure label={t("add")}>{(close) => <SupplierForm organisationSlug={organisationSlug} onDone={close} />}</Disclosure>;
}

export function EditSupplier({
  organisationSlug,
  supplier,
}: {
  organisationSlug: string;
  supplier: { id: string; version: number; name: string; country: string; organisationNumber: string | null };
}) {
  const t = useTranslations("Suppliers.supplier");
  return (
    <Disclosure label={t("edit")} variant="secondary">
      {(close) => <SupplierForm key={supplier.version} organisationSlug={organisationSlug} supplier={supplier} onDone={close} />}
    </Disclosure>
  );
}

export function AddProduct({ organisationSlug, supplierId }: { organisationSlug: string; supplierId: string }) {
  const t = useTranslations("Suppliers.supplier");
  return (
    <Disclosure label={t("addProduct")}>
      {(close) => <ProductForm organisationSlug={organisationSlug} supplierId={supplierId} onDone={close} />}
    </Disclosure>
  );
}

export function EditProduct({ organisationSlug, product, supplierId, label, ariaLabel }: { organisationSlug: string; supplierId: string; product: EditedProduct; label: string; ariaLabel?: string }) {
  return (
    <Disclosure label={label} ariaLabel={ariaLabel} variant="secondary">
      {(close) => <ProductForm key={product.version} organisationSlug={organisationSlug} supplierId={supplierId} product={product} onDone={close} />}
    </Disclosure>
  );
}
