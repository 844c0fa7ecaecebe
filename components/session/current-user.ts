import "server-only";

import { cache } from "react";
import { isTRPCErrorCode } from "@/components/trpc/server";
import { api } from "@/server/api/caller";
import { getSessionUserId } from "@/server/auth/session";

/** The signed-in user and their organisations, once per request; null when signed out. */
export const currentUser = cache(async () => {
  if ((await getSessionUserId()) === null) return null;
  const caller = await api();
  try {
    const [profile, memberships] = await Promise.all([caller.me.profile(), caller.me.memberships()]);
    return { profile, memberships };
  } catch (error) {
    // A session whose user no longer exists counts as signed out.
    if (isTRPCErrorCode(error, "UNAUTHORIZED")) return null;
    throw error;
  }
});

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof currentUser>>>;
