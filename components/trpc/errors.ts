import { isTRPCClientError } from "@trpc/client";
import { useFormatter, useTranslations } from "next-intl";
import { dateTimeFormat } from "@/components/ui/format";
import type { AppRouter } from "@/server/api/root";

/** A field error from the server: `code` says which rule (server/domain/problem-codes.ts). */
export interface ApiFieldError {
  field: string;
  code: string;
  message: string;
  values?: Record<string, string>;
}

export interface ApiConflict {
  /** Null when unknown, or when the record belongs to another organisation (see `changedByOwningOrganisation`). */
  changedBy: string | null;
  changedAt: Date | null;
  changedByOwningOrganisation: boolean;
}

/** What the UI needs to know about a failed call. */
export interface ApiProblem {
  code: string;
  fieldErrors: ApiFieldError[];
  conflict: ApiConflict | null;
  requestId: string | null;
  message: string;
}

/** Reads the error formatter's fields (server/api/trpc.ts) off a failed tRPC call. */
export function apiProblem(error: unknown): ApiProblem {
  if (isTRPCClientError<AppRouter>(error)) {
    const data = error.data;
    return {
      code: data?.code ?? "INTERNAL_SERVER_ERROR",
      fieldErrors: data?.fieldErrors ?? [],
      conflict: data?.conflict
        ? {
            changedBy: data.conflict.changedBy,
            changedAt: data.conflict.changedAt,
            changedByOwningOrganisation: data.conflict.changedByOwningOrganisation ?? false,
          }
        : null,
      requestId: data?.requestId ?? null,
      message: error.message,
    };
  }
  return { code: "NETWORK", fieldErrors: [], conflict: null, requestId: null, message: "" };
}

/**
 * The user's-language sentence for a field error, looked up by its code under "Problems"
 * (server/i18n/messages). A code the UI has no message for (zod's issue codes, or a rule
 * newer than this page) is shown with the server's own message.
 */
export function useProblemText(): (problem: Pick<ApiFieldError, "code" | "message" | "values">) => string {
  const t = useTranslations("Problems");
  return (problem) => (problem.code.includes(".") && t.has(problem.code) ? t(problem.code, problem.values) : problem.message);
}

/**
 * A sentence for a failed call, in the user's language. Field errors are shown next
 * to their fields, so here they only count when the form has no such field.
 */
export function useProblemMessage(): (problem: ApiProblem) => string {
  const t = useTranslations("Common.errors");
  const format = useFormatter();
  const problemText = useProblemText();
  return (problem) => {
    switch (problem.code) {
      case "CONFLICT": {
        const who = problem.conflict?.changedByOwningOrganisation ? t("owningOrganisation") : (problem.conflict?.changedBy ?? t("someoneElse"));
        return problem.conflict?.changedAt
          ? t("conflictAt", { who, when: format.dateTime(problem.conflict.changedAt, dateTimeFormat) })
          : t("conflict", { who });
      }
      case "UNAUTHORIZED":
        return t("signedOut");
      case "FORBIDDEN":
        return t("forbidden");
      case "NOT_FOUND":
        return t("notFound");
      case "TOO_MANY_REQUESTS":
        return t("tooManyRequests");
      case "BAD_REQUEST":
        return problem.fieldErrors.length > 0 ? problem.fieldErrors.map(problemText).join(" ") : t("badRequest");
      case "NETWORK":
        return t("network");
      default:
        return problem.requestId ? t("unexpectedWithId", { id: problem.requestId }) : t("unexpected");
    }
  };
}
