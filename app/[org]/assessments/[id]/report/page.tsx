import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AssessmentReport } from "@/components/assessments/assessment-view/assessment-report";
import { loadOrNavigate } from "@/components/trpc/server";
import { asLocale } from "@/components/use-cases/fields";
import { loadWorkspace } from "@/components/workspace/load";
import { api } from "@/server/api/caller";
import { templateKindLabels } from "@/server/domain/assessments/labels";

type Props = { params: Promise<{ org: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { org, id } = await params;
  const returnTo = `/${org}/assessments/${id}/report`;
  await loadWorkspace(org, returnTo);
  const caller = await api();
  const view = await loadOrNavigate(() => caller.assessments.get({ organisationSlug: org, id }), returnTo);
  const locale = asLocale(await getLocale());
  const t = await getTranslations("Assessment");
  return {
    title: t("report.metaTitle", {
      kind: templateKindLabels[view.template.kind][locale],
      reference: view.useCase.reference,
      version: view.seriesVersion,
    }),
  };
}

/** The assessment as a print-friendly page (the PDF is the same content as a file). */
export default async function AssessmentReportPage({ params }: Props) {
  const { org, id } = await params;
  const returnTo = `/${org}/assessments/${id}/report`;
  await loadWorkspace(org, returnTo);
  const caller = await api();
  const view = await loadOrNavigate(() => caller.assessments.get({ organisationSlug: org, id }), returnTo);
  const locale = asLocale(await getLocale());
  return <AssessmentReport organisationSlug={org} view={view} locale={locale} generatedAt={new Date()} />;
}
