import "server-only";

import { randomBytes } from "node:crypto";
import { clientAddressFrom } from "../auth/options";
import { database } from "../db";
import { inScope } from "../db/scope";
import { DomainError, RuleViolationError } from "../domain/errors";
import { issueReportToken, publicReportForm, submitPublicReport } from "../domain/public-register/reports";
import { env } from "../env";
import { expirePublicRegister } from "./public-cache";

/**
 * The public report form's server side: the form token's secret, the client address for
 * the rate limits, and one call that validates and stores a report. Called by the public
 * page's server action (the form works without JavaScript).
 *
 * The secret is NEXTAUTH_SECRET; without it (development) a per-process secret is used,
 * so a form opened before a restart must be reloaded. Several instances need the shared
 * NEXTAUTH_SECRET, as sign-in does.
 */
const processSecret = randomBytes(32).toString("hex");

function reportSecret(): string {
  return env().NEXTAUTH_SECRET ?? processSecret;
}

export function reportFormToken(useCaseId: string): string {
  return issueReportToken(reportSecret(), useCaseId);
}

export type ReportOutcome = { ok: true } | { ok: false; code: string; field: string | null };

export async function submitReportForm(formData: FormData, headers: Headers): Promise<ReportOutcome> {
  const parsed = publicReportForm.safeParse(Object.fromEntries([...formData.entries()].filter(([key]) => !key.startsWith("$"))));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, code: "invalid", field: issue ? String(issue.path[0] ?? "") : null };
  }
  const clientAddress = clientAddressFrom(Object.fromEntries(headers.entries())) ?? "unknown";
  try {
    await inScope(database(), {}, (tx) => submitPublicReport(tx, parsed.data, { clientAddress, secret: reportSecret() }));
  } catch (error) {
    if (error instanceof RuleViolationError) {
      const problem = error.problems[0];
      return { ok: false, code: problem?.code ?? "invalid", field: problem?.field ?? null };
    }
    if (error instanceof DomainError) return { ok: false, code: error.code, field: null };
    throw error;
  }
  expirePublicRegister();
  return { ok: true };
}
