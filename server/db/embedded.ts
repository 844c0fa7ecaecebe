import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/**
 * An embedded PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) served on
 * 127.0.0.1 by pglite-socket, so that the app and its tools connect through `pg`
 * exactly as they would to a server. Single-writer: for a fresh machine and for
 * local tests, not for production.
 *
 * All connections share one backend session, so nothing may rely on session state:
 * the app sets its role and organisation with SET LOCAL inside each transaction.
 */
export interface EmbeddedPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: {
  /** Data directory; omit for an in-memory database (tests). */
  dataDir?: string;
  port?: number;
  /**
   * The role the shared session runs as (default: the superuser `postgres`). PGlite puts
   * it in place with SET ROLE on a superuser session, so it is what every query runs as,
   * but `RESET ROLE` returns to the superuser: a default, not a boundary.
   */
  username?: string;
}): Promise<EmbeddedPostgres> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.username ? { username: options.username } : {}),
  });
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: options.port ?? 0,
    maxConnections: 64,
  });
  await server.start();
  const address = (server as unknown as { server: import("node:net").Server }).server.address();
  if (!address || typeof address === "string") {
    throw new Error("embedded PostgreSQL did not report its port");
  }
  let stopped = false;
  return {
    url: `postgresql://${options.username ?? "postgres"}@127.0.0.1:${address.port}/postgres?sslmode=disable`,
    port: address.port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
    },
  };
}
