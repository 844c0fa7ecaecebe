import { getFormatter, getTranslations } from "next-intl/server";
import { dateTimeFormat } from "@/components/ui/format";

type Changes = Record<string, { before: unknown; after: unknown }>;

/** Fields that hold a user's id: shown by name when the user is known. */
const userFields = new Set(["userId", "acceptedById"]);

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The changed fields of an audit event: field, the value before, and the value after. */
export async function ChangeList({ changes, names }: { changes: Changes; names: Map<string, string> }) {
  const t = await getTranslations("Audit");
  const roles = await getTranslations("Roles");
  const kinds = await getTranslations("OrganisationKind");
  const sectors = await getTranslations("Sector");
  const format = await getFormatter();

  function label(field: string): string {
    return t.has(`fields.${field}`) ? t(`fields.${field}`) : field;
  }

  function value(field: string, raw: unknown): string {
    if (raw === null || raw === undefined || raw === "") return t("emptyValue");
    if (typeof raw === "boolean") return raw ? t("yes") : t("no");
    if (typeof raw === "string") {
      if (field === "role" && roles.has(raw)) return roles(raw);
      if (userFields.has(field) && names.has(raw)) return names.get(raw) ?? raw;
      if (field === "kind" && kinds.has(raw)) return kinds(raw);
      if (field === "sector" && sectors.has(raw)) return sectors(raw);
      if (isoDateTime.test(raw)) return format.dateTime(new Date(raw), dateTimeFormat);
      return raw;
    }
    if (raw instanceof Date) return format.dateTime(raw, dateTimeFormat);
    if (typeof raw === "number") return format.number(raw);
    return JSON.stringify(raw);
  }

  const entries = Object.entries(changes);
  if (entries.length === 0) return <span className="text-muted">{t("noFieldChanges")}</span>;
  return (
    <ul className="flex flex-col gap-1">
      {entries.map(([field, change]) => (
        <li key={field}>
          <span className="font-medium">{label(field)}:</span> <span className="sr-only">{t("beforeWord")} </span>
          <span className="break-all">{value(field, change.before)}</span> <span aria-hidden="true">→</span>
          <span className="sr-only"> {t("afterWord")}</span> <span className="break-all">{value(field, change.after)}</span>
        </li>
      ))}
    </ul>
  );
}
