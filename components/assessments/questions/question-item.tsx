"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { memo, useCallback, type ReactNode } from "react";
import { useProblemText } from "@/components/trpc/errors";
import { Button } from "@/components/ui/button";
import { Field, inputClasses } from "@/components/ui/field";
import { dateTimeFormat } from "@/components/ui/format";
import type { Answer, AnswerProblem, AnswerValue } from "@/server/domain/assessments/answers";
import type { QuestionDefinition } from "@/server/domain/assessments/template-definition";
import type { CommentView } from "@/server/domain/assessments/view";
import { AnswerControl } from "./answer-control";
import { AnswerReadOnly } from "./answer-read-only";
import {
  controlId,
  emptyAnswer,
  needsComment,
  needsReference,
  problemPart,
  questionAnchor,
  sameAnswer,
  valueInWords,
  type LocalAnswer,
  type Locale,
} from "./model";
import { QuestionComments } from "./question-comments";
import { SaveStatusMessage } from "./save-status";
import { useAnswerSave } from "./use-answer-save";

export interface QuestionItemProps {
  organisationSlug: string;
  assessmentId: string;
  question: QuestionDefinition;
  number: string;
  /** Whether it must be answered in the assessment's phase. */
  required: boolean;
  answer: LocalAnswer | undefined;
  comments: CommentView[];
  /** What keeps this question from being submitted (shown when the page asks for problems). */
  problems: AnswerProblem[];
  locale: Locale;
  canAnswer: boolean;
  canComment: boolean;
  canResolve: boolean;
  onDraft: (key: string, answer: Answer) => void;
  onSaved: (key: string, answer: Answer, version: number) => void;
}

/** Who changed the answer last, and when, in small text. */
function LastChanged({ answer }: { answer: LocalAnswer | undefined }) {
  const t = useTranslations("AssessmentQuestions.question");
  const format = useFormatter();
  if (!answer?.updatedAt) return null;
  const who = answer.updatedBy === "self" ? t("you") : (answer.updatedBy?.name ?? t("someone"));
  return <p className="text-xs text-muted">{t("lastChanged", { who, when: format.dateTime(new Date(answer.updatedAt), dateTimeFormat) })}</p>;
}

/**
 * One question: its text (numbered), help, answer control, comment and reference, its
 * own save button and save state; who last changed it; the review comments on it.
 * Read-only (the answer in words) when the person may not answer.
 */
export const QuestionItem = memo(function QuestionItem(props: QuestionItemProps) {
  const { question, number, required, answer, comments, problems, locale, canAnswer } = props;
  const t = useTranslations("AssessmentQuestions.question");
  const problemText = useProblemText();
  const draft = answer?.draft ?? emptyAnswer;
  const unresolved = comments.some((comment) => comment.resolvedAt === null);
  const problemOf = (part: "value" | "comment" | "reference") => {
    const found = problems.find((problem) => problemPart(problem.code) === part);
    return found ? problemText({ code: found.code, message: found.code }) : undefined;
  };

  const frame = [
    "scroll-mt-4 rounded border p-4",
    unresolved ? "border-l-4 border-amber-600 bg-amber-50/40" : problems.length > 0 ? "border-l-4 border-red-700" : "border-gray-300",
  ].join(" ");

  const heading = (
    <>
      <span className="mr-2 text-muted tabular-nums">{number}</span>
      {question.text[locale]}
      {required ? <span className="font-normal text-muted"> ({t("required")})</span> : null}
    </>
  );
  const help = question.help?.[locale];
  const badges = (
    <>
      {unresolved ? <p className="text-sm font-semibold text-amber-900">{t("hasOpenComments")}</p> : null}
      {question.recurring ? <p className="text-xs text-muted">{t("recurring")}</p> : null}
    </>
  );

  return (
    <div id={questionAnchor(question.key)} tabIndex={-1} className={frame}>
      {canAnswer ? (
        <EditableQuestion {...props} draft={draft} heading={heading} help={help} badges={badges} problemOf={problemOf} />
      ) : (
        <div role="group" aria-labelledby={controlId(question.key, "legend")} className="flex flex-col gap-2">
          <p id={controlId(question.key, "legend")} className="font-semibold">
            {heading}
          </p>
          {badges}
          {help ? <p className="text-sm text-muted">{help}</p> : null}
          {problems.length > 0 ? (
            <ul className="text-sm font-medium text-red-700">
              {problems.map((problem) => (
                <li key={problem.code}>{problemText({ code: problem.code, message: problem.code })}</li>
              ))}
            </ul>
          ) : null}
          <AnswerReadOnly question={question} answer={draft} locale={locale} />
        </div>
      )}
      <div className="mt-2 flex flex-col gap-3">
        <LastChanged answer={answer} />
        <QuestionComments
          organisationSlug={props.organisationSlug}
          assessmentId={props.assessmentId}
          questionKey={question.key}
          number={number}
          comments={comments}
          canComment={props.canComment}
          canResolve={props.canResolve}
        />
      </div>
    </div>
  );
});

function EditableQuestion({
  organisationSlug,
  assessmentId,
  question,
  number,
  answer,
  locale,
  onDraft,
  onSaved,
  draft,
  heading,
  help,
  badges,
  problemOf,
}: QuestionItemProps & {
  draft: Answer;
  heading: ReactNode;
  help: string | undefined;
  badges: ReactNode;
  problemOf: (part: "value" | "comment" | "reference") => string | undefined;
}) {
  const t = useTranslations("AssessmentQuestions.question");
  const format = useFormatter();
  const router = useRouter();
  const key = question.key;
  const saved = answer?.saved ?? emptyAnswer;
  const handleSaved = useCallback((next: Answer, version: number) => onSaved(key, next, version), [onSaved, key]);
  const { status, problems: fieldProblems, save, dismiss } = useAnswerSave({
    organisationSlug,
    assessmentId,
    question,
    version: answer?.version ?? null,
    saved,
    onSaved: handleSaved,
  });

  const update = (patch: Partial<Answer>): Answer => {
    const next = { ...draft, ...patch };
    onDraft(key, next);
    return next;
  };
  const pick = (value: AnswerValue) => save(update({ value }));
  const commit = () => save(draft);

  const valueError = fieldProblems.value ?? problemOf("value");
  const commentError = fieldProblems.comment ?? problemOf("comment");
  const referenceError = fieldProblems.reference ?? problemOf("reference");
  const helpId = controlId(key, "help");
  const valueErrorId = controlId(key, "problems");
  const describedBy = [help ? helpId : "", valueError ? valueErrorId : ""].filter(Boolean).join(" ") || undefined;

  const commentNeeded = needsComment(question, draft.value);
  const referenceNeeded = needsReference(question, draft.value);
  const answersIn = (values: string[] | undefined) =>
    format.list(
      (values ?? []).map((value) => valueInWords(question, value, locale) ?? value),
      { type: "disjunction" },
    );
  const commentHint = !commentNeeded && question.commentRequiredFor ? t("commentNeededFor", { answers: answersIn(question.commentRequiredFor) }) : undefined;
  const showReference = Boolean(question.referenceRequiredFor) || Boolean(draft.reference);
  const dirty = !sameAnswer(draft, saved);

  return (
    <fieldset aria-describedby={describedBy} className="flex min-w-0 flex-col gap-3">
      <legend id={controlId(key, "legend")} className="mb-1 font-semibold">
        {heading}
      </legend>
      {badges}
      {help ? (
        <p id={helpId} className="-mt-1 text-sm text-muted">
          {help}
        </p>
      ) : null}
      {valueError ? (
        <p id={valueErrorId} className="text-sm font-medium text-red-700">
          {valueError}
        </p>
      ) : null}
      <AnswerControl
        question={question}
        value={draft.value}
        locale={locale}
        describedBy={describedBy}
        invalid={Boolean(valueError)}
        onPick={pick}
        onType={(value) => update({ value })}
        onCommit={commit}
      />
      <Field
        id={controlId(key, "comment")}
        label={t("comment")}
        hint={commentHint}
        error={commentError}
        required={commentNeeded}
        requiredLabel={t("commentRequired", { answer: valueInWords(question, draft.value, locale) ?? "" })}
        labelClassName="text-sm"
      >
        {(control) => (
          <textarea
            rows={2}
            maxLength={10_000}
            className={inputClasses}
            value={draft.comment ?? ""}
            onChange={(event) => update({ comment: event.target.value })}
            onBlur={commit}
            {...control}
          />
        )}
      </Field>
      {showReference ? (
        <Field
          id={controlId(key, "reference")}
          label={t("reference")}
          hint={referenceNeeded ? undefined : question.referenceRequiredFor ? t("referenceNeededFor", { answers: answersIn(question.referenceRequiredFor) }) : undefined}
          error={referenceError}
          required={referenceNeeded}
          requiredLabel={t("referenceRequired")}
          labelClassName="text-sm"
        >
          {(control) => (
            <input
              type="text"
              autoComplete="off"
              maxLength={200}
              className={`${inputClasses} max-w-md`}
              value={draft.reference ?? ""}
              onChange={(event) => update({ reference: event.target.value })}
              onBlur={commit}
              {...control}
            />
          )}
        </Field>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" className="px-3 py-1" onClick={() => save(draft, { explicit: true })}>
          {t("save")}
          <span className="sr-only"> {t("saveWhich", { number })}</span>
        </Button>
        {dirty && status.kind !== "saving" ? <span className="text-sm font-medium text-amber-900">{t("unsaved")}</span> : null}
      </div>
      <SaveStatusMessage
        id={controlId(key, "status")}
        status={status}
        question={question}
        locale={locale}
        onShowTheirs={() => {
          // Their answer replaces this draft; what this person wrote stays in the message.
          onDraft(key, saved);
          router.refresh();
        }}
        onDismiss={dismiss}
      />
    </fieldset>
  );
}
