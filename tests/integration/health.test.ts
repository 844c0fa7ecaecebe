import { afterAll, describe, expect, it } from "vitest";
import { checkHealth } from "@/server/health";
import { createTestDatabase } from "../support/database";

const databases: Awaited<ReturnType<typeof createTestDatabase>>[] = [];
afterAll(async () => Promise.all(databases.map((db) => db.close())));

describe("health check", () => {
  it("is ok when the database answers and every migration is applied", async () => {
    const db = await createTestDatabase();
    databases.push(db);
    expect(await checkHealth(db.url)).toMatchObject({
      status: "ok",
      checks: { database: { ok: true }, migrations: { ok: true, pending: [], modified: [], failed: [], notInFolder: [] } },
    });
    // And as the app's runtime login, which is what the health route connects as.
    expect(await checkHealth(db.appUrl)).toMatchObject({
      status: "ok",
      checks: { database: { ok: true }, migrations: { ok: true, pending: [], modified: [], failed: [] } },
    });
  });

  it("is unavailable, naming them, when migrations are pending", async () => {
    const db = await createTestDatabase({ migrate: false });
    databases.push(db);
    const report = await checkHealth(db.url);
    expect(report.status).toBe("unavailable");
    expect(report.checks.database.ok).toBe(true);
    expect(report.checks.migrations.ok).toBe(false);
    expect(report.checks.migrations.pending).toContain("20261123000000_init");
  });

  it("is unavailable with the reason when the database cannot be reached", async () => {
    const report = await checkHealth("postgresql://nobody@127.0.0.1:1/none");
    expect(report.status).toBe("unavailable");
    expect(report.checks.database).toMatchObject({ ok: false, problem: expect.stringMatching(/ECONNREFUSED/) });
  });
});
