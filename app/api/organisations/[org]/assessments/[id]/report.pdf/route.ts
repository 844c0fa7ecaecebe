import { api } from "@/server/api/caller";
import { fileResponse, refusedCallResponse, requestLocale } from "@/server/api/downloads";
import { assessmentReportPdf } from "@/server/domain/assessments/report-pdf";

export const dynamic = "force-dynamic";

/** The assessment's report as a PDF, in the reader's language, through the same guard as the API. */
export async function GET(_request: Request, { params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  try {
    const caller = await api();
    const view = await caller.assessments.get({ organisationSlug: org, id });
    const bytes = await assessmentReportPdf(view, await requestLocale());
    const kind = view.template.kind.toLowerCase().replace(/_/g, "-");
    return fileResponse(bytes, "application/pdf", `${view.useCase.reference}-${kind}-v${view.seriesVersion}.pdf`, {
      inline: true,
    });
  } catch (error) {
    return refusedCallResponse(error);
  }
}
