import { z } from "zod";
import { api } from "@/server/api/caller";
import { fileResponse, problemResponse, queryObject, refusedCallResponse, requestLocale, todayInSweden } from "@/server/api/downloads";
import { figureInput, oversightFilters } from "@/server/domain/overview/oversight";
import { disclosedTable, oversightTables, tableFile, tableKeys } from "@/server/domain/overview/tables";

export const dynamic = "force-dynamic";

const query = z.object({
  format: z.enum(["csv", "xlsx"]).default("csv"),
  dimension: figureInput.shape.dimension.optional(),
  value: figureInput.shape.value.optional(),
});

/**
 * One table of DIGG's overview as a file, `?format=csv|xlsx` with the overview's filters, through
 * the same oversight procedures (and so the same guard) as the page: no second permission check.
 */
export async function GET(request: Request, { params }: { params: Promise<{ table: string }> }) {
  const { table } = await params;
  const search = new URL(request.url).searchParams;
  const key = z.enum(tableKeys).safeParse(table);
  const options = query.safeParse(queryObject(search, ["kind", "sector", "organisation"]));
  const filters = oversightFilters.safeParse(queryObject(search, ["format", "dimension", "value"]));
  if (!key.success || !options.success || !filters.success) return problemResponse(400, "Unknown table, format or filter in the address.");
  const { format, dimension, value } = options.data;
  const figure = dimension && value ? { dimension, value } : undefined;
  try {
    const caller = await api();
    const locale = await requestLocale();
    if (key.data === "useCases") {
      const rows = await caller.overview.disclosedUseCases({ filters: filters.data, figure });
      const file = await tableFile(disclosedTable(rows, locale), { asOf: new Date(), filters: filters.data, organisation: null }, format, locale);
      return fileResponse(file.bytes, file.contentType, `tillsyn-${key.data}-${todayInSweden()}.${file.extension}`);
    }
    const overview = await caller.overview.oversight({ filters: filters.data });
    const chosen = oversightTables(overview, locale).find((entry) => entry.key === key.data);
    if (!chosen) return problemResponse(404, "No such table.");
    const file = await tableFile(chosen, overview, format, locale);
    return fileResponse(file.bytes, file.contentType, `tillsyn-${key.data}-${todayInSweden()}.${file.extension}`);
  } catch (error) {
    return refusedCallResponse(error);
  }
}
