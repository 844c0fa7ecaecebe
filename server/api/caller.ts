import "server-only";

import { headers } from "next/headers";
import { cache } from "react";
import { getSessionUserId } from "../auth/session";
import { createCaller } from "./root";
import { createContext } from "./trpc";

/** The server-side tRPC caller for server components: same procedures, same guards. */
export const api = cache(async () => {
  const requestHeaders = new Headers(await headers());
  requestHeaders.set("x-trpc-source", "rsc");
  return createCaller(await createContext({ headers: requestHeaders, userId: await getSessionUserId() }));
});
