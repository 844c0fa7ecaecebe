/**
 * The publication workflow and the public read path against a real PostgreSQL: the public
 * sees published snapshots only, never an internal field; editing changes nothing public
 * until the next version; a retraction leaves search but keeps its note at the address;
 * paging is stable while others publish; the steps follow the role table.
 */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inScope } from "@/server/db/scope";
import { getPublicUseCase, listPublicOrganisations, listPublicUseCases } from "@/server/domain/public-register/read";
import { publicRegisterFilters, publicRegisterPage } from "@/server/domain/public-register/schemas";
import { getPublicationPanel } from "@/server/domain/public-register/service";
import { publicSnapshotKeys } from "@/server/domain/public-register/snapshot";
import { listUseCases } from "@/server/domain/use-cases/list";
import { useCaseFields, useCaseListFilters } from "@/server/domain/use-cases/schemas";
import { getUseCase, updateUseCase } from "@/server/domain/use-cases/service";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { changeFor, createPublishableUseCase, proposeAndPublish, publishableFields, publishTestUseCase } from "../../support/publication";
import { callerFor, createTenancyWorld, type TenancyWorld } from "../../support/tenancy";

let db: TestDatabase;
let world: TenancyWorld;
let people: { editor: TenancyWorld["users"]["editor"]; admin: TenancyWorld["users"]["admin"] };

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createTenancyWorld(db.prisma);
  people = { editor: world.users.editor, admin: world.users.admin };
});
afterAll(() => db?.close());

const SECRET = "HEMLIG-INTERN-UPPGIFT";

const publicList = (filters: Record<string, unknown> = {}, page: Record<string, unknown> = {}) =>
  inScope(db.prisma, {}, (tx) => listPublicUseCases(tx, publicRegisterFilters.parse(filters), publicRegisterPage.parse(page)));
const publicUseCase = (id: string) => inScope(db.prisma, {}, (tx) => getPublicUseCase(tx, id));

async function editUseCase(id: string, overrides: Record<string, unknown>) {
  return inScope(db.prisma, { organisationId: world.orgA.id }, async (tx) => {
    const current = await getUseCase(tx, world.orgA.id, id);
    const { id: _id, organisationId: _o, reference: _r, version, archivedAt: _a, createdAt: _c, updatedAt: _u, ...fields } = current;
    return updateUseCase(tx, changeFor(world.orgA, world.users.editor, "EDITOR"), {
      id,
      version,
      fields: useCaseFields.parse({ ...fields, ...overrides }),
    });
  });
}

/** Every key of every object in a value, with its path. */
function keysOf(value: unknown, path = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => keysOf(item, `${path}[]`));
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([key, inner]) => [`${path}${key}`, ...keysOf(inner, `${path}${key}.`)]);
  }
  return [];
}

describe("the public read path", () => {
  it("shows a published use case with only the public fields, withheld ones as withheld with their reasons", async () => {
    const { useCaseId } = await publishTestUseCase(db.prisma, world.orgA, people, {
      title: "Sortering av inkommande e-post",
      dataSources: SECRET,
      withheldFields: { dataSources: "Uppgiften omfattas av säkerhetsskydd." },
    });
    const view = await publicUseCase(useCaseId);
    expect(view?.status).toBe("PUBLISHED");
    if (view?.status !== "PUBLISHED") return;
    expect(Object.keys(view.snapshot).sort()).toEqual([...publicSnapshotKeys].sort());
    expect(view.snapshot.dataSources).toBeNull();
    expect(view.snapshot.withheld).toEqual([{ field: "dataSources", reason: "OTHER", explanation: "Uppgiften omfattas av säkerhetsskydd." }]);
    expect(view.snapshot.approvedAssessments).toHaveLength(1);
    expect(Object.keys(view).sort()).toEqual(
      ["status", "useCaseId", "organisationSlug", "version", "firstPublishedAt", "publishedAt", "completeness", "snapshot", "versions", "reports"].sort(),
    );
    const serialised = JSON.stringify(view);
    expect(serialised).not.toContain(SECRET);
    expect(serialised).not.toContain("Klar för publicering"); // the internal proposal note

    const page = await publicList({ q: "sortering" });
    expect(page.items.map((item) => item.useCaseId)).toContain(useCaseId);
    const allowedItemKeys = [
      "useCaseId", "version", "title", "publicSummary", "organisation", "organisation.slug", "organisation.name", "organisation.kind",
      "sector", "lifecycleStage", "riskClass", "techniques", "generativeAi", "processesPersonalData", "firstPublishedAt", "publishedAt",
    ];
    for (const item of page.items) expect(keysOf(item).filter((key) => !allowedItemKeys.includes(key))).toEqual([]);
    expect(JSON.stringify(page)).not.toContain(SECRET);
  });

  it("finds with Swedish stemming and counts per filter value", async () => {
    await publishTestUseCase(db.prisma, world.orgA, people, { title: "Bedömningar av bygglovsansökningar", techniques: ["CLASSIFICATION_OR_PREDICTION"] });
    const page = await publicList({ q: "bedömning" });
    expect(page.items.map((item) => item.title)).toContain("Bedömningar av bygglovsansökningar");
    const all = await publicList();
    expect(all.facets.generativeAi.find((facet) => facet.value === true)?.count).toBeGreaterThan(0);
    const techniqueCount = all.facets.technique.find((facet) => facet.value === "CLASSIFICATION_OR_PREDICTION")?.count ?? 0;
    expect(techniqueCount).toBeGreaterThan(0);
    expect((await publicList({ technique: "CLASSIFICATION_OR_PREDICTION" })).total).toBe(techniqueCount);
    const organisations = await inScope(db.prisma, {}, (tx) => listPublicOrganisations(tx));
    const orgA = organisations.find((organisation) => organisation.id === world.orgA.id);
    expect(orgA?.publishedCount).toBe(all.total);
    expect(organisations.find((organisation) => organisation.id === world.orgB.id)?.publishedCount).toBe(0);
  });

  it("never shows a use case that was not published, nor another organisation's rows to the app role directly", async () => {
    const { id } = await createPublishableUseCase(db.prisma, world.orgA, world.users.admin, { title: "Opublicerad prognosmodell" });
    expect(await publicUseCase(id)).toBeNull();
    expect((await publicList({ q: "prognosmodell" })).total).toBe(0);
    const seenFromB = await inScope(db.prisma, { organisationId: world.orgB.id }, (tx) => tx.publishedUseCaseSnapshot.count());
    expect(seenFromB).toBe(0);
    const seenWithoutOrganisation = await inScope(db.prisma, {}, (tx) => tx.publishedUseCaseSnapshot.count());
    expect(seenWithoutOrganisation).toBe(0);
  });

  it("changes nothing public when the record is edited, until the next version is published", async () => {
    const { useCaseId } = await publishTestUseCase(db.prisma, world.orgA, people, { title: "Översättning av beslut" });
    await editUseCase(useCaseId, { title: "Översättning av beslut och brev", publicSummary: "Ny sammanfattning." });

    const view = await publicUseCase(useCaseId);
    expect(view?.status === "PUBLISHED" && view.snapshot.title).toBe("Översättning av beslut");
    expect((await publicList({ q: "brev" })).items.map((item) => item.useCaseId)).not.toContain(useCaseId);

    const panel = await inScope(db.prisma, { organisationId: world.orgA.id }, (tx) => getPublicationPanel(tx, world.orgA.id, useCaseId, "EDITOR"));
    expect(panel.changes.map((change) => change.field).sort()).toEqual(["publicSummary", "title"]);
    expect(panel.changes.find((change) => change.field === "title")).toEqual({
      field: "title",
      before: "Översättning av beslut",
      after: "Översättning av beslut och brev",
    });
    expect(panel.allowedActions).toContain("propose");

    const outOfDate = await inScope(db.prisma, { organisationId: world.orgA.id }, (tx) =>
      listUseCases(tx, world.orgA.id, useCaseListFilters.parse({ publication: "outOfDate" }), { limit: 100 }),
    );
    expect(outOfDate.items.map((item) => item.id)).toEqual([useCaseId]);

    await proposeAndPublish(db.prisma, world.orgA, people, useCaseId);
    const republished = await publicUseCase(useCaseId);
    expect(republished?.status === "PUBLISHED" && republished.snapshot.title).toBe("Översättning av beslut och brev");
    expect(republished?.status === "PUBLISHED" && republished.versions.map((version) => version.version)).toEqual([2, 1]);
    const afterRepublish = await inScope(db.prisma, { organisationId: world.orgA.id }, (tx) =>
      listUseCases(tx, world.orgA.id, useCaseListFilters.parse({ publication: "outOfDate" }), { limit: 100 }),
    );
    expect(afterRepublish.items).toEqual([]);
  });

  it("takes a retracted use case out of search and keeps its public reason at its address", async () => {
    const { useCaseId, publicationVersion } = await publishTestUseCase(db.prisma, world.orgA, people, { title: "Ansiktsigenkänning i entrén" });
    expect((await publicList({ q: "ansiktsigenkänning" })).total).toBe(1);
    const caller = await callerFor(db.prisma, world.users.admin);
    await caller.publication.retract({
      organisationSlug: world.orgA.slug,
      useCaseId,
      version: publicationVersion,
      reason: "Försöket avbröts efter dataskyddsombudets granskning.",
    });
    expect((await publicList({ q: "ansiktsigenkänning" })).total).toBe(0);
    const view = await publicUseCase(useCaseId);
    expect(view).toMatchObject({ status: "RETRACTED", title: "Ansiktsigenkänning i entrén", retractionReason: "Försöket avbröts efter dataskyddsombudets granskning." });
    expect(JSON.stringify(view)).not.toContain("Svarar på vanliga frågor"); // the content is gone
  });

  it("pages without repeats or gaps while others publish", async () => {
    const other = await import("../../support/tenancy");
    const organisation = await other.createOrganisation(db.prisma, other.nextOrganisationNumber());
    await other.addMember(db.prisma, organisation, world.users.admin, "ADMIN");
    await other.addMember(db.prisma, organisation, world.users.editor, "EDITOR");
    const filters = { organisation: organisation.slug };
    const published: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      published.push((await publishTestUseCase(db.prisma, organisation, people, { title: `Användningsfall ${index}` })).useCaseId);
    }
    const seen: string[] = [];
    let page = await publicList(filters, { limit: 2 });
    seen.push(...page.items.map((item) => item.useCaseId));
    // Someone publishes a new use case and republishes one already seen, while the visitor pages.
    await publishTestUseCase(db.prisma, organisation, people, { title: "Nytt mitt i bläddringen" });
    await proposeAndPublish(db.prisma, organisation, people, seen[0]!);
    while (page.nextCursor) {
      page = await publicList(filters, { limit: 2, cursor: page.nextCursor });
      seen.push(...page.items.map((item) => item.useCaseId));
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...published].sort());
  });
});

describe("the publication workflow", () => {
  it("lets an editor propose and an admin publish, and refuses the other way round", async () => {
    const { id } = await createPublishableUseCase(db.prisma, world.orgA, world.users.admin, { title: "Taligenkänning i kundtjänst" });
    const editor = await callerFor(db.prisma, world.users.editor);
    const admin = await callerFor(db.prisma, world.users.admin);
    const viewer = await callerFor(db.prisma, world.users.viewer);
    const input = { organisationSlug: world.orgA.slug, useCaseId: id };

    await expect(viewer.publication.propose({ ...input, version: 0, note: "Vill publicera" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const proposed = await editor.publication.propose({ ...input, version: 0, note: "Granskad av enheten, klar att publicera." });
    expect(proposed.state).toBe("PROPOSED");
    await expect(editor.publication.publish({ ...input, version: proposed.version })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(admin.publication.publish({ ...input, version: proposed.version - 1 })).rejects.toMatchObject({ code: "CONFLICT" });

    const panel = await admin.publication.panel(input);
    expect(panel.allowedActions).toEqual(expect.arrayContaining(["publish", "withdraw"]));
    expect(panel.proposalNote).toBe("Granskad av enheten, klar att publicera.");
    const published = await admin.publication.publish({ ...input, version: proposed.version });
    expect(published.version).toBe(1);
    // What the admin reviewed is exactly what the public now sees.
    const view = await publicUseCase(id);
    expect(view?.status === "PUBLISHED" && view.snapshot).toEqual(panel.preview);

    const events = await inScope(db.prisma, { organisationId: world.orgA.id }, (tx) =>
      tx.auditEvent.findMany({ where: { organisationId: world.orgA.id, entityType: "UseCasePublication", entityId: id }, orderBy: { createdAt: "asc" } }),
    );
    expect(events.map((event) => event.action)).toEqual(["publication.proposed", "publication.published"]);
  });

  it("refuses to publish while required public fields are missing, and names them", async () => {
    const { id } = await createPublishableUseCase(db.prisma, world.orgA, world.users.admin, {
      ...publishableFields(),
      humanOversight: null,
      riskClass: "UNDETERMINED",
    });
    const editor = await callerFor(db.prisma, world.users.editor);
    const admin = await callerFor(db.prisma, world.users.admin);
    const input = { organisationSlug: world.orgA.slug, useCaseId: id };
    const proposed = await editor.publication.propose({ ...input, version: 0, note: "Förslag" });
    const panel = await admin.publication.panel(input);
    expect(panel.missing.map((missing) => missing.field)).toEqual(["riskClass", "humanOversight"]);
    const error = await admin.publication.publish({ ...input, version: proposed.version }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toContain("riskClass");
    expect(await publicUseCase(id)).toBeNull();

    const withdrawn = await admin.publication.withdraw({ ...input, version: proposed.version });
    expect(withdrawn.state).toBe("NONE");
  });
});
