import * as routes from "@/server/api/open-data-routes";
import { preflightResponse } from "@/server/api/open-data";
import { database } from "@/server/db";

export const dynamic = "force-dynamic";

/** One published use case with its versions (410 when retracted). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return routes.useCase(request, { db: database() }, (await params).id);
}
export { GET as HEAD };
export const OPTIONS = preflightResponse;
