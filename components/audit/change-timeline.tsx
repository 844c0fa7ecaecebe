import type { ReactNode } from "react";
import type { FieldChanges } from "@/server/domain/audit/audit";

interface TimelineEvent {
  id: string;
  action: string;
  changes: FieldChanges | null;
}

/**
 * A record's audit events, newest first: what happened, who and when, and each changed
 * field before → after (the words "before"/"after" for screen readers). The caller says how
 * actions, fields and values read in its area.
 */
export function ChangeTimeline<E extends TimelineEvent>({
  events,
  hidden,
  actionLabel,
  byWhen,
  fieldLabel,
  value,
  words,
}: {
  events: E[];
  /** Fields that only link records together: not shown. */
  hidden: ReadonlySet<string>;
  actionLabel: (action: string) => string;
  byWhen: (event: E) => string;
  fieldLabel: (field: string) => string;
  value: (field: string, raw: unknown) => ReactNode;
  words: { before: string; after: string };
}) {
  return (
    <ol className="flex flex-col gap-4 border-l-2 border-gray-300 pl-4">
      {events.map((event) => {
        const changes = Object.entries(event.changes ?? {}).filter(([field]) => !hidden.has(field));
        return (
          <li key={event.id} className="break-inside-avoid-page">
            <p>
              <span className="font-semibold">{actionLabel(event.action)}</span> {byWhen(event)}
            </p>
            {changes.length > 0 ? (
              <ul className="mt-1 flex flex-col gap-1 text-sm">
                {changes.map(([field, change]) => (
                  <li key={field}>
                    <span className="font-medium">{fieldLabel(field)}:</span> <span className="sr-only">{words.before} </span>
                    <span className="break-words">{value(field, change.before)}</span> <span aria-hidden="true">→</span>
                    <span className="sr-only"> {words.after}</span>{" "}
                    <span className="break-words whitespace-pre-line">{value(field, change.after)}</span>
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
