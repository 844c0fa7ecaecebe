import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { RouterOutputs } from "@/components/trpc/types";
import { Alert } from "@/components/ui/alert";
import { Announcer } from "@/components/ui/announcer";
import { dateTimeFormat } from "@/components/ui/format";
import { asLocale, enumLabel } from "@/components/use-cases/fields";
import { UseCaseActions } from "./use-case-actions";

type UseCaseRecord = RouterOutputs["useCases"]["get"];
export type UseCaseTab = "overview" | "assessments" | "responsibilities" | "procurement" | "publication" | "history";

/**
 * One use case: its title and state, what the reader may do, and its tabs (links that
 * keep the tab in the URL). Prints as the content only.
 */
export async function UseCaseView({
  organisationSlug,
  useCase,
  tab,
  allowed,
  children,
}: {
  organisationSlug: string;
  useCase: UseCaseRecord;
  tab: UseCaseTab;
  allowed: { edit: boolean; archive: boolean; restore: boolean; delete: boolean };
  children: ReactNode;
}) {
  const t = await getTranslations("UseCases");
  const format = await getFormatter();
  const locale = asLocale(await getLocale());
  const base = `/${organisationSlug}/register/${useCase.id}`;
  const tabs: { key: UseCaseTab; href: string; label: string }[] = [
    { key: "overview", href: base, label: t("view.tabs.overview") },
    { key: "assessments", href: `${base}?tab=assessments`, label: t("view.tabs.assessments") },
    { key: "responsibilities", href: `${base}?tab=responsibilities`, label: t("view.tabs.responsibilities") },
    { key: "procurement", href: `${base}?tab=procurement`, label: t("view.tabs.procurement") },
    { key: "publication", href: `${base}?tab=publication`, label: t("view.tabs.publication") },
    { key: "history", href: `${base}?tab=history`, label: t("view.tabs.history") },
  ];

  return (
    <Announcer className="mb-4">
      <div className="flex flex-col gap-6">
        <p className="print:hidden">
          <Link href={`/${organisationSlug}/register`} className="text-brand-700 underline">
            {t("backToRegister")}
          </Link>
        </p>
        <div className="flex flex-col gap-2">
          <p className="font-mono text-muted">{useCase.reference}</p>
          <h1 className="text-3xl font-bold text-brand-900">{useCase.title}</h1>
          <p className="text-sm">
            {t("fields.lifecycleStage")}: {enumLabel("lifecycleStage", useCase.lifecycleStage, locale)} · {t("fields.riskClass")}:{" "}
            {enumLabel("riskClass", useCase.riskClass, locale)} ·{" "}
            {t("view.updated", { when: format.dateTime(new Date(useCase.updatedAt), dateTimeFormat) })}
          </p>
        </div>
        {useCase.archivedAt ? (
          <Alert tone="warning" title={t("view.archivedTitle")}>
            {t("view.archivedBody", { when: format.dateTime(new Date(useCase.archivedAt), dateTimeFormat) })}
          </Alert>
        ) : null}
        <UseCaseActions
          organisationSlug={organisationSlug}
          useCase={{ id: useCase.id, title: useCase.title, version: useCase.version }}
          allowed={allowed}
        />
        <nav aria-label={t("view.tabsLabel")} className="border-b border-gray-300 print:hidden">
          <ul className="-mb-px flex flex-wrap gap-1">
            {tabs.map((item) => (
              <li key={item.key}>
                <Link
                  href={item.href}
                  aria-current={item.key === tab ? "page" : undefined}
                  className={`inline-block border-b-4 px-3 py-2 font-medium ${
                    item.key === tab ? "border-brand-700 text-brand-900" : "border-transparent text-brand-700 hover:border-gray-300"
                  }`}
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <section aria-labelledby="use-case-tab-heading">
          <h2 id="use-case-tab-heading" className="sr-only print:not-sr-only print:mb-4 print:text-2xl print:font-semibold">
            {tabs.find((item) => item.key === tab)?.label}
          </h2>
          {children}
        </section>
      </div>
    </Announcer>
  );
}
