import * as routes from "@/server/api/open-data-routes";
import { preflightResponse } from "@/server/api/open-data";
import { database } from "@/server/db";

export const dynamic = "force-dynamic";

/** Everything published now, streamed. */
export function GET(request: Request) {
  return routes.dump(request, { db: database() }, "csv");
}
export const OPTIONS = preflightResponse;
