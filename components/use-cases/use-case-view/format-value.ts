import type { Locale } from "@/server/i18n/config";
import { dateFields, enumLabel } from "@/components/use-cases/fields";

export interface ValueWords {
  empty: string;
  yes: string;
  no: string;
  /** A calendar day or an instant, formatted for the reader. */
  date: (value: Date) => string;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * One field's value in words: enumerations by their labels, booleans as yes/no, dates
 * formatted, lists joined. Used by the overview and the history.
 */
export function formatValue(field: string, raw: unknown, locale: Locale, words: ValueWords): string {
  if (raw === null || raw === undefined || raw === "") return words.empty;
  if (typeof raw === "boolean") return raw ? words.yes : words.no;
  if (raw instanceof Date) return words.date(raw);
  if (typeof raw === "string") {
    if (dateFields.has(field) && (isoDay.test(raw) || !Number.isNaN(Date.parse(raw)))) return words.date(new Date(raw));
    if (isoDateTime.test(raw)) return words.date(new Date(raw));
    return enumLabel(field, raw, locale);
  }
  if (typeof raw === "number") return String(raw);
  if (Array.isArray(raw)) {
    if (raw.length === 0) return words.empty;
    return raw
      .map((item: unknown) => {
        if (typeof item === "string") return enumLabel(field, item, locale);
        if (item && typeof item === "object" && "title" in item && "url" in item) return `${String(item.title)} (${String(item.url)})`;
        return JSON.stringify(item);
      })
      .join(", ");
  }
  if (typeof raw === "object") {
    const entries = Object.entries(raw);
    if (entries.length === 0) return words.empty;
    return entries.map(([key, value]) => `${key}: ${String(value)}`).join("; ");
  }
  return String(raw);
}
