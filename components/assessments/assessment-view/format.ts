import type { Locale } from "@/server/i18n/config";
import type { AnswerValue } from "@/server/domain/assessments/answers";
import { answerValueLabels } from "@/server/domain/assessments/labels";
import type { QuestionDefinition, TemplateDefinition } from "@/server/domain/assessments/template-definition";

/** A calendar day (YYYY-MM-DD) as a Date at UTC midnight: format it with timeZone "UTC" so the day does not shift. */
export function dayDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export const dayFormat = { dateStyle: "medium", timeZone: "UTC" } as const;

/** An answer in words: option labels, Ja/Nej/Delvis…, or the text as given; null when not answered. */
export function answerText(question: QuestionDefinition, value: AnswerValue | undefined, locale: Locale): string | null {
  const given = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
  const nonEmpty = given.filter((item) => item.trim() !== "");
  if (nonEmpty.length === 0) return null;
  const word = (item: string): string => {
    if (question.answerType === "TRUST_ANSWER" || question.answerType === "YES_NO") {
      return item in answerValueLabels ? answerValueLabels[item as keyof typeof answerValueLabels][locale] : item;
    }
    const option = question.options?.find((candidate) => candidate.value === item);
    return option ? option.label[locale] : item;
  };
  return nonEmpty.map(word).join("; ");
}

export function questionOf(definition: TemplateDefinition, key: string): QuestionDefinition | undefined {
  return definition.questions.find((question) => question.key === key);
}

export function sectionTitle(definition: TemplateDefinition, key: string, locale: Locale): string {
  return definition.sections.find((section) => section.key === key)?.title[locale] ?? key;
}

/** The anchor of a question on the assessment page (the questions component gives each question this id). */
export function questionAnchor(key: string): string {
  return `question-${key}`;
}
