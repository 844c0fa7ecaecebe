import { getTranslations } from "next-intl/server";
import type { OrganisationCounts as Counts } from "@/server/domain/organisations/service";

function Bar({ count, max }: { count: number; max: number }) {
  const width = max === 0 ? 0 : Math.round((count / max) * 100);
  return (
    <span aria-hidden="true" className="block h-3 rounded bg-brand-600" style={{ width: `${Math.max(width, 2)}%` }} />
  );
}

/** DIGG's first view across sectors: how many organisations of each kind and sector use Tillit. */
export async function OrganisationCounts({ counts }: { counts: Counts }) {
  const t = await getTranslations("Oversight");
  const kinds = await getTranslations("OrganisationKind");
  const sectors = await getTranslations("Sector");
  const maxKind = Math.max(0, ...counts.byKind.map((row) => row.count));
  const maxSector = Math.max(0, ...counts.bySector.map((row) => row.count));
  return (
    <section aria-labelledby="oversight-heading">
      <h1 id="oversight-heading" className="text-3xl font-bold text-brand-900">
        {t("title")}
      </h1>
      <p className="mt-4 text-lg text-muted">{t("lead", { count: counts.total })}</p>
      <div className="mt-8 grid gap-10 lg:grid-cols-2">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="mb-2 text-left text-xl font-semibold text-brand-900">{t("byKind")}</caption>
          <thead>
            <tr className="border-b-2 border-gray-300">
              <th scope="col" className="py-2 pr-4">{t("kind")}</th>
              <th scope="col" className="py-2 pr-4 text-right">{t("count")}</th>
              <th scope="col" className="w-1/2 py-2"><span className="sr-only">{t("share")}</span></th>
            </tr>
          </thead>
          <tbody>
            {counts.byKind.map((row) => (
              <tr key={row.kind} className="border-b border-gray-200">
                <th scope="row" className="py-2 pr-4 font-medium">{kinds(row.kind)}</th>
                <td className="py-2 pr-4 text-right tabular-nums">{row.count}</td>
                <td className="py-2"><Bar count={row.count} max={maxKind} /></td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="w-full border-collapse text-left text-sm">
          <caption className="mb-2 text-left text-xl font-semibold text-brand-900">{t("bySector")}</caption>
          <thead>
            <tr className="border-b-2 border-gray-300">
              <th scope="col" className="py-2 pr-4">{t("sector")}</th>
              <th scope="col" className="py-2 pr-4 text-right">{t("count")}</th>
              <th scope="col" className="w-1/2 py-2"><span className="sr-only">{t("share")}</span></th>
            </tr>
          </thead>
          <tbody>
            {counts.bySector.map((row) => (
              <tr key={row.sector} className="border-b border-gray-200">
                <th scope="row" className="py-2 pr-4 font-medium">{sectors(row.sector)}</th>
                <td className="py-2 pr-4 text-right tabular-nums">{row.count}</td>
                <td className="py-2"><Bar count={row.count} max={maxSector} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
