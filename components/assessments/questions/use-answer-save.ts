"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { apiProblem, useProblemText, type ApiProblem } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/provider";
import { answerValueProblem, type Answer } from "@/server/domain/assessments/answers";
import { saveAnswerInput } from "@/server/domain/assessments/schemas";
import type { QuestionDefinition } from "@/server/domain/assessments/template-definition";
import { normaliseAnswer, sameAnswer } from "./model";

export type SaveStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "unchanged" }
  /** Not sent: the answer breaks the schema; the problems are shown at their fields. */
  | { kind: "invalid" }
  | { kind: "failed"; problem: ApiProblem }
  /** Someone else saved this answer since the page read it; `mine` was not saved. */
  | { kind: "conflict"; problem: ApiProblem; mine: Answer }
  /** The page now shows their answer; `mine` is what this person had tried to save. */
  | { kind: "replaced"; mine: Answer };

export interface AnswerFieldProblems {
  value?: string;
  comment?: string;
  reference?: string;
}

type Part = keyof AnswerFieldProblems;

/** Which of the answer's fields an error path names (`answer.comment`, `answers.<key>.value`, ...). */
function partOf(path: string): Part {
  if (path.endsWith("comment")) return "comment";
  if (path.endsWith("reference")) return "reference";
  return "value";
}

/**
 * Saves one question's answer through `assessments.saveAnswer`, naming the answer version
 * it last read. Changes made while a save is under way are saved after it, with the new
 * version, so quick changes never conflict with each other. Validates with the server's
 * schema first; a CONFLICT is kept (with what the person tried to save) until the page
 * shows the other person's answer.
 */
export function useAnswerSave({
  organisationSlug,
  assessmentId,
  question,
  version,
  saved,
  onSaved,
}: {
  organisationSlug: string;
  assessmentId: string;
  question: QuestionDefinition;
  /** The version the page holds for this answer (null: unanswered). */
  version: number | null;
  /** The answer as the server has it. */
  saved: Answer;
  onSaved: (answer: Answer, answerVersion: number) => void;
}) {
  const t = useTranslations("AssessmentQuestions.errors");
  const trpc = useTRPC();
  const router = useRouter();
  const problemText = useProblemText();
  const mutation = useMutation(trpc.assessments.saveAnswer.mutationOptions());
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  const [problems, setProblems] = useState<AnswerFieldProblems>({});

  const versionRef = useRef(version);
  const savedRef = useRef(saved);
  const pending = useRef<Answer | null>(null);
  const running = useRef(false);

  // A newer answer from the server (after a refresh) replaces what the page held.
  const [seenVersion, setSeenVersion] = useState(version);
  if (seenVersion !== version) {
    setSeenVersion(version);
    if (status.kind === "conflict") setStatus({ kind: "replaced", mine: status.mine });
  }
  useEffect(() => {
    versionRef.current = version;
  }, [version]);
  useEffect(() => {
    savedRef.current = saved;
  }, [saved]);

  const mutateAsync = mutation.mutateAsync;

  /** Client-side check with the server's schema; returns the input to send, or null. */
  const validate = useCallback(
    (answer: Answer) => {
      const parsed = saveAnswerInput.safeParse({
        organisationSlug,
        id: assessmentId,
        questionKey: question.key,
        answerVersion: versionRef.current,
        answer,
      });
      const found: AnswerFieldProblems = {};
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const part = partOf(issue.path.join("."));
          const max = issue.code === "too_big" ? Number(issue.maximum) : null;
          found[part] ??= max !== null ? t("tooLong", { max }) : t("invalid");
        }
      }
      const valueProblem = answerValueProblem(question, answer.value);
      if (valueProblem) found.value ??= question.answerType === "DATE" ? t("date") : t("invalid");
      setProblems(found);
      return parsed.success && !valueProblem ? parsed.data : null;
    },
    [organisationSlug, assessmentId, question, t],
  );

  const run = useCallback(async () => {
    running.current = true;
    let savedAt: Date | null = null;
    try {
      while (pending.current) {
        const answer = pending.current;
        pending.current = null;
        if (sameAnswer(answer, savedRef.current)) continue;
        const input = validate(answer);
        if (!input) {
          setStatus({ kind: "invalid" });
          pending.current = null;
          return;
        }
        setStatus({ kind: "saving" });
        try {
          const result = await mutateAsync({ ...input, answerVersion: versionRef.current });
          versionRef.current = result.answerVersion;
          savedRef.current = answer;
          savedAt = new Date();
          onSaved(answer, result.answerVersion);
        } catch (error) {
          const problem = apiProblem(error);
          pending.current = null;
          if (problem.code === "CONFLICT") {
            setStatus({ kind: "conflict", problem, mine: answer });
            return;
          }
          const found: AnswerFieldProblems = {};
          for (const fieldError of problem.fieldErrors) found[partOf(fieldError.field)] ??= problemText(fieldError);
          setProblems(found);
          setStatus({ kind: "failed", problem });
          return;
        }
      }
      setStatus(savedAt ? { kind: "saved", at: savedAt } : { kind: "unchanged" });
      // The rest of the page (progress, result, what keeps it from being submitted) follows.
      if (savedAt) router.refresh();
    } finally {
      running.current = false;
    }
  }, [mutateAsync, onSaved, problemText, router, validate]);

  /**
   * Saves the answer unless the server already has it. `explicit`: the person pressed
   * "Save", so "nothing to save" is said too.
   */
  const save = useCallback(
    (answer: Answer, options: { explicit?: boolean } = {}) => {
      const next = normaliseAnswer(answer);
      if (!running.current && sameAnswer(next, savedRef.current)) {
        // Nothing new; clear the problems a corrected field no longer has.
        if (validate(next)) setStatus((current) => (options.explicit || current.kind === "invalid" ? { kind: "unchanged" } : current));
        return;
      }
      pending.current = next;
      if (!running.current) void run();
    },
    [run, validate],
  );

  const dismiss = useCallback(() => setStatus({ kind: "idle" }), []);

  return { status, problems, save, dismiss };
}
