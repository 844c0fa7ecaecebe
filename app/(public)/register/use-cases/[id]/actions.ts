"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { submitReportForm } from "@/server/api/public-report";

/** The report form's action: works as a plain form post without JavaScript; the outcome returns in the URL. */
export async function sendPublicReport(formData: FormData): Promise<void> {
  const useCaseId = String(formData.get("useCaseId") ?? "");
  const outcome = await submitReportForm(formData, new Headers(await headers()));
  const base = `/register/use-cases/${encodeURIComponent(useCaseId)}`;
  if (outcome.ok) redirect(`${base}?report=sent#report`);
  redirect(`${base}?report=${encodeURIComponent(outcome.code)}${outcome.field ? `&field=${encodeURIComponent(outcome.field)}` : ""}#report`);
}
