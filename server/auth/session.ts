import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { authOptions } from "./options";

/**
 * The signed-in user's id from the session cookie, or null for an anonymous request or a
 * session that has ended. The one session lookup of the app: the tRPC endpoint, the
 * server-side caller and the pages all use it, and next-auth's jwt callback checks the
 * session's row on each call (server/auth/sessions.ts). Cached per server render, since a
 * page asks more than once.
 */
export const getSessionUserId = cache(async (): Promise<string | null> => {
  const session = await getServerSession(authOptions);
  return session?.user.id ?? null;
});
