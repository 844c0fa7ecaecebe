import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * The port the e2e server listens on. `E2E_PORT`, when given, must be free: a taken one
 * stops the run with one line naming it. Without it, 3100 if free, else any free port.
 * The choice is made once, in the runner, and passed to Playwright's workers through
 * the environment (they load this file again, while the server already listens).
 */
function chooseE2ePort(): number {
  if (process.env.TILLIT_E2E_PORT_CHOSEN) return Number(process.env.E2E_PORT);
  const requested = process.env.E2E_PORT;
  const probe = `
    const net = require("node:net");
    const server = net.createServer();
    server.once("error", () => {
      const any = net.createServer();
      any.listen(0, "127.0.0.1", () => { process.stdout.write("taken " + any.address().port); any.close(); });
    });
    server.listen(Number(process.env.PROBE_PORT), "127.0.0.1", () => { process.stdout.write("free " + process.env.PROBE_PORT); server.close(); });`;
  const [state, port] = execFileSync(process.execPath, ["-e", probe], {
    env: { ...process.env, PROBE_PORT: requested ?? "3100" },
    encoding: "utf8",
  }).split(" ");
  if (state === "taken" && requested) {
    throw new Error(`E2E_PORT ${requested} is already in use on 127.0.0.1: stop what listens there or choose another port.`);
  }
  process.env.E2E_PORT = port;
  process.env.TILLIT_E2E_PORT_CHOSEN = "1";
  return Number(port);
}

const port = chooseE2ePort();
const baseURL = `http://127.0.0.1:${port}`;

// Use the system Chromium when there is one (Debian's `chromium`, or CHROMIUM_PATH):
// nothing here may download a browser. Else Playwright's own, where installed.
const systemChromium = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  // Generous ceilings, never waits: a test waits on events (a URL, a heading, a response),
  // and these only bound how long a loaded machine may take to deliver them.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  use: {
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    baseURL,
    locale: "sv-SE",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: systemChromium ? { executablePath: systemChromium, args: chromiumArgs } : { args: chromiumArgs },
      },
    },
  ],
  webServer: {
    // A fresh database with demo data for every run (see tests/e2e/serve.ts).
    command: "npx tsx tests/e2e/serve.ts",
    url: `${baseURL}/api/health`,
    env: { E2E_PORT: String(port) },
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
