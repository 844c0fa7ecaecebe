import * as routes from "@/server/api/open-data-routes";
import { preflightResponse } from "@/server/api/open-data";
import { database } from "@/server/db";

export const dynamic = "force-dynamic";

/** Published use cases: filters as the public register, keyset pages, updatedSince. */
export function GET(request: Request) {
  return routes.useCases(request, { db: database() });
}
export { GET as HEAD };
export const OPTIONS = preflightResponse;
