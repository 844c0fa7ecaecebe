import type { FieldError, FieldErrors, FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ApiFieldError } from "@/components/trpc/errors";
import type { SummaryError } from "./error-summary";

/**
 * The message to show for a field. The schema is the server's, and its messages are
 * written in English for the API, so a client-side error shows the form's own
 * translated message for the field; an error the server sent is shown as it came.
 */
export function fieldMessage(error: FieldError | undefined, translated: string): string | undefined {
  if (!error) return undefined;
  return error.type === "server" && error.message ? error.message : translated;
}

/**
 * Puts the server's field errors on the form's fields, in the user's language (`text`,
 * from useProblemText); returns those that belong to no field.
 */
export function applyServerFieldErrors<T extends FieldValues>(
  fieldErrors: ApiFieldError[],
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
  text: (problem: ApiFieldError) => string,
): ApiFieldError[] {
  const rest: ApiFieldError[] = [];
  for (const problem of fieldErrors) {
    const field = fields.find((name) => name === problem.field);
    if (field) setError(field, { type: "server", message: text(problem) });
    else rest.push(problem);
  }
  return rest;
}

/** The error summary's entries, in the order of the form's fields. */
export function summaryErrors<T extends FieldValues>(
  errors: FieldErrors<T>,
  fields: readonly { name: Path<T>; id: string; message: string }[],
  formErrors: string[] = [],
): SummaryError[] {
  const list: SummaryError[] = [];
  for (const field of fields) {
    const error = errors[field.name] as FieldError | undefined;
    const message = fieldMessage(error, field.message);
    if (message) list.push({ fieldId: field.id, message });
  }
  return [...formErrors.map((message) => ({ fieldId: null, message })), ...list];
}
