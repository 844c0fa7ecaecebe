/** Optimistic concurrency: two people save the same record; one wins, the other is told. */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inScope } from "@/server/db/scope";
import { createTestDatabase } from "../../support/database";
import { addMember, callerFor, createTenancyWorld, createUser, type TenancyWorld } from "../../support/tenancy";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let world: TenancyWorld;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createTenancyWorld(db.prisma);
});
afterAll(async () => db?.close());

describe("optimistic concurrency", () => {
  it("refuses the second of two role changes made from the same version, and keeps the first", async () => {
    const secondAdmin = await createUser(db.prisma);
    await addMember(db.prisma, world.orgA, secondAdmin, "ADMIN");
    const member = await createUser(db.prisma);
    await addMember(db.prisma, world.orgA, member, "VIEWER");
    const first = await callerFor(db.prisma, world.users.admin);
    const second = await callerFor(db.prisma, secondAdmin);

    // Both loaded the member at version 1, then both save.
    const results = await Promise.allSettled([
      first.members.changeRole({ organisationSlug: world.orgA.slug, userId: member.id, role: "EDITOR", version: 1 }),
      second.members.changeRole({ organisationSlug: world.orgA.slug, userId: member.id, role: "REVIEWER", version: 1 }),
    ]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    const error = rejected[0]!.reason as TRPCError;
    expect(error).toBeInstanceOf(TRPCError);
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/was changed by .+ after you opened it/);

    const winner = (fulfilled[0] as PromiseFulfilledResult<{ role: string }>).value.role;
    const stored = await inScope(db.prisma, { organisationId: world.orgA.id }, (tx) =>
      tx.membership.findUniqueOrThrow({ where: { organisationId_userId: { organisationId: world.orgA.id, userId: member.id } } }),
    );
    expect(stored).toMatchObject({ role: winner, version: 2 });
  });

  it("names who changed the organisation and when in the conflict", async () => {
    const caller = await callerFor(db.prisma, world.users.platformAdmin);
    const opened = await inScope(db.prisma, {}, (tx) => tx.organisation.findUniqueOrThrow({ where: { id: world.orgB.id } }));
    await caller.organisations.update({ ...opened, name: "Först sparad" });
    const stale = caller.organisations.update({ ...opened, name: "Sparad för sent" });
    await expect(stale).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(stale).rejects.toThrow(new RegExp(`changed by ${world.users.platformAdmin.name}.* at \\d{4}-`));
    const stored = await inScope(db.prisma, {}, (tx) => tx.organisation.findUniqueOrThrow({ where: { id: world.orgB.id } }));
    expect(stored.name).toBe("Först sparad");
  });
});
