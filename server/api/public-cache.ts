/**
 * The public register's cache: public pages read through cachedPublic(), tagged
 * PUBLIC_REGISTER_TAG, and every publication or retraction expires the tag at once, so a
 * publication shows on the next request while unchanged pages are served from the cache.
 */
import { revalidateTag, unstable_cache } from "next/cache";
import superjson from "superjson";

export const PUBLIC_REGISTER_TAG = "public-register";
/** However quiet the register, cached pages are rebuilt at least this often (seconds). */
const MAX_AGE = 300;

/** Calls `load` through Next's data cache (dates and other values survive via superjson). */
export function cachedPublic<A extends unknown[], R>(key: string, load: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  const cached = unstable_cache(async (...args: A) => superjson.stringify(await load(...args)), ["public-register", key], {
    tags: [PUBLIC_REGISTER_TAG],
    revalidate: MAX_AGE,
  });
  return async (...args: A) => superjson.parse<R>(await cached(...args));
}

/**
 * Expires the public register's cached pages. Outside a Next.js request (integration
 * tests, the demo seed) there is no cache to expire, and Next refuses the call: that
 * refusal is the only error ignored here.
 */
export function expirePublicRegister(): void {
  try {
    revalidateTag(PUBLIC_REGISTER_TAG, { expire: 0 });
  } catch (error) {
    if (!(error instanceof Error) || !/static generation store|outside a request|Invariant/i.test(error.message)) throw error;
  }
}
