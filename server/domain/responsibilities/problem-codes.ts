/** Stable problem codes of this area (see server/domain/problem-codes.ts). Kept free of imports. */
export const responsibilitiesCodes = [
  "responsibility.accountableOwnerOverlap",
  "responsibility.alreadyAssigned",
  "responsibility.notMember",
  "responsibility.endBeforeStart",
  "responsibility.alreadyEnded",
  "responsibility.replacedNotCurrent",
  "responsibility.useCaseArchived",
  "responsibility.inUseNeedsAccountableOwner",
  "responsibility.supplierRequired",
  "responsibility.supplierUnknown",
  "responsibility.holderNameRequired",
  "responsibility.roleIsOwn",
] as const;
export type ResponsibilitiesCode = (typeof responsibilitiesCodes)[number];
