"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useProblemMessage } from "@/components/trpc/errors";
import { Button } from "@/components/ui/button";
import { dateTimeFormat, timeZone } from "@/components/ui/format";
import type { Answer } from "@/server/domain/assessments/answers";
import type { QuestionDefinition } from "@/server/domain/assessments/template-definition";
import { valueInWords, type Locale } from "./model";
import type { SaveStatus } from "./use-answer-save";

/** What the person had tried to save, in words, so nothing they wrote is lost unseen. */
function MineInWords({ question, mine, locale }: { question: QuestionDefinition; mine: Answer; locale: Locale }) {
  const t = useTranslations("AssessmentQuestions.status");
  const value = valueInWords(question, mine.value, locale);
  return (
    <dl className="mt-2 grid gap-x-3 gap-y-1 rounded border border-gray-300 bg-white p-2 text-sm sm:grid-cols-[auto_1fr]">
      <dt className="font-medium">{t("mineAnswer")}</dt>
      <dd className="whitespace-pre-wrap">{value ?? t("mineNone")}</dd>
      {mine.comment ? (
        <>
          <dt className="font-medium">{t("mineComment")}</dt>
          <dd className="whitespace-pre-wrap">{mine.comment}</dd>
        </>
      ) : null}
      {mine.reference ? (
        <>
          <dt className="font-medium">{t("mineReference")}</dt>
          <dd>{mine.reference}</dd>
        </>
      ) : null}
    </dl>
  );
}

/**
 * A question's save state in a polite live region: "Sparar…", "Sparat 14:03", or what
 * went wrong. A conflict says who changed the answer and when, and offers to show theirs.
 */
export function SaveStatusMessage({
  id,
  status,
  question,
  locale,
  onShowTheirs,
  onDismiss,
}: {
  id: string;
  status: SaveStatus;
  question: QuestionDefinition;
  locale: Locale;
  onShowTheirs: () => void;
  onDismiss: () => void;
}) {
  const t = useTranslations("AssessmentQuestions.status");
  const format = useFormatter();
  const problemMessage = useProblemMessage();

  let content: ReactNode = null;
  switch (status.kind) {
    case "saving":
      content = <p className="text-sm text-muted">{t("saving")}</p>;
      break;
    case "saved":
      content = <p className="text-sm font-medium text-green-800">{t("saved", { time: format.dateTime(status.at, { timeStyle: "short", timeZone }) })}</p>;
      break;
    case "unchanged":
      content = <p className="text-sm text-muted">{t("unchanged")}</p>;
      break;
    case "invalid":
      content = <p className="text-sm font-medium text-red-700">{t("invalid")}</p>;
      break;
    case "failed":
      content = (
        <p className="text-sm font-medium text-red-700">
          {status.problem.fieldErrors.length > 0 ? t("invalid") : t("failed", { message: problemMessage(status.problem) })}
        </p>
      );
      break;
    case "conflict": {
      const who = status.problem.conflict?.changedBy ?? t("someoneElse");
      const when = status.problem.conflict?.changedAt;
      content = (
        <div className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-ink">
          <p className="font-semibold">{t("conflictTitle")}</p>
          <p className="mt-1 text-sm">
            {when ? t("conflictAt", { who, when: format.dateTime(when, dateTimeFormat) }) : t("conflict", { who })}
          </p>
          <MineInWords question={question} mine={status.mine} locale={locale} />
          <Button variant="secondary" className="mt-2 py-1" onClick={onShowTheirs}>
            {t("showTheirs")}
          </Button>
        </div>
      );
      break;
    }
    case "replaced":
      content = (
        <div className="rounded border-l-4 border-amber-600 bg-amber-50 p-3 text-ink">
          <p className="text-sm">{t("replaced")}</p>
          <MineInWords question={question} mine={status.mine} locale={locale} />
          <Button variant="quiet" className="mt-1 px-0 py-1" onClick={onDismiss}>
            {t("dismiss")}
          </Button>
        </div>
      );
      break;
    case "idle":
      break;
  }

  return (
    <div id={id} aria-live="polite" aria-atomic="true" className="min-h-5">
      {content}
    </div>
  );
}
