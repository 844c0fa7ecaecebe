import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type { PrismaClient };
export type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** One Prisma client per database URL, on the `pg` driver adapter (no native engine). */
export function createPrismaClient(connectionString: string, options: { max?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: options.max ?? 10 });
  return new PrismaClient({ adapter });
}
