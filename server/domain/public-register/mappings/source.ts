/**
 * What the mappings read: one published version of a use case with its organisation, as
 * the public sees it. Every field here is public (it comes from a published snapshot); a
 * mapping never reads the internal record. See open-data.ts for how a snapshot becomes a
 * MappingSource.
 */
import type {
  AcquisitionMethod,
  AffectedGroup,
  AiTechnique,
  AnnexIIIArea,
  Hosting,
  LifecycleStage,
  OrganisationKind,
  OutputUse,
  PersonalDataCategory,
  RiskClass,
  Sector,
  TemplateKind,
} from "../../../db/generated/enums";

/** The public fields of a use case that a mapping may name as its source. */
export const publicFieldKeys = [
  "title",
  "publicSummary",
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
  "techniques",
  "modelsAndVersions",
  "acquisitionMethod",
  "supplierName",
  "hosting",
  "dataLeavesEea",
  "dataSources",
  "personalData",
  "trainingData",
  "lifecycleStage",
  "startedOn",
  "inUseSince",
  "retiredOn",
  "riskClass",
  "annexIIIArea",
  "publicContactEmail",
  "tags",
  "assessments",
  "procurementRoute",
] as const;
export type PublicFieldKey = (typeof publicFieldKeys)[number];

/** Beyond the use case's own fields, a mapping may read these (the organisation, the publication). */
export type SourceKey = PublicFieldKey | "organisation" | "publication" | "reference";

export interface PublicAssessmentSummary {
  templateKind: TemplateKind;
  templateVersion: number;
  /** ISO date-time of approval. */
  approvedAt: string;
}

export interface MappingSource {
  id: string;
  reference: string;
  /** The published version (1, 2, ...) and when it and version 1 were published (ISO date-time). */
  version: number;
  publishedAt: string;
  firstPublishedAt: string;
  /** The human-readable public page and the API address of this use case. */
  pageUrl: string;
  apiUrl: string;
  organisation: {
    name: string;
    organisationNumber: string;
    kind: OrganisationKind;
    sector: Sector;
    websiteUrl: string | null;
  };
  title: string;
  publicSummary: string;
  businessArea: string | null;
  problemAndBenefit: string | null;
  intendedUsers: string | null;
  affectedGroups: AffectedGroup[];
  outputUse: OutputUse | null;
  humanOversight: string | null;
  appealProcess: string | null;
  legalBasis: string | null;
  legalReferences: { title: string; url: string }[];
  necessity: string | null;
  subsidiarity: string | null;
  proportionality: string | null;
  alternativesConsidered: string | null;
  consequenceOfNotDeploying: string | null;
  techniques: AiTechnique[];
  modelsAndVersions: string | null;
  acquisitionMethod: AcquisitionMethod | null;
  supplierName: string | null;
  hosting: Hosting | null;
  dataLeavesEea: boolean | null;
  dataSources: string | null;
  personalData: PersonalDataCategory[];
  trainingData: string | null;
  lifecycleStage: LifecycleStage;
  /** ISO dates (YYYY-MM-DD). */
  startedOn: string | null;
  inUseSince: string | null;
  retiredOn: string | null;
  riskClass: RiskClass;
  annexIIIArea: AnnexIIIArea | null;
  publicContactEmail: string | null;
  tags: string[];
  assessments: PublicAssessmentSummary[];
  procurementRoute: string | null;
  /** Fields withheld from publication, with the reason (as a label) and the organisation's explanation. */
  withheld: Partial<Record<PublicFieldKey, { reason: string; explanation: string | null }>>;
}

/** How a withheld field reads in a target format (in the language of that format). */
export function withheldText(source: MappingSource, key: PublicFieldKey, prefix: string): string | null {
  const withheld = source.withheld[key];
  if (!withheld) return null;
  return withheld.explanation ? `${prefix} (${withheld.reason}): ${withheld.explanation}` : `${prefix} (${withheld.reason})`;
}

/** A text field as a target reads it: the value, or the withholding note, or null. */
export function textOf(source: MappingSource, key: PublicFieldKey & keyof MappingSource, withheldPrefix: string): string | null {
  const note = withheldText(source, key, withheldPrefix);
  if (note) return note;
  const value = source[key];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** Paragraphs with headings, leaving out the empty ones; null when all are empty. */
export function sections(parts: readonly [heading: string, text: string | null][]): string | null {
  const filled = parts.filter((part): part is [string, string] => part[1] !== null && part[1] !== "");
  return filled.length === 0 ? null : filled.map(([heading, text]) => `${heading}: ${text}`).join("\n\n");
}

/** Cut a text to at most `max` characters on a word boundary, ending with an ellipsis. */
export function fit(text: string | null, max: number): string | null {
  if (text === null || text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function yearMonth(isoDate: string | null): string | null {
  return isoDate === null ? null : isoDate.slice(0, 7);
}

/** One field of a target format: its key there, its label there, which of our fields feed it and how. */
export interface TargetField<Value = unknown> {
  key: string;
  /** The field's name in the target standard, as that standard writes it. */
  label: string;
  /** Our public fields it is filled from; empty when Tillit does not record it (always null). */
  from: readonly SourceKey[];
  /** How it is filled, when that is not a plain copy (Swedish and English). */
  note?: { sv: string; en: string };
  value: (source: MappingSource) => Value;
}

export interface TargetSection {
  key: string;
  label: string;
  fields: readonly TargetField[];
}

/** A whole target format: sections of fields (a flat format has one section with key ""). */
export interface TargetFormat {
  id: "nl-algoritmeregister" | "uk-atrs" | "us-inventory";
  name: { sv: string; en: string };
  standard: string;
  sourceUrl: string;
  sections: readonly TargetSection[];
  /** What the whole mapping cannot express, said once. */
  caveats: { sv: string; en: string }[];
}

/** Build a record from a format's table: the only place a mapping's values are produced. */
export function applyFormat(format: TargetFormat, source: MappingSource): Record<string, unknown> {
  const fieldsOf = (section: TargetSection) =>
    Object.fromEntries(section.fields.map((field) => [field.key, field.value(source)]));
  if (format.sections.length === 1 && format.sections[0]!.key === "") return fieldsOf(format.sections[0]!);
  return Object.fromEntries(format.sections.map((section) => [section.key, fieldsOf(section)]));
}
