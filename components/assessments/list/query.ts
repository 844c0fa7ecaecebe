import { z } from "zod";
import { pageCursor } from "@/server/domain/schema-parts";
import { assessmentListFilters, assessmentStatus, type AssessmentListFilters } from "@/server/domain/assessments/schemas";
import { templateKind as templateKindSchema } from "@/server/domain/assessments/template-definition";

export type SearchParams = Record<string, string | string[] | undefined>;

/** The assessment list's view as the URL carries it: filters and the page cursor. */
export interface AssessmentQuery {
  filters: AssessmentListFilters;
  cursor: string | undefined;
}

const cursorParam = pageCursor();
const dayCount = z.coerce.number().int().min(0).max(366);

function values(searchParams: SearchParams, key: string): string[] {
  const value = searchParams[key];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((entry) => entry !== "");
}

/** Reads the query string with the list's own schema; a malformed value is ignored, never an error page. */
export function parseAssessmentQuery(searchParams: SearchParams): AssessmentQuery {
  const shape = assessmentListFilters.shape;
  const read = <T extends z.ZodType, F = z.output<T>>(schema: T, value: unknown, fallback: F): z.output<T> | F => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : fallback;
  };
  const first = (key: string) => values(searchParams, key)[0];
  const status = values(searchParams, "status").filter((value) => assessmentStatus.safeParse(value).success);
  const templateKind = values(searchParams, "templateKind").filter((value) => templateKindSchema.safeParse(value).success);
  const reviewWithin = first("reviewWithinDays");
  const filters: AssessmentListFilters = {
    status: read(shape.status, [...new Set(status)], []),
    templateKind: read(shape.templateKind, [...new Set(templateKind)], []),
    overdue: first("overdue") === "true" ? true : undefined,
    reviewWithinDays: reviewWithin === undefined ? undefined : read(dayCount, reviewWithin, undefined),
    ownerId: read(shape.ownerId, first("ownerId"), undefined),
    businessArea: read(shape.businessArea, first("businessArea")?.trim() || undefined, undefined),
    useCaseId: read(shape.useCaseId, first("useCaseId"), undefined),
  };
  const cursor = cursorParam.safeParse(first("cursor"));
  return { filters, cursor: cursor.success ? cursor.data : undefined };
}

/** The query string of a view of the list (filters kept; a cursor only when given). */
export function assessmentSearch(filters: Partial<AssessmentListFilters>, cursor?: string): string {
  const params = new URLSearchParams();
  for (const value of filters.status ?? []) params.append("status", value);
  for (const value of filters.templateKind ?? []) params.append("templateKind", value);
  if (filters.overdue) params.set("overdue", "true");
  if (filters.reviewWithinDays !== undefined) params.set("reviewWithinDays", String(filters.reviewWithinDays));
  if (filters.ownerId) params.set("ownerId", filters.ownerId);
  if (filters.businessArea) params.set("businessArea", filters.businessArea);
  if (filters.useCaseId) params.set("useCaseId", filters.useCaseId);
  if (cursor) params.set("cursor", cursor);
  return params.toString();
}

export function assessmentsHref(organisationSlug: string, filters: Partial<AssessmentListFilters> = {}, cursor?: string): string {
  const search = assessmentSearch(filters, cursor);
  return `/${organisationSlug}/assessments${search ? `?${search}` : ""}`;
}

export function hasAssessmentFilters(filters: AssessmentListFilters): boolean {
  return Boolean(
    filters.status.length > 0 ||
      filters.templateKind.length > 0 ||
      filters.overdue ||
      filters.reviewWithinDays !== undefined ||
      filters.ownerId ||
      filters.businessArea ||
      filters.useCaseId,
  );
}

/** A calendar day (YYYY-MM-DD) as a Date at noon UTC, so that formatting in Stockholm keeps the day. */
export function dayAsDate(day: string): Date {
  return new Date(`${day}T12:00:00.000Z`);
}
