import * as routes from "@/server/api/open-data-routes";
import { preflightResponse } from "@/server/api/open-data";
import { database } from "@/server/db";

export const dynamic = "force-dynamic";

/** daily.csv, daily.jsonl or YYYY-MM-DD.csv|jsonl. */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  return routes.dailyDumpFile(request, { db: database() }, (await params).file);
}
export const OPTIONS = preflightResponse;
