import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { OverdueMarker } from "@/components/assessments/list/overdue-marker";
import { assessmentsHref, dayAsDate } from "@/components/assessments/list/query";
import type { RouterOutputs } from "@/components/trpc/types";
import { dateFormat } from "@/components/ui/format";
import { RowHeader, Table, Td, Th, Tr } from "@/components/ui/table";
import { asLocale, enumLabel } from "@/components/use-cases/fields";
import {
  assessmentStatusLabels,
  requirementReasonLabels,
  templateKindLabels,
  templateRequirementLabels,
} from "@/server/domain/assessments/labels";
import { StartAssessmentButton } from "./start-assessment-button";

type UseCaseAssessments = RouterOutputs["assessments"]["forUseCase"];

const requirementClasses = {
  REQUIRED: "border-brand-700 bg-brand-50 text-brand-900",
  OPTIONAL: "border-gray-500 bg-white text-ink",
  NOT_OFFERED: "border-gray-300 bg-gray-100 text-muted",
} as const;

/**
 * The use case's assessments tab: which of the templates it needs and why, where the
 * latest assessment of each stands, the approved one in force, and (for those who may)
 * a way to start one.
 */
export async function UseCaseAssessmentsTab({
  organisationSlug,
  useCase,
  data,
  canStart,
  members,
}: {
  organisationSlug: string;
  useCase: { id: string; title: string; riskClass: string };
  data: UseCaseAssessments;
  /** assessment.create and the use case not archived. */
  canStart: boolean;
  members: { id: string; name: string }[];
}) {
  const t = await getTranslations("Assessments.useCaseTab");
  const common = await getTranslations("Assessments");
  const format = await getFormatter();
  const locale = asLocale(await getLocale());
  const day = (value: string | null | undefined) =>
    value ? format.dateTime(dayAsDate(value), dateFormat) : <span className="text-muted">{common("none")}</span>;
  const required = data.needs.filter((need) => need.requirement === "REQUIRED");
  const approvedRequired = required.filter((need) => need.approved !== null).length;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <p className="font-medium">{t("summary", { approved: approvedRequired, required: required.length })}</p>
        <p className="text-sm">
          {t("riskClass", { riskClass: enumLabel("riskClass", useCase.riskClass, locale) })}
        </p>
      </div>
      <Table caption={t("caption", { title: useCase.title })}>
        <thead>
          <tr>
            <Th>{t("columns.template")}</Th>
            <Th>{t("columns.requirement")}</Th>
            <Th>{t("columns.status")}</Th>
            <Th>{t("columns.approvedAt")}</Th>
            <Th>{t("columns.nextReviewOn")}</Th>
            <Th>{t("columns.owner")}</Th>
            <Th>{t("columns.actions")}</Th>
          </tr>
        </thead>
        <tbody>
          {data.needs.map((need) => {
            const template = templateKindLabels[need.kind][locale];
            const { latest, approved } = need;
            // One assessment per template: once it exists, it is continued, or renewed by
            // starting its next version on its own page.
            const startable = canStart && need.requirement !== "NOT_OFFERED" && latest === null;
            return (
              <Tr key={need.kind}>
                <RowHeader>{template}</RowHeader>
                <Td>
                  <span className={`inline-block rounded border px-1.5 text-xs font-semibold ${requirementClasses[need.requirement]}`}>
                    {templateRequirementLabels[need.requirement][locale]}
                  </span>
                  <span className="mt-1 block text-xs text-muted">{requirementReasonLabels[need.reason][locale]}</span>
                </Td>
                <Td>
                  {latest ? (
                    <>
                      {assessmentStatusLabels[latest.status][locale]}
                      {latest.seriesVersion > 1 ? (
                        <span className="block text-xs text-muted">{common("seriesVersion", { version: latest.seriesVersion })}</span>
                      ) : null}
                      {latest.overdue ? (
                        <span className="mt-1 block">
                          <OverdueMarker label={common("overdue")} />
                        </span>
                      ) : null}
                    </>
                  ) : (
                    <span className="text-muted">{t("notStarted")}</span>
                  )}
                </Td>
                <Td className="whitespace-nowrap">
                  {approved?.approvedAt ? format.dateTime(new Date(approved.approvedAt), dateFormat) : <span className="text-muted">{common("none")}</span>}
                </Td>
                <Td className="whitespace-nowrap">{approved ? day(approved.nextReviewOn) : <span className="text-muted">{common("none")}</span>}</Td>
                <Td>{latest?.owner ? latest.owner.name : <span className="text-muted">{common("noOwner")}</span>}</Td>
                <Td>
                  <div className="flex flex-col items-start gap-2">
                    {latest ? (
                      <Link href={`/${organisationSlug}/assessments/${latest.id}`} className="text-brand-700 underline">
                        {common("open")}
                        <span className="sr-only"> {t("openContext", { template })}</span>
                      </Link>
                    ) : null}
                    {approved && latest && approved.id !== latest.id ? (
                      <Link href={`/${organisationSlug}/assessments/${approved.id}`} className="text-sm text-brand-700 underline">
                        {t("openApproved")}
                        <span className="sr-only"> {t("openContext", { template })}</span>
                      </Link>
                    ) : null}
                    {startable ? (
                      <StartAssessmentButton
                        organisationSlug={organisationSlug}
                        useCaseId={useCase.id}
                        templateKind={need.kind}
                        templateLabel={template}
                        members={members}
                      />
                    ) : null}
                  </div>
                </Td>
              </Tr>
            );
          })}
        </tbody>
      </Table>
      <p className="text-sm text-muted">{t("versionsHint")}</p>
      {data.assessments.length > 0 ? (
        <p className="text-sm">
          <Link href={assessmentsHref(organisationSlug, { useCaseId: useCase.id })} className="text-brand-700 underline">
            {t("inList")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
