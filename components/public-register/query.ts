import { z } from "zod";
import { publicRegisterFilters, type PublicRegisterFilters } from "@/server/domain/public-register/schemas";

export type SearchParams = Record<string, string | string[] | undefined>;

export const publicListKeys = ["organisation", "organisationKind", "sector", "lifecycleStage", "riskClass", "technique"] as const;
export type PublicListKey = (typeof publicListKeys)[number];

const cursorParam = z.string().min(1).max(500);

/** The public register's view from its URL; a malformed value is ignored, never an error page. */
export function parsePublicQuery(searchParams: SearchParams): { filters: PublicRegisterFilters; cursor: string | undefined } {
  const shape = publicRegisterFilters.shape;
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
  const filters: PublicRegisterFilters = {
    q: read(shape.q, raw("q", false), undefined),
    organisation: read(shape.organisation, raw("organisation", true), []),
    organisationKind: read(shape.organisationKind, raw("organisationKind", true), []),
    sector: read(shape.sector, raw("sector", true), []),
    lifecycleStage: read(shape.lifecycleStage, raw("lifecycleStage", true), []),
    riskClass: read(shape.riskClass, raw("riskClass", true), []),
    technique: read(shape.technique, raw("technique", true), []),
    generativeAi: read(shape.generativeAi, raw("generativeAi", false), undefined),
    personalData: read(shape.personalData, raw("personalData", false), undefined),
    updatedSince: undefined,
    sort: read(shape.sort, raw("sort", false), "newest"),
  };
  if (!filters.q && filters.sort === "relevance") filters.sort = "newest";
  const cursor = cursorParam.safeParse(Array.isArray(searchParams.cursor) ? searchParams.cursor[0] : searchParams.cursor);
  return { filters, cursor: cursor.success ? cursor.data : undefined };
}

export function publicRegisterHref(filters: PublicRegisterFilters, cursor?: string): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  for (const key of publicListKeys) for (const value of filters[key]) params.append(key, value);
  if (filters.generativeAi !== undefined) params.set("generativeAi", String(filters.generativeAi));
  if (filters.personalData !== undefined) params.set("personalData", String(filters.personalData));
  if (filters.sort !== "newest") params.set("sort", filters.sort);
  if (cursor) params.set("cursor", cursor);
  const search = params.toString();
  return `/register${search ? `?${search}` : ""}`;
}
