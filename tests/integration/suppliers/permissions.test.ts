/**
 * Supplier catalogue edits through the API, against PostgreSQL: the organisation that added
 * an entry edits it, another organisation's editor and a viewer are refused, a platform
 * administrator edits anything and the change lands in the creator's audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inScope } from "@/server/db/scope";
import { createTestDatabase } from "../../support/database";
import { createTestSupplier } from "../../support/suppliers";
import { addMember, callerFor, createTenancyWorld, createUser, type TenancyWorld, type TestUser } from "../../support/tenancy";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let world: TenancyWorld;
let editorB: TestUser;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createTenancyWorld(db.prisma);
  editorB = await createUser(db.prisma);
  await addMember(db.prisma, world.orgB, editorB, "EDITOR");
});
afterAll(async () => db?.close());

const as = (user: TestUser) => callerFor(db.prisma, user);

async function auditEvents(organisationId: string, entityId: string) {
  return inScope(db.prisma, { organisationId }, (tx) =>
    tx.auditEvent.findMany({ where: { organisationId, entityId }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true, changes: true } }),
  );
}

describe("supplier catalogue: adding", () => {
  it("lets an editor add a supplier and a product, normalising a Swedish organisation number, and audits both", async () => {
    const caller = await as(world.users.editor);
    const supplier = await caller.suppliers.create({
      organisationSlug: world.orgA.slug,
      fields: { name: "  Dokumentanalys Test AB ", country: "se", organisationNumber: "5560360793" },
    });
    expect(supplier).toMatchObject({ name: "Dokumentanalys Test AB", country: "SE", organisationNumber: "556036-0793", editable: true, version: 1 });
    const product = await caller.suppliers.createProduct({
      organisationSlug: world.orgA.slug,
      supplierId: supplier.id,
      fields: { name: "Postsortering", modelProvider: "", model: null, hostingLocations: ["SE", "SE", "IE"], certifications: ["ISO/IEC 27001"] },
    });
    expect(product).toMatchObject({ name: "Postsortering", modelProvider: null, hostingLocations: ["SE", "IE"], editable: true });
    expect((await auditEvents(world.orgA.id, supplier.id)).map((e) => e.action)).toEqual(["supplier.created"]);
    expect((await auditEvents(world.orgA.id, product.id)).map((e) => e.action)).toEqual(["supplierProduct.created"]);
  });

  it("refuses an invalid Swedish number, accepts a foreign one, and refuses a number already in the catalogue", async () => {
    const caller = await as(world.users.editor);
    await expect(
      caller.suppliers.create({ organisationSlug: world.orgA.slug, fields: { name: "Fel AB", country: "SE", organisationNumber: "556036-0794" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const foreign = await caller.suppliers.create({
      organisationSlug: world.orgA.slug,
      fields: { name: "Model Labs Ltd", country: "GB", organisationNumber: "12345678" },
    });
    expect(foreign.organisationNumber).toBe("12345678");
    const error = await (await as(editorB)).suppliers
      .create({ organisationSlug: world.orgB.slug, fields: { name: "Dubblett Ltd", country: "GB", organisationNumber: "12345678" } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST", cause: { problems: [{ field: "organisationNumber", code: "supplier.organisationNumberTaken" }] } });
  });

  it("refuses a viewer", async () => {
    await expect(
      (await as(world.users.viewer)).suppliers.create({ organisationSlug: world.orgA.slug, fields: { name: "Läsarens AB", country: "SE" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("searches by name and product, at most 50, with products", async () => {
    await createTestSupplier(db.prisma, world.orgB, world.users.outsider, {
      fields: { name: "Sökbar Leverantör AB" },
      products: [{ name: "Unik sökprodukt" }],
    });
    const caller = await as(world.users.viewer);
    const byName = await caller.suppliers.search({ organisationSlug: world.orgA.slug, q: "sökbar" });
    expect(byName.items).toEqual([
      { id: expect.any(String), name: "Sökbar Leverantör AB", country: "SE", organisationNumber: null, products: [{ id: expect.any(String), name: "Unik sökprodukt" }] },
    ]);
    const byProduct = await caller.suppliers.search({ organisationSlug: world.orgA.slug, q: "unik sökprodukt" });
    expect(byProduct.items.map((item) => item.name)).toEqual(["Sökbar Leverantör AB"]);
    const all = await caller.suppliers.search({ organisationSlug: world.orgA.slug });
    expect(all.items.length).toBeLessThanOrEqual(50);
  });

  it("pages the list by name with a cursor", async () => {
    for (const name of ["Ö-sist 1 AB", "Ö-sist 2 AB", "Ö-sist 3 AB"]) {
      await createTestSupplier(db.prisma, world.orgA, world.users.editor, { fields: { name } });
    }
    const caller = await as(world.users.viewer);
    const first = await caller.suppliers.list({ organisationSlug: world.orgA.slug, q: "ö-sist", limit: 2 });
    expect(first.total).toBe(3);
    expect(first.items.map((item) => item.name)).toEqual(["Ö-sist 1 AB", "Ö-sist 2 AB"]);
    expect(first.items[0]?.ownEntry).toBe(true);
    const second = await caller.suppliers.list({ organisationSlug: world.orgA.slug, q: "ö-sist", limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((item) => item.name)).toEqual(["Ö-sist 3 AB"]);
    expect(second.nextCursor).toBeNull();
    await expect(caller.suppliers.list({ organisationSlug: world.orgA.slug, limit: 2, cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("supplier catalogue: edit permissions", () => {
  it("lets the creating organisation's editor edit its supplier and product, at the version read", async () => {
    const { supplier, products } = await createTestSupplier(db.prisma, world.orgA, world.users.editor, { products: [{ name: "Tolk" }] });
    const caller = await as(world.users.editor);
    const updated = await caller.suppliers.update({
      organisationSlug: world.orgA.slug,
      id: supplier.id,
      version: 1,
      fields: { name: "Omdöpt AB", country: "SE", organisationNumber: null },
    });
    expect(updated).toMatchObject({ name: "Omdöpt AB", version: 2 });
    await expect(
      caller.suppliers.update({ organisationSlug: world.orgA.slug, id: supplier.id, version: 1, fields: { name: "Gammal AB", country: "SE" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const product = await caller.suppliers.updateProduct({
      organisationSlug: world.orgA.slug,
      id: products[0]!.id,
      version: 1,
      fields: { name: "Tolk 2", model: "whisper-large-v3", modelProvider: "OpenAI", hostingLocations: ["SE"], certifications: [] },
    });
    expect(product).toMatchObject({ name: "Tolk 2", version: 2, model: "whisper-large-v3" });
    const events = await auditEvents(world.orgA.id, supplier.id);
    expect(events.map((e) => e.action)).toEqual(["supplier.created", "supplier.updated"]);
    expect(events[1]?.changes).toEqual({ name: { before: supplier.name, after: "Omdöpt AB" } });
  });

  it("refuses another organisation's editor (FORBIDDEN), and changes nothing", async () => {
    const { supplier, products } = await createTestSupplier(db.prisma, world.orgA, world.users.editor, { products: [{ name: "Skyddad" }] });
    const caller = await as(editorB);
    const seen = await caller.suppliers.get({ organisationSlug: world.orgB.slug, id: supplier.id });
    expect(seen.editable).toBe(false);
    expect(seen.products[0]?.editable).toBe(false);
    await expect(
      caller.suppliers.update({ organisationSlug: world.orgB.slug, id: supplier.id, version: 1, fields: { name: "Kapad AB", country: "SE" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      caller.suppliers.updateProduct({
        organisationSlug: world.orgB.slug,
        id: products[0]!.id,
        version: 1,
        fields: { name: "Kapad", hostingLocations: [], certifications: [] },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const after = await (await as(world.users.viewer)).suppliers.get({ organisationSlug: world.orgA.slug, id: supplier.id });
    expect(after).toMatchObject({ name: supplier.name, version: 1 });
    expect(after.products[0]).toMatchObject({ name: "Skyddad", version: 1 });
  });

  it("lets another organisation add a product to the supplier, which only it edits", async () => {
    const { supplier } = await createTestSupplier(db.prisma, world.orgA, world.users.editor);
    const product = await (await as(editorB)).suppliers.createProduct({
      organisationSlug: world.orgB.slug,
      supplierId: supplier.id,
      fields: { name: "B:s produkt", hostingLocations: ["FI"], certifications: [] },
    });
    expect(product.editable).toBe(true);
    await expect(
      (await as(world.users.editor)).suppliers.updateProduct({
        organisationSlug: world.orgA.slug,
        id: product.id,
        version: 1,
        fields: { name: "A tar över", hostingLocations: [], certifications: [] },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a viewer of the creating organisation", async () => {
    const { supplier } = await createTestSupplier(db.prisma, world.orgA, world.users.editor);
    await expect(
      (await as(world.users.viewer)).suppliers.update({ organisationSlug: world.orgA.slug, id: supplier.id, version: 1, fields: { name: "Läsare AB", country: "SE" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lets a platform admin edit any entry, audited in the creating organisation's log", async () => {
    const { supplier, products } = await createTestSupplier(db.prisma, world.orgA, world.users.editor, { products: [{ name: "Plattformsprodukt" }] });
    const caller = await as(world.users.platformAdmin);
    const updated = await caller.suppliers.platformUpdate({ id: supplier.id, version: 1, fields: { name: "Rättat AB", country: "SE" } });
    expect(updated).toMatchObject({ name: "Rättat AB", version: 2, editable: false });
    const product = await caller.suppliers.platformUpdateProduct({
      id: products[0]!.id,
      version: 1,
      fields: { name: "Plattformsprodukt", hostingLocations: ["SE", "DE"], certifications: ["SOC 2"] },
    });
    expect(product).toMatchObject({ version: 2, hostingLocations: ["SE", "DE"] });
    const events = await auditEvents(world.orgA.id, supplier.id);
    expect(events.at(-1)).toMatchObject({ action: "supplier.updated", actorId: world.users.platformAdmin.id });
    expect((await auditEvents(world.orgA.id, products[0]!.id)).at(-1)).toMatchObject({ action: "supplierProduct.updated" });
    // Nothing in the other organisation's log.
    expect(await auditEvents(world.orgB.id, supplier.id)).toEqual([]);
  });

  it("lets a platform admin edit an entry without a creating organisation, writing no audit event", async () => {
    const orphan = await db.owner.supplier.create({ data: { name: "Föräldralös AB", country: "SE" } });
    const updated = await (await as(world.users.platformAdmin)).suppliers.platformUpdate({
      id: orphan.id,
      version: 1,
      fields: { name: "Föräldralös AB", country: "NO", organisationNumber: "923609016" },
    });
    expect(updated).toMatchObject({ country: "NO", organisationNumber: "923609016", version: 2 });
    await expect(
      (await as(world.users.editor)).suppliers.update({ organisationSlug: world.orgA.slug, id: orphan.id, version: 2, fields: { name: "X AB", country: "SE" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses the platform procedures to anyone but a platform admin", async () => {
    const { supplier } = await createTestSupplier(db.prisma, world.orgA, world.users.editor);
    await expect(
      (await as(world.users.admin)).suppliers.platformUpdate({ id: supplier.id, version: 1, fields: { name: "Admin AB", country: "SE" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
