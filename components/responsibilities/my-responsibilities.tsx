import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { dayAsDate } from "@/components/assessments/list/query";
import type { RouterOutputs } from "@/components/trpc/types";
import { dateFormat } from "@/components/ui/format";
import { RowHeader, Table, Td, Th, Tr } from "@/components/ui/table";
import { asLocale } from "@/components/use-cases/fields";
import { assessmentStatusLabels, templateKindLabels } from "@/server/domain/assessments/labels";
import { responsibilityRoleLabels } from "@/server/domain/responsibilities/labels";

type Mine = RouterOutputs["responsibilities"]["mine"];

/** Every use case and assessment the user answers for, one section per organisation. */
export async function MyResponsibilities({ organisations }: { organisations: Mine }) {
  const t = await getTranslations("MyResponsibilities");
  const status = await getTranslations("Responsibilities.status");
  const format = await getFormatter();
  const locale = asLocale(await getLocale());
  const date = (value: string | null) => (value ? format.dateTime(dayAsDate(value), dateFormat) : null);

  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-3xl font-bold text-brand-900">{t("title")}</h1>
        <p className="mt-1 text-muted">{t("intro")}</p>
      </div>
      {organisations.length === 0 ? <p>{t("none")}</p> : null}
      {organisations.map((entry) => {
        const slug = entry.organisation.slug;
        const headingId = `mine-${slug}`;
        return (
          <section key={slug} aria-labelledby={headingId} className="flex flex-col gap-4">
            <h2 id={headingId} className="text-2xl font-semibold text-brand-900">
              {entry.organisation.name}
            </h2>
            <h3 className="text-lg font-semibold">{t("assignmentsHeading")}</h3>
            {entry.assignments.length > 0 ? (
              <Table caption={t("assignmentsCaption", { organisation: entry.organisation.name })}>
                <thead>
                  <tr>
                    <Th>{t("useCase")}</Th>
                    <Th>{t("role")}</Th>
                    <Th>{t("validFrom")}</Th>
                    <Th>{t("validTo")}</Th>
                    <Th>{t("status")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {entry.assignments.map((assignment) => (
                    <Tr key={assignment.id}>
                      <RowHeader>
                        <Link href={`/${slug}/register/${assignment.useCase.id}?tab=responsibilities`} className="text-brand-700 underline">
                          {assignment.useCase.title}
                        </Link>
                        <span className="block font-mono text-xs font-normal text-muted">{assignment.useCase.reference}</span>
                      </RowHeader>
                      <Td>{responsibilityRoleLabels[assignment.role][locale]}</Td>
                      <Td>{date(assignment.validFrom)}</Td>
                      <Td>{date(assignment.validTo) ?? <span className="text-muted">{t("untilFurther")}</span>}</Td>
                      <Td>{status(assignment.status)}</Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
            ) : (
              <p>{t("noAssignments")}</p>
            )}
            <h3 className="text-lg font-semibold">{t("assessmentsHeading")}</h3>
            {entry.assessments.length > 0 ? (
              <Table caption={t("assessmentsCaption", { organisation: entry.organisation.name })}>
                <thead>
                  <tr>
                    <Th>{t("assessment")}</Th>
                    <Th>{t("useCase")}</Th>
                    <Th>{t("assessmentStatus")}</Th>
                    <Th>{t("dueOn")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {entry.assessments.map((assessment) => (
                    <Tr key={assessment.id}>
                      <RowHeader>
                        <Link href={`/${slug}/assessments/${assessment.id}`} className="text-brand-700 underline">
                          {templateKindLabels[assessment.templateKind][locale]}
                        </Link>
                      </RowHeader>
                      <Td>
                        {assessment.useCase.title}
                        <span className="block font-mono text-xs text-muted">{assessment.useCase.reference}</span>
                      </Td>
                      <Td>{assessmentStatusLabels[assessment.status][locale]}</Td>
                      <Td>{date(assessment.dueOn) ?? <span className="text-muted">{t("noDueDate")}</span>}</Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
            ) : (
              <p>{t("noAssessments")}</p>
            )}
          </section>
        );
      })}
    </div>
  );
}
