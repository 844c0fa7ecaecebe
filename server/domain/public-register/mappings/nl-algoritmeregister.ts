/**
 * Our public fields → the Dutch algorithm register's publication standard, version 1.0
 * (MinBZK/Algoritmeregister, backend/app/schemas/config/v1_0.json). Keys, permitted values
 * and maximum lengths are the standard's; longer texts are shortened on a word boundary
 * and end with "…". The texts stay in Swedish, so `lang` is "swe" (ISO 639-3), a value
 * the Dutch register itself does not offer yet (it accepts only "nld").
 */
import { z } from "zod";
import { openApiSchemas } from "../open-data/open-api-registry";
import type { LifecycleStage, Sector, TemplateKind } from "../../../db/generated/enums";
import {
  affectedGroupLabels,
  aiTechniqueLabels,
  outputUseLabels,
  personalDataLabels,
  riskClassLabels,
} from "../../use-cases/labels";
import { applyFormat, fit, sections, textOf, type MappingSource, type TargetFormat, withheldText, yearMonth } from "./source";

const WITHHELD = "Ej publicerad";

export const nlCategories = [
  "Organisatie en bedrijfsvoering",
  "Cultuur en recreatie",
  "Economie",
  "Overheidsfinanciën",
  "Wonen",
  "Internationaal",
  "Migratie en integratie",
  "Natuur en milieu",
  "Onderwijs en wetenschap",
  "Openbare orde en veiligheid",
  "Recht",
  "Ruimte en infrastructuur",
  "Sociale zekerheid",
  "Verkeer",
  "Werk",
  "Zorg en gezondheid",
] as const;

/** The organisation's sector → the Dutch register's theme (category). */
export const nlCategoryBySector = {
  GENERAL_PUBLIC_SERVICES: "Organisatie en bedrijfsvoering",
  JUSTICE_AND_SECURITY: "Recht",
  DEFENCE_AND_CRISIS_PREPAREDNESS: "Openbare orde en veiligheid",
  ECONOMY_AND_FINANCE: "Economie",
  TAX_AND_CUSTOMS: "Overheidsfinanciën",
  SOCIAL_INSURANCE_AND_WELFARE: "Sociale zekerheid",
  HEALTH_AND_CARE: "Zorg en gezondheid",
  EDUCATION_AND_RESEARCH: "Onderwijs en wetenschap",
  LABOUR_MARKET: "Werk",
  MIGRATION: "Migratie en integratie",
  INFRASTRUCTURE_AND_TRANSPORT: "Ruimte en infrastructuur",
  ENVIRONMENT_AND_ENERGY: "Natuur en milieu",
  CULTURE_AND_LEISURE: "Cultuur en recreatie",
  BUSINESS_AND_AGRICULTURE: "Economie",
  HOUSING_AND_PLANNING: "Wonen",
  DIGITAL_GOVERNMENT: "Organisatie en bedrijfsvoering",
} as const satisfies Record<Sector, (typeof nlCategories)[number]>;

export const nlStatuses = ["In ontwikkeling", "In gebruik", "Buiten gebruik"] as const;

export const nlStatusByStage = {
  IDEA: "In ontwikkeling",
  ANALYSIS: "In ontwikkeling",
  PILOT: "In ontwikkeling",
  DEVELOPMENT: "In ontwikkeling",
  IN_USE: "In gebruik",
  PAUSED: "Buiten gebruik",
  RETIRED: "Buiten gebruik",
} as const satisfies Record<LifecycleStage, (typeof nlStatuses)[number]>;

export const nlPublicationCategories = ["Hoog-risico AI-systeem", "Impactvolle algoritmes", "Overige algoritmes"] as const;

/** Category A for high-risk (and prohibited) systems; B when the outputs feed decisions; C otherwise. */
export function nlPublicationCategory(source: Pick<MappingSource, "riskClass" | "outputUse">): (typeof nlPublicationCategories)[number] {
  if (source.riskClass === "HIGH_RISK" || source.riskClass === "PROHIBITED") return "Hoog-risico AI-systeem";
  if (source.outputUse !== null && source.outputUse !== "INFORMATION_ONLY") return "Impactvolle algoritmes";
  return "Overige algoritmes";
}

/** Our assessment templates under the names the Dutch register suggests for impact assessments. */
export const nlImpactAssessmentTitle = {
  TRUST_MODEL: "Förtroendemodellen för AI (DIGG)",
  AI_ACT_CLASSIFICATION: "Riskklassning enligt AI-förordningen",
  DPIA_SCREENING: "Pre-scan DPIA",
  FRIA: "Fundamentele Rechten en Algoritme Impact Assessment (FRAIA)",
  GENAI_GUIDELINE: "Riktlinjer för generativ AI (DIGG/IMY)",
} as const satisfies Record<TemplateKind, string>;

const link = z.object({ title: z.string().max(500), link: z.string().max(500) });

/** The record's shape, as the standard's configuration defines it (with lang "swe", see above). */
export const nlAlgoritmeregisterRecord = z
  .object({
    name: z.string().min(1).max(100),
    description_short: z.string().min(1).max(400),
    organization: z.string().min(1).max(100),
    category: z.array(z.enum(nlCategories)),
    status: z.enum(nlStatuses),
    begin_date: z.string().regex(/^\d{4}-\d{2}$/).nullable(),
    end_date: z.string().regex(/^\d{4}-\d{2}$/).nullable(),
    contact_email: z.string().min(1).max(500),
    website: z.string().max(500).nullable(),
    publication_category: z.enum(nlPublicationCategories),
    url: z.string().max(500).nullable(),
    goal: z.string().max(2500).nullable(),
    proportionality: z.string().max(2500).nullable(),
    human_intervention: z.string().max(2500).nullable(),
    risks: z.string().max(2500).nullable(),
    lawful_basis: z.string().max(2500).nullable(),
    lawful_basis_grouping: z.array(z.object({ title: z.string().max(100), link: z.string().max(500) })),
    process_index_url: z.string().max(500).nullable(),
    impacttoetsen_grouping: z.array(z.object({ title: z.string(), link: z.string().max(500).nullable() })),
    impacttoetsen: z.string().max(2500).nullable(),
    source_data: z.string().max(2500).nullable(),
    source_data_grouping: z.array(link),
    methods_and_models: z.string().max(5000).nullable(),
    provider: z.string().max(200).nullable(),
    publiccode: z.string().max(500).nullable(),
    lang: z.literal("swe"),
    standard_version: z.literal("1.0"),
    source_id: z.string().max(100),
    tags: z.string().max(2500).nullable(),
  })
  .strict()
  .meta({ description: "One use case in the Dutch algorithm register's publication standard 1.0." }).register(openApiSchemas, { id: "NlAlgoritmeregisterRecord" });
export type NlAlgoritmeregisterRecord = z.infer<typeof nlAlgoritmeregisterRecord>;

const labelsSv = <T extends string>(labels: Record<T, { sv: string }>, values: readonly T[]) =>
  values.length === 0 ? null : values.map((value) => labels[value].sv).join(", ");

export const nlAlgoritmeregister: TargetFormat = {
  id: "nl-algoritmeregister",
  name: { sv: "Nederländernas algoritmregister", en: "The Dutch algorithm register" },
  standard: "Algoritmeregister publicatiestandaard 1.0",
  sourceUrl: "https://github.com/MinBZK/Algoritmeregister/blob/main/backend/app/schemas/config/v1_0.json",
  caveats: [
    {
      sv: "Texterna är på svenska; fältet lang är därför \"swe\", som det nederländska registret ännu inte tar emot.",
      en: "The texts are in Swedish, so lang is \"swe\", which the Dutch register does not accept yet.",
    },
    {
      sv: "Texter längre än standardens maxlängd kortas vid ett ordslut och slutar med \"…\".",
      en: "Texts longer than the standard's maximum are shortened at a word boundary and end with \"…\".",
    },
  ],
  sections: [
    {
      key: "",
      label: "Algoritmeregister 1.0",
      fields: [
        { key: "name", label: "Naam", from: ["title"], value: (s) => fit(s.title, 100) },
        { key: "description_short", label: "Korte omschrijving", from: ["publicSummary"], value: (s) => fit(s.publicSummary, 400) },
        { key: "organization", label: "Organisatienaam", from: ["organisation"], value: (s) => fit(s.organisation.name, 100) },
        {
          key: "category",
          label: "Thema",
          from: ["organisation"],
          note: { sv: "Från organisationens sektor.", en: "From the organisation's sector." },
          value: (s) => [nlCategoryBySector[s.organisation.sector]],
        },
        {
          key: "status",
          label: "Status",
          from: ["lifecycleStage"],
          note: {
            sv: "Idé, analys, pilot och utveckling → In ontwikkeling; i drift → In gebruik; pausad och avvecklad → Buiten gebruik.",
            en: "Idea, analysis, pilot and development → In ontwikkeling; in use → In gebruik; paused and retired → Buiten gebruik.",
          },
          value: (s) => nlStatusByStage[s.lifecycleStage],
        },
        { key: "begin_date", label: "Begindatum", from: ["inUseSince"], value: (s) => (s.withheld.inUseSince ? null : yearMonth(s.inUseSince)) },
        { key: "end_date", label: "Einddatum", from: ["retiredOn"], value: (s) => (s.withheld.retiredOn ? null : yearMonth(s.retiredOn)) },
        {
          key: "contact_email",
          label: "Contactgegevens",
          from: ["publicContactEmail"],
          note: { sv: "Utan e-post: länken till den publika sidan.", en: "Without an address: the link to the public page." },
          value: (s) => s.publicContactEmail ?? s.pageUrl,
        },
        { key: "website", label: "Link naar publiekspagina", from: ["publication"], note: { sv: "Användningsfallets sida i Tillits öppna register.", en: "The use case's page in Tillit's public register." }, value: (s) => s.pageUrl },
        { key: "publication_category", label: "Publicatiecategorie", from: ["riskClass", "outputUse"], note: { sv: "Hög risk (eller förbjuden) → A; utfall som används i beslut → B; annars C.", en: "High risk (or prohibited) → A; outputs used in decisions → B; otherwise C." }, value: (s) => nlPublicationCategory(s) },
        { key: "url", label: "Link naar bronregistratie", from: ["publication"], note: { sv: "Användningsfallets adress i Tillits öppna API (maskinläsbar).", en: "The use case's address in Tillit's open API (machine-readable)." }, value: (s) => s.apiUrl },
        {
          key: "goal",
          label: "Doel en impact",
          from: ["problemAndBenefit", "affectedGroups", "intendedUsers"],
          value: (s) =>
            fit(
              sections([
                ["Syfte och nytta", textOf(s, "problemAndBenefit", WITHHELD)],
                ["Berörda", withheldText(s, "affectedGroups", WITHHELD) ?? labelsSv(affectedGroupLabels, s.affectedGroups)],
                ["Användare", textOf(s, "intendedUsers", WITHHELD)],
              ]),
              2500,
            ),
        },
        {
          key: "proportionality",
          label: "Afwegingen",
          from: ["necessity", "subsidiarity", "proportionality", "alternativesConsidered", "consequenceOfNotDeploying"],
          value: (s) =>
            fit(
              sections([
                ["Nödvändighet", textOf(s, "necessity", WITHHELD)],
                ["Subsidiaritet", textOf(s, "subsidiarity", WITHHELD)],
                ["Proportionalitet", textOf(s, "proportionality", WITHHELD)],
                ["Alternativ som övervägts", textOf(s, "alternativesConsidered", WITHHELD)],
                ["Följd av att avstå", textOf(s, "consequenceOfNotDeploying", WITHHELD)],
              ]),
              2500,
            ),
        },
        {
          key: "human_intervention",
          label: "Menselijke tussenkomst",
          from: ["humanOversight", "outputUse"],
          value: (s) =>
            fit(
              sections([
                ["Hur utfallet används", s.outputUse ? outputUseLabels[s.outputUse].sv : null],
                ["Mänsklig kontroll", textOf(s, "humanOversight", WITHHELD)],
              ]),
              2500,
            ),
        },
        {
          key: "risks",
          label: "Risicobeheer",
          from: ["riskClass", "annexIIIArea", "appealProcess"],
          value: (s) =>
            fit(
              sections([
                ["Riskklass enligt AI-förordningen", riskClassLabels[s.riskClass].sv],
                ["Överprövning", textOf(s, "appealProcess", WITHHELD)],
              ]),
              2500,
            ),
        },
        { key: "lawful_basis", label: "Wettelijke basis", from: ["legalBasis"], value: (s) => fit(textOf(s, "legalBasis", WITHHELD), 2500) },
        {
          key: "lawful_basis_grouping",
          label: "Verwijzingen wettelijke basis",
          from: ["legalReferences"],
          value: (s) => (s.withheld.legalReferences ? [] : s.legalReferences.map((r) => ({ title: fit(r.title, 100)!, link: r.url }))),
        },
        { key: "process_index_url", label: "Link naar verwerkingsregister", from: [], value: () => null },
        {
          key: "impacttoetsen_grouping",
          label: "Impacttoetsen",
          from: ["assessments"],
          note: { sv: "Godkända bedömningar, länkade till den publika sidan.", en: "Approved assessments, linked to the public page." },
          value: (s) => s.assessments.map((a) => ({ title: nlImpactAssessmentTitle[a.templateKind], link: s.pageUrl })),
        },
        {
          key: "impacttoetsen",
          label: "Toelichting op impacttoetsen",
          from: ["assessments"],
          value: (s) =>
            s.assessments.length === 0
              ? null
              : fit(
                  s.assessments
                    .map((a) => `${nlImpactAssessmentTitle[a.templateKind]} (version ${a.templateVersion}), godkänd ${a.approvedAt.slice(0, 10)}`)
                    .join("\n"),
                  2500,
                ),
        },
        {
          key: "source_data",
          label: "Gegevens",
          from: ["dataSources", "personalData", "trainingData"],
          value: (s) =>
            fit(
              sections([
                ["Datakällor", textOf(s, "dataSources", WITHHELD)],
                ["Personuppgifter", withheldText(s, "personalData", WITHHELD) ?? labelsSv(personalDataLabels, s.personalData)],
                ["Träningsdata", textOf(s, "trainingData", WITHHELD)],
              ]),
              2500,
            ),
        },
        { key: "source_data_grouping", label: "Verwijzingen gegevensbronnen", from: [], value: () => [] },
        {
          key: "methods_and_models",
          label: "Technische werking",
          from: ["techniques", "modelsAndVersions"],
          value: (s) =>
            fit(
              sections([
                ["Tekniker", withheldText(s, "techniques", WITHHELD) ?? labelsSv(aiTechniqueLabels, s.techniques)],
                ["Modeller och versioner", textOf(s, "modelsAndVersions", WITHHELD)],
              ]),
              5000,
            ),
        },
        { key: "provider", label: "Leverancier", from: ["supplierName"], value: (s) => fit(textOf(s, "supplierName", WITHHELD), 200) },
        { key: "publiccode", label: "Link naar broncode", from: [], value: () => null },
        { key: "lang", label: "Taal", from: [], note: { sv: "Alltid \"swe\".", en: "Always \"swe\"." }, value: () => "swe" },
        { key: "standard_version", label: "Versie publicatiestandaard", from: [], value: () => "1.0" },
        { key: "source_id", label: "Bron-ID", from: ["reference"], value: (s) => s.reference },
        { key: "tags", label: "Zoektermen", from: ["tags"], value: (s) => (s.tags.length === 0 ? null : fit(s.tags.join(", "), 2500)) },
      ],
    },
  ],
};

export function toNlAlgoritmeregister(source: MappingSource): NlAlgoritmeregisterRecord {
  return nlAlgoritmeregisterRecord.parse(applyFormat(nlAlgoritmeregister, source));
}
