"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { apiProblem, useProblemMessage, useProblemText } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Field, inputClasses } from "@/components/ui/field";
import { commentInput } from "@/server/domain/assessments/schemas";

/**
 * "Kommentera frågan": a disclosure with a comment box for a reviewer. Validates with the
 * server's schema; after sending, the page is refreshed to show the comment.
 */
export function CommentForm({
  organisationSlug,
  assessmentId,
  questionKey,
  number,
  onSent,
}: {
  organisationSlug: string;
  assessmentId: string;
  questionKey: string;
  /** The question's number, for the labels of its controls. */
  number: string;
  onSent: (message: string) => void;
}) {
  const t = useTranslations("AssessmentQuestions.comments");
  const trpc = useTRPC();
  const router = useRouter();
  const problemMessage = useProblemMessage();
  const problemText = useProblemText();
  const send = useMutation(trpc.assessments.comment.mutationOptions());
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState("");
  const [tried, setTried] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const formId = `q-${questionKey}-comment-form`;
  const fieldId = `q-${questionKey}-new-comment`;

  // The person just opened the box to write in it.
  useEffect(() => {
    if (open) document.getElementById(fieldId)?.focus();
  }, [open, fieldId]);

  const input = { organisationSlug, id: assessmentId, questionKey, body };
  const parsed = commentInput.safeParse(input);
  const issue = parsed.success ? null : parsed.error.issues.find((i) => i.path[0] === "body");
  const clientError = !tried || !issue ? null : issue.code === "too_big" ? t("tooLong", { max: 4000 }) : t("required");
  const error = clientError ?? serverError;

  const close = () => {
    setOpen(false);
    setBody("");
    setTried(false);
    setServerError(null);
    toggle.current?.focus();
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTried(true);
    setServerError(null);
    if (!parsed.success || send.isPending) {
      document.getElementById(fieldId)?.focus();
      return;
    }
    try {
      await send.mutateAsync(parsed.data);
      close();
      onSent(t("sent"));
      router.refresh();
    } catch (failed) {
      const problem = apiProblem(failed);
      const bodyError = problem.fieldErrors.find((fieldError) => fieldError.field === "body");
      setServerError(bodyError ? problemText(bodyError) : problemMessage(problem));
      document.getElementById(fieldId)?.focus();
    }
  };

  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button
          ref={toggle}
          variant="secondary"
          className="py-1"
          aria-expanded={open}
          aria-controls={formId}
          onClick={() => (open ? close() : setOpen(true))}
        >
          {t("open")}
          <span className="sr-only"> {t("questionNumber", { number })}</span>
        </Button>
      </div>
      <form id={formId} hidden={!open} noValidate onSubmit={submit} className="flex flex-col gap-2 rounded border border-gray-300 bg-gray-50 p-3">
        {open ? (
          <>
            <Field id={fieldId} label={t("label", { number })} hint={t("hint")} error={error ?? undefined}>
              {(control) => (
                <textarea rows={3} maxLength={4000} className={inputClasses} value={body} onChange={(event) => setBody(event.target.value)} {...control} />
              )}
            </Field>
            <div className="flex flex-wrap gap-2">
              <Button type="submit" className="py-1" disabled={send.isPending}>
                {send.isPending ? t("sending") : t("send")}
              </Button>
              <Button variant="quiet" className="py-1" onClick={close}>
                {t("cancel")}
              </Button>
            </div>
          </>
        ) : null}
      </form>
    </div>
  );
}
