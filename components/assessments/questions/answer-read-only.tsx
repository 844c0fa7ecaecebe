"use client";

import { useTranslations } from "next-intl";
import type { Answer } from "@/server/domain/assessments/answers";
import { extensionTrustAnswers, type QuestionDefinition } from "@/server/domain/assessments/template-definition";
import { valueInWords, type Locale } from "./model";

/** An answer in words, for those who may not (or no longer) change it. */
export function AnswerReadOnly({ question, answer, locale }: { question: QuestionDefinition; answer: Answer; locale: Locale }) {
  const t = useTranslations("AssessmentQuestions.readOnly");
  const q = useTranslations("AssessmentQuestions.question");
  const value = valueInWords(question, answer.value, locale);
  const extension =
    question.answerType === "TRUST_ANSWER" && typeof answer.value === "string" && (extensionTrustAnswers as readonly string[]).includes(answer.value);
  const long = question.answerType === "TEXT" || question.answerType === "MULTI_CHOICE";
  return (
    <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[minmax(8rem,auto)_1fr]">
      <dt className="font-medium">{t("answer")}</dt>
      <dd className={long ? "whitespace-pre-wrap" : undefined}>
        {value === null ? (
          <span className="text-muted">{t("notAnswered")}</span>
        ) : question.answerType === "MULTI_CHOICE" && Array.isArray(answer.value) ? (
          <ul className="list-disc pl-5">
            {answer.value.map((v) => (
              <li key={v}>{valueInWords(question, v, locale)}</li>
            ))}
          </ul>
        ) : (
          <>
            <span className="font-semibold">{value}</span>
            {extension ? (
              <span className="ml-2 rounded border border-gray-400 bg-gray-50 px-1.5 py-0.5 text-xs text-muted">{q("extension")}</span>
            ) : null}
          </>
        )}
      </dd>
      {answer.comment ? (
        <>
          <dt className="font-medium">{t("comment")}</dt>
          <dd className="whitespace-pre-wrap">{answer.comment}</dd>
        </>
      ) : null}
      {answer.reference ? (
        <>
          <dt className="font-medium">{t("reference")}</dt>
          <dd>{answer.reference}</dd>
        </>
      ) : null}
    </dl>
  );
}
