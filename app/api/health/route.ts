import { env } from "@/server/env";
import { checkHealth } from "@/server/health";

export const dynamic = "force-dynamic";

/** For load balancers and operators: 200 when the app can serve, 503 with reasons when not. */
export async function GET() {
  const report = await checkHealth(env().DATABASE_URL);
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
