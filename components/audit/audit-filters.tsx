import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { inputClasses, selectClasses } from "@/components/ui/field";
import { auditEntityType } from "@/server/domain/audit/audit";
import type { AuditQuery } from "./query";

/**
 * The log's filters as a plain GET form: the view lives in the URL, so it can be
 * bookmarked and shared, and works without JavaScript.
 */
export async function AuditFilters({
  organisationSlug,
  query,
  actors,
}: {
  organisationSlug: string;
  query: AuditQuery;
  actors: { id: string; name: string }[];
}) {
  const t = await getTranslations("Audit");
  const selectedActorKnown = !query.actorId || actors.some((actor) => actor.id === query.actorId);
  return (
    <form method="get" action={`/${organisationSlug}/audit`} className="rounded border border-gray-300 bg-gray-50 p-4">
      <fieldset>
        <legend className="font-semibold text-brand-900">{t("filtersLegend")}</legend>
        <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <div className="flex flex-col gap-1">
            <label htmlFor="audit-entity-type" className="font-medium">
              {t("entityType")}
            </label>
            <select id="audit-entity-type" name="entityType" defaultValue={query.entityType ?? ""} className={selectClasses}>
              <option value="">{t("allEntityTypes")}</option>
              {auditEntityType.options.map((type) => (
                <option key={type} value={type}>
                  {t(`entityTypes.${type}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="audit-actor" className="font-medium">
              {t("actor")}
            </label>
            <select id="audit-actor" name="actorId" defaultValue={query.actorId ?? ""} className={selectClasses}>
              <option value="">{t("allActors")}</option>
              {actors.map((actor) => (
                <option key={actor.id} value={actor.id}>
                  {actor.name}
                </option>
              ))}
              {selectedActorKnown ? null : <option value={query.actorId}>{t("formerMember")}</option>}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="audit-from" className="font-medium">
              {t("from")}
            </label>
            <input id="audit-from" type="date" name="from" defaultValue={query.from ?? ""} className={inputClasses} />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="audit-to" className="font-medium">
              {t("to")}
            </label>
            <input id="audit-to" type="date" name="to" defaultValue={query.to ?? ""} className={inputClasses} />
          </div>
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <button type="submit" className={buttonClasses("primary")}>
            {t("applyFilters")}
          </button>
          <Link href={`/${organisationSlug}/audit`} className="text-brand-700 underline">
            {t("clearFilters")}
          </Link>
        </div>
      </fieldset>
    </form>
  );
}
