"use client";

import { useTranslations } from "next-intl";
import { useCallback, useMemo, useState } from "react";
import { useProblemText } from "@/components/trpc/errors";
import { ErrorSummary, type SummaryError } from "@/components/ui/error-summary";
import { answerProblems, isAnswered, isRequired, isShown, type Answer, type AnswerProblem } from "@/server/domain/assessments/answers";
import type { QuestionDefinition, SectionDefinition } from "@/server/domain/assessments/template-definition";
import type { AssessmentView, CommentView } from "@/server/domain/assessments/view";
import {
  controlId,
  draftAnswers,
  emptyAnswer,
  localAnswers,
  mergeServerAnswers,
  partGroups,
  problemPart,
  questionAnchor,
  questionNumbers,
  savedAnswers,
  sectionAnchor,
  showsParts,
  type LocalAnswer,
  type LocalAnswers,
  type Locale,
} from "./model";
import { QuestionItem } from "./question-item";
import { Heading, SectionNav, type HeadingLevel, type SectionStats } from "./section-nav";

const noComments: CommentView[] = [];
const noProblems: AnswerProblem[] = [];
const blank: LocalAnswer = { draft: emptyAnswer, saved: emptyAnswer, version: null, updatedBy: null, updatedAt: null };

export interface AssessmentQuestionsProps {
  organisationSlug: string;
  view: AssessmentView;
  locale: Locale;
  /** May change the answers (false when approved, superseded, or the role does not allow it). */
  canAnswer: boolean;
  canComment: boolean;
  canResolve: boolean;
  /** Show what keeps the assessment from being submitted (after a refused submit, or while changes are requested). */
  showProblems: boolean;
  /** The level of the component's top headings (the table of contents, parts or sections); default 2. */
  headingLevel?: HeadingLevel;
}

/** Field of the question a problem is about, for the error summary's link. */
function problemTarget(problem: AnswerProblem, canAnswer: boolean): string {
  return canAnswer ? controlId(problem.questionKey, problemPart(problem.code)) : questionAnchor(problem.questionKey);
}

const shorten = (text: string, max = 70) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/**
 * An assessment's questions, section by section, each answered and saved on its own.
 * Which questions show follows the answers on screen (answering "no" to "is it an AI
 * system?" hides what depends on it at once). Review comments sit by their questions.
 */
export function AssessmentQuestions({
  organisationSlug,
  view,
  locale,
  canAnswer,
  canComment,
  canResolve,
  showProblems,
  headingLevel = 2,
}: AssessmentQuestionsProps) {
  const t = useTranslations("AssessmentQuestions");
  const problemText = useProblemText();
  const template = view.template.definition;

  // The answers on screen. After a refresh (router.refresh()), answers someone else saved
  // replace the local ones; what this page saved or is still editing stays.
  const [answers, setAnswers] = useState<LocalAnswers>(() => localAnswers(view.answers));
  const [seenAnswers, setSeenAnswers] = useState(view.answers);
  if (seenAnswers !== view.answers) {
    setSeenAnswers(view.answers);
    setAnswers((current) => mergeServerAnswers(current, view.answers));
  }

  const onDraft = useCallback((key: string, draft: Answer) => {
    setAnswers((current) => ({ ...current, [key]: { ...(current[key] ?? blank), draft } }));
  }, []);
  const onSaved = useCallback((key: string, saved: Answer, version: number) => {
    const at = new Date();
    setAnswers((current) => ({ ...current, [key]: { ...(current[key] ?? blank), saved, version, updatedBy: "self", updatedAt: at } }));
  }, []);

  const numbers = useMemo(() => questionNumbers(template), [template]);
  const groups = useMemo(() => partGroups(template), [template]);
  const grouped = showsParts(groups);

  const commentsByQuestion = useMemo(() => {
    const map = new Map<string, CommentView[]>();
    for (const comment of [...view.comments].sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime())) {
      if (comment.questionKey === null) continue;
      map.set(comment.questionKey, [...(map.get(comment.questionKey) ?? []), comment]);
    }
    return map;
  }, [view.comments]);

  const drafts = useMemo(() => draftAnswers(answers), [answers]);
  const shown = useMemo(() => template.questions.filter((question) => isShown(question, drafts, template)), [template, drafts]);

  // The problems the server reported, as long as the saved answers still have them.
  const problems = useMemo(() => {
    if (!showProblems) return [];
    const live = answerProblems(template, savedAnswers(answers), view.phase);
    return view.problems.filter((problem) => live.some((other) => other.questionKey === problem.questionKey && other.code === problem.code));
  }, [showProblems, template, answers, view.problems, view.phase]);
  const problemsByQuestion = useMemo(() => {
    const map = new Map<string, AnswerProblem[]>();
    for (const problem of problems) map.set(problem.questionKey, [...(map.get(problem.questionKey) ?? []), problem]);
    return map;
  }, [problems]);

  const stats = useMemo(() => {
    const map = new Map<string, SectionStats>();
    for (const section of template.sections) map.set(section.key, { answered: 0, required: 0, answeredAll: 0, shown: 0, openComments: 0 });
    for (const question of shown) {
      const s = map.get(question.section);
      if (!s) continue;
      const done = isAnswered(drafts[question.key]);
      s.shown += 1;
      if (done) s.answeredAll += 1;
      if (isRequired(question, template, view.phase)) {
        s.required += 1;
        if (done) s.answered += 1;
      }
      s.openComments += (commentsByQuestion.get(question.key) ?? []).filter((comment) => comment.resolvedAt === null).length;
    }
    return map;
  }, [template, shown, drafts, commentsByQuestion, view.phase]);

  const summary: SummaryError[] = problems.map((problem) => {
    const question = template.questions.find((q) => q.key === problem.questionKey);
    return {
      fieldId: problemTarget(problem, canAnswer),
      message: t("problems.entry", {
        number: numbers.get(problem.questionKey) ?? "",
        question: question ? shorten(question.text[locale]) : problem.questionKey,
        problem: problemText({ code: problem.code, message: problem.code }),
      }),
    };
  });

  const hasTrustAnswers = template.questions.some((question) => question.answerType === "TRUST_ANSWER");
  const sectionLevel = (grouped ? headingLevel + 1 : headingLevel) as HeadingLevel;

  const renderSection = (section: SectionDefinition) => {
    const questions = shown.filter((question) => question.section === section.key);
    const titleId = `${sectionAnchor(section.key)}-title`;
    return (
      <section key={section.key} id={sectionAnchor(section.key)} aria-labelledby={titleId} className="flex scroll-mt-4 flex-col gap-4">
        <div>
          <Heading level={sectionLevel} id={titleId} className={grouped ? "text-lg font-semibold text-brand-900" : "text-xl font-semibold text-brand-900"}>
            {section.title[locale]}
          </Heading>
          {section.intro ? <p className="mt-1 text-muted">{section.intro[locale]}</p> : null}
        </div>
        {questions.length === 0 ? (
          <p className="text-sm text-muted">{t("section.noneShown")}</p>
        ) : (
          questions.map((question: QuestionDefinition) => (
            <QuestionItem
              key={question.key}
              organisationSlug={organisationSlug}
              assessmentId={view.id}
              question={question}
              number={numbers.get(question.key) ?? ""}
              required={isRequired(question, template, view.phase)}
              answer={answers[question.key]}
              comments={commentsByQuestion.get(question.key) ?? noComments}
              problems={problemsByQuestion.get(question.key) ?? noProblems}
              locale={locale}
              canAnswer={canAnswer}
              canComment={canComment}
              canResolve={canResolve}
              onDraft={onDraft}
              onSaved={onSaved}
            />
          ))
        )}
      </section>
    );
  };

  return (
    <div className="flex flex-col gap-6">
      {showProblems ? <ErrorSummary title={t("problems.summaryTitle")} errors={summary} focusKey={0} /> : null}
      <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
        <div className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
          <SectionNav groups={groups} grouped={grouped} stats={stats} locale={locale} headingLevel={headingLevel} />
        </div>
        <div className="flex min-w-0 flex-col gap-8">
          {canAnswer ? <p className="text-sm text-muted">{t("savingNote")}</p> : null}
          {hasTrustAnswers ? <p className="text-sm text-muted">{t("extensionNote")}</p> : null}
          {grouped
            ? groups.map((group, index) => {
                const id = `part-${group.part.toLowerCase()}-${index}`;
                return (
                  <section key={id} aria-labelledby={id} className="flex flex-col gap-6">
                    <Heading level={headingLevel} id={id} className="border-b-2 border-brand-700 pb-1 text-xl font-semibold text-brand-900">
                      {t(`parts.${group.part}`)}
                    </Heading>
                    {group.sections.map(renderSection)}
                  </section>
                );
              })
            : template.sections.map(renderSection)}
        </div>
      </div>
    </div>
  );
}
