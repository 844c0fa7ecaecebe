import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { RouterOutputs } from "@/components/trpc/types";
import { dateFormat } from "@/components/ui/format";
import { RowHeader, Table, Td, Th, Tr } from "@/components/ui/table";
import { asLocale } from "@/components/use-cases/fields";
import { assessmentPhaseLabels, assessmentStatusLabels, templateKindLabels } from "@/server/domain/assessments/labels";
import { OverdueMarker } from "./overdue-marker";
import { dayAsDate } from "./query";

type Item = RouterOutputs["assessments"]["list"]["items"][number];

/** The list's results: one row per assessment (its newest version), the use case as the row's header. */
export async function AssessmentTable({ organisationSlug, items, caption }: { organisationSlug: string; items: Item[]; caption: string }) {
  const t = await getTranslations("Assessments");
  const format = await getFormatter();
  const locale = asLocale(await getLocale());
  const day = (value: string | null) => (value ? format.dateTime(dayAsDate(value), dateFormat) : <span className="text-muted">{t("none")}</span>);
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>{t("columns.useCase")}</Th>
          <Th>{t("columns.template")}</Th>
          <Th>{t("columns.status")}</Th>
          <Th>{t("columns.phase")}</Th>
          <Th>{t("columns.owner")}</Th>
          <Th>{t("columns.dueOn")}</Th>
          <Th>{t("columns.nextReviewOn")}</Th>
          <Th>{t("columns.overdue")}</Th>
          <Th>
            <span className="sr-only">{t("columns.open")}</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const template = templateKindLabels[item.templateKind][locale];
          return (
            <Tr key={item.id}>
              <RowHeader>
                <span className="block font-mono text-xs font-normal text-muted">{item.useCase.reference}</span>
                <Link href={`/${organisationSlug}/register/${item.useCase.id}?tab=assessments`} className="text-brand-700 underline">
                  {item.useCase.title}
                </Link>
              </RowHeader>
              <Td>
                {template}
                {item.seriesVersion > 1 ? <span className="block text-xs text-muted">{t("seriesVersion", { version: item.seriesVersion })}</span> : null}
              </Td>
              <Td>{assessmentStatusLabels[item.status][locale]}</Td>
              <Td>{assessmentPhaseLabels[item.phase][locale]}</Td>
              <Td>{item.owner ? item.owner.name : <span className="text-muted">{t("noOwner")}</span>}</Td>
              <Td className="whitespace-nowrap">{day(item.dueOn)}</Td>
              <Td className="whitespace-nowrap">{day(item.nextReviewOn)}</Td>
              <Td className="whitespace-nowrap">{item.overdue ? <OverdueMarker label={t("overdue")} /> : <span className="text-muted">{t("notOverdue")}</span>}</Td>
              <Td className="whitespace-nowrap">
                <Link href={`/${organisationSlug}/assessments/${item.id}`} className="text-brand-700 underline">
                  {t("open")}
                  <span className="sr-only"> {t("openContext", { template, title: item.useCase.title })}</span>
                </Link>
              </Td>
            </Tr>
          );
        })}
      </tbody>
    </Table>
  );
}
