import { env } from "../env";
import { createPrismaClient, type PrismaClient } from "./client";

const globalForDb = globalThis as unknown as { tillitDb?: PrismaClient };

/**
 * The app's database client, created on first use from DATABASE_URL: the runtime login,
 * never the schema owner. `npm start` sets DATABASE_URL to it (README, "Database roles").
 */
export function database(): PrismaClient {
  if (!globalForDb.tillitDb) {
    const url = env().DATABASE_URL;
    if (!url) {
      throw new Error("DATABASE_URL is not set: start Tillit with `npm start`, which provides one.");
    }
    globalForDb.tillitDb = createPrismaClient(url);
  }
  return globalForDb.tillitDb;
}
