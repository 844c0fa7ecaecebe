/**
 * Our public fields → the US federal agency AI use-case inventory (OMB's annual inventory
 * under M-25-21; published by agencies as CSV). Keys are the inventory's questions in
 * snake_case. The inventory's "high-impact" determination is approximated by the EU AI
 * Act's high-risk class; the practices Tillit does not record (pre-deployment testing,
 * independent review, monitoring, training, fail-safe, opt-out) are null.
 */
import { z } from "zod";
import { openApiSchemas } from "../open-data/open-api-registry";
import type { AcquisitionMethod, LifecycleStage } from "../../../db/generated/enums";
import en from "../../../i18n/messages/en.json";
import { annexIIIAreaLabels, outputUseLabels, riskClassLabels } from "../../use-cases/labels";
import { applyFormat, sections, textOf, type MappingSource, type TargetFormat, withheldText } from "./source";

const WITHHELD = "Withheld";

export const usStages = ["Pre-deployment", "Pilot", "Deployed", "Retired"] as const;
export const usStageByLifecycle = {
  IDEA: "Pre-deployment",
  ANALYSIS: "Pre-deployment",
  DEVELOPMENT: "Pre-deployment",
  PILOT: "Pilot",
  IN_USE: "Deployed",
  PAUSED: "Deployed",
  RETIRED: "Retired",
} as const satisfies Record<LifecycleStage, (typeof usStages)[number]>;

export const usDevelopmentMethods = [
  "Developed in-house",
  "Developed with contracting resources",
  "Developed with both contracting and in-house resources",
] as const;
export const usDevelopmentMethodByAcquisition = {
  BUILT_IN_HOUSE: "Developed in-house",
  OPEN_SOURCE: "Developed in-house",
  PROCURED: "Developed with contracting resources",
  COLLABORATION: "Developed with both contracting and in-house resources",
} as const satisfies Record<AcquisitionMethod, (typeof usDevelopmentMethods)[number]>;

const yesNo = z.enum(["Yes", "No"]).nullable();
const text = z.string().nullable();

export const usInventoryRecord = z
  .object({
    use_case_name: z.string(),
    agency: z.string(),
    bureau_component: text,
    topic_area: z.string(),
    intended_purpose_and_expected_benefits: z.string(),
    ai_system_outputs: text,
    stage_of_development: z.enum(usStages),
    is_high_impact: z.enum(["Yes", "No", "Not yet determined"]),
    high_impact_justification: text,
    date_initiated: text,
    date_implemented: text,
    date_retired: text,
    development_method: z.enum(usDevelopmentMethods).nullable(),
    vendor_name: text,
    involves_personal_information: yesNo,
    pre_deployment_testing: text,
    impact_assessment_completed: yesNo,
    independent_review: text,
    ongoing_monitoring: text,
    operator_training: text,
    human_oversight: text,
    fail_safe: text,
    appeal_process: text,
    human_alternative_opt_out: text,
  })
  .strict()
  .meta({ description: "One use case as a row of the US federal AI use-case inventory." }).register(openApiSchemas, { id: "UsInventoryRecord" });
export type UsInventoryRecord = z.infer<typeof usInventoryRecord>;

const notRecorded = { sv: "Registreras inte i Tillit.", en: "Not recorded in Tillit." };

export const usInventory: TargetFormat = {
  id: "us-inventory",
  name: { sv: "USA:s federala inventering av AI-användning", en: "The US federal AI use-case inventory" },
  standard: "Federal agency AI use-case inventory (OMB M-25-21)",
  sourceUrl: "https://github.com/ombegov/2024-Federal-AI-Use-Case-Inventory",
  caveats: [
    {
      sv: "\"High-impact\" motsvaras närmast av hög risk enligt AI-förordningen; förbjudna tillämpningar räknas också som high-impact.",
      en: "\"High-impact\" is approximated by the EU AI Act's high-risk class; prohibited practices count as high-impact too.",
    },
  ],
  sections: [
    {
      key: "",
      label: "AI use-case inventory",
      fields: [
        { key: "use_case_name", label: "Use case name", from: ["title"], value: (s) => s.title },
        { key: "agency", label: "Agency", from: ["organisation"], value: (s) => s.organisation.name },
        { key: "bureau_component", label: "Bureau / component", from: ["businessArea"], value: (s) => textOf(s, "businessArea", WITHHELD) },
        { key: "topic_area", label: "Topic area", from: ["organisation"], note: { sv: "Organisationens sektor.", en: "The organisation's sector." }, value: (s) => en.Sector[s.organisation.sector] },
        {
          key: "intended_purpose_and_expected_benefits",
          label: "Intended purpose and expected benefits",
          from: ["publicSummary", "problemAndBenefit"],
          value: (s) => sections([["Summary", s.publicSummary], ["Purpose and benefit", textOf(s, "problemAndBenefit", WITHHELD)]])!,
        },
        { key: "ai_system_outputs", label: "AI system outputs", from: ["outputUse"], value: (s) => (s.outputUse ? outputUseLabels[s.outputUse].en : null) },
        { key: "stage_of_development", label: "Stage of development", from: ["lifecycleStage"], value: (s) => usStageByLifecycle[s.lifecycleStage] },
        {
          key: "is_high_impact",
          label: "Is the AI use case high-impact?",
          from: ["riskClass"],
          value: (s) =>
            s.riskClass === "HIGH_RISK" || s.riskClass === "PROHIBITED" ? "Yes" : s.riskClass === "UNDETERMINED" ? "Not yet determined" : "No",
        },
        {
          key: "high_impact_justification",
          label: "Justification of the high-impact determination",
          from: ["riskClass", "annexIIIArea"],
          value: (s) =>
            sections([
              ["EU AI Act risk class", riskClassLabels[s.riskClass].en],
              ["Annex III area", withheldText(s, "annexIIIArea", WITHHELD) ?? (s.annexIIIArea ? annexIIIAreaLabels[s.annexIIIArea].en : null)],
            ]),
        },
        { key: "date_initiated", label: "Date initiated", from: ["startedOn"], value: (s) => (s.withheld.startedOn ? null : s.startedOn) },
        { key: "date_implemented", label: "Date implemented", from: ["inUseSince"], value: (s) => (s.withheld.inUseSince ? null : s.inUseSince) },
        { key: "date_retired", label: "Date retired", from: ["retiredOn"], value: (s) => (s.withheld.retiredOn ? null : s.retiredOn) },
        {
          key: "development_method",
          label: "Development method",
          from: ["acquisitionMethod"],
          value: (s) => (s.acquisitionMethod && !s.withheld.acquisitionMethod ? usDevelopmentMethodByAcquisition[s.acquisitionMethod] : null),
        },
        { key: "vendor_name", label: "Vendor name", from: ["supplierName"], value: (s) => textOf(s, "supplierName", WITHHELD) },
        {
          key: "involves_personal_information",
          label: "Does the use case involve personally identifiable information?",
          from: ["personalData"],
          value: (s) =>
            s.withheld.personalData || s.personalData.length === 0 ? null : s.personalData.some((c) => c !== "NONE") ? "Yes" : "No",
        },
        { key: "pre_deployment_testing", label: "Pre-deployment testing", from: [], note: notRecorded, value: () => null },
        {
          key: "impact_assessment_completed",
          label: "Has an AI impact assessment been completed?",
          from: ["assessments"],
          note: { sv: "Ja när en konsekvensbedömning (FRIA, DPIA-förhandsbedömning eller Förtroendemodellen) är godkänd.", en: "Yes when an impact assessment (FRIA, DPIA screening or the trust model) is approved." },
          value: (s) => (s.assessments.some((a) => a.templateKind === "FRIA" || a.templateKind === "DPIA_SCREENING" || a.templateKind === "TRUST_MODEL") ? "Yes" : "No"),
        },
        { key: "independent_review", label: "Independent review", from: [], note: notRecorded, value: () => null },
        { key: "ongoing_monitoring", label: "Ongoing monitoring", from: [], note: notRecorded, value: () => null },
        { key: "operator_training", label: "Operator training", from: [], note: notRecorded, value: () => null },
        { key: "human_oversight", label: "Human oversight, intervention and accountability", from: ["humanOversight"], value: (s) => textOf(s, "humanOversight", WITHHELD) },
        { key: "fail_safe", label: "Fail-safe", from: [], note: notRecorded, value: () => null },
        { key: "appeal_process", label: "Appeal process", from: ["appealProcess"], value: (s) => textOf(s, "appealProcess", WITHHELD) },
        { key: "human_alternative_opt_out", label: "Human alternative (opt-out)", from: [], note: notRecorded, value: () => null },
      ],
    },
  ],
};

export function toUsInventory(source: MappingSource): UsInventoryRecord {
  return usInventoryRecord.parse(applyFormat(usInventory, source));
}
