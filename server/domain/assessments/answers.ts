/**
 * Answers as the rules and the UI see them, and what makes one complete: which questions
 * are shown (showIf), which are required, which answers need a comment or a reference.
 * Plain functions over a template definition, testable without a database.
 */
import type { AssessmentPhase } from "../../db/generated/enums";
import type { QuestionDefinition, SectionDefinition, TemplateDefinition } from "./template-definition";

/** A string (or a list of them for MULTI_CHOICE); null or missing means not answered. */
export type AnswerValue = string | string[] | null;

export interface Answer {
  value: AnswerValue;
  comment: string | null;
  /** Registry number (diarienummer) or document reference. */
  reference: string | null;
}

/** Answers by question key. A question with no entry is unanswered. */
export type Answers = Record<string, Answer>;

export function isAnswered(answer: Answer | undefined): boolean {
  if (!answer || answer.value === null) return false;
  if (Array.isArray(answer.value)) return answer.value.length > 0;
  return answer.value.trim() !== "";
}

function valuesOf(answer: Answer | undefined): string[] {
  if (!answer || answer.value === null) return [];
  return Array.isArray(answer.value) ? answer.value : [answer.value];
}

/** Whether a question is shown, given the answers so far (a hidden question needs no answer). */
export function isShown(question: QuestionDefinition, answers: Answers, template: TemplateDefinition): boolean {
  if (!question.showIf) return true;
  const parent = template.questions.find((q) => q.key === question.showIf?.question);
  if (parent && !isShown(parent, answers, template)) return false;
  const given = valuesOf(answers[question.showIf.question]);
  return given.some((value) => question.showIf?.anyOf.includes(value));
}

/**
 * Whether a question must be answered in the assessment's phase. The trust model's parts
 * follow the system's life: the development-and-operation questions are asked once
 * development starts, the follow-up checks once the system is in operation. Other
 * templates (part MAIN) and the before-development part ask what their files say.
 */
export function isRequired(question: QuestionDefinition, template: TemplateDefinition, phase?: AssessmentPhase): boolean {
  if (!question.required) return false;
  if (!phase) return true;
  const part: SectionDefinition["part"] | undefined = template.sections.find((s) => s.key === question.section)?.part;
  if (part === "DEVELOPMENT_AND_OPERATION") return phase !== "BEFORE_DEVELOPMENT";
  if (part === "FOLLOW_UP") return phase === "OPERATION" || phase === "FOLLOW_UP";
  return true;
}

export type AnswerProblemCode =
  | "assessment.answerRequired"
  | "assessment.commentRequired"
  | "assessment.referenceRequired";

export interface AnswerProblem {
  questionKey: string;
  section: string;
  code: AnswerProblemCode;
}

/** What keeps the assessment from being submitted, in template order. */
export function answerProblems(template: TemplateDefinition, answers: Answers, phase?: AssessmentPhase): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  for (const question of template.questions) {
    if (!isShown(question, answers, template)) continue;
    const answer = answers[question.key];
    const base = { questionKey: question.key, section: question.section };
    if (!isAnswered(answer)) {
      if (isRequired(question, template, phase)) problems.push({ ...base, code: "assessment.answerRequired" });
      continue;
    }
    const given = valuesOf(answer);
    if (question.commentRequiredFor?.some((v) => given.includes(v)) && !answer?.comment?.trim())
      problems.push({ ...base, code: "assessment.commentRequired" });
    if (question.referenceRequiredFor?.some((v) => given.includes(v)) && !answer?.reference?.trim())
      problems.push({ ...base, code: "assessment.referenceRequired" });
  }
  return problems;
}

export interface Progress {
  /** Required questions (of those shown) that are answered. */
  answered: number;
  required: number;
  /** Every shown question that has an answer, required or not. */
  answeredAll: number;
  shown: number;
}

export function progress(template: TemplateDefinition, answers: Answers, phase?: AssessmentPhase): Progress {
  let answered = 0;
  let required = 0;
  let answeredAll = 0;
  let shown = 0;
  for (const question of template.questions) {
    if (!isShown(question, answers, template)) continue;
    shown += 1;
    const done = isAnswered(answers[question.key]);
    if (done) answeredAll += 1;
    if (isRequired(question, template, phase)) {
      required += 1;
      if (done) answered += 1;
    }
  }
  return { answered, required, answeredAll, shown };
}

export interface OpenRisk {
  questionKey: string;
  section: string;
  reason: "NO" | "PARTLY" | "UNANSWERED";
}

/**
 * The trust model's open risks: questions answered "no" (or "partly") and required
 * questions left unanswered, in template order with their sections.
 */
export function openRisks(template: TemplateDefinition, answers: Answers, phase?: AssessmentPhase): OpenRisk[] {
  const risks: OpenRisk[] = [];
  for (const question of template.questions) {
    if (question.answerType !== "TRUST_ANSWER" || !isShown(question, answers, template)) continue;
    const answer = answers[question.key];
    const base = { questionKey: question.key, section: question.section };
    if (!isAnswered(answer)) {
      if (isRequired(question, template, phase)) risks.push({ ...base, reason: "UNANSWERED" });
    } else if (answer?.value === "NO") risks.push({ ...base, reason: "NO" });
    else if (answer?.value === "PARTLY") risks.push({ ...base, reason: "PARTLY" });
  }
  return risks;
}

/** Why a value does not fit its question, or null when it does. */
export function answerValueProblem(question: QuestionDefinition, value: AnswerValue): string | null {
  if (value === null) return null;
  const allowed = (values: readonly string[]) => (typeof value === "string" && values.includes(value) ? null : `must be one of ${values.join(", ")}`);
  switch (question.answerType) {
    case "TRUST_ANSWER":
      return allowed(["YES", "NO", "PARTLY", "NOT_APPLICABLE"]);
    case "YES_NO":
      return allowed(["YES", "NO"]);
    case "SINGLE_CHOICE":
      return allowed((question.options ?? []).map((o) => o.value));
    case "MULTI_CHOICE": {
      if (!Array.isArray(value)) return "must be a list of choices";
      const options = question.options ?? [];
      const unknown = value.filter((v) => !options.some((o) => o.value === v));
      if (unknown.length > 0) return `unknown choices: ${unknown.join(", ")}`;
      if (new Set(value).size !== value.length) return "a choice is repeated";
      const exclusive = options.filter((o) => o.exclusive && value.includes(o.value));
      if (exclusive.length > 0 && value.length > 1) return `"${exclusive[0]?.label.en}" cannot be combined with other choices`;
      return null;
    }
    case "DATE":
      return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
        ? null
        : "must be a date (YYYY-MM-DD)";
    case "TEXT":
      return typeof value === "string" ? (value.length > 10_000 ? "must be at most 10 000 characters" : null) : "must be text";
    case "REGISTRY_NUMBER":
      return typeof value === "string" ? (value.length > 100 ? "must be at most 100 characters" : null) : "must be text";
  }
}

/** Stored form of a value: trimmed text, empty means not answered. */
export function normaliseAnswerValue(value: AnswerValue): AnswerValue {
  if (value === null) return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}
