import { breakdownDimensions, type FigureInput, type OversightFilters, oversightFilters } from "@/server/domain/overview/oversight";
import { z } from "zod";

export type SearchParams = Record<string, string | string[] | undefined>;

const first = (searchParams: SearchParams, key: string): string | undefined => {
  const value = searchParams[key];
  const single = Array.isArray(value) ? value[0] : value;
  return single === "" ? undefined : single;
};

/** The overview's filters from the URL; a malformed value is ignored, never an error page. */
export function parseOversightQuery(searchParams: SearchParams): OversightFilters {
  const shape = oversightFilters.shape;
  const read = <T extends z.ZodType>(schema: T, value: unknown): z.output<T> | undefined => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  };
  const filters: OversightFilters = {};
  const kind = read(shape.kind, first(searchParams, "kind"));
  const sector = read(shape.sector, first(searchParams, "sector"));
  const organisation = read(shape.organisation, first(searchParams, "organisation"));
  if (kind) filters.kind = kind;
  if (sector) filters.sector = sector;
  if (organisation) filters.organisation = organisation;
  return filters;
}

const figureParams = z.object({ dimension: z.enum([...breakdownDimensions, "all"]), value: z.string().trim().min(1).max(60) });

/** The figure a drill-down is about, or null. */
export function parseFigureQuery(searchParams: SearchParams): Omit<FigureInput, "filters"> | null {
  const parsed = figureParams.safeParse({ dimension: first(searchParams, "dimension"), value: first(searchParams, "value") });
  return parsed.success ? parsed.data : null;
}

export function oversightSearch(filters: OversightFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filters.kind) params.set("kind", filters.kind);
  if (filters.sector) params.set("sector", filters.sector);
  if (filters.organisation) params.set("organisation", filters.organisation);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

export function oversightHref(filters: OversightFilters): string {
  const search = oversightSearch(filters);
  return `/oversight${search ? `?${search}` : ""}`;
}

export function figureHref(filters: OversightFilters, figure: { dimension: string; value: string }): string {
  return `/oversight/figure?${oversightSearch(filters, figure)}`;
}

export function exportHref(filters: OversightFilters, table: string, format: "csv" | "xlsx", figure?: { dimension: string; value: string }): string {
  return `/api/oversight/tables/${table}?${oversightSearch(filters, { format, ...(figure ?? {}) })}`;
}
