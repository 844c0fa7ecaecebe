import { getTranslations } from "next-intl/server";
import { loadOrNavigate } from "@/components/trpc/server";
import { api } from "@/server/api/caller";
import type { AuditEntityType } from "@/server/domain/audit/audit";
import { AuditTable } from "./audit-table";

/** Every recorded change to one record, newest first. */
export async function EntityHistory({
  organisationSlug,
  entityType,
  entityId,
  label,
  names = new Map(),
  headingLevel = 2,
}: {
  organisationSlug: string;
  entityType: AuditEntityType;
  entityId: string;
  /** How to name the record in the heading (e.g. the member's name). */
  label?: string;
  names?: Map<string, string>;
  headingLevel?: 1 | 2;
}) {
  const t = await getTranslations("Audit");
  const caller = await api();
  const { items } = await loadOrNavigate(
    () => caller.audit.forEntity({ organisationSlug, entityType, entityId }),
    `/${organisationSlug}/audit?entityType=${entityType}&entityId=${encodeURIComponent(entityId)}`,
  );
  const type = t(`entityTypes.${entityType}`);
  const heading = t("historyHeading", { type, name: label ?? entityId });
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <section aria-labelledby="entity-history-heading">
      <Heading
        id="entity-history-heading"
        className={headingLevel === 1 ? "text-3xl font-bold text-brand-900" : "text-xl font-semibold text-brand-900"}
      >
        {heading}
      </Heading>
      <div className="mt-4">
        {items.length === 0 ? (
          <p className="text-muted">{t("historyEmpty")}</p>
        ) : (
          <AuditTable
            organisationSlug={organisationSlug}
            events={items}
            caption={t("historyCaption", { count: items.length })}
            names={names}
            linkToHistory={false}
          />
        )}
      </div>
    </section>
  );
}
