import * as routes from "@/server/api/open-data-routes";
import { preflightResponse } from "@/server/api/open-data";
import { database } from "@/server/db";

export const dynamic = "force-dynamic";

/** One published version of a use case. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; version: string }> }) {
  const { id, version } = await params;
  return routes.useCaseVersion(request, { db: database() }, id, version);
}
export { GET as HEAD };
export const OPTIONS = preflightResponse;
