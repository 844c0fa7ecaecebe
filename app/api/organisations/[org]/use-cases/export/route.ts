import { z } from "zod";
import { api } from "@/server/api/caller";
import { chunkStream, fileResponse, problemResponse, queryObject, refusedCallResponse, requestLocale, todayInSweden } from "@/server/api/downloads";
import { type ExportBatch, type ExportRecord, exportChunks, exportContentTypes, exportUseCases } from "@/server/domain/use-cases/export";
import { useCaseListFilters } from "@/server/domain/use-cases/schemas";

export const dynamic = "force-dynamic";

const exportFormat = z.enum(["csv", "xlsx", "json"]).default("csv");

/**
 * The register as a file: `?format=csv|xlsx|json` and the list's filters, through the same guard
 * as the API. The records are read in batches (`useCaseFiles.exportBatch`, each its own short
 * scoped transaction); CSV and JSON are streamed batch by batch, XLSX is built from the batches.
 * The first batch is read before the answer starts, so a refusal keeps its status.
 */
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const query = new URL(request.url).searchParams;
  const format = exportFormat.safeParse(query.get("format") ?? undefined);
  const filters = useCaseListFilters.safeParse(queryObject(query, ["format"]));
  if (!format.success || !filters.success) return problemResponse(400, "Unknown format or filter in the address.");
  try {
    const caller = await api();
    const locale = await requestLocale();
    const read = (cursor?: string) => caller.useCaseFiles.exportBatch({ organisationSlug: org, filters: filters.data, cursor });
    const first = await read();
    async function* batches(): AsyncGenerator<ExportRecord[]> {
      let batch: ExportBatch = first;
      yield batch.records;
      while (batch.nextCursor) {
        batch = await read(batch.nextCursor);
        yield batch.records;
      }
    }
    const fileName = `ai-register-${org}-${todayInSweden()}.${format.data}`;
    if (format.data === "xlsx") {
      const records: ExportRecord[] = [];
      for await (const batch of batches()) records.push(...batch);
      const file = await exportUseCases(records, "xlsx", locale);
      return fileResponse(file.bytes, file.contentType, fileName);
    }
    return fileResponse(chunkStream(exportChunks(batches(), format.data, locale)), exportContentTypes[format.data], fileName);
  } catch (error) {
    return refusedCallResponse(error);
  }
}
