/** Suppliers and products for integration tests, written through the catalogue's own service. */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/server/db/client";
import { inScope } from "@/server/db/scope";
import { type ProductFieldsInput, productFields, type SupplierFieldsInput, supplierFields } from "@/server/domain/suppliers/schemas";
import { createProduct, createSupplier, type ProductView, type SupplierView } from "@/server/domain/suppliers/service";
import type { TestOrganisation, TestUser } from "./tenancy";

let counter = 0;

/**
 * A supplier added by `organisation` (as `by`, an EDITOR or ADMIN there), with the products
 * asked for. Names are made unique unless given.
 */
export async function createTestSupplier(
  prisma: PrismaClient,
  organisation: TestOrganisation,
  by: TestUser,
  options: { fields?: Partial<SupplierFieldsInput>; products?: Partial<ProductFieldsInput>[] } = {},
): Promise<{ supplier: SupplierView; products: ProductView[] }> {
  counter += 1;
  const change = { actor: by, requestId: randomUUID(), organisationId: organisation.id, actorRole: "EDITOR" as const };
  return inScope(prisma, { organisationId: organisation.id }, async (tx) => {
    const supplier = await createSupplier(
      tx,
      change,
      supplierFields.parse({ name: `Testleverantör ${counter} AB`, country: "SE", organisationNumber: null, ...options.fields }),
    );
    const products: ProductView[] = [];
    for (const [index, product] of (options.products ?? []).entries()) {
      products.push(
        await createProduct(tx, change, {
          supplierId: supplier.id,
          fields: productFields.parse({ name: `Produkt ${counter}.${index + 1}`, hostingLocations: ["SE"], certifications: [], ...product }),
        }),
      );
    }
    return { supplier, products };
  });
}
