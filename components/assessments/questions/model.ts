/**
 * The answers as the questions component keeps them in the browser: what the person is
 * typing (draft), what the server has (saved) and the version it was read at. Plain
 * functions, shared by the question, the section list and the save hook.
 */
import type { Answer, AnswerValue, Answers } from "@/server/domain/assessments/answers";
import { normaliseAnswerValue } from "@/server/domain/assessments/answers";
import { answerValueLabels } from "@/server/domain/assessments/labels";
import type { QuestionDefinition, SectionDefinition, TemplateDefinition } from "@/server/domain/assessments/template-definition";
import type { AnswerView, Person } from "@/server/domain/assessments/view";

export type Locale = "sv" | "en";

export interface LocalAnswer {
  draft: Answer;
  saved: Answer;
  /** The version the browser last read or wrote; null when the question has never been answered. */
  version: number | null;
  /** "self": saved from this page (the server's name arrives with the next refresh). */
  updatedBy: Person | "self" | null;
  updatedAt: Date | null;
}

export type LocalAnswers = Record<string, LocalAnswer>;

export const emptyAnswer: Answer = { value: null, comment: null, reference: null };

/** Element ids: `question-<key>` is the question's anchor, linked from elsewhere in the app. */
export const questionAnchor = (key: string) => `question-${key}`;
export const sectionAnchor = (key: string) => `section-${key}`;
export const controlId = (key: string, part: "value" | "comment" | "reference" | "help" | "problems" | "status" | "legend") =>
  `q-${key}-${part}`;

function fromView(answer: AnswerView): LocalAnswer {
  const plain: Answer = { value: answer.value, comment: answer.comment, reference: answer.reference };
  return { draft: plain, saved: plain, version: answer.version, updatedBy: answer.updatedBy, updatedAt: answer.updatedAt };
}

export function localAnswers(answers: Record<string, AnswerView>): LocalAnswers {
  return Object.fromEntries(Object.entries(answers).map(([key, answer]) => [key, fromView(answer)]));
}

/**
 * After a refresh: an answer someone saved since the browser read it replaces the local
 * one. Answers this page saved itself stay, and so does an answer with unsaved changes:
 * saving it then meets the conflict, which says who changed it, instead of losing either.
 */
export function mergeServerAnswers(local: LocalAnswers, server: Record<string, AnswerView>): LocalAnswers {
  const next = { ...local };
  for (const [key, answer] of Object.entries(server)) {
    const mine = local[key];
    const newer = !mine || mine.version === null || answer.version > mine.version;
    if (newer && (!mine || sameAnswer(mine.draft, mine.saved))) next[key] = fromView(answer);
  }
  return next;
}

/** The answers the rules see: what is on screen now. */
export function draftAnswers(local: LocalAnswers): Answers {
  return Object.fromEntries(Object.entries(local).map(([key, answer]) => [key, answer.draft]));
}

/** The answers as the server has them. */
export function savedAnswers(local: LocalAnswers): Answers {
  return Object.fromEntries(Object.entries(local).map(([key, answer]) => [key, answer.saved]));
}

const text = (value: string | null) => {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
};

/** An answer as it is stored: trimmed, empty means none. */
export function normaliseAnswer(answer: Answer): Answer {
  return { value: normaliseAnswerValue(answer.value), comment: text(answer.comment), reference: text(answer.reference) };
}

export function sameAnswer(a: Answer, b: Answer): boolean {
  const x = normaliseAnswer(a);
  const y = normaliseAnswer(b);
  return JSON.stringify([x.value, x.comment, x.reference]) === JSON.stringify([y.value, y.comment, y.reference]);
}

/** Which part of an answer a problem is about (by its code: `...commentRequired`, `...referenceRequired`, else the value). */
export function problemPart(code: string): "value" | "comment" | "reference" {
  if (code.endsWith("commentRequired")) return "comment";
  if (code.endsWith("referenceRequired")) return "reference";
  return "value";
}

export function valuesOf(value: AnswerValue): string[] {
  if (value === null) return [];
  return Array.isArray(value) ? value : value.trim() === "" ? [] : [value];
}

/** An answer value in words (yes/no, an option's label, or the text itself). */
export function valueInWords(question: QuestionDefinition, value: AnswerValue, locale: Locale): string | null {
  const values = valuesOf(value);
  if (values.length === 0) return null;
  switch (question.answerType) {
    case "TRUST_ANSWER":
    case "YES_NO":
      return values.map((v) => answerValueLabels[v as keyof typeof answerValueLabels]?.[locale] ?? v).join(", ");
    case "SINGLE_CHOICE":
    case "MULTI_CHOICE":
      return values.map((v) => question.options?.find((option) => option.value === v)?.label[locale] ?? v).join(", ");
    default:
      return values.join(", ");
  }
}

/** Whether the current value asks for a comment / a reference. */
export function needsComment(question: QuestionDefinition, value: AnswerValue): boolean {
  return valuesOf(value).some((v) => question.commentRequiredFor?.includes(v));
}

export function needsReference(question: QuestionDefinition, value: AnswerValue): boolean {
  return valuesOf(value).some((v) => question.referenceRequiredFor?.includes(v));
}

/** Questions numbered "section.question" in template order; numbers never move when questions hide. */
export function questionNumbers(template: TemplateDefinition): Map<string, string> {
  const numbers = new Map<string, string>();
  template.sections.forEach((section, sectionIndex) => {
    template.questions
      .filter((question) => question.section === section.key)
      .forEach((question, questionIndex) => numbers.set(question.key, `${sectionIndex + 1}.${questionIndex + 1}`));
  });
  return numbers;
}

export type Part = SectionDefinition["part"];

export interface PartGroup {
  part: Part;
  sections: SectionDefinition[];
}

/** Sections grouped by part, in template order; a template with one part is one group. */
export function partGroups(template: TemplateDefinition): PartGroup[] {
  const groups: PartGroup[] = [];
  for (const section of template.sections) {
    const last = groups.at(-1);
    if (last && last.part === section.part) last.sections.push(section);
    else groups.push({ part: section.part, sections: [section] });
  }
  return groups;
}

/** Whether the parts are worth showing as headings (the trust model's three parts). */
export function showsParts(groups: PartGroup[]): boolean {
  return groups.length > 1 || groups.some((group) => group.part !== "MAIN");
}
