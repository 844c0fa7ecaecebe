import * as routes from "@/server/api/open-data-routes";
import { preflightResponse } from "@/server/api/open-data";
import { database } from "@/server/db";

export const dynamic = "force-dynamic";

/** Organisations and how much each has published. See /api/open/v1/openapi.json. */
export function GET(request: Request) {
  return routes.organisations(request, { db: database() });
}
export { GET as HEAD };
export const OPTIONS = preflightResponse;
