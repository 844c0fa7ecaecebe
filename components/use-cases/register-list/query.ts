import { z } from "zod";
import { useCaseListFilters, type UseCaseListFilters } from "@/server/domain/use-cases/schemas";

export type SearchParams = Record<string, string | string[] | undefined>;

/** The register's view as the URL carries it: filters, sort and the page cursor. */
export interface RegisterQuery {
  filters: UseCaseListFilters;
  cursor: string | undefined;
}

export const listKeys = ["lifecycleStage", "riskClass", "technique", "businessArea", "personalData"] as const;
export type ListKey = (typeof listKeys)[number];

const cursorParam = z.string().min(1).max(500);

/** Reads the query string; a malformed value is ignored, never an error page. */
export function parseRegisterQuery(searchParams: SearchParams): RegisterQuery {
  const shape = useCaseListFilters.shape;
  const raw = (key: string, multiple: boolean): unknown => {
    const value = searchParams[key];
    if (Array.isArray(value)) {
      const kept = value.filter((v) => v !== "");
      if (kept.length === 0) return undefined;
      return multiple ? kept : kept[0];
    }
    return value === "" ? undefined : value;
  };
  const read = <T extends z.ZodType>(schema: T, value: unknown, fallback: z.output<T>): z.output<T> => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : fallback;
  };
  const filters: UseCaseListFilters = {
    q: read(shape.q, raw("q", false), undefined),
    lifecycleStage: read(shape.lifecycleStage, raw("lifecycleStage", true), []),
    riskClass: read(shape.riskClass, raw("riskClass", true), []),
    technique: read(shape.technique, raw("technique", true), []),
    businessArea: read(shape.businessArea, raw("businessArea", true), []),
    personalData: read(shape.personalData, raw("personalData", true), []),
    published: read(shape.published, raw("published", false), undefined),
    supplier: read(shape.supplier, raw("supplier", false), undefined),
    assessmentGap: read(shape.assessmentGap, raw("assessmentGap", false), undefined),
    responsibilityGap: read(shape.responsibilityGap, raw("responsibilityGap", false), undefined),
    publication: read(shape.publication, raw("publication", false), undefined),
    archived: read(shape.archived, raw("archived", false), undefined),
    sort: read(shape.sort, raw("sort", false), "updated"),
  };
  if (!filters.q && filters.sort === "relevance") filters.sort = "updated";
  const cursor = cursorParam.safeParse(Array.isArray(searchParams.cursor) ? searchParams.cursor[0] : searchParams.cursor);
  return { filters, cursor: cursor.success ? cursor.data : undefined };
}

/** The query string of a view of the register (filters kept; a cursor only when given). */
export function registerSearch(filters: UseCaseListFilters, cursor?: string): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  for (const key of listKeys) for (const value of filters[key]) params.append(key, value);
  if (filters.published !== undefined) params.set("published", String(filters.published));
  if (filters.supplier) params.set("supplier", filters.supplier);
  if (filters.assessmentGap) params.set("assessmentGap", "true");
  if (filters.responsibilityGap) params.set("responsibilityGap", "true");
  if (filters.publication) params.set("publication", filters.publication);
  if (filters.archived) params.set("archived", "true");
  if (filters.sort !== "updated") params.set("sort", filters.sort);
  if (cursor) params.set("cursor", cursor);
  return params.toString();
}

export function registerHref(organisationSlug: string, filters: UseCaseListFilters, cursor?: string): string {
  const search = registerSearch(filters, cursor);
  return `/${organisationSlug}/register${search ? `?${search}` : ""}`;
}

export function hasFilters(filters: UseCaseListFilters): boolean {
  return Boolean(
    filters.q ||
      listKeys.some((key) => filters[key].length > 0) ||
      filters.published !== undefined ||
      filters.supplier ||
      filters.assessmentGap ||
      filters.responsibilityGap ||
      filters.publication ||
      filters.archived,
  );
}
