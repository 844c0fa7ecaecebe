import { z } from "zod";
import { api } from "@/server/api/caller";
import { fileResponse, problemResponse, refusedCallResponse, requestLocale } from "@/server/api/downloads";
import { importTemplate } from "@/server/domain/use-cases/import";

export const dynamic = "force-dynamic";

const templateFormat = z.enum(["csv", "xlsx"]).default("csv");
const contentTypes = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/** The import template (`?format=csv|xlsx`), in the visitor's language, for the organisation's members. */
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const format = templateFormat.safeParse(new URL(request.url).searchParams.get("format") ?? undefined);
  if (!format.success) return problemResponse(400, "Unknown format: use csv or xlsx.");
  try {
    // Nothing secret in it, but it is part of a member's workspace: members only.
    const caller = await api();
    await caller.organisations.get({ organisationSlug: org });
    const locale = await requestLocale();
    const bytes = await importTemplate(format.data, locale);
    const name = locale === "sv" ? "mall-ai-register" : "ai-register-template";
    return fileResponse(bytes, contentTypes[format.data], `${name}.${format.data}`);
  } catch (error) {
    return refusedCallResponse(error);
  }
}
