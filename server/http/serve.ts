/**
 * Tillit's HTTP server: Next.js behind a plain Node server, run by `npm start` and
 * `npm run dev` (server/db/cli/start.ts) with PORT, HOSTNAME and TRUSTED_PROXIES from the
 * environment; `--dev` serves Next's development build.
 *
 * It exists for one thing Next cannot do itself: knowing which address a request came
 * from. Next copies a client's own X-Forwarded-For into the app unchanged, so a header
 * would let anyone pick the address their sign-in attempts count against. Here every
 * request gets CLIENT_ADDRESS_HEADER from the TCP connection (or from the hop that
 * TRUSTED_PROXIES names), replacing any such header the client sent.
 */
import { createServer, type IncomingMessage } from "node:http";
import { fileURLToPath } from "node:url";
import next from "next";
import { parseEnvOrExit } from "../env";
import { stampClientAddress } from "./client-address";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

async function main(): Promise<void> {
  const dev = process.argv.includes("--dev");
  const env = parseEnvOrExit();
  const app = next({ dev, dir: ROOT, hostname: env.HOSTNAME, port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((request, response) => {
    stampClientAddress(request, env.TRUSTED_PROXIES);
    handle(request, response).catch((error: unknown) => {
      console.error("tillit: request failed:", error);
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  if (dev) {
    const upgrade = app.getUpgradeHandler();
    server.on("upgrade", (request: IncomingMessage, socket, head) => {
      stampClientAddress(request, env.TRUSTED_PROXIES);
      void upgrade(request, socket, head);
    });
  }
  server.listen(env.PORT, env.HOSTNAME, () => {
    console.log(`tillit: listening on ${env.HOSTNAME}:${env.PORT}${env.TRUSTED_PROXIES ? ` behind ${env.TRUSTED_PROXIES} trusted proxies` : ""}`);
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      server.close();
      void app.close().finally(() => process.exit(0));
    });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(`tillit: the server could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
