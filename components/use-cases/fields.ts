/**
 * How the use-case record is shown: its groups (as in the form), which fields are
 * enumerations (labelled from server/domain/use-cases/labels.ts), and how a value reads.
 * Shared by the form, the overview and the history; no rules here.
 */
import { isLocale, type Locale } from "@/server/i18n/config";
import {
  acquisitionMethodLabels,
  affectedGroupLabels,
  aiActRoleLabels,
  aiTechniqueLabels,
  annexIIIAreaLabels,
  hostingLabels,
  lifecycleStageLabels,
  outputUseLabels,
  personalDataLabels,
  riskClassLabels,
  type Labels,
} from "@/server/domain/use-cases/labels";
import type { UseCaseFields } from "@/server/domain/use-cases/schemas";

export type UseCaseField = keyof UseCaseFields;

/** Free-text fields written in paragraphs: a text area in the form, kept line breaks in the view. */
export const longTextFields: ReadonlySet<UseCaseField> = new Set<UseCaseField>([
  "publicSummary",
  "description",
  "problemAndBenefit",
  "intendedUsers",
  "humanOversight",
  "appealProcess",
  "legalBasis",
  "necessity",
  "subsidiarity",
  "proportionality",
  "alternativesConsidered",
  "consequenceOfNotDeploying",
  "modelsAndVersions",
  "dataSources",
  "trainingData",
  "riskClassJustification",
]);

export const fieldGroups = [
  { key: "identity", fields: ["title", "publicSummary", "description", "registryNumber", "tags"] },
  {
    key: "purpose",
    fields: [
      "businessArea",
      "problemAndBenefit",
      "intendedUsers",
      "affectedGroups",
      "outputUse",
      "humanOversight",
      "appealProcess",
      "legalBasis",
      "legalReferences",
      "necessity",
      "subsidiarity",
      "proportionality",
      "alternativesConsidered",
      "consequenceOfNotDeploying",
    ],
  },
  {
    key: "technology",
    fields: [
      "techniques",
      "modelsAndVersions",
      "acquisitionMethod",
      "supplierName",
      "hosting",
      "dataLeavesEea",
      "dataSources",
      "personalData",
      "trainingData",
    ],
  },
  { key: "status", fields: ["lifecycleStage", "startedOn", "inUseSince", "retiredOn", "nextReviewOn"] },
  {
    key: "risk",
    fields: [
      "aiActRoles",
      "riskClass",
      "annexIIIArea",
      "annexI",
      "riskClassJustification",
      "dpiaRequired",
      "dpiaDone",
      "friaRequired",
      "friaDone",
    ],
  },
  { key: "publication", fields: ["intendedForPublication", "publicContactEmail", "withheldFields"] },
] as const satisfies readonly { key: string; fields: readonly UseCaseField[] }[];

export type FieldGroupKey = (typeof fieldGroups)[number]["key"];

/** Every field of the record in form order (for the error summary). */
export const fieldOrder: readonly UseCaseField[] = fieldGroups.flatMap((group) => [...group.fields]);

/** Enumerated fields and their labels (single values and lists alike). */
export const enumLabels: Partial<Record<string, Labels<string>>> = {
  lifecycleStage: lifecycleStageLabels,
  outputUse: outputUseLabels,
  techniques: aiTechniqueLabels,
  technique: aiTechniqueLabels,
  affectedGroups: affectedGroupLabels,
  acquisitionMethod: acquisitionMethodLabels,
  hosting: hostingLabels,
  personalData: personalDataLabels,
  aiActRoles: aiActRoleLabels,
  riskClass: riskClassLabels,
  annexIIIArea: annexIIIAreaLabels,
};

/** The options of an enumeration, labelled in the given locale, in the order the labels list them. */
export function enumOptions<T extends string>(labels: Labels<T>, locale: Locale): { value: T; label: string }[] {
  return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value][locale] }));
}

export function enumLabel(field: string, value: string, locale: Locale): string {
  const labels = enumLabels[field];
  return labels?.[value]?.[locale] ?? value;
}

export function asLocale(value: string): Locale {
  return isLocale(value) ? value : "sv";
}

/** A date from the API (a YYYY-MM-DD string or a Date) as YYYY-MM-DD, or "". */
export function isoDay(value: string | Date | null | undefined): string {
  if (!value) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value.slice(0, 10);
}

export const dateFields = new Set<string>(["startedOn", "inUseSince", "retiredOn", "nextReviewOn"]);

/** Field names the messages have a label for ("UseCases.fields.<name>"). */
export const fieldLabelKeys = new Set<string>([...fieldOrder, "supplier", "reference", "archivedAt", "updatedAt"]);
