import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { RouterOutputs } from "@/components/trpc/types";
import { dateFormat, dateTimeFormat } from "@/components/ui/format";
import { asLocale, fieldLabelKeys } from "@/components/use-cases/fields";
import { formatValue } from "./format-value";

type HistoryEvent = RouterOutputs["useCases"]["history"]["items"][number];

/** The use case's audit events as a timeline, newest first: who, when, and each field's change. */
export async function UseCaseHistory({ events }: { events: HistoryEvent[] }) {
  const t = await getTranslations("UseCases");
  const format = await getFormatter();
  const locale = asLocale(await getLocale());
  const words = {
    empty: t("history.empty"),
    yes: t("yes"),
    no: t("no"),
    date: (value: Date) => format.dateTime(value, dateFormat),
  };
  const fieldLabel = (field: string) => (fieldLabelKeys.has(field) ? t(`fields.${field}`) : field);
  const actionLabel = (action: string) => {
    const key = action.replace(/^useCase\./, "");
    return t.has(`history.actions.${key}`) ? t(`history.actions.${key}`) : action;
  };

  if (events.length === 0) return <p>{t("history.none")}</p>;
  return (
    <ol className="flex flex-col gap-4 border-l-2 border-gray-300 pl-4">
      {events.map((event) => {
        const changes = Object.entries(event.changes ?? {});
        return (
          <li key={event.id} className="break-inside-avoid-page">
            <p>
              <span className="font-semibold">{actionLabel(event.action)}</span>{" "}
              {t("history.byWhen", {
                who: event.actorLabel,
                when: format.dateTime(new Date(event.createdAt), dateTimeFormat),
              })}
            </p>
            {changes.length > 0 ? (
              <ul className="mt-1 flex flex-col gap-1 text-sm">
                {changes.map(([field, change]) => (
                  <li key={field}>
                    <span className="font-medium">{fieldLabel(field)}:</span> <span className="sr-only">{t("history.before")} </span>
                    <span className="break-words">{formatValue(field, change.before, locale, words)}</span> <span aria-hidden="true">→</span>
                    <span className="sr-only"> {t("history.after")}</span>{" "}
                    <span className="break-words">{formatValue(field, change.after, locale, words)}</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
