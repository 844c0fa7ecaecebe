import * as routes from "@/server/api/open-data-routes";
import { preflightResponse } from "@/server/api/open-data";
import { database } from "@/server/db";

export const dynamic = "force-dynamic";

/** The current version as uk-atrs.json, nl-algoritmeregister.json or us-inventory.json. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; format: string }> }) {
  const { id, format } = await params;
  return routes.useCaseAs(request, { db: database() }, id, format);
}
export { GET as HEAD };
export const OPTIONS = preflightResponse;
