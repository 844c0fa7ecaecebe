import { describe, expect, it } from "vitest";
import { mapTo, targetFormats } from ".";
import { nlAlgoritmeregisterRecord, toNlAlgoritmeregister } from "./nl-algoritmeregister";
import type { MappingSource } from "./source";
import { toUkAtrs, ukAtrsRecord } from "./uk-atrs";
import { toUsInventory, usInventoryRecord } from "./us-inventory";

export function mappingSource(overrides: Partial<MappingSource> = {}): MappingSource {
  return {
    id: "6f1c1a43-5a3e-4b43-9a59-4d6d6f2f1a01",
    reference: "AI-2026-007",
    version: 2,
    publishedAt: "2026-11-30T10:00:00.000Z",
    firstPublishedAt: "2026-10-01T08:00:00.000Z",
    pageUrl: "https://tillit.example/register/6f1c1a43-5a3e-4b43-9a59-4d6d6f2f1a01",
    apiUrl: "https://tillit.example/api/open/v1/use-cases/6f1c1a43-5a3e-4b43-9a59-4d6d6f2f1a01",
    organisation: {
      name: "Försäkringskassan",
      organisationNumber: "202100-5521",
      kind: "CENTRAL_AGENCY",
      sector: "SOCIAL_INSURANCE_AND_WELFARE",
      websiteUrl: "https://www.forsakringskassan.se",
    },
    title: "Sortering av inkommande post",
    publicSummary: "Ett AI-system läser inkommande brev och föreslår vilken handläggargrupp som ska ta hand om dem.",
    businessArea: "Kundmöte",
    problemAndBenefit: "Snabbare handläggning.",
    intendedUsers: "Handläggare",
    affectedGroups: ["CITIZENS"],
    outputUse: "DECISION_SUPPORT",
    humanOversight: "En handläggare granskar varje förslag.",
    appealProcess: "Beslut kan överklagas till förvaltningsrätten.",
    legalBasis: "Socialförsäkringsbalken",
    legalReferences: [{ title: "Socialförsäkringsbalk (2010:110)", url: "https://www.riksdagen.se/sfb" }],
    necessity: "Volymerna ökar.",
    subsidiarity: null,
    proportionality: "Endast sortering, inga beslut.",
    alternativesConsidered: "Manuell sortering.",
    consequenceOfNotDeploying: "Längre väntetider.",
    techniques: ["LANGUAGE_PROCESSING", "CLASSIFICATION_OR_PREDICTION"],
    modelsAndVersions: "KB-BERT 2024",
    acquisitionMethod: "PROCURED",
    supplierName: "Exempel AB",
    hosting: "SWEDISH_CLOUD",
    dataLeavesEea: false,
    dataSources: "Inkommande brev",
    personalData: ["ORDINARY", "PERSONAL_IDENTITY_NUMBERS"],
    trainingData: "Historiska brev, avidentifierade",
    lifecycleStage: "IN_USE",
    startedOn: "2025-01-15",
    inUseSince: "2025-09-01",
    retiredOn: null,
    riskClass: "HIGH_RISK",
    annexIIIArea: "ESSENTIAL_SERVICES",
    publicContactEmail: "ai@forsakringskassan.se",
    tags: ["post", "sortering"],
    assessments: [
      { templateKind: "AI_ACT_CLASSIFICATION", templateVersion: 1, approvedAt: "2026-09-01T12:00:00.000Z" },
      { templateKind: "FRIA", templateVersion: 1, approvedAt: "2026-09-20T12:00:00.000Z" },
    ],
    procurementRoute: "Avrop från ramavtal",
    withheld: {},
    ...overrides,
  };
}

/** The documented keys of a format, as the API page lists them. */
function documentedKeys(id: (typeof targetFormats)[number]["id"]): string[][] {
  const format = targetFormats.find((f) => f.id === id)!;
  return format.sections.map((section) => section.fields.map((field) => field.key));
}

describe("Dutch algorithm register", () => {
  it("produces exactly the documented fields, valid against the standard's shape", () => {
    const record = toNlAlgoritmeregister(mappingSource());
    expect(Object.keys(record)).toEqual(documentedKeys("nl-algoritmeregister")[0]);
    expect(nlAlgoritmeregisterRecord.safeParse(record).success).toBe(true);
  });

  it("translates stage, theme and publication category into the standard's permitted values", () => {
    const record = toNlAlgoritmeregister(mappingSource());
    expect(record.status).toBe("In gebruik");
    expect(record.category).toEqual(["Sociale zekerheid"]);
    expect(record.publication_category).toBe("Hoog-risico AI-systeem");
    expect(record.begin_date).toBe("2025-09");
    expect(record.end_date).toBeNull();
    expect(record.source_id).toBe("AI-2026-007");
    expect(record.lawful_basis_grouping).toEqual([{ title: "Socialförsäkringsbalk (2010:110)", link: "https://www.riksdagen.se/sfb" }]);
    expect(record.impacttoetsen_grouping.map((t) => t.title)).toEqual([
      "Riskklassning enligt AI-förordningen",
      "Fundamentele Rechten en Algoritme Impact Assessment (FRAIA)",
    ]);

    const idea = toNlAlgoritmeregister(mappingSource({ lifecycleStage: "IDEA", riskClass: "MINIMAL", outputUse: "INFORMATION_ONLY" }));
    expect(idea.status).toBe("In ontwikkeling");
    expect(idea.publication_category).toBe("Overige algoritmes");
    const retired = toNlAlgoritmeregister(mappingSource({ lifecycleStage: "RETIRED", riskClass: "MINIMAL", retiredOn: "2026-06-30" }));
    expect(retired.status).toBe("Buiten gebruik");
    expect(retired.publication_category).toBe("Impactvolle algoritmes");
    expect(retired.end_date).toBe("2026-06");
  });

  it("shortens texts beyond the standard's maximum at a word boundary", () => {
    const record = toNlAlgoritmeregister(mappingSource({ title: "Ord ".repeat(40).trim(), publicSummary: "lång ".repeat(120).trim() }));
    expect(record.name.length).toBeLessThanOrEqual(100);
    expect(record.name.endsWith("Ord…")).toBe(true);
    expect(record.description_short.length).toBeLessThanOrEqual(400);
  });

  it("says a withheld field is withheld, with its reason, and never shows its value", () => {
    const record = toNlAlgoritmeregister(
      mappingSource({
        supplierName: null,
        withheld: { supplierName: { reason: "Pågående upphandling", explanation: "Avtalet tecknas i januari." } },
      }),
    );
    expect(record.provider).toBe("Ej publicerad (Pågående upphandling): Avtalet tecknas i januari.");
  });
});

describe("UK ATRS", () => {
  it("produces tier 1 and the five tier-2 sections with exactly the documented fields", () => {
    const record = toUkAtrs(mappingSource());
    const [tier1, ...tier2] = documentedKeys("uk-atrs");
    expect(Object.keys(record.tier_1)).toEqual(tier1);
    expect(Object.values(record.tier_2).map((section) => Object.keys(section))).toEqual(tier2);
    expect(ukAtrsRecord.safeParse(record).success).toBe(true);
  });

  it("fills the overview, the owner and the phase from the published record", () => {
    const record = toUkAtrs(mappingSource());
    expect(record.tier_1).toEqual({
      name: "Sortering av inkommande post",
      description: mappingSource().publicSummary,
      website: mappingSource().pageUrl,
      contact_email: "ai@forsakringskassan.se",
    });
    expect(record.tier_2.owner_and_responsibility.organisation).toBe("Försäkringskassan");
    expect(record.tier_2.owner_and_responsibility.third_party_involvement).toBe("Yes");
    expect(record.tier_2.owner_and_responsibility.senior_responsible_owner).toBeNull();
    expect(record.tier_2.tool_specification.phase).toBe("Production");
    expect(toUkAtrs(mappingSource({ lifecycleStage: "PILOT" })).tier_2.tool_specification.phase).toBe("Beta/Pilot");
    expect(
      toUkAtrs(mappingSource({ acquisitionMethod: "BUILT_IN_HOUSE", supplierName: null })).tier_2.owner_and_responsibility
        .third_party_involvement,
    ).toBe("No");
    expect(record.tier_2.risks_mitigations_and_impact_assessments.impact_assessments).toEqual([
      { name: "EU AI Act risk classification", description: "Approved assessment, template version 1.", date_completed: "2026-09-01", link: mappingSource().pageUrl },
      {
        name: "Fundamental rights impact assessment (EU AI Act Art. 27)",
        description: "Approved assessment, template version 1.",
        date_completed: "2026-09-20",
        link: mappingSource().pageUrl,
      },
    ]);
  });

  it("does not reveal whether a withheld supplier exists", () => {
    const record = toUkAtrs(mappingSource({ supplierName: null, withheld: { supplierName: { reason: "Säkerhet", explanation: null } } }));
    expect(record.tier_2.owner_and_responsibility.third_party_involvement).toBeNull();
    expect(record.tier_2.owner_and_responsibility.third_party).toBe("Withheld (Säkerhet)");
  });
});

describe("US federal inventory", () => {
  it("produces exactly the documented fields", () => {
    const record = toUsInventory(mappingSource());
    expect(Object.keys(record)).toEqual(documentedKeys("us-inventory")[0]);
    expect(usInventoryRecord.safeParse(record).success).toBe(true);
  });

  it("answers the inventory's questions from the record", () => {
    const record = toUsInventory(mappingSource());
    expect(record.stage_of_development).toBe("Deployed");
    expect(record.is_high_impact).toBe("Yes");
    expect(record.high_impact_justification).toContain("Essential private and public services and benefits");
    expect(record.development_method).toBe("Developed with contracting resources");
    expect(record.involves_personal_information).toBe("Yes");
    expect(record.impact_assessment_completed).toBe("Yes");
    expect(record.topic_area).toBe("Social insurance and welfare");
    expect(record.fail_safe).toBeNull();

    const other = toUsInventory(
      mappingSource({ riskClass: "UNDETERMINED", personalData: ["NONE"], assessments: [], lifecycleStage: "ANALYSIS", acquisitionMethod: null }),
    );
    expect(other.is_high_impact).toBe("Not yet determined");
    expect(other.involves_personal_information).toBe("No");
    expect(other.impact_assessment_completed).toBe("No");
    expect(other.stage_of_development).toBe("Pre-deployment");
    expect(other.development_method).toBeNull();
  });
});

describe("every format", () => {
  it("leaves a field Tillit does not record empty, whatever the record holds", () => {
    for (const format of targetFormats) {
      for (const section of format.sections) {
        for (const field of section.fields.filter((f) => f.from.length === 0)) {
          const value = field.value(mappingSource());
          expect([null, "swe", "1.0"], `${format.id}.${field.key}`).toContainEqual(Array.isArray(value) && value.length === 0 ? null : value);
        }
      }
    }
  });

  it("maps every published use case without failing its own schema, also with every optional field empty", () => {
    const empty = mappingSource({
      businessArea: null,
      problemAndBenefit: null,
      intendedUsers: null,
      affectedGroups: [],
      outputUse: null,
      humanOversight: null,
      appealProcess: null,
      legalBasis: null,
      legalReferences: [],
      necessity: null,
      proportionality: null,
      alternativesConsidered: null,
      consequenceOfNotDeploying: null,
      techniques: [],
      modelsAndVersions: null,
      acquisitionMethod: null,
      supplierName: null,
      hosting: null,
      dataLeavesEea: null,
      dataSources: null,
      personalData: [],
      trainingData: null,
      startedOn: null,
      inUseSince: null,
      annexIIIArea: null,
      publicContactEmail: null,
      tags: [],
      assessments: [],
      procurementRoute: null,
    });
    for (const map of Object.values(mapTo)) expect(() => map(empty)).not.toThrow();
    expect(toNlAlgoritmeregister(empty).contact_email).toBe(empty.pageUrl);
  });
});
