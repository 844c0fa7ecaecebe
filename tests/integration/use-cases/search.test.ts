/**
 * The register list against a real PostgreSQL: Swedish full-text search with prefix
 * matching, each filter, counts per filter value, sorts and keyset pagination.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inScope } from "@/server/db/scope";
import { listUseCases } from "@/server/domain/use-cases/list";
import { type UseCaseFieldsInput, useCaseFields, useCaseListFilters } from "@/server/domain/use-cases/schemas";
import { archiveUseCase, createUseCase } from "@/server/domain/use-cases/service";
import { createTestDatabase } from "../../support/database";
import { callerFor, createTenancyWorld, type TenancyWorld } from "../../support/tenancy";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let world: TenancyWorld;
const ids: Record<string, string> = {};

function fields(overrides: Partial<UseCaseFieldsInput>): UseCaseFieldsInput {
  return { title: "Ett AI-system", publicSummary: "En sammanfattning.", businessArea: "Administration", outputUse: "DECISION_SUPPORT", ...overrides };
}

async function create(name: string, overrides: Partial<UseCaseFieldsInput>, organisationId = world.orgA.id) {
  const actor = organisationId === world.orgA.id ? world.users.editor : world.users.outsider;
  const { id } = await inScope(db.prisma, { organisationId }, (tx) =>
    createUseCase(tx, { actor, requestId: randomUUID(), organisationId, actorRole: "EDITOR" }, useCaseFields.parse(fields(overrides))),
  );
  ids[name] = id;
  return id;
}

async function list(filters: Record<string, unknown> = {}, page: { cursor?: string; limit?: number } = {}) {
  return inScope(db.prisma, { organisationId: world.orgA.id }, (tx) =>
    listUseCases(tx, world.orgA.id, useCaseListFilters.parse(filters), { cursor: page.cursor, limit: page.limit ?? 50 }),
  );
}

const titles = (page: { items: { title: string }[] }) => page.items.map((item) => item.title).sort();

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createTenancyWorld(db.prisma);
  await create("chatbot", {
    title: "Chattbot för invånarfrågor",
    publicSummary: "Svarar på vanliga frågor om kommunens tjänster.",
    description: "En språkmodell besvarar frågor dygnet runt.",
    businessArea: "Kontaktcenter",
    techniques: ["GENERATIVE_AI", "LANGUAGE_PROCESSING"],
    personalData: ["ORDINARY"],
    supplierName: "Språkbolaget 100% AB",
    intendedForPublication: true,
    publicContactEmail: "kontaktcenter@exempel.example",
  });
  await create("mail", {
    title: "Sortering av inkommande post",
    publicSummary: "Fördelar inkommande handlingar till rätt handläggare.",
    description: "Klassificering av brev och e-post.",
    businessArea: "Registratur",
    techniques: ["CLASSIFICATION_OR_PREDICTION"],
    personalData: ["ORDINARY", "PERSONAL_IDENTITY_NUMBERS"],
    supplierName: "Postverket_AB",
    lifecycleStage: "PILOT",
    riskClass: "MINIMAL",
    riskClassJustification: "Fördelar bara handlingar.",
  });
  await create("triage", {
    title: "Triagestöd",
    publicSummary: "Stöd vid prioritering av patienter.",
    description: "Modellen ger en bedömning av hur brådskande ärendet är.",
    businessArea: "Hälso- och sjukvård",
    techniques: ["CLASSIFICATION_OR_PREDICTION"],
    personalData: ["SPECIAL_CATEGORIES"],
    lifecycleStage: "IN_USE",
    inUseSince: "2025-03-01",
    riskClass: "HIGH_RISK",
    annexIIIArea: "ESSENTIAL_SERVICES",
    riskClassJustification: "Påverkar tillgång till vård.",
  });
  await create("speech", {
    title: "Tal till text i socialtjänsten",
    publicSummary: "Dokumentation av samtal.",
    businessArea: "Socialtjänst",
    techniques: ["SPEECH_TO_TEXT"],
    personalData: ["SPECIAL_CATEGORIES"],
  });
  const archived = await create("archived", { title: "Arkiverad bedömning", businessArea: "Registratur" });
  await inScope(db.prisma, { organisationId: world.orgA.id }, (tx) =>
    archiveUseCase(tx, { actor: world.users.admin, requestId: randomUUID(), organisationId: world.orgA.id, actorRole: "ADMIN" }, { id: archived, version: 1 }),
  );
  await create("otherOrganisation", { title: "Bedömning i en annan organisation", businessArea: "Registratur" }, world.orgB.id);
});
afterAll(async () => db?.close());

describe("full-text search", () => {
  it("stems Swedish: 'bedömningar' finds a description that says 'bedömning'", async () => {
    expect(titles(await list({ q: "bedömningar" }))).toEqual(["Triagestöd"]);
  });

  it("matches prefixes: 'sorter' finds 'sortering'", async () => {
    expect(titles(await list({ q: "sorter" }))).toEqual(["Sortering av inkommande post"]);
  });

  it("requires every word, and ignores tsquery operators in the user's text", async () => {
    expect(titles(await list({ q: "frågor språkmodell" }))).toEqual(["Chattbot för invånarfrågor"]);
    expect(titles(await list({ q: "frågor & !dygnet | (" }))).toEqual(["Chattbot för invånarfrågor"]);
    expect((await list({ q: "&|!():*" })).total).toBe(4);
  });

  it("sorts by relevance: a title match ranks above a description match", async () => {
    const page = await list({ q: "post", sort: "relevance" });
    expect(page.items[0]?.title).toBe("Sortering av inkommande post");
  });
});

describe("filters", () => {
  it("shows only non-archived use cases of the organisation by default, and the archived on request", async () => {
    expect((await list()).total).toBe(4);
    expect(titles(await list({ archived: true }))).toEqual(["Arkiverad bedömning"]);
  });

  it.each([
    [{ lifecycleStage: ["PILOT", "IN_USE"] }, ["Sortering av inkommande post", "Triagestöd"]],
    [{ riskClass: "HIGH_RISK" }, ["Triagestöd"]],
    [{ technique: ["GENERATIVE_AI", "SPEECH_TO_TEXT"] }, ["Chattbot för invånarfrågor", "Tal till text i socialtjänsten"]],
    [{ businessArea: "Registratur" }, ["Sortering av inkommande post"]],
    [{ personalData: "PERSONAL_IDENTITY_NUMBERS" }, ["Sortering av inkommande post"]],
    [{ published: "true" }, ["Chattbot för invånarfrågor"]],
    [{ published: false }, ["Sortering av inkommande post", "Tal till text i socialtjänsten", "Triagestöd"]],
    [{ supplier: "språkbolaget" }, ["Chattbot för invånarfrågor"]],
    [{ supplier: "100%" }, ["Chattbot för invånarfrågor"]],
    [{ supplier: "_" }, ["Sortering av inkommande post"]],
  ])("%j", async (filters, expected) => {
    const page = await list(filters);
    expect(titles(page)).toEqual(expected);
    expect(page.total).toBe(expected.length);
  });
});

describe("facets", () => {
  it("counts each facet's values with every other filter applied", async () => {
    const { facets, total } = await list({ personalData: "SPECIAL_CATEGORIES", lifecycleStage: "IN_USE" });
    expect(total).toBe(1);
    // Lifecycle stage ignores its own filter: both SPECIAL_CATEGORIES use cases count.
    expect(facets.lifecycleStage).toEqual(expect.arrayContaining([{ value: "IN_USE", count: 1 }, { value: "IDEA", count: 1 }]));
    expect(facets.lifecycleStage).toHaveLength(2);
    // Personal data ignores its own filter, keeps the stage: only the triage use case.
    expect(facets.personalData).toEqual([{ value: "SPECIAL_CATEGORIES", count: 1 }]);
    expect(facets.riskClass).toEqual([{ value: "HIGH_RISK", count: 1 }]);
    expect(facets.technique).toEqual([{ value: "CLASSIFICATION_OR_PREDICTION", count: 1 }]);
    expect(facets.businessArea).toEqual([{ value: "Hälso- och sjukvård", count: 1 }]);
    expect(facets.published).toEqual([{ value: false, count: 1 }]);
  });

  it("counts every value without filters, most used first, never another organisation's", async () => {
    const { facets } = await list();
    expect(facets.technique[0]).toEqual({ value: "CLASSIFICATION_OR_PREDICTION", count: 2 });
    expect(facets.businessArea.map((entry) => entry.value).sort()).toEqual(
      ["Hälso- och sjukvård", "Kontaktcenter", "Registratur", "Socialtjänst"].sort(),
    );
    expect(facets.published).toEqual([{ value: false, count: 3 }, { value: true, count: 1 }]);
  });
});

describe("sorts and pages", () => {
  it("sorts by title, by reference, and by last change", async () => {
    const byTitle = (await list({ sort: "title" })).items.map((item) => item.title);
    expect(byTitle).toEqual([...byTitle].sort((a, b) => (a < b ? -1 : 1)));
    const byReference = (await list({ sort: "reference" })).items.map((item) => item.reference);
    expect(byReference).toEqual([...byReference].sort());
    const byUpdate = (await list({ sort: "updated" })).items.map((item) => item.updatedAt.getTime());
    expect(byUpdate).toEqual([...byUpdate].sort((a, b) => b - a));
  });

  it.each(["updated", "title", "reference", "relevance"])(
    "pages by %s without duplicates or gaps when rows are inserted between pages",
    async (sort) => {
      const q = sort === "relevance" ? "sammanfattning" : undefined;
      const tag = `sida${sort}`;
      for (let i = 0; i < 5; i += 1) {
        await create(`${tag}${i}`, { title: `Sidning ${sort} ${i}`, businessArea: tag, publicSummary: `En sammanfattning ${"ord ".repeat(i)}` });
      }
      const original = (await list({ businessArea: tag, sort, q })).items.map((item) => item.id);
      expect(original).toHaveLength(5);

      const first = await list({ businessArea: tag, sort, q }, { limit: 2 });
      expect(first.items).toHaveLength(2);
      expect(first.total).toBe(5);
      for (let i = 0; i < 3; i += 1) {
        await create(`${tag}new${i}`, { title: `Sidning ${sort} ny ${i}`, businessArea: tag, publicSummary: "En sammanfattning" });
      }
      const seen = first.items.map((item) => item.id);
      let cursor = first.nextCursor;
      while (cursor) {
        const next = await list({ businessArea: tag, sort, q }, { cursor, limit: 2 });
        seen.push(...next.items.map((item) => item.id));
        cursor = next.nextCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.filter((id) => original.includes(id))).toEqual(original);
    },
  );

  it("refuses a cursor that was not made for this sort", async () => {
    const first = await list({ sort: "title" }, { limit: 1 });
    await expect(list({ sort: "updated" }, { cursor: first.nextCursor ?? "" })).rejects.toThrow(/no longer valid/);
    await expect(list({}, { cursor: "not-a-cursor" })).rejects.toThrow(/no longer valid/);
  });
});

describe("through the API", () => {
  it("lists for a viewer and gives the business areas for suggestions", async () => {
    const caller = await callerFor(db.prisma, world.users.viewer);
    const page = await caller.useCases.list({ organisationSlug: world.orgA.slug, filters: { q: "bedömningar" } });
    expect(page.items.map((item) => item.id)).toEqual([ids.triage]);
    const areas = await caller.useCases.businessAreas({ organisationSlug: world.orgA.slug });
    expect(areas).toEqual(expect.arrayContaining(["Kontaktcenter", "Registratur", "Socialtjänst"]));
  });
});
