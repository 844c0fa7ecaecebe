import { z } from "zod";
import { calendarDate, pageCursor, text } from "@/server/domain/schema-parts";
import { auditEntityType } from "@/server/domain/audit/audit";
import { timeZone } from "@/components/ui/format";

/** A query-string value: one string, blank counts as absent. */
const param = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => {
    const single = Array.isArray(value) ? value[0] : value;
    return single === "" ? undefined : single;
  }, schema.optional()).catch(undefined);

const isoDate = calendarDate();

/** The audit log's view as the URL carries it; anything malformed is ignored, not an error. */
export const auditQuery = z.object({
  entityType: param(auditEntityType),
  entityId: param(text().max(100)),
  actorId: param(z.uuid()),
  from: param(isoDate),
  to: param(isoDate),
  cursor: param(pageCursor()),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export type SearchParams = Record<string, string | string[] | undefined>;

export function parseAuditQuery(searchParams: SearchParams): AuditQuery {
  return auditQuery.parse(searchParams);
}

/** The query string for a view of the log (without the cursor unless given). */
const queryKeys = ["entityType", "entityId", "actorId", "from", "to", "cursor"] as const satisfies readonly (keyof AuditQuery)[];

export function auditHref(organisationSlug: string, query: Partial<Record<(typeof queryKeys)[number], string>>): string {
  const params = new URLSearchParams();
  for (const key of queryKeys) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  const search = params.toString();
  return `/${organisationSlug}/audit${search ? `?${search}` : ""}`;
}

/** Milliseconds to add to UTC to get Stockholm's wall-clock time at that instant. */
function stockholmOffset(instant: Date): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(instant)
    .find((part) => part.type === "timeZoneName")?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? "");
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return (match[1] === "-" ? -1 : 1) * minutes * 60_000;
}

/** The instant a calendar day (YYYY-MM-DD) begins in Stockholm. */
export function startOfDay(day: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  return new Date(utcMidnight.getTime() - stockholmOffset(utcMidnight));
}

/** The last instant of a calendar day in Stockholm (the "to" date is inclusive). */
export function endOfDay(day: string): Date {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const nextDay = next.toISOString().slice(0, 10);
  return new Date(startOfDay(nextDay).getTime() - 1);
}

/** The audit.list filters for a view: calendar days become Stockholm's day boundaries. */
export function auditListFilters(query: AuditQuery) {
  return {
    entityType: query.entityType,
    actorId: query.actorId,
    from: query.from ? startOfDay(query.from) : undefined,
    to: query.to ? endOfDay(query.to) : undefined,
    cursor: query.cursor,
  };
}
