/**
 * While the database is restarting or out of reach, the API answers 503 with Retry-After
 * (never 500), whether the outage shows in the session lookup or in the procedure's own
 * queries; and it answers again as soon as the database does.
 */
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DATABASE_RETRY_AFTER_SECONDS, handleTrpcRequest } from "@/server/api/http";
import { createPrismaClient, type PrismaClient } from "@/server/db/client";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { createTenancyWorld, type TenancyWorld } from "../../support/tenancy";

const APP_ORIGIN = "https://tillit.example.se";

let db: TestDatabase;
let world: TenancyWorld;
let unreachable: PrismaClient;

/** A loopback port nothing listens on: bound by the OS, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createTenancyWorld(db.prisma);
  unreachable = createPrismaClient(`postgresql://tillit@127.0.0.1:${await closedPort()}/tillit`);
});
afterAll(async () => {
  await unreachable?.$disconnect();
  await db?.close();
});

async function listUseCases(options: { db: PrismaClient; userId: () => Promise<string | null> }) {
  const input = encodeURIComponent(JSON.stringify({ json: { organisationSlug: world.orgA.slug, filters: {} } }));
  const request = new Request(`${APP_ORIGIN}/api/trpc/useCases.list?input=${input}`, { headers: { origin: APP_ORIGIN } });
  const response = await handleTrpcRequest(request, { appOrigin: APP_ORIGIN, ...options });
  const body = (await response.json()) as { error?: { json: { message: string; data: { code: string } } } };
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body };
}

describe("a database that is not there", () => {
  it("answers 503 with Retry-After when the procedure's queries cannot reach it", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const answer = await listUseCases({ db: unreachable, userId: async () => world.users.admin.id });
    errors.mockRestore();
    expect(answer.status).toBe(503);
    expect(answer.retryAfter).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
    expect(answer.body.error?.json.data.code).toBe("SERVICE_UNAVAILABLE");
    expect(answer.body.error?.json.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|Prisma/);
  });

  it("answers 503 when the session lookup itself cannot reach it", async () => {
    const answer = await listUseCases({
      db: db.prisma,
      userId: async () => {
        await unreachable.$queryRaw`SELECT 1`;
        return world.users.admin.id;
      },
    });
    expect(answer.status).toBe(503);
    expect(answer.retryAfter).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
  });

  it("answers normally, without Retry-After, when the database is there", async () => {
    const answer = await listUseCases({ db: db.prisma, userId: async () => world.users.admin.id });
    expect(answer.status).toBe(200);
    expect(answer.retryAfter).toBeNull();
  });
});
