/** Stable problem codes of this area (see server/domain/problem-codes.ts). Kept free of imports. */
export const procurementCodes = [
  "procurement.directAwardAboveLimit",
  "procurement.valueRequired",
  "procurement.noThresholdPeriod",
  "procurement.exceptionGroundRequired",
  "procurement.justificationRequired",
  "procurement.frameworkRequired",
  "procurement.unknownFrameworkAgreement",
  "procurement.unknownSupplier",
  "procurement.productNotOfSupplier",
  "procurement.endBeforeStart",
  "procurement.useCaseArchived",
  "procurement.locked",
  "procurement.invalidTransition",
  "procurement.requirementsNotMet",
  "procurement.documentationRequired",
  "procurement.unknownItem",
  "procurement.evidenceRequired",
  "procurement.nothingToAccept",
  "procurement.onlyPlannedDeletable",
] as const;
export type ProcurementCode = (typeof procurementCodes)[number];
