import { api } from "@/server/api/caller";
import { fileResponse, refusedCallResponse } from "@/server/api/downloads";
import { exportAnswersJson } from "@/server/domain/assessments/answers-json";

export const dynamic = "force-dynamic";

/** The assessment's answers as JSON (the import reads this file back), through the same guard as the API. */
export async function GET(_request: Request, { params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  try {
    const caller = await api();
    const view = await caller.assessments.get({ organisationSlug: org, id });
    const bytes = new TextEncoder().encode(`${JSON.stringify(exportAnswersJson(view), null, 2)}\n`);
    const kind = view.template.kind.toLowerCase().replace(/_/g, "-");
    return fileResponse(bytes, "application/json; charset=utf-8", `${view.useCase.reference}-${kind}-v${view.seriesVersion}-answers.json`);
  } catch (error) {
    return refusedCallResponse(error);
  }
}
