/** Whole kronor as people read them: "900 000" (the same grouping in both languages). */
export { formatSek } from "@/server/domain/procurement/rules";

/** A YYYY-MM-DD day as a Date at noon UTC, so that formatting in Stockholm keeps the day. */
export function dayDate(day: string): Date {
  return new Date(`${day}T12:00:00.000Z`);
}
