import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit tests sit beside their code (*.test.ts); integration tests live in
// tests/integration and each gets its own database (tests/support/database.ts).
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["server/**/*.test.ts", "components/**/*.test.ts?(x)", "tests/integration/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: one worker per core; each integration file owns its database.
    maxWorkers: 2,
    server: { deps: { inline: ["server-only"] } },
    alias: { "server-only": fileURLToPath(new URL("./tests/support/server-only.ts", import.meta.url)) },
  },
});
