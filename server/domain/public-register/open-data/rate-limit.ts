/**
 * Per-client limits for anonymous requests, kept in PostgreSQL (PublicRateLimit) so that
 * a limit holds however many app instances serve the requests: one fixed window per key,
 * counted with a single UPSERT (atomic under concurrency), on the database's clock so
 * that instances with drifting clocks agree on the window.
 */
import type { Transaction } from "../../../db/client";

export interface RateLimitPolicy {
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window ends (at least 1): the Retry-After of a refusal. */
  resetSeconds: number;
}

/** The open API: 120 requests a minute per client address. */
export const OPEN_API_RATE_LIMIT: RateLimitPolicy = { limit: 120, windowSeconds: 60 };

/** Counts one request for `key` and says whether it is within the limit. */
export async function consumeRateLimit(tx: Transaction, key: string, policy: RateLimitPolicy): Promise<RateLimitResult> {
  const [row] = await tx.$queryRaw<{ count: number; resetSeconds: number }[]>`
    INSERT INTO "PublicRateLimit" ("key", "windowStartsAt", "count")
    VALUES (${key}, to_timestamp(floor(extract(epoch FROM clock_timestamp()) / ${policy.windowSeconds}::int) * ${policy.windowSeconds}::int), 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "PublicRateLimit"."windowStartsAt" = EXCLUDED."windowStartsAt" THEN "PublicRateLimit"."count" + 1 ELSE 1 END,
      "windowStartsAt" = EXCLUDED."windowStartsAt"
    RETURNING "count",
      greatest(1, ceil(extract(epoch FROM "windowStartsAt" + make_interval(secs => ${policy.windowSeconds}::double precision) - clock_timestamp())))::int AS "resetSeconds"`;
  const count = row!.count;
  return {
    allowed: count <= policy.limit,
    limit: policy.limit,
    remaining: Math.max(0, policy.limit - count),
    resetSeconds: row!.resetSeconds,
  };
}

/** Forgets windows that ended more than a day ago (run with the daily dump). */
export async function pruneRateLimits(tx: Transaction, prefix: string): Promise<number> {
  return tx.$executeRaw`DELETE FROM "PublicRateLimit" WHERE "key" LIKE ${`${prefix}%`} AND "windowStartsAt" < now() - interval '1 day'`;
}
