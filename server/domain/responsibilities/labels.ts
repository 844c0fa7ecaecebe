/**
 * Swedish and English labels of the responsibility roles and the value chain's holders,
 * kept once, here (the glossary's terms: verksamhetsansvarig, systemägare, ...).
 */
import type { ResponsibilityRole, ValueChainHolderKind } from "../../db/generated/enums";
import type { Labels } from "../use-cases/labels";

export const responsibilityRoles = [
  "ACCOUNTABLE_OWNER",
  "SYSTEM_OWNER",
  "INFORMATION_OWNER",
  "DATA_PROTECTION_OFFICER",
  "INFORMATION_SECURITY",
  "LEGAL",
  "TECHNICAL_CONTACT",
  "SUPPLIER_CONTACT",
  "HUMAN_OVERSIGHT",
] as const satisfies readonly ResponsibilityRole[];

export const responsibilityRoleLabels = {
  ACCOUNTABLE_OWNER: { sv: "Verksamhetsansvarig", en: "Accountable owner" },
  SYSTEM_OWNER: { sv: "Systemägare", en: "System owner" },
  INFORMATION_OWNER: { sv: "Informationsägare", en: "Information owner" },
  DATA_PROTECTION_OFFICER: { sv: "Dataskyddsombud", en: "Data protection officer" },
  INFORMATION_SECURITY: { sv: "Informationssäkerhet", en: "Information security" },
  LEGAL: { sv: "Juridik", en: "Legal" },
  TECHNICAL_CONTACT: { sv: "Teknisk kontaktperson", en: "Technical contact" },
  SUPPLIER_CONTACT: { sv: "Kontaktperson hos leverantören", en: "Supplier contact" },
  HUMAN_OVERSIGHT: { sv: "Mänsklig tillsyn (kan åsidosätta utfall)", en: "Human oversight (can override outputs)" },
} satisfies Labels<ResponsibilityRole>;

export const valueChainHolderKindLabels = {
  OWN_ORGANISATION: { sv: "Vår organisation", en: "Our organisation" },
  SUPPLIER: { sv: "Leverantör i katalogen", en: "Supplier from the catalogue" },
  OTHER_ORGANISATION: { sv: "Annan organisation", en: "Another organisation" },
} satisfies Labels<ValueChainHolderKind>;
