/** What an API client sees when something goes wrong, over HTTP as a browser would call it. */
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { appRouter } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { createPrismaClient, type PrismaClient } from "@/server/db/client";
import { createTestDatabase } from "../../support/database";
import { addMember, createTenancyWorld, createUser, type TenancyWorld, type TestUser } from "../../support/tenancy";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let world: TenancyWorld;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createTenancyWorld(db.prisma);
});
afterAll(async () => db?.close());

async function post(path: string, input: unknown, as: TestUser | null, prisma: PrismaClient = db.prisma) {
  const request = new Request(`http://localhost/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-request-id": "req-123" },
    body: JSON.stringify({ json: input }),
  });
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => createContext({ headers: request.headers, userId: as?.id ?? null, db: prisma }),
  });
  return { status: response.status, body: (await response.json()) as { error: { json: { message: string; data: Record<string, unknown> } } } };
}

describe("API errors", () => {
  it("lists invalid fields as { field, code, message } with 400, and changes nothing", async () => {
    const { status, body } = await post(
      "invitations.create",
      { organisationSlug: world.orgA.slug, email: "inte en adress", role: "OWNER" },
      world.users.admin,
    );
    expect(status).toBe(400);
    expect(body.error.json.data.fieldErrors).toEqual(
      expect.arrayContaining([
        { field: "email", code: "invalid_format", message: "must be an email address" },
        { field: "role", code: "invalid_value", message: expect.stringContaining("ADMIN") },
      ]),
    );
  });

  it("explains a broken rule on the field it concerns", async () => {
    const { status, body } = await post(
      "members.changeRole",
      { organisationSlug: world.orgA.slug, userId: world.users.admin.id, role: "VIEWER", version: 1 },
      world.users.admin,
    );
    expect(status).toBe(400);
    expect(body.error.json.data.fieldErrors).toEqual([
      { field: "role", code: "membership.lastAdmin", message: "The organisation must keep at least one administrator." },
    ]);
  });

  it("answers a stale save with 409, who changed it and the current version", async () => {
    const member = await createUser(db.prisma);
    await addMember(db.prisma, world.orgA, member, "VIEWER");
    const input = { organisationSlug: world.orgA.slug, userId: member.id, role: "EDITOR", version: 1 };
    expect((await post("members.changeRole", input, world.users.admin)).status).toBe(200);
    const { status, body } = await post("members.changeRole", { ...input, role: "REVIEWER" }, world.users.admin);
    expect(status).toBe(409);
    expect(body.error.json.data.conflict).toMatchObject({ currentVersion: 2, changedBy: expect.stringContaining(world.users.admin.email) });
  });

  it("answers 401 to the anonymous and 403 to a member without the permission", async () => {
    expect((await post("members.remove", { organisationSlug: world.orgA.slug, userId: world.users.viewer.id, version: 1 }, null)).status).toBe(401);
    expect(
      (await post("members.remove", { organisationSlug: world.orgA.slug, userId: world.users.editor.id, version: 1 }, world.users.viewer)).status,
    ).toBe(403);
  });

  it("hides the cause of an unexpected failure and gives the request id instead", async () => {
    // A database without the app's tables: every query fails inside PostgreSQL.
    const empty = await createTestDatabase({ migrate: false });
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const { status, body } = await post(
        "members.remove",
        { organisationSlug: world.orgA.slug, userId: world.users.viewer.id, version: 1 },
        world.users.admin,
        empty.prisma,
      );
      expect(status).toBe(500);
      expect(body.error.json.message).toBe("Internal error (request req-123)");
      const text = JSON.stringify(body);
      expect(text).not.toMatch(/relation|does not exist|SQLSTATE|Prisma|stack|at .*\.ts/);
    } finally {
      errors.mockRestore();
      await empty.close();
    }
  });

  it("answers 503 while the database cannot be reached, naming nothing of it", async () => {
    const broken = createPrismaClient("postgresql://nobody:secret@127.0.0.1:1/nowhere");
    const { status, body } = await post(
      "members.remove",
      { organisationSlug: world.orgA.slug, userId: world.users.viewer.id, version: 1 },
      world.users.admin,
      broken,
    );
    await broken.$disconnect();
    expect(status).toBe(503);
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|secret|stack|at .*\.ts/);
  });
});
