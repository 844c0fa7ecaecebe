/**
 * The register's records through the API, against a real PostgreSQL: references, the
 * rules with their field messages, concurrent edits, archive, restore, delete, history,
 * isolation between organisations, and bad input that changes nothing.
 */
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { inScope } from "@/server/db/scope";
import type { UseCaseFieldsInput } from "@/server/domain/use-cases/schemas";
import { createTestDatabase } from "../../support/database";
import {
  addMember,
  callerFor,
  createOrganisation,
  createTenancyWorld,
  createUser,
  nextOrganisationNumber,
  type TenancyWorld,
  type TestUser,
} from "../../support/tenancy";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let world: TenancyWorld;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createTenancyWorld(db.prisma);
});
afterAll(async () => db?.close());

const year = Number(new Intl.DateTimeFormat("sv-SE", { year: "numeric", timeZone: "Europe/Stockholm" }).format(new Date()));

function fields(overrides: Partial<UseCaseFieldsInput> = {}): UseCaseFieldsInput {
  return {
    title: "Chattbot för invånarfrågor",
    publicSummary: "Svarar på vanliga frågor om kommunens tjänster.",
    businessArea: "Kontaktcenter",
    outputUse: "INFORMATION_ONLY",
    ...overrides,
  };
}

async function caller(as: TestUser = world.users.editor) {
  return callerFor(db.prisma, as);
}

async function createInA(overrides: Partial<UseCaseFieldsInput> = {}) {
  return (await caller()).useCases.create({ organisationSlug: world.orgA.slug, useCase: fields(overrides) });
}

/** Calls a procedure over HTTP, as the browser does, to see the error body a client gets. */
async function post(path: string, input: unknown, as: TestUser = world.users.editor) {
  const request = new Request(`http://localhost/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ json: input }),
  });
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => createContext({ headers: request.headers, userId: as.id, db: db.prisma }),
  });
  const body = (await response.json()) as { error?: { json: { data: { code: string; fieldErrors: unknown } } } };
  return { status: response.status, error: body.error?.json.data };
}

async function rowsOfA() {
  return inScope(db.prisma, { organisationId: world.orgA.id }, async (tx) => ({
    useCases: await tx.useCase.count(),
    auditEvents: await tx.auditEvent.count(),
  }));
}

async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  return promise.then(
    () => null,
    (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
  );
}

describe("creating", () => {
  it("gives sequential references, unique per organisation", async () => {
    const organisation = await createOrganisation(db.prisma, nextOrganisationNumber());
    const other = await createOrganisation(db.prisma, nextOrganisationNumber());
    const editor = await createUser(db.prisma);
    await addMember(db.prisma, organisation, editor, "EDITOR");
    await addMember(db.prisma, other, editor, "EDITOR");
    const api = await caller(editor);
    const first = await api.useCases.create({ organisationSlug: organisation.slug, useCase: fields() });
    const second = await api.useCases.create({ organisationSlug: organisation.slug, useCase: fields() });
    const elsewhere = await api.useCases.create({ organisationSlug: other.slug, useCase: fields() });
    expect([first.reference, second.reference, elsewhere.reference]).toEqual([
      `AI-${year}-001`,
      `AI-${year}-002`,
      `AI-${year}-001`,
    ]);
  });

  it("gives distinct references to use cases created at the same time", async () => {
    const organisation = await createOrganisation(db.prisma, nextOrganisationNumber());
    const editor = await createUser(db.prisma);
    await addMember(db.prisma, organisation, editor, "EDITOR");
    const api = await caller(editor);
    const created = await Promise.all(
      Array.from({ length: 5 }, () => api.useCases.create({ organisationSlug: organisation.slug, useCase: fields() })),
    );
    expect(created.map((useCase) => useCase.reference).sort()).toEqual([1, 2, 3, 4, 5].map((n) => `AI-${year}-00${n}`));
  });

  it("stores the record as given and returns it from get", async () => {
    const { id } = await createInA({ tags: ["chatt", "chatt"], startedOn: "2026-01-15", techniques: ["GENERATIVE_AI"] });
    const record = await (await caller(world.users.viewer)).useCases.get({ organisationSlug: world.orgA.slug, id });
    expect(record).toMatchObject({ id, version: 1, archivedAt: null, tags: ["chatt"], startedOn: "2026-01-15", techniques: ["GENERATIVE_AI"] });
  });
});

describe("the rules, with the field they concern", () => {
  it.each<[string, Partial<UseCaseFieldsInput>, { field: string; code: string; message: RegExp }]>([
    ["high risk without Annex III or I", { riskClass: "HIGH_RISK", riskClassJustification: "Skäl." }, { field: "annexIIIArea", code: "useCase.highRiskNeedsArea", message: /Annex III/ }],
    ["a risk class without justification", { riskClass: "MINIMAL" }, { field: "riskClassJustification", code: "useCase.justificationRequired", message: /Explain why/ }],
    ["prohibited and in use", { riskClass: "PROHIBITED", riskClassJustification: "Skäl.", lifecycleStage: "IN_USE", inUseSince: "2026-01-01" }, { field: "lifecycleStage", code: "useCase.prohibitedNotLive", message: /prohibited/ }],
    ["in use with an undetermined risk class", { lifecycleStage: "IN_USE", inUseSince: "2026-01-01" }, { field: "riskClass", code: "useCase.inUseNeedsRiskClass", message: /Determine the risk class/ }],
    ["in use without a date", { lifecycleStage: "IN_USE", riskClass: "MINIMAL", riskClassJustification: "Skäl." }, { field: "inUseSince", code: "useCase.inUseNeedsDate", message: /date/ }],
    ["retired without a date", { lifecycleStage: "RETIRED" }, { field: "retiredOn", code: "useCase.retiredNeedsDate", message: /retired/ }],
    ["published without a contact", { intendedForPublication: true }, { field: "publicContactEmail", code: "useCase.publicationNeedsContact", message: /mailbox/ }],
    ["dates out of order", { startedOn: "2026-05-01", inUseSince: "2026-01-01" }, { field: "inUseSince", code: "useCase.inUseBeforeStart", message: /before the start/ }],
  ])("refuses %s", async (_name, overrides, problem) => {
    const before = await rowsOfA();
    const { status, error } = await post("useCases.create", { organisationSlug: world.orgA.slug, useCase: fields(overrides) });
    expect(status).toBe(400);
    expect(error?.fieldErrors).toEqual(expect.arrayContaining([{ field: problem.field, code: problem.code, message: expect.stringMatching(problem.message) }]));
    expect(await rowsOfA()).toEqual(before);
  });

  it("reports every broken rule at once", async () => {
    const { error } = await post("useCases.create", {
      organisationSlug: world.orgA.slug,
      useCase: fields({ riskClass: "HIGH_RISK", intendedForPublication: true }),
    });
    expect((error?.fieldErrors as { field: string }[]).map((problem) => problem.field).sort()).toEqual(
      ["annexIIIArea", "publicContactEmail", "riskClassJustification"].sort(),
    );
  });

  it("refuses a person's own address as the public contact: it must be a functional mailbox", async () => {
    const { status, error } = await post("useCases.create", {
      organisationSlug: world.orgA.slug,
      useCase: fields({ intendedForPublication: true, publicContactEmail: world.users.viewer.email.toUpperCase() }),
    });
    expect(status).toBe(400);
    expect(error?.fieldErrors).toEqual([{ field: "publicContactEmail", code: "useCase.personalContactEmail", message: expect.stringMatching(/functional mailbox/) }]);
    await expect(createInA({ intendedForPublication: true, publicContactEmail: "kontaktcenter@exempel.example" })).resolves.toBeDefined();
  });

  it.each<[string, unknown, string, string]>([
    ["too long a title", { title: "x".repeat(201) }, "useCase.title", "too_big"],
    ["a wrong enum", { lifecycleStage: "SOON" }, "useCase.lifecycleStage", "invalid_value"],
    ["a wrong technique", { techniques: ["MAGIC"] }, "useCase.techniques.0", "invalid_value"],
    ["a missing required field", { businessArea: "" }, "useCase.businessArea", "too_small"],
  ])("answers %s with BAD_REQUEST and the field, and writes nothing", async (_name, overrides, field, code) => {
    const before = await rowsOfA();
    const { status, error } = await post("useCases.create", { organisationSlug: world.orgA.slug, useCase: { ...fields(), ...(overrides as object) } });
    expect(status).toBe(400);
    expect(error?.code).toBe("BAD_REQUEST");
    expect(error?.fieldErrors).toEqual(expect.arrayContaining([{ field, code, message: expect.any(String) }]));
    expect(await rowsOfA()).toEqual(before);
  });
});

describe("editing", () => {
  it("saves a change, bumps the version, and refuses a stale save naming who changed it", async () => {
    const { id } = await createInA();
    const editor = await caller();
    const saved = await editor.useCases.update({ organisationSlug: world.orgA.slug, id, version: 1, useCase: fields({ title: "Ny titel" }) });
    expect(saved).toMatchObject({ title: "Ny titel", version: 2 });

    const before = await rowsOfA();
    const { status, error } = await post(
      "useCases.update",
      { organisationSlug: world.orgA.slug, id, version: 1, useCase: fields({ title: "Gammal ändring" }) },
      world.users.admin,
    );
    expect(status).toBe(409);
    expect(error?.code).toBe("CONFLICT");
    const conflict = await editor.useCases.update({ organisationSlug: world.orgA.slug, id, version: 1, useCase: fields() }).catch((e: unknown) => e);
    expect((conflict as TRPCError).message).toContain(world.users.editor.name);
    expect(await rowsOfA()).toEqual(before);
    expect((await editor.useCases.get({ organisationSlug: world.orgA.slug, id })).title).toBe("Ny titel");
  });

  it("checks the rules on an update too", async () => {
    const { id } = await createInA();
    const { status, error } = await post("useCases.update", {
      organisationSlug: world.orgA.slug,
      id,
      version: 1,
      useCase: fields({ riskClass: "MINIMAL" }),
    });
    expect(status).toBe(400);
    expect(error?.fieldErrors).toEqual([{ field: "riskClassJustification", code: "useCase.justificationRequired", message: expect.any(String) }]);
  });
});

describe("archive, restore and delete", () => {
  it("archives out of the list, refuses edits while archived, and an admin restores", async () => {
    const { id } = await createInA({ title: "Att arkivera" });
    const editor = await caller();
    const listed = async () =>
      (await editor.useCases.list({ organisationSlug: world.orgA.slug, filters: { q: "arkivera" } })).items.map((item) => item.id);
    expect(await listed()).toEqual([id]);

    await editor.useCases.archive({ organisationSlug: world.orgA.slug, id, version: 1 });
    expect(await listed()).toEqual([]);
    const { status, error } = await post("useCases.update", { organisationSlug: world.orgA.slug, id, version: 2, useCase: fields() });
    expect(status).toBe(400);
    expect(error?.fieldErrors).toEqual([{ field: "archivedAt", code: "useCase.archivedNotEditable", message: expect.stringMatching(/Restore it first/) }]);
    expect(await codeOf(editor.useCases.restore({ organisationSlug: world.orgA.slug, id, version: 2 }))).toBe("FORBIDDEN");

    const restored = await (await caller(world.users.admin)).useCases.restore({ organisationSlug: world.orgA.slug, id, version: 2 });
    expect(restored).toMatchObject({ archivedAt: null, version: 3 });
    expect(await listed()).toEqual([id]);
  });

  it("deletes only an idea; anything further along is to be archived", async () => {
    const admin = await caller(world.users.admin);
    const idea = await createInA();
    await admin.useCases.delete({ organisationSlug: world.orgA.slug, id: idea.id, version: 1 });
    expect(await codeOf(admin.useCases.get({ organisationSlug: world.orgA.slug, id: idea.id }))).toBe("NOT_FOUND");

    const pilot = await createInA({ lifecycleStage: "PILOT" });
    const { status, error } = await post("useCases.delete", { organisationSlug: world.orgA.slug, id: pilot.id, version: 1 }, world.users.admin);
    expect(status).toBe(400);
    expect(error?.fieldErrors).toEqual([{ field: "lifecycleStage", code: "useCase.onlyIdeaDeletable", message: expect.stringMatching(/Archive it instead/) }]);
    await expect(admin.useCases.get({ organisationSlug: world.orgA.slug, id: pilot.id })).resolves.toBeDefined();
  });
});

describe("history", () => {
  it("lists the changes, newest first, for every member", async () => {
    const { id } = await createInA({ title: "Med historik" });
    await (await caller()).useCases.update({ organisationSlug: world.orgA.slug, id, version: 1, useCase: fields({ title: "Historik, ändrad", nextReviewOn: "2027-01-31" }) });
    await (await caller()).useCases.archive({ organisationSlug: world.orgA.slug, id, version: 2 });
    const { items } = await (await caller(world.users.viewer)).useCases.history({ organisationSlug: world.orgA.slug, id });
    expect(items.map((event) => event.action)).toEqual(["useCase.archived", "useCase.updated", "useCase.created"]);
    expect(items[1]?.changes).toEqual({
      title: { before: "Med historik", after: "Historik, ändrad" },
      nextReviewOn: { before: null, after: "2027-01-31" },
    });
    expect(items[2]?.changes.title).toEqual({ before: null, after: "Med historik" });
  });
});

describe("isolation", () => {
  it("answers NOT_FOUND for another organisation's use case, whatever the procedure", async () => {
    const theirs = await (await caller(world.users.outsider)).useCases.create({ organisationSlug: world.orgB.slug, useCase: fields() });
    const admin = await caller(world.users.admin);
    const target = { organisationSlug: world.orgA.slug, id: theirs.id };
    expect(await codeOf(admin.useCases.get(target))).toBe("NOT_FOUND");
    expect(await codeOf(admin.useCases.history(target))).toBe("NOT_FOUND");
    expect(await codeOf(admin.useCases.update({ ...target, version: 1, useCase: fields() }))).toBe("NOT_FOUND");
    expect(await codeOf(admin.useCases.archive({ ...target, version: 1 }))).toBe("NOT_FOUND");
    expect(await codeOf(admin.useCases.delete({ ...target, version: 1 }))).toBe("NOT_FOUND");
    const still = await (await caller(world.users.outsider)).useCases.get({ organisationSlug: world.orgB.slug, id: theirs.id });
    expect(still.version).toBe(1);
  });
});
