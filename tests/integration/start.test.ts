/**
 * `npm start` refuses bad configuration and an unreachable database with one line on
 * stderr and a non-zero exit code, before it starts anything. (Serving the app is
 * covered end to end by Playwright.)
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SECRET = "a-session-secret-that-is-long-enough-for-tests";
// Never the repository's own .data, should a case get as far as the embedded database.
const scratch = mkdtempSync(join(tmpdir(), "tillit-start-test-"));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Outcome {
  code: number | null;
  stderrLines: string[];
}

function start(variables: Record<string, string>): Promise<Outcome> {
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: "test",
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? scratch,
    EMBEDDED_DATABASE_DIR: join(scratch, "pglite"),
    NEXT_TELEMETRY_DISABLED: "1",
    ...variables,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/db/cli/start.ts"], { cwd: ROOT, env });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.stdout.resume();
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderrLines: stderr.trimEnd().split("\n").filter(Boolean) }));
  });
}

describe("npm start refuses to run, in one line", () => {
  it("when DATABASE_URL is not a URL", async () => {
    const outcome = await start({ DATABASE_URL: "not-a-url" });
    expect(outcome.code).not.toBe(0);
    expect(outcome.stderrLines).toHaveLength(1);
    expect(outcome.stderrLines[0]).toContain("DATABASE_URL");
  });

  it("when the database cannot be reached, without a stack trace", async () => {
    const outcome = await start({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/x", NEXTAUTH_SECRET: SECRET });
    expect(outcome.code).not.toBe(0);
    expect(outcome.stderrLines).toHaveLength(1);
    expect(outcome.stderrLines[0]).toContain("127.0.0.1:1");
    expect(outcome.stderrLines[0]).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it("when PORT is not a number", async () => {
    const outcome = await start({ PORT: "abc" });
    expect(outcome.code).not.toBe(0);
    expect(outcome.stderrLines).toHaveLength(1);
    expect(outcome.stderrLines[0]).toContain("PORT");
  });

  it("when it would serve a real database without a session secret", async () => {
    const outcome = await start({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/x" });
    expect(outcome.code).not.toBe(0);
    expect(outcome.stderrLines).toHaveLength(1);
    expect(outcome.stderrLines[0]).toContain("NEXTAUTH_SECRET");
  });
});

describe.skipIf(!process.env.DATABASE_URL)("npm start refuses a runtime login that could undo the isolation", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.close());

  it("when DATABASE_URL is the schema owner beside MIGRATION_DATABASE_URL", async () => {
    const outcome = await start({ DATABASE_URL: db.url, MIGRATION_DATABASE_URL: db.url, NEXTAUTH_SECRET: SECRET, SEED_DEMO_DATA: "never" });
    expect(outcome.code).not.toBe(0);
    expect(outcome.stderrLines).toHaveLength(1);
    expect(outcome.stderrLines[0]).toMatch(/DATABASE_URL logs in as "[^"]+", which .*owns the schema/);
  });
});
