/**
 * `npm test`: the whole suite in one command, in the order that fails fastest:
 * typecheck, lint, vitest (unit + integration against PostgreSQL), next build,
 * Playwright e2e against the built app. Stops at the first failing step.
 *
 * Integration and e2e tests use DATABASE_URL when it is set (each test file or
 * run gets its own fresh database on that server), else an embedded PostgreSQL.
 */
import { spawnSync } from "node:child_process";

interface Step {
  name: string;
  command: string;
  args: string[];
}

const steps: Step[] = [
  { name: "typecheck", command: "npx", args: ["next", "typegen"] },
  { name: "typecheck", command: "npx", args: ["tsc", "--noEmit"] },
  { name: "lint", command: "npx", args: ["eslint", "--max-warnings=0", "."] },
  { name: "unit and integration tests", command: "npx", args: ["vitest", "run"] },
  { name: "build", command: "npx", args: ["next", "build"] },
  { name: "end-to-end tests", command: "npx", args: ["playwright", "test"] },
];

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
let passed = 0;
for (const step of steps) {
  const started = Date.now();
  console.log(`\n▶ ${step.name}: ${step.command} ${step.args.join(" ")}`);
  const result = spawnSync(step.command, step.args, { stdio: "inherit", env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${step.name} failed after ${seconds}s`);
    console.log(`steps: ${passed} passed, 1 failed`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${step.name} (${seconds}s)`);
  passed += 1;
}
console.log(`steps: ${passed} passed, 0 failed`);
