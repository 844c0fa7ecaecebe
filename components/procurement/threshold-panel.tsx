import { useTranslations } from "next-intl";
import type { ThresholdCheck } from "@/server/domain/procurement/thresholds";
import { formatSek } from "./format";

/**
 * The threshold check in words: the period and its source, whether a direct award is
 * allowed, whether documentation is required, and the EU threshold. Each line says yes or
 * no in text (never by colour alone). Used live in the form and on the decision page.
 */
export function ThresholdPanel({
  check,
  noPeriodOn,
  id,
  live = false,
  route,
}: {
  check: ThresholdCheck | null;
  noPeriodOn: string | null;
  id?: string;
  /** Announce changes politely (the form, as the value changes). */
  live?: boolean;
  /** A direct award above the limit is shown as a refusal. */
  route?: string;
}) {
  const t = useTranslations("Procurement.thresholds");
  const refused = route === "DIRECT_AWARD" && check !== null && !check.directAward.allowed;
  return (
    <section
      id={id}
      aria-labelledby={id ? `${id}-heading` : undefined}
      aria-live={live ? "polite" : undefined}
      className={`rounded border-l-4 p-4 text-sm ${refused ? "border-red-700 bg-red-50" : "border-brand-600 bg-brand-50"}`}
    >
      <h3 id={id ? `${id}-heading` : undefined} className="font-semibold">
        {t("heading")}
      </h3>
      {noPeriodOn ? (
        <p className="mt-1">{t("noPeriod", { date: noPeriodOn })}</p>
      ) : check === null ? (
        <p className="mt-1">{t("noValue")}</p>
      ) : (
        <>
          <ul className="mt-1 flex list-disc flex-col gap-1 pl-5">
            <li className={refused ? "font-semibold text-red-800" : undefined}>
              {check.directAward.allowed
                ? t("directAwardAllowed", { limit: formatSek(check.directAward.limitSek) })
                : t("directAwardNotAllowed", { limit: formatSek(check.directAward.limitSek) })}
            </li>
            <li>
              {check.documentation.required
                ? t("documentationRequired", { limit: formatSek(check.documentation.aboveSek) })
                : t("documentationNotRequired", { limit: formatSek(check.documentation.aboveSek) })}
            </li>
            <li>
              {t(check.eu.exceeded ? "euExceeded" : "euNotExceeded", {
                threshold: formatSek(check.eu.thresholdSek),
                kind: t(`kinds.${check.eu.kind}`),
              })}
            </li>
          </ul>
          <p className="mt-2 text-muted">{t("period", { from: check.period.validFrom, to: check.period.validTo, source: check.period.source })}</p>
        </>
      )}
    </section>
  );
}
