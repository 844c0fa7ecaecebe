import * as routes from "@/server/api/open-data-routes";
import { preflightResponse } from "@/server/api/open-data";
import { database } from "@/server/db";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 description, generated from the schemas the API validates and answers with. */
export function GET(request: Request) {
  return routes.openApiDescription(request, { db: database() });
}
export { GET as HEAD };
export const OPTIONS = preflightResponse;
