/**
 * What an admin reviews before publishing, all pure: the required public fields (missing
 * ones with where to fix them), the plain-language advice per public text, and what
 * changed since the published version, field by field.
 */
import { plainLanguageReport, type PlainLanguageReport } from "./plain-language";
import { type PublicUseCaseSnapshot, publicTextFields } from "./snapshot";

export const requiredPublicFields = [
  "title",
  "publicSummary",
  "problemAndBenefit",
  "contactEmail",
  "lifecycleStage",
  "riskClass",
  "techniques",
  "personalData",
  "humanOversight",
  "approvedAssessments",
] as const;
export type RequiredPublicField = (typeof requiredPublicFields)[number];

export interface MissingField {
  field: RequiredPublicField;
  /** Where to fix it, relative to the use case's page (`/<org>/register/<id>`). */
  fix: { tab: "edit" | "assessments"; anchor: string | null };
}

const fixOf: Record<RequiredPublicField, MissingField["fix"]> = {
  title: { tab: "edit", anchor: "uc-title" },
  publicSummary: { tab: "edit", anchor: "uc-publicSummary" },
  problemAndBenefit: { tab: "edit", anchor: "uc-problemAndBenefit" },
  contactEmail: { tab: "edit", anchor: "uc-publicContactEmail" },
  lifecycleStage: { tab: "edit", anchor: "uc-lifecycleStage" },
  riskClass: { tab: "edit", anchor: "uc-riskClass" },
  techniques: { tab: "edit", anchor: "uc-techniques" },
  personalData: { tab: "edit", anchor: "uc-personalData" },
  humanOversight: { tab: "edit", anchor: "uc-humanOversight" },
  approvedAssessments: { tab: "assessments", anchor: null },
};

/**
 * The required public fields the snapshot lacks. A withheld field counts as answered:
 * the public sees that it is withheld and why. Personal data counts as answered when any
 * category (or NONE) is chosen.
 */
export function missingRequiredFields(snapshot: PublicUseCaseSnapshot, personalDataAnswered: boolean): MissingField[] {
  const withheld = new Set<string>(snapshot.withheld.map((entry) => entry.field));
  const present: Record<RequiredPublicField, boolean> = {
    title: snapshot.title.trim() !== "",
    publicSummary: snapshot.publicSummary.trim() !== "",
    problemAndBenefit: withheld.has("problemAndBenefit") || Boolean(snapshot.problemAndBenefit?.trim()),
    contactEmail: Boolean(snapshot.contactEmail),
    lifecycleStage: true,
    riskClass: snapshot.riskClass !== "UNDETERMINED",
    techniques: snapshot.techniques.length > 0,
    personalData: personalDataAnswered,
    humanOversight: withheld.has("humanOversight") || Boolean(snapshot.humanOversight?.trim()),
    approvedAssessments: snapshot.approvedAssessments.length > 0,
  };
  return requiredPublicFields.filter((field) => !present[field]).map((field) => ({ field, fix: fixOf[field] }));
}

export interface TextAdvice {
  field: (typeof publicTextFields)[number];
  report: PlainLanguageReport;
}

/** The plain-language report of each public text that has one. */
export function plainLanguageAdvice(snapshot: PublicUseCaseSnapshot): TextAdvice[] {
  return publicTextFields.flatMap((field) => {
    const report = plainLanguageReport(snapshot[field] as string | null);
    return report ? [{ field, report }] : [];
  });
}

export interface FieldChange {
  field: keyof PublicUseCaseSnapshot;
  before: unknown;
  after: unknown;
}

/** Fields that identify rather than describe: never reported as changes. */
const IDENTITY = new Set<keyof PublicUseCaseSnapshot>(["schemaVersion", "useCaseId", "reference"]);

/** What the public would see differently if the use case were published now, field by field. */
export function changesSincePublication(published: PublicUseCaseSnapshot, current: PublicUseCaseSnapshot): FieldChange[] {
  const keys = Object.keys(current) as (keyof PublicUseCaseSnapshot)[];
  return keys
    .filter((key) => !IDENTITY.has(key) && JSON.stringify(published[key] ?? null) !== JSON.stringify(current[key] ?? null))
    .map((field) => ({ field, before: published[field] ?? null, after: current[field] ?? null }));
}
