/** The demo procurement seed: creates its decisions once, and only where the use case exists. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncDemoProcurement } from "@/server/db/seed/demo-procurement";
import { inScope } from "@/server/db/scope";
import { createTestDatabase } from "../../support/database";
import { createTenancyWorld, type TenancyWorld } from "../../support/tenancy";
import { createTestUseCase } from "../../support/use-cases";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let world: TenancyWorld;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createTenancyWorld(db.prisma);
  await db.owner.organisation.update({ where: { id: world.orgA.id }, data: { slug: "exempelby" } });
  await createTestUseCase(db.prisma, world.orgA, world.users.admin, { fields: { title: "Chattbot för invånarfrågor" } });
});
afterAll(async () => db?.close());

describe("syncDemoProcurement", () => {
  it("creates the missing decisions once, without a supplier the catalogue lacks", async () => {
    const users = new Map([["editor@exempelby.example", world.users.editor.id]]);
    const run = () => inScope(db.prisma, { organisationId: world.orgA.id }, (tx) => syncDemoProcurement(tx, world.orgA.id, users));
    expect(await run()).toBe(1);
    expect(await run()).toBe(0);
    const rows = await inScope(db.prisma, { organisationId: world.orgA.id }, (tx) =>
      tx.procurementDecision.findMany({ where: { organisationId: world.orgA.id }, include: { requirements: true } }),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ route: "FRAMEWORK_CALL_OFF", supplierId: null, status: "PLANNED" });
    expect(rows[0]!.requirements.find((item) => item.itemKey === "exit")).toMatchObject({ status: "NOT_MET" });
  });
});
