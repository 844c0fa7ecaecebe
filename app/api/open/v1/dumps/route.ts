import * as routes from "@/server/api/open-data-routes";
import { preflightResponse } from "@/server/api/open-data";
import { database } from "@/server/db";

export const dynamic = "force-dynamic";

/** The daily files kept. */
export function GET(request: Request) {
  return routes.dailyDumps(request, { db: database() });
}
export { GET as HEAD };
export const OPTIONS = preflightResponse;
