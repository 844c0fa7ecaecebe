import { api } from "@/server/api/caller";
import { fileResponse, refusedCallResponse } from "@/server/api/downloads";
import { registrationExport } from "@/server/domain/use-cases/eu-database";

export const dynamic = "force-dynamic";

/** The EU database registration (AI Act Annex VIII C) as JSON, through the same guard as the page. */
export async function GET(_request: Request, { params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  try {
    const caller = await api();
    const registration = await caller.useCaseFiles.euDatabaseRegistration({ organisationSlug: org, useCaseId: id });
    const body = new TextEncoder().encode(`${JSON.stringify(registrationExport(registration), null, 2)}\n`);
    return fileResponse(body, "application/json; charset=utf-8", `eu-database-${registration.useCase.reference}.json`);
  } catch (error) {
    return refusedCallResponse(error);
  }
}
