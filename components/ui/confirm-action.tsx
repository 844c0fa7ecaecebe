"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { apiProblem, useProblemMessage, useProblemText, type ApiFieldError, type ApiProblem } from "@/components/trpc/errors";
import { Alert } from "./alert";
import { Button, type ButtonVariant } from "./button";
import { Dialog } from "./dialog";

/**
 * Thrown by `perform` when the dialog's own fields do not pass the (shared) schema before
 * anything is sent: shown like the server's field errors.
 */
export class LocalFieldProblems extends Error {
  constructor(readonly fieldErrors: ApiFieldError[]) {
    super("The form has errors.");
  }
}

export interface ConfirmActionLabels {
  cancel: string;
  /** The confirm button's text while the action runs. */
  working: string;
  /** The title of the error box. */
  failed: string;
  /** The button that reloads the page after a conflict. */
  reload: string;
}

export interface ConfirmActionFields {
  /** The message of the field error for `field` (in the user's language), if any. */
  error: (field: string) => string | undefined;
  pending: boolean;
}

/**
 * A button that opens a confirm-and-act dialog: title, body, optional fields, and a
 * confirm button that runs `perform`. While it runs the button says so; a refusal is
 * shown in the dialog (field errors next to their fields when the dialog has them, the
 * rest and conflicts in an alert that takes focus, with a reload button for a conflict).
 * On success the dialog closes and `onDone` runs. `onProblem` may take a refusal over
 * (return true: the dialog closes and shows nothing).
 */
export function ConfirmAction({
  trigger,
  triggerVariant = "secondary",
  triggerClassName,
  title,
  body,
  confirmLabel,
  confirmVariant = "primary",
  labels,
  perform,
  onDone,
  onProblem,
  onOpen,
  fields = [],
  children,
}: {
  trigger: ReactNode;
  triggerVariant?: ButtonVariant;
  triggerClassName?: string;
  title: ReactNode;
  body?: ReactNode;
  confirmLabel: ReactNode;
  confirmVariant?: ButtonVariant;
  labels: ConfirmActionLabels;
  perform: () => Promise<void>;
  onDone?: () => void;
  onProblem?: (problem: ApiProblem) => boolean;
  /** Runs when the dialog opens: reset the fields here. */
  onOpen?: () => void;
  /** The field names the dialog shows itself: their errors are shown by `children`, not in the alert. */
  fields?: readonly string[];
  children?: ReactNode | ((state: ConfirmActionFields) => ReactNode);
}) {
  const router = useRouter();
  const problemMessage = useProblemMessage();
  const problemText = useProblemText();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  /** Where focus goes when a refusal arrives: the alert, or the first field with an error (a new object each time). */
  const [focusTarget, setFocusTarget] = useState<{ fieldId: string | null } | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);

  const { rest, showAlert } = splitProblem(problem, fields);

  useEffect(() => {
    if (!focusTarget) return;
    if (focusTarget.fieldId) document.getElementById(focusTarget.fieldId)?.focus();
    else alertRef.current?.focus();
  }, [focusTarget]);

  function start() {
    setProblem(null);
    onOpen?.();
    setOpen(true);
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setProblem(null);
    setPending(true);
    try {
      await perform();
      setOpen(false);
      onDone?.();
    } catch (error) {
      const found: ApiProblem =
        error instanceof LocalFieldProblems
          ? { code: "BAD_REQUEST", fieldErrors: error.fieldErrors, conflict: null, requestId: null, message: error.message }
          : apiProblem(error);
      if (onProblem?.(found)) {
        setOpen(false);
      } else {
        setProblem(found);
        const split = splitProblem(found, fields);
        setFocusTarget({ fieldId: split.showAlert ? null : split.firstOwnField ? confirmFieldId(split.firstOwnField) : null });
      }
    } finally {
      setPending(false);
    }
  }

  const fieldError = (field: string) => {
    const error = problem?.fieldErrors.find((item) => item.field === field);
    return error ? problemText(error) : undefined;
  };

  return (
    <>
      <Button variant={triggerVariant} className={triggerClassName} onClick={start}>
        {trigger}
      </Button>
      <Dialog open={open} onClose={close} title={title} description={body}>
        <form onSubmit={confirm} noValidate>
          {typeof children === "function" ? children({ error: fieldError, pending }) : children}
          {showAlert && rest ? (
            <div ref={alertRef} tabIndex={-1} className="mt-4 focus:outline-none">
              <Alert tone="error" title={labels.failed} live="assertive">
                <p>{problemMessage(rest)}</p>
                {rest.code === "CONFLICT" ? (
                  <Button
                    variant="secondary"
                    className="mt-2 py-1"
                    onClick={() => {
                      setOpen(false);
                      router.refresh();
                    }}
                  >
                    {labels.reload}
                  </Button>
                ) : null}
              </Alert>
            </div>
          ) : null}
          <div className="mt-4 flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={close}>
              {labels.cancel}
            </Button>
            <Button type="submit" variant={confirmVariant} disabled={pending} aria-disabled={pending || undefined}>
              {pending ? labels.working : confirmLabel}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

/**
 * A refusal split into the errors of the dialog's own fields and the rest; the alert shows
 * unless the only problems are the dialog's own field errors.
 */
function splitProblem(problem: ApiProblem | null, fields: readonly string[]) {
  if (!problem) return { rest: null, showAlert: false, firstOwnField: null };
  const own = (error: ApiFieldError) => fields.includes(error.field);
  const rest: ApiProblem = { ...problem, fieldErrors: problem.fieldErrors.filter((error) => !own(error)) };
  const showAlert = !(rest.code === "BAD_REQUEST" && rest.fieldErrors.length === 0 && problem.fieldErrors.length > 0);
  return { rest, showAlert, firstOwnField: problem.fieldErrors.find(own)?.field ?? null };
}

/** The id ConfirmAction focuses for a field error: give it to the field's control. */
export function confirmFieldId(field: string): string {
  return `confirm-field-${field.replace(/\W/g, "-")}`;
}
