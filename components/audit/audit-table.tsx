import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { RouterOutputs } from "@/components/trpc/types";
import { dateTimeFormat } from "@/components/ui/format";
import { RowHeader, Table, Td, Th, Tr } from "@/components/ui/table";
import { auditHref } from "./query";
import { ChangeList } from "./change-list";

export type AuditEvent = RouterOutputs["audit"]["list"]["items"][number];

/** Audit events, newest first: when, who, what, on which record, and the changed fields. */
export async function AuditTable({
  organisationSlug,
  events,
  caption,
  names,
  linkToHistory = true,
}: {
  organisationSlug: string;
  events: AuditEvent[];
  caption: string;
  /** Display names of users by id, for membership and user records. */
  names: Map<string, string>;
  linkToHistory?: boolean;
}) {
  const t = await getTranslations("Audit");
  const format = await getFormatter();
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>{t("time")}</Th>
          <Th>{t("actor")}</Th>
          <Th>{t("action")}</Th>
          <Th>{t("entity")}</Th>
          <Th>{t("changes")}</Th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => {
          const entityType = t.has(`entityTypes.${event.entityType}`) ? t(`entityTypes.${event.entityType}`) : event.entityType;
          const entityName = names.get(event.entityId);
          return (
            <Tr key={event.id}>
              <RowHeader className="whitespace-nowrap font-normal">
                <time dateTime={event.createdAt.toISOString()}>{format.dateTime(event.createdAt, dateTimeFormat)}</time>
              </RowHeader>
              <Td className="break-words">{event.actorLabel}</Td>
              <Td>{t.has(`actions.${event.action}`) ? t(`actions.${event.action}`) : event.action}</Td>
              <Td>
                <span className="block">{entityType}</span>
                {entityName ? <span className="block">{entityName}</span> : null}
                {linkToHistory ? (
                  <Link
                    href={auditHref(organisationSlug, { entityType: event.entityType, entityId: event.entityId })}
                    className="text-brand-700 underline"
                  >
                    {t("recordHistory")}
                    <span className="sr-only"> {t("forRecord", { type: entityType, name: entityName ?? event.entityId })}</span>
                  </Link>
                ) : null}
              </Td>
              <Td>
                <ChangeList changes={event.changes} names={names} />
              </Td>
            </Tr>
          );
        })}
      </tbody>
    </Table>
  );
}
