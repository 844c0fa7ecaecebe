import { getFormatter, getTranslations } from "next-intl/server";
import { dateTimeFormat } from "@/components/ui/format";
import { isShown } from "@/server/domain/assessments/answers";
import { assessmentPhaseLabels, assessmentStatusLabels, templateKindLabels } from "@/server/domain/assessments/labels";
import type { AssessmentView, CommentView, Person } from "@/server/domain/assessments/view";
import type { Locale } from "@/server/i18n/config";
import { AssessmentHeader } from "./assessment-header";
import { answerText, dayDate, dayFormat } from "./format";
import { PrintButton } from "./print-button";
import { ResultPanel } from "./result-panel";

/**
 * The whole assessment on one page, for reading and printing: the plan, who submitted and
 * approved it and when, the result, and every shown question with its answer in words,
 * comment, reference and review comments.
 */
export async function AssessmentReport({ organisationSlug, view, locale, generatedAt }: { organisationSlug: string; view: AssessmentView; locale: Locale; generatedAt: Date }) {
  const t = await getTranslations("Assessment.report");
  const format = await getFormatter();
  const definition = view.template.definition;
  const when = (date: Date | null) => (date ? format.dateTime(date, dateTimeFormat) : t("none"));
  const day = (value: string | null) => (value ? format.dateTime(dayDate(value), dayFormat) : t("none"));
  const person = (value: Person | null) => value?.name ?? t("none");

  const commentItem = (comment: CommentView) => (
    <li key={comment.id} className="break-inside-avoid-page border-l-4 border-gray-400 pl-3">
      <p className="text-sm">
        <span className="font-semibold">{comment.authorName}</span>, {when(comment.createdAt)} ·{" "}
        {comment.resolvedAt ? t("resolvedBy", { who: comment.resolvedByName ?? t("none"), when: when(comment.resolvedAt) }) : t("open")}
      </p>
      <p className="whitespace-pre-line break-words">{comment.body}</p>
    </li>
  );
  const generalComments = view.comments.filter((comment) => comment.questionKey === null);

  return (
    <article className="flex flex-col gap-6 print:gap-4 print:text-sm">
      <AssessmentHeader organisationSlug={organisationSlug} view={view} locale={locale} current={t("breadcrumb")} />
      <div className="flex flex-wrap items-center gap-4 print:hidden">
        <PrintButton label={t("print")} />
        <p className="text-sm text-muted">{t("printHint")}</p>
      </div>

      <section aria-labelledby="report-summary-heading" className="break-inside-avoid-page">
        <h2 id="report-summary-heading" className="text-xl font-semibold text-brand-900">
          {t("summary")}
        </h2>
        <dl className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-[minmax(10rem,16rem)_1fr] print:grid-cols-[12rem_1fr]">
          <dt className="font-medium">{t("organisation")}</dt>
          <dd>{view.organisation.name}</dd>
          <dt className="font-medium">{t("useCase")}</dt>
          <dd>
            {view.useCase.reference} {view.useCase.title}
          </dd>
          <dt className="font-medium">{t("template")}</dt>
          <dd>
            {templateKindLabels[view.template.kind][locale]} ({t("templateVersion", { version: view.template.version })})
          </dd>
          <dt className="font-medium">{t("version")}</dt>
          <dd>{view.seriesVersion}</dd>
          <dt className="font-medium">{t("status")}</dt>
          <dd>{assessmentStatusLabels[view.status][locale]}</dd>
          <dt className="font-medium">{t("phase")}</dt>
          <dd>{assessmentPhaseLabels[view.phase][locale]}</dd>
          <dt className="font-medium">{t("owner")}</dt>
          <dd>{person(view.owner)}</dd>
          <dt className="font-medium">{t("dueOn")}</dt>
          <dd>{day(view.dueOn)}</dd>
          <dt className="font-medium">{t("nextReviewOn")}</dt>
          <dd>
            {day(view.nextReviewOn)}
            {view.overdue ? <span className="ml-2 font-semibold text-red-800">({t("overdue")})</span> : null}
          </dd>
          <dt className="font-medium">{t("progress")}</dt>
          <dd>{t("progressText", { answered: view.progress.answered, required: view.progress.required })}</dd>
        </dl>
      </section>

      <section aria-labelledby="report-approvals-heading" className="break-inside-avoid-page">
        <h2 id="report-approvals-heading" className="text-xl font-semibold text-brand-900">
          {t("approvals")}
        </h2>
        <dl className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-[minmax(10rem,16rem)_1fr] print:grid-cols-[12rem_1fr]">
          <dt className="font-medium">{t("lastAnswered")}</dt>
          <dd>{view.lastAnsweredBy ? t("byAt", { who: view.lastAnsweredBy.name, when: when(view.lastAnsweredAt) }) : t("none")}</dd>
          <dt className="font-medium">{t("submitted")}</dt>
          <dd>{view.submittedBy ? t("byAt", { who: view.submittedBy.name, when: when(view.submittedAt) }) : t("notYet")}</dd>
          <dt className="font-medium">{t("approved")}</dt>
          <dd>{view.approvedBy ? t("byAt", { who: view.approvedBy.name, when: when(view.approvedAt) }) : t("notYet")}</dd>
          {view.supersededAt ? (
            <>
              <dt className="font-medium">{t("superseded")}</dt>
              <dd>{when(view.supersededAt)}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <ResultPanel view={view} locale={locale} linkQuestions={false} copyable={false} />

      {generalComments.length > 0 ? (
        <section aria-labelledby="report-comments-heading">
          <h2 id="report-comments-heading" className="text-xl font-semibold text-brand-900">
            {t("generalComments")}
          </h2>
          <ul className="mt-2 flex flex-col gap-2">{generalComments.map(commentItem)}</ul>
        </section>
      ) : null}

      <section aria-labelledby="report-answers-heading">
        <h2 id="report-answers-heading" className="text-xl font-semibold text-brand-900">
          {t("answers")}
        </h2>
        {definition.sections.map((section) => {
          const questions = definition.questions.filter((question) => question.section === section.key && isShown(question, view.answers, definition));
          if (questions.length === 0) return null;
          return (
            <section key={section.key} aria-labelledby={`report-section-${section.key}`} className="mt-4">
              <h3 id={`report-section-${section.key}`} className="text-lg font-semibold text-brand-900 print:break-after-avoid">
                {section.title[locale]}
              </h3>
              <ol className="mt-2 flex flex-col gap-3">
                {questions.map((question) => {
                  const answer = view.answers[question.key];
                  const text = answerText(question, answer?.value, locale);
                  const comments = view.comments.filter((comment) => comment.questionKey === question.key);
                  return (
                    <li key={question.key} className="break-inside-avoid-page border-b border-gray-200 pb-3">
                      <h4 className="font-medium">
                        {question.text[locale]}
                        {question.required ? <span className="font-normal text-muted"> ({t("required")})</span> : null}
                      </h4>
                      <dl className="mt-1 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_1fr] print:grid-cols-[8rem_1fr]">
                        <dt className="font-medium">{t("answer")}</dt>
                        <dd className={text ? "whitespace-pre-line break-words" : "text-muted italic"}>{text ?? t("noAnswer")}</dd>
                        {answer?.comment ? (
                          <>
                            <dt className="font-medium">{t("comment")}</dt>
                            <dd className="whitespace-pre-line break-words">{answer.comment}</dd>
                          </>
                        ) : null}
                        {answer?.reference ? (
                          <>
                            <dt className="font-medium">{t("reference")}</dt>
                            <dd className="break-words">{answer.reference}</dd>
                          </>
                        ) : null}
                        {answer && "updatedBy" in answer && answer.updatedBy ? (
                          <>
                            <dt className="font-medium">{t("answeredBy")}</dt>
                            <dd>{t("byAt", { who: answer.updatedBy.name, when: when(answer.updatedAt) })}</dd>
                          </>
                        ) : null}
                      </dl>
                      {comments.length > 0 ? (
                        <>
                          <p className="mt-2 text-sm font-medium">{t("reviewComments")}</p>
                          <ul className="mt-1 flex flex-col gap-2">{comments.map(commentItem)}</ul>
                        </>
                      ) : null}
                    </li>
                  );
                })}
              </ol>
            </section>
          );
        })}
      </section>

      <p className="text-sm text-muted">
        {t("generated", { when: when(generatedAt) })} · {t("sources", { sources: definition.sources.join("; ") })}
      </p>
    </article>
  );
}
