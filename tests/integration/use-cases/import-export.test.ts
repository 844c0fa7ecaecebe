/**
 * Import and export of the register through the real router and PostgreSQL: all rows or
 * none, errors by row and column, the guard, and a round trip between organisations.
 */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inScope } from "@/server/db/scope";
import { RuleViolationError } from "@/server/domain/errors";
import { type ExportRecord, exportUseCases } from "@/server/domain/use-cases/export";
import { MAX_IMPORT_ROWS } from "@/server/domain/use-cases/import-limits";
import { type UseCaseFields, type UseCaseFieldsInput, useCaseFields } from "@/server/domain/use-cases/schemas";
import { createTestDatabase } from "../../support/database";
import {
  addMember,
  callerFor,
  createOrganisation,
  createTenancyWorld,
  createUser,
  nextOrganisationNumber,
  type TenancyWorld,
  type TestOrganisation,
  type TestUser,
} from "../../support/tenancy";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let world: TenancyWorld;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createTenancyWorld(db.prisma);
});
afterAll(async () => db?.close());

const header = "Titel;Offentlig sammanfattning;Verksamhetsområde;Användning av resultat;Ska publiceras;Offentlig kontakt";

function csvFile(lines: string[]): { fileName: string; contentBase64: string } {
  const text = `\uFEFF${[header, ...lines].join("\r\n")}\r\n`;
  return { fileName: "register.csv", contentBase64: Buffer.from(text, "utf-8").toString("base64") };
}

const goodLine = (n: number) => `Användningsfall ${n};Sammanfattning ${n};Socialtjänst;Beslutsstöd;Nej;`;

async function useCaseCount(organisation: TestOrganisation): Promise<number> {
  return inScope(db.prisma, { organisationId: organisation.id }, (tx) => tx.useCase.count({ where: { organisationId: organisation.id } }));
}

async function refusal(call: Promise<unknown>): Promise<TRPCError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

function problemsOf(error: TRPCError) {
  expect(error.cause).toBeInstanceOf(RuleViolationError);
  return (error.cause as RuleViolationError).problems;
}

describe("import", () => {
  it("previews a file of 500 rows with one bad row, and imports nothing from it", async () => {
    const lines = Array.from({ length: 500 }, (_, i) => goodLine(i + 1));
    lines[250] = ";Sammanfattning utan titel;Socialtjänst;Beslutsstöd;Nej;";
    const file = csvFile(lines);
    const caller = await callerFor(db.prisma, world.users.editor);

    const preview = await caller.useCaseFiles.previewImport({ organisationSlug: world.orgA.slug, ...file });
    expect(preview).toMatchObject({ validCount: 499, errorCount: 1, fileErrors: [] });
    expect(preview.rows).toHaveLength(500);
    expect(preview.rows.filter((row) => !row.ok)).toEqual([
      { rowNumber: 252, title: null, ok: false, errors: [{ column: "Titel", code: "invalid", message: "is required" }] },
    ]);

    const error = await refusal(caller.useCaseFiles.import({ organisationSlug: world.orgA.slug, ...file }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(problemsOf(error)).toEqual([{ field: "row.252.Titel", code: "invalid", message: "is required" }]);
    expect(await useCaseCount(world.orgA)).toBe(0);
  });

  it("rolls back every row when the service refuses one while writing", async () => {
    // Row 300 passes the file's checks but names a person's own address as the public contact.
    const lines = Array.from({ length: 300 }, (_, i) => goodLine(i + 1));
    lines[299] = `Publicerat;Sammanfattning;Socialtjänst;Beslutsstöd;Ja;${world.users.admin.email}`;
    const caller = await callerFor(db.prisma, world.users.editor);
    const error = await refusal(caller.useCaseFiles.import({ organisationSlug: world.orgA.slug, ...csvFile(lines) }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(problemsOf(error)[0]).toMatchObject({ field: "row.301.Offentlig kontakt", code: "useCase.personalContactEmail" });
    expect(await useCaseCount(world.orgA)).toBe(0);
  });

  it("creates every row of a good file, each with its own reference", async () => {
    const caller = await callerFor(db.prisma, world.users.editor);
    const file = csvFile(Array.from({ length: 150 }, (_, i) => goodLine(i + 1)));
    const result = await caller.useCaseFiles.import({ organisationSlug: world.orgA.slug, ...file });
    expect(result.created).toBe(150);
    expect(new Set(result.references).size).toBe(150);
    for (const reference of result.references) expect(reference).toMatch(/^AI-\d{4}-\d{3,}$/);
    expect(await useCaseCount(world.orgA)).toBe(150);
  });

  it("writes the largest file allowed within the transaction's time limit", async () => {
    const organisation = await createOrganisationWithAdmin();
    const caller = await callerFor(db.prisma, organisation.admin);
    const file = csvFile(Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => goodLine(i + 1)));
    const result = await caller.useCaseFiles.import({ organisationSlug: organisation.organisation.slug, ...file });
    expect(result.created).toBe(MAX_IMPORT_ROWS);
  }, 60_000);

  it("refuses a malformed file and a file too large for the input, writing nothing", async () => {
    const caller = await callerFor(db.prisma, world.users.editor);
    const before = await useCaseCount(world.orgA);
    const corrupt = { fileName: "register.xlsx", contentBase64: Buffer.from("PK\u0003\u0004trasig").toString("base64") };
    const preview = await caller.useCaseFiles.previewImport({ organisationSlug: world.orgA.slug, ...corrupt });
    expect(preview.fileErrors).toEqual([expect.objectContaining({ code: "unreadable" })]);
    expect((await refusal(caller.useCaseFiles.import({ organisationSlug: world.orgA.slug, ...corrupt }))).code).toBe("BAD_REQUEST");
    const huge = { fileName: "register.csv", contentBase64: "A".repeat(8 * 1024 * 1024) };
    expect((await refusal(caller.useCaseFiles.previewImport({ organisationSlug: world.orgA.slug, ...huge }))).code).toBe("BAD_REQUEST");
    expect(await useCaseCount(world.orgA)).toBe(before);
  });

  it("is refused to a VIEWER, who may still export", async () => {
    const caller = await callerFor(db.prisma, world.users.viewer);
    const before = await useCaseCount(world.orgA);
    const error = await refusal(caller.useCaseFiles.import({ organisationSlug: world.orgA.slug, ...csvFile([goodLine(1)]) }));
    expect(error.code).toBe("FORBIDDEN");
    expect(await useCaseCount(world.orgA)).toBe(before);
    const records = await caller.useCaseFiles.exportRecords({ organisationSlug: world.orgA.slug, filters: {} });
    expect(records).toHaveLength(before);
  });
});

describe("export", () => {
  it("pages through every record matching the filters", async () => {
    const caller = await callerFor(db.prisma, world.users.viewer);
    const all = await caller.useCaseFiles.exportRecords({ organisationSlug: world.orgA.slug, filters: {} });
    expect(all.length).toBeGreaterThan(100);
    expect(new Set(all.map((record) => record.reference)).size).toBe(all.length);
    const searched = await caller.useCaseFiles.exportRecords({ organisationSlug: world.orgA.slug, filters: { q: "Användningsfall 7" } });
    expect(searched.map((record) => record.title)).toContain("Användningsfall 7");
    expect(searched.length).toBeLessThan(all.length);
  });
});

const richRecords: UseCaseFieldsInput[] = [
  {
    title: "Överförmyndarnämndens granskning av årsräkningar",
    publicSummary: "AI föreslår vilka årsräkningar som behöver granskas närmare; en handläggare beslutar.",
    description: '=Beskrivning med "citat"; semikolon, komma och\nradbrytning.',
    registryNumber: "KS 2026/123",
    tags: ["överförmyndare", "granskning"],
    businessArea: "Överförmyndarverksamhet",
    problemAndBenefit: "Snabbare granskning.",
    intendedUsers: "Handläggare",
    affectedGroups: ["CITIZENS", "OTHER_VULNERABLE_GROUPS"],
    outputUse: "DECISION_SUPPORT",
    humanOversight: "Handläggaren kan alltid ändra.",
    appealProcess: "Överklaga till tingsrätten.",
    legalBasis: "Föräldrabalken",
    legalReferences: [
      { title: "Föräldrabalken (1949:381)", url: "https://www.riksdagen.se/fb" },
      { title: "Förvaltningslag (2017:900)", url: "https://www.riksdagen.se/fl?a=1&b=2" },
    ],
    necessity: "Stora volymer.",
    subsidiarity: "Manuell stickprovsgranskning räcker inte.",
    proportionality: "Nyttan överväger.",
    alternativesConsidered: "Regelbaserad urvalsmodell.",
    consequenceOfNotDeploying: "Längre handläggningstider.",
    techniques: ["CLASSIFICATION_OR_PREDICTION", "ANOMALY_DETECTION"],
    modelsAndVersions: "Gradient boosting v2",
    acquisitionMethod: "BUILT_IN_HOUSE",
    supplierName: "Egen förvaltning",
    hosting: "ON_PREMISES",
    dataLeavesEea: false,
    dataSources: "Årsräkningar 2019–2025",
    personalData: ["ORDINARY", "PERSONAL_IDENTITY_NUMBERS"],
    trainingData: "Historiska granskningar",
    lifecycleStage: "IN_USE",
    startedOn: "2025-01-15",
    inUseSince: "2025-09-01",
    nextReviewOn: "2026-09-01",
    aiActRoles: ["PROVIDER", "DEPLOYER"],
    riskClass: "HIGH_RISK",
    annexIIIArea: "ESSENTIAL_SERVICES",
    riskClassJustification: "Påverkar enskildas tillgång till förmåner.",
    dpiaRequired: true,
    dpiaDone: true,
    friaRequired: true,
    friaDone: false,
    intendedForPublication: true,
    publicContactEmail: "overformyndaren@exempel.example",
    withheldFields: { supplierName: "Säkerhetsskydd", modelsAndVersions: "Sekretess enligt OSL 18 kap." },
  },
  { title: "-Minimal", publicSummary: "+Kort", businessArea: "@Skola", outputUse: "INFORMATION_ONLY" },
];

async function importRecords(organisation: TestOrganisation, as: TestUser, records: ExportRecord[], format: "csv" | "xlsx", locale: "sv" | "en") {
  const file = await exportUseCases(records, format, locale);
  const caller = await callerFor(db.prisma, as);
  const input = { organisationSlug: organisation.slug, fileName: `export.${format}`, contentBase64: Buffer.from(file.bytes).toString("base64") };
  return caller.useCaseFiles.import(input);
}

const fieldsOnly = ({ reference: _reference, ...fields }: ExportRecord): UseCaseFields => fields;
const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title);

describe("round trip", () => {
  it.each([
    ["csv", "sv"],
    ["xlsx", "en"],
  ] as const)("export from A and import into B (%s, %s) gives equal records", async (format, locale) => {
    const organisationA = await createOrganisationWithAdmin();
    const organisationB = await createOrganisationWithAdmin();
    const originals = richRecords.map((input, i) => ({ reference: `AI-2026-${900 + i}`, ...useCaseFields.parse(input) }));
    await importRecords(organisationA.organisation, organisationA.admin, originals, format, locale);

    const exportedA = await (await callerFor(db.prisma, organisationA.admin)).useCaseFiles.exportRecords({
      organisationSlug: organisationA.organisation.slug,
      filters: {},
    });
    await importRecords(organisationB.organisation, organisationB.admin, exportedA, format, locale);
    const exportedB = await (await callerFor(db.prisma, organisationB.admin)).useCaseFiles.exportRecords({
      organisationSlug: organisationB.organisation.slug,
      filters: {},
    });

    const expected = originals.map(fieldsOnly).sort(byTitle);
    expect(exportedA.map(fieldsOnly).sort(byTitle)).toEqual(expected);
    expect(exportedB.map(fieldsOnly).sort(byTitle)).toEqual(expected);
  });
});

async function createOrganisationWithAdmin() {
  const organisation = await createOrganisation(db.prisma, nextOrganisationNumber());
  const admin = await createUser(db.prisma);
  await addMember(db.prisma, organisation, admin, "ADMIN");
  return { organisation, admin };
}
