import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { RouterOutputs } from "@/components/trpc/types";
import { AccountableOwnerLine } from "@/components/responsibilities/accountable-owner-line";
import { dateFormat } from "@/components/ui/format";
import { asLocale, fieldGroups, longTextFields, type UseCaseField } from "@/components/use-cases/fields";
import { publishableFields } from "@/server/domain/use-cases/schemas";
import { formatValue } from "./format-value";

type UseCaseRecord = RouterOutputs["useCases"]["get"];

const publishable = new Set<string>(publishableFields);


/** Every field of the use case, grouped as the form groups them; withheld fields say so and why. */
export async function UseCaseOverview({ useCase }: { useCase: UseCaseRecord }) {
  const t = await getTranslations("UseCases");
  const format = await getFormatter();
  const locale = asLocale(await getLocale());
  const words = {
    empty: t("notGiven"),
    yes: t("yes"),
    no: t("no"),
    date: (value: Date) => format.dateTime(value, dateFormat),
  };
  const withheld: Partial<Record<string, string>> = useCase.withheldFields;

  const value = (field: UseCaseField) => {
    if (field === "legalReferences") {
      return useCase.legalReferences.length === 0 ? (
        <span className="text-muted">{words.empty}</span>
      ) : (
        <ul className="list-disc pl-5">
          {useCase.legalReferences.map((reference) => (
            <li key={reference.url}>
              <a href={reference.url} className="text-brand-700 underline" rel="noreferrer">
                {reference.title}
              </a>
            </li>
          ))}
        </ul>
      );
    }
    if (field === "withheldFields") {
      const entries = publishableFields.filter((key) => withheld[key] !== undefined);
      return entries.length === 0 ? (
        <span className="text-muted">{t("view.nothingWithheld")}</span>
      ) : (
        <ul className="list-disc pl-5">
          {entries.map((key) => (
            <li key={key}>
              {t(`fields.${key}`)}: {withheld[key]}
            </li>
          ))}
        </ul>
      );
    }
    const raw: unknown = useCase[field];
    const text = formatValue(field, raw, locale, words);
    const empty = text === words.empty;
    return <span className={`${longTextFields.has(field) ? "whitespace-pre-line" : ""} ${empty ? "text-muted" : ""}`.trim()}>{text}</span>;
  };

  return (
    <div className="flex flex-col gap-6">
      <AccountableOwnerLine useCase={useCase} />
      {fieldGroups.map((group) => (
        <section key={group.key} aria-labelledby={`group-${group.key}`} className="break-inside-avoid-page">
          <h2 id={`group-${group.key}`} className="mb-2 text-xl font-semibold text-brand-900">
            {t(`groups.${group.key}`)}
          </h2>
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[minmax(10rem,16rem)_1fr]">
            {group.fields.map((field) => (
              <div key={field} className="contents">
                <dt className="font-medium">{t(`fields.${field}`)}</dt>
                <dd className="min-w-0 break-words">
                  {value(field)}
                  {publishable.has(field) && withheld[field] !== undefined ? (
                    <p className="mt-1 rounded border-l-4 border-amber-600 bg-amber-50 px-2 py-1 text-sm">
                      <span className="font-semibold">{t("view.withheld")}</span> {t("view.withheldReason", { reason: withheld[field] ?? "" })}
                    </p>
                  ) : null}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
