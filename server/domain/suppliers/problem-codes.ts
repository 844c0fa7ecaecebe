/** Stable problem codes of this area (see server/domain/problem-codes.ts). Kept free of imports. */
export const suppliersCodes = [
  "supplier.organisationNumberTaken",
  "supplier.organisationNumberInvalid",
  "supplier.productNameTaken",
  "supplier.onlyApprovedShareable",
  "supplier.staleCursor",
] as const;
export type SuppliersCode = (typeof suppliersCodes)[number];
