import { z } from "zod";
import { api } from "@/server/api/caller";
import { fileResponse, problemResponse, queryObject, refusedCallResponse, requestLocale, todayInSweden } from "@/server/api/downloads";
import { exportUseCases } from "@/server/domain/use-cases/export";
import { useCaseListFilters } from "@/server/domain/use-cases/schemas";

export const dynamic = "force-dynamic";

const exportFormat = z.enum(["csv", "xlsx", "json"]).default("csv");

/** The register as a file: `?format=csv|xlsx|json` and the list's filters, through the same guard as the API. */
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const query = new URL(request.url).searchParams;
  const format = exportFormat.safeParse(query.get("format") ?? undefined);
  const filters = useCaseListFilters.safeParse(queryObject(query, ["format"]));
  if (!format.success || !filters.success) return problemResponse(400, "Unknown format or filter in the address.");
  try {
    const caller = await api();
    const records = await caller.useCaseFiles.exportRecords({ organisationSlug: org, filters: filters.data });
    const file = await exportUseCases(records, format.data, await requestLocale());
    return fileResponse(file.bytes, file.contentType, `ai-register-${org}-${todayInSweden()}.${file.extension}`);
  } catch (error) {
    return refusedCallResponse(error);
  }
}
