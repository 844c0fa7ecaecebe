/**
 * Our public fields → the UK Algorithmic Transparency Recording Standard (ATRS), template
 * version 3.0: tier 1 (the overview for the general public) and tier 2 (owner and
 * responsibility; description and rationale; decision-making process; tool specification;
 * risks, mitigations and impact assessments). Keys are the template's headings in
 * snake_case. Free texts stay in Swedish; fixed values (phase, labels) are in English.
 * Fields Tillit does not record are null; they are listed on the API page.
 */
import { z } from "zod";
import { openApiSchemas } from "../open-data/open-api-registry";
import type { LifecycleStage, TemplateKind } from "../../../db/generated/enums";
import {
  acquisitionMethodLabels,
  affectedGroupLabels,
  aiTechniqueLabels,
  hostingLabels,
  outputUseLabels,
  personalDataLabels,
  riskClassLabels,
} from "../../use-cases/labels";
import { applyFormat, sections, textOf, type MappingSource, type TargetFormat, withheldText } from "./source";

const WITHHELD = "Withheld";

export const ukPhases = ["Pre-deployment", "Beta/Pilot", "Production", "Retired"] as const;

export const ukPhaseByStage = {
  IDEA: "Pre-deployment",
  ANALYSIS: "Pre-deployment",
  DEVELOPMENT: "Pre-deployment",
  PILOT: "Beta/Pilot",
  IN_USE: "Production",
  PAUSED: "Production",
  RETIRED: "Retired",
} as const satisfies Record<LifecycleStage, (typeof ukPhases)[number]>;

export const ukImpactAssessmentName = {
  TRUST_MODEL: "Trust model for AI (DIGG, Sweden)",
  AI_ACT_CLASSIFICATION: "EU AI Act risk classification",
  DPIA_SCREENING: "Data protection impact assessment screening",
  FRIA: "Fundamental rights impact assessment (EU AI Act Art. 27)",
  GENAI_GUIDELINE: "Generative AI guideline check (DIGG and IMY, Sweden)",
} as const satisfies Record<TemplateKind, string>;

const labelsEn = <T extends string>(labels: Record<T, { en: string }>, values: readonly T[]) =>
  values.length === 0 ? null : values.map((value) => labels[value].en).join(", ");

const text = z.string().nullable();

export const ukAtrsRecord = z
  .object({
    standard_version: z.literal("3.0"),
    tier_1: z
      .object({ name: z.string(), description: z.string(), website: z.string(), contact_email: text })
      .strict(),
    tier_2: z
      .object({
        owner_and_responsibility: z
          .object({
            organisation: z.string(),
            team: text,
            senior_responsible_owner: text,
            third_party_involvement: z.enum(["Yes", "No"]).nullable(),
            third_party: text,
            companies_house_number: text,
            third_party_role: text,
            procurement_procedure_type: text,
            third_party_data_access_terms: text,
          })
          .strict(),
        description_and_rationale: z
          .object({ detailed_description: text, scope: text, benefit: text, previous_process: text, alternatives_considered: text })
          .strict(),
        decision_making_process: z
          .object({
            process_integration: text,
            provided_information: text,
            frequency_and_scale_of_usage: text,
            human_decisions_and_review: text,
            required_training: text,
            appeals_and_review: text,
          })
          .strict(),
        tool_specification: z
          .object({
            system_architecture: text,
            phase: z.enum(ukPhases),
            maintenance: text,
            models: text,
            data_sources: text,
            sensitive_attributes: text,
            data_access_and_storage: text,
          })
          .strict(),
        risks_mitigations_and_impact_assessments: z
          .object({
            impact_assessments: z.array(
              z.object({ name: z.string(), description: z.string(), date_completed: z.string(), link: z.string() }).strict(),
            ),
            risks: z.array(z.object({ name: z.string(), description: z.string(), mitigation: text }).strict()),
          })
          .strict(),
      })
      .strict(),
  })
  .strict()
  .meta({ description: "One use case as a UK Algorithmic Transparency Recording Standard (v3.0) record, tiers 1 and 2." }).register(openApiSchemas, { id: "UkAtrsRecord" });
export type UkAtrsRecord = z.infer<typeof ukAtrsRecord>;

export const ukAtrs: TargetFormat = {
  id: "uk-atrs",
  name: { sv: "Storbritanniens ATRS (nivå 1 och 2)", en: "UK ATRS (tiers 1 and 2)" },
  standard: "Algorithmic Transparency Recording Standard, template v3.0",
  sourceUrl: "https://www.gov.uk/government/collections/algorithmic-transparency-recording-standard-hub",
  caveats: [
    {
      sv: "Fritexterna är på svenska; fasta värden (fas, etiketter) på engelska.",
      en: "Free texts are in Swedish; fixed values (phase, labels) are in English.",
    },
    {
      sv: "Tillit för inte modellkort, datamängdskort eller riskregister per användningsfall; de fälten är tomma.",
      en: "Tillit keeps no model cards, dataset cards or per-use-case risk registers; those fields are empty.",
    },
  ],
  sections: [
    {
      key: "tier_1",
      label: "Tier 1: Overview",
      fields: [
        { key: "name", label: "Name", from: ["title"], value: (s) => s.title },
        { key: "description", label: "Description", from: ["publicSummary"], value: (s) => s.publicSummary },
        { key: "website", label: "Website URL", from: ["publication"], note: { sv: "Sidan i Tillits öppna register.", en: "The page in Tillit's public register." }, value: (s) => s.pageUrl },
        { key: "contact_email", label: "Contact email", from: ["publicContactEmail"], value: (s) => textOf(s, "publicContactEmail", WITHHELD) },
      ],
    },
    {
      key: "owner_and_responsibility",
      label: "Tier 2: Owner and responsibility",
      fields: [
        { key: "organisation", label: "Organisation or department", from: ["organisation"], value: (s) => s.organisation.name },
        { key: "team", label: "Team", from: ["businessArea"], value: (s) => textOf(s, "businessArea", WITHHELD) },
        { key: "senior_responsible_owner", label: "Senior responsible owner", from: [], note: { sv: "Ansvariga personer publiceras inte.", en: "Responsible persons are not published." }, value: () => null },
        {
          key: "third_party_involvement",
          label: "Third party involvement",
          from: ["acquisitionMethod", "supplierName"],
          value: (s) =>
            s.withheld.supplierName || s.withheld.acquisitionMethod
              ? null
              : s.supplierName !== null || s.acquisitionMethod === "PROCURED" || s.acquisitionMethod === "COLLABORATION"
                ? "Yes"
                : s.acquisitionMethod === "BUILT_IN_HOUSE"
                  ? "No"
                  : null,
        },
        { key: "third_party", label: "Third party", from: ["supplierName"], value: (s) => textOf(s, "supplierName", WITHHELD) },
        { key: "companies_house_number", label: "Companies House number", from: [], value: () => null },
        {
          key: "third_party_role",
          label: "Third party role",
          from: ["acquisitionMethod"],
          value: (s) => withheldText(s, "acquisitionMethod", WITHHELD) ?? (s.acquisitionMethod ? acquisitionMethodLabels[s.acquisitionMethod].en : null),
        },
        { key: "procurement_procedure_type", label: "Procurement procedure type", from: ["procurementRoute"], value: (s) => textOf(s, "procurementRoute", WITHHELD) },
        { key: "third_party_data_access_terms", label: "Third party data access terms", from: ["hosting", "dataLeavesEea"], value: (s) => dataLocation(s) },
      ],
    },
    {
      key: "description_and_rationale",
      label: "Tier 2: Description and rationale",
      fields: [
        { key: "detailed_description", label: "Detailed description", from: ["publicSummary"], value: (s) => s.publicSummary },
        {
          key: "scope",
          label: "Scope",
          from: ["businessArea", "affectedGroups", "intendedUsers"],
          value: (s) =>
            sections([
              ["Business area", textOf(s, "businessArea", WITHHELD)],
              ["Affected groups", withheldText(s, "affectedGroups", WITHHELD) ?? labelsEn(affectedGroupLabels, s.affectedGroups)],
              ["Intended users", textOf(s, "intendedUsers", WITHHELD)],
            ]),
        },
        { key: "benefit", label: "Benefit", from: ["problemAndBenefit"], value: (s) => textOf(s, "problemAndBenefit", WITHHELD) },
        { key: "previous_process", label: "Previous process", from: ["consequenceOfNotDeploying"], note: { sv: "Följden av att inte använda systemet, närmast motsvarande fält.", en: "The consequence of not deploying, the nearest field." }, value: (s) => textOf(s, "consequenceOfNotDeploying", WITHHELD) },
        {
          key: "alternatives_considered",
          label: "Alternatives considered",
          from: ["alternativesConsidered", "necessity", "subsidiarity", "proportionality"],
          value: (s) =>
            sections([
              ["Alternatives", textOf(s, "alternativesConsidered", WITHHELD)],
              ["Necessity", textOf(s, "necessity", WITHHELD)],
              ["Subsidiarity", textOf(s, "subsidiarity", WITHHELD)],
              ["Proportionality", textOf(s, "proportionality", WITHHELD)],
            ]),
        },
      ],
    },
    {
      key: "decision_making_process",
      label: "Tier 2: Decision-making process",
      fields: [
        { key: "process_integration", label: "Process integration", from: ["outputUse"], value: (s) => (s.outputUse ? outputUseLabels[s.outputUse].en : null) },
        { key: "provided_information", label: "Provided information", from: [], value: () => null },
        { key: "frequency_and_scale_of_usage", label: "Frequency and scale of usage", from: [], value: () => null },
        { key: "human_decisions_and_review", label: "Human decisions and review", from: ["humanOversight"], value: (s) => textOf(s, "humanOversight", WITHHELD) },
        { key: "required_training", label: "Required training", from: [], value: () => null },
        { key: "appeals_and_review", label: "Appeals and review", from: ["appealProcess"], value: (s) => textOf(s, "appealProcess", WITHHELD) },
      ],
    },
    {
      key: "tool_specification",
      label: "Tier 2: Tool specification",
      fields: [
        {
          key: "system_architecture",
          label: "System architecture",
          from: ["techniques", "hosting"],
          value: (s) =>
            sections([
              ["Techniques", withheldText(s, "techniques", WITHHELD) ?? labelsEn(aiTechniqueLabels, s.techniques)],
              ["Hosting", withheldText(s, "hosting", WITHHELD) ?? (s.hosting ? hostingLabels[s.hosting].en : null)],
            ]),
        },
        { key: "phase", label: "Phase", from: ["lifecycleStage"], note: { sv: "Idé, analys, utveckling → Pre-deployment; pilot → Beta/Pilot; i drift och pausad → Production; avvecklad → Retired.", en: "Idea, analysis, development → Pre-deployment; pilot → Beta/Pilot; in use and paused → Production; retired → Retired." }, value: (s) => ukPhaseByStage[s.lifecycleStage] },
        { key: "maintenance", label: "Maintenance", from: [], value: () => null },
        { key: "models", label: "Models", from: ["modelsAndVersions"], value: (s) => textOf(s, "modelsAndVersions", WITHHELD) },
        {
          key: "data_sources",
          label: "Source data",
          from: ["dataSources", "trainingData"],
          value: (s) => sections([["Data sources", textOf(s, "dataSources", WITHHELD)], ["Training data", textOf(s, "trainingData", WITHHELD)]]),
        },
        { key: "sensitive_attributes", label: "Sensitive attributes", from: ["personalData"], value: (s) => withheldText(s, "personalData", WITHHELD) ?? labelsEn(personalDataLabels, s.personalData) },
        { key: "data_access_and_storage", label: "Data access and storage", from: ["hosting", "dataLeavesEea"], value: (s) => dataLocation(s) },
      ],
    },
    {
      key: "risks_mitigations_and_impact_assessments",
      label: "Tier 2: Risks, mitigations and impact assessments",
      fields: [
        {
          key: "impact_assessments",
          label: "Impact assessments",
          from: ["assessments"],
          value: (s) =>
            s.assessments.map((a) => ({
              name: ukImpactAssessmentName[a.templateKind],
              description: `Approved assessment, template version ${a.templateVersion}.`,
              date_completed: a.approvedAt.slice(0, 10),
              link: s.pageUrl,
            })),
        },
        {
          key: "risks",
          label: "Risks",
          from: ["riskClass"],
          note: { sv: "Riskklassen enligt AI-förordningen som en risk; åtgärd: den mänskliga kontrollen.", en: "The AI Act risk class as one risk; mitigation: the human oversight." },
          value: (s) => [
            {
              name: `EU AI Act: ${riskClassLabels[s.riskClass].en}`,
              description: `Risk class under the EU AI Act: ${riskClassLabels[s.riskClass].en}.`,
              mitigation: textOf(s, "humanOversight", WITHHELD),
            },
          ],
        },
      ],
    },
  ],
};

function dataLocation(s: MappingSource): string | null {
  const hosting = withheldText(s, "hosting", WITHHELD) ?? (s.hosting ? hostingLabels[s.hosting].en : null);
  const leaves =
    withheldText(s, "dataLeavesEea", WITHHELD) ??
    (s.dataLeavesEea === null ? null : s.dataLeavesEea ? "Data leaves the EU/EEA." : "Data stays in the EU/EEA.");
  return sections([
    ["Hosting", hosting],
    ["Data location", leaves],
  ]);
}

export function toUkAtrs(source: MappingSource): UkAtrsRecord {
  const flat = applyFormat(ukAtrs, source) as Record<string, Record<string, unknown>>;
  return ukAtrsRecord.parse({
    standard_version: "3.0",
    tier_1: flat.tier_1,
    tier_2: {
      owner_and_responsibility: flat.owner_and_responsibility,
      description_and_rationale: flat.description_and_rationale,
      decision_making_process: flat.decision_making_process,
      tool_specification: flat.tool_specification,
      risks_mitigations_and_impact_assessments: flat.risks_mitigations_and_impact_assessments,
    },
  });
}
