/**
 * Fixed-window rate limits for anonymous requests, kept in PostgreSQL (PublicRateLimit) so
 * a limit holds however many app instances serve the requests. One upsert per request:
 * concurrent requests for the same key serialise on its row.
 */
import type { Transaction } from "../../db/client";

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the window resets (for Retry-After). */
  retryAfterSeconds: number;
}

/** Counts one request against `key` and says whether it is within the limit. */
export async function hitRateLimit(tx: Transaction, key: string, rule: RateLimitRule, now: Date = new Date()): Promise<RateLimitResult> {
  const [row] = await tx.$queryRaw<{ count: number; windowStartsAt: Date }[]>`
    INSERT INTO "PublicRateLimit" ("key", "windowStartsAt", "count") VALUES (${key}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "PublicRateLimit"."windowStartsAt" <= ${now}::timestamptz - make_interval(secs => ${rule.windowSeconds})
                     THEN 1 ELSE "PublicRateLimit"."count" + 1 END,
      "windowStartsAt" = CASE WHEN "PublicRateLimit"."windowStartsAt" <= ${now}::timestamptz - make_interval(secs => ${rule.windowSeconds})
                              THEN ${now}::timestamptz ELSE "PublicRateLimit"."windowStartsAt" END
    RETURNING "count", "windowStartsAt"`;
  if (!row) return { allowed: true, retryAfterSeconds: 0 };
  const resetsAt = row.windowStartsAt.getTime() + rule.windowSeconds * 1000;
  return { allowed: row.count <= rule.limit, retryAfterSeconds: Math.max(1, Math.ceil((resetsAt - now.getTime()) / 1000)) };
}
