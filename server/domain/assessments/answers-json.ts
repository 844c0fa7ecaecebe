/**
 * Answers as JSON: our own export, and an import that also reads what other tools (the
 * trust model's own JSON export in particular) are likely to write: an object from
 * question to answer, or a list of { question, answer, comment }. A question is found by
 * its key or by its text in either language; an answer is read in words ("ja", "delvis",
 * "not applicable", an option's label…). What can be mapped is; the rest is reported, each
 * with why. Pure functions: the service decides what to save.
 */
import { z } from "zod";
import { type Answer, type AnswerValue, answerValueProblem, isAnswered, isShown } from "./answers";
import type { QuestionDefinition, TemplateDefinition, TemplateKind } from "./template-definition";
import type { AssessmentView } from "./view";

export const ANSWERS_FORMAT = "tillit.assessment-answers";
export const ANSWERS_FORMAT_VERSION = 1;

const MAX_TEXT = 10_000;
const MAX_REFERENCE = 200;

// Export ------------------------------------------------------------------------------

export interface ExportedAnswer {
  key: string;
  /** The section's Swedish title. */
  section: string;
  /** The question's Swedish text. */
  question: string;
  value: AnswerValue;
  comment: string | null;
  reference: string | null;
}

export interface AnswersExport {
  format: typeof ANSWERS_FORMAT;
  formatVersion: typeof ANSWERS_FORMAT_VERSION;
  exportedAt: string;
  template: { kind: TemplateKind; version: number };
  useCase: { reference: string; title: string };
  status: AssessmentView["status"];
  answers: ExportedAnswer[];
}

function hasContent(answer: Answer | undefined): answer is Answer {
  return isAnswered(answer) || Boolean(answer?.comment?.trim()) || Boolean(answer?.reference?.trim());
}

/**
 * The assessment's answers in template order: every shown question that has an answer
 * (or, without one, a comment or a reference, so that nothing written is lost).
 */
export function exportAnswersJson(view: AssessmentView, now: Date = new Date()): AnswersExport {
  const definition = view.template.definition;
  const sectionTitle = new Map(definition.sections.map((s) => [s.key, s.title.sv]));
  const answers: ExportedAnswer[] = [];
  for (const question of definition.questions) {
    const answer = view.answers[question.key];
    if (!isShown(question, view.answers, definition) || !hasContent(answer)) continue;
    answers.push({
      key: question.key,
      section: sectionTitle.get(question.section) ?? question.section,
      question: question.text.sv,
      value: isAnswered(answer) ? answer.value : null,
      comment: answer.comment?.trim() ? answer.comment : null,
      reference: answer.reference?.trim() ? answer.reference : null,
    });
  }
  return {
    format: ANSWERS_FORMAT,
    formatVersion: ANSWERS_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    template: { kind: view.template.kind, version: view.template.version },
    useCase: { reference: view.useCase.reference, title: view.useCase.title },
    status: view.status,
    answers,
  };
}

// The import's shape ------------------------------------------------------------------

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** An answer as written: a word, a text, true/false, null or a list (items are checked when mapped). */
const answerInput = z.union([scalar, z.array(z.unknown())]);
const identifierInput = z.union([z.string(), z.number()]);
const noteInput = z.union([z.string(), z.number()]).nullish();

/** One answer written out as an object, with its fields in English or Swedish. */
const answerEntry = z.looseObject({
  key: identifierInput.optional(),
  id: identifierInput.optional(),
  question: identifierInput.optional(),
  fråga: identifierInput.optional(),
  fraga: identifierInput.optional(),
  answer: answerInput.optional(),
  svar: answerInput.optional(),
  value: answerInput.optional(),
  comment: noteInput,
  kommentar: noteInput,
  motivering: noteInput,
  reference: noteInput,
  referens: noteInput,
  diarienummer: noteInput,
});
type AnswerEntry = z.infer<typeof answerEntry>;

/** In an object from question to answer: the answer itself, or an object with answer, comment… */
const answerOrEntry = z.union([answerInput, answerEntry]);
type AnswerOrEntry = z.infer<typeof answerOrEntry>;

const ownFormat = z.looseObject({
  format: z.literal(ANSWERS_FORMAT),
  formatVersion: z.number(),
  template: z.looseObject({ kind: z.string(), version: z.number().optional() }),
  answers: z.array(answerEntry),
});

const answerList = z.array(answerEntry);
const answerMap = z.record(z.string(), answerOrEntry);

/**
 * What the import accepts: (a) our own export; (b) `{ answers: [...] | {...} }`;
 * (c) a list of answer objects; (d) an object from question (key or text) to answer.
 * Only a shape that cannot be any of these fails.
 */
export const answersImportSchema = z.union([
  ownFormat,
  z.looseObject({ answers: z.union([answerList, answerMap]) }),
  answerList,
  answerMap,
]);
export type AnswersImportInput = z.infer<typeof answersImportSchema>;

// Mapping -----------------------------------------------------------------------------

export interface ImportedAnswer {
  questionKey: string;
  value: AnswerValue;
  comment: string | null;
  reference: string | null;
}

export type UnmatchedReason = "UNKNOWN_QUESTION" | "INVALID_VALUE" | "TEMPLATE_MISMATCH";

export interface UnmatchedAnswer {
  /** How the file names the question (its key or text), or its position ("#3") when it names none. */
  identifier: string;
  reason: UnmatchedReason;
  detail: string;
}

export interface MappedAnswers {
  answers: ImportedAnswer[];
  unmatched: UnmatchedAnswer[];
}

/** One answer of the file, whatever form it came in. */
interface RawAnswer {
  /** Candidate names of the question, most specific first. */
  identifiers: string[];
  /** What to call it in a report. */
  label: string;
  value: unknown;
  comment: unknown;
  reference: unknown;
}

const firstDefined = (...values: unknown[]): unknown => values.find((v) => v !== undefined && v !== null);

function identifiersOf(entry: AnswerEntry): string[] {
  return [entry.key, entry.id, entry.question, entry.fråga, entry.fraga]
    .filter((v): v is string | number => v !== undefined)
    .map(String)
    .filter((v) => v.trim() !== "");
}

function fromEntry(entry: AnswerEntry, position: number, name?: string): RawAnswer {
  const identifiers = name === undefined ? identifiersOf(entry) : [name, ...identifiersOf(entry)];
  return {
    identifiers,
    label: identifiers[0] ?? `#${position + 1}`,
    value: [entry.answer, entry.svar, entry.value].find((v) => v !== undefined) ?? null,
    comment: firstDefined(entry.comment, entry.kommentar, entry.motivering),
    reference: firstDefined(entry.reference, entry.referens, entry.diarienummer),
  };
}

function isEntryObject(value: AnswerOrEntry): value is AnswerEntry {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fromMap(map: Record<string, AnswerOrEntry>): RawAnswer[] {
  return Object.entries(map).map(([name, value], position) =>
    isEntryObject(value)
      ? fromEntry(value, position, name)
      : { identifiers: [name], label: name, value, comment: null, reference: null },
  );
}

function rawAnswers(input: AnswersImportInput): { templateKind: string | null; answers: RawAnswer[] } {
  if (Array.isArray(input)) return { templateKind: null, answers: input.map((entry, i) => fromEntry(entry, i)) };
  const own = ownFormat.safeParse(input);
  if (own.success) return { templateKind: own.data.template.kind, answers: own.data.answers.map((e, i) => fromEntry(e, i)) };
  const wrapped = z.looseObject({ answers: z.union([answerList, answerMap]) }).safeParse(input);
  if (wrapped.success) {
    const inner = wrapped.data.answers;
    return { templateKind: null, answers: Array.isArray(inner) ? inner.map((e, i) => fromEntry(e, i)) : fromMap(inner) };
  }
  return { templateKind: null, answers: fromMap(answerMap.parse(input)) };
}

// Finding the question

/** Case, spacing and a trailing question mark do not matter. */
function normaliseName(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim().replace(/\s*\?+$/, "");
}

function questionIndex(definition: TemplateDefinition): Map<string, QuestionDefinition> {
  const index = new Map<string, QuestionDefinition>();
  const add = (name: string, question: QuestionDefinition) => {
    const normalised = normaliseName(name);
    if (!index.has(normalised)) index.set(normalised, question);
  };
  for (const question of definition.questions) add(question.key, question);
  for (const question of definition.questions) {
    add(question.text.sv, question);
    add(question.text.en, question);
  }
  return index;
}

// Reading the answer

type Conversion = { ok: true; value: AnswerValue } | { ok: false; detail: string };

const ok = (value: AnswerValue): Conversion => ({ ok: true, value });
const invalid = (detail: string): Conversion => ({ ok: false, detail });

/** A word as compared: lower case, single spaces, without a trailing "(Tillits tillägg)"-style note or full stop. */
function normaliseWord(text: string): string {
  return normaliseName(text)
    .replace(/\s*\([^)]*\)$/, "")
    .replace(/\.$/, "")
    .trim();
}

const NO_ANSWER_WORDS = new Set(["", "-", "–", "vet ej", "vet inte", "inget svar", "ej besvarad", "obesvarad", "no answer", "unanswered", "don't know", "unknown"]);

const TRUST_WORDS: Record<string, string> = {
  ja: "YES",
  yes: "YES",
  true: "YES",
  nej: "NO",
  no: "NO",
  false: "NO",
  delvis: "PARTLY",
  partly: "PARTLY",
  partially: "PARTLY",
  "ej tillämpligt": "NOT_APPLICABLE",
  "inte tillämpligt": "NOT_APPLICABLE",
  "ej tillampligt": "NOT_APPLICABLE",
  "not applicable": "NOT_APPLICABLE",
  "n/a": "NOT_APPLICABLE",
  not_applicable: "NOT_APPLICABLE",
};

function isNoAnswer(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return NO_ANSWER_WORDS.has(normaliseWord(value));
  return Array.isArray(value) && value.every(isNoAnswer);
}

const quoted = (value: unknown): string => (typeof value === "string" ? `"${value}"` : JSON.stringify(value) ?? String(value));

function single(value: unknown): unknown {
  return Array.isArray(value) && value.length === 1 ? value[0] : value;
}

function trustWord(value: unknown, allowed: readonly string[]): Conversion {
  const word = single(value);
  const found = typeof word === "boolean" ? (word ? "YES" : "NO") : typeof word === "string" ? TRUST_WORDS[normaliseWord(word)] : undefined;
  if (found && allowed.includes(found)) return ok(found);
  const expected = allowed.length === 2 ? "yes or no (ja/nej)" : "yes, no, partly or not applicable (ja, nej, delvis, ej tillämpligt)";
  return invalid(`${quoted(value)} is not an answer to this question; expected ${expected}.`);
}

function optionFor(question: QuestionDefinition, text: string): string | null {
  const wanted = normaliseWord(text);
  const option = question.options?.find(
    (o) => o.value.toLowerCase() === wanted || normaliseWord(o.label.sv) === wanted || normaliseWord(o.label.en) === wanted,
  );
  return option?.value ?? null;
}

function optionList(question: QuestionDefinition): string {
  return (question.options ?? []).map((o) => `"${o.label.sv}"`).join(", ");
}

function singleChoice(question: QuestionDefinition, value: unknown): Conversion {
  const word = single(value);
  const found = typeof word === "string" ? optionFor(question, word) : null;
  return found ? ok(found) : invalid(`${quoted(value)} is not one of the choices ${optionList(question)}.`);
}

/** A list, or one text naming one choice or several separated by ";", line breaks or ",". */
function choiceItems(question: QuestionDefinition, value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value !== "string" || optionFor(question, value)) return [value];
  const bySemicolon = value.split(/[;\n]/);
  return bySemicolon.length > 1 ? bySemicolon : value.split(",");
}

function multiChoice(question: QuestionDefinition, value: unknown): Conversion {
  const items = choiceItems(question, value).filter((item) => !isNoAnswer(item));
  const chosen: string[] = [];
  for (const item of items) {
    const found = typeof item === "string" ? optionFor(question, item) : null;
    if (!found) return invalid(`${quoted(item)} is not one of the choices ${optionList(question)}.`);
    if (!chosen.includes(found)) chosen.push(found);
  }
  return ok(chosen.length === 0 ? null : chosen);
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function dateValue(value: unknown): Conversion {
  const word = single(value);
  const text = typeof word === "string" ? word.trim() : "";
  return isCalendarDate(text) ? ok(text) : invalid(`${quoted(value)} is not a date written YYYY-MM-DD.`);
}

function textValue(value: unknown): Conversion {
  const word = single(value);
  if (typeof word !== "string" && typeof word !== "number") return invalid(`${quoted(value)} is not a text.`);
  const text = String(word).trim();
  if (text.length > MAX_TEXT) return invalid(`The text is ${text.length} characters long; at most ${MAX_TEXT} are allowed.`);
  return ok(text === "" ? null : text);
}

function convertValue(question: QuestionDefinition, value: unknown): Conversion {
  if (isNoAnswer(value)) return ok(null);
  if (Array.isArray(value) && value.length > 1 && question.answerType !== "MULTI_CHOICE")
    return invalid(`The question takes one answer, not a list of ${value.length}.`);
  switch (question.answerType) {
    case "TRUST_ANSWER":
      return trustWord(value, ["YES", "NO", "PARTLY", "NOT_APPLICABLE"]);
    case "YES_NO":
      return trustWord(value, ["YES", "NO"]);
    case "SINGLE_CHOICE":
      return singleChoice(question, value);
    case "MULTI_CHOICE":
      return multiChoice(question, value);
    case "DATE":
      return dateValue(value);
    case "TEXT":
    case "REGISTRY_NUMBER":
      return textValue(value);
  }
}

/** The converted value, checked by the same rule as an answer saved in the form. */
function checkedValue(question: QuestionDefinition, value: unknown): Conversion {
  const converted = convertValue(question, value);
  if (!converted.ok) return converted;
  const problem = answerValueProblem(question, converted.value);
  return problem ? invalid(`The answer ${problem}.`) : converted;
}

type NoteResult = { ok: true; text: string | null } | { ok: false; detail: string };

function note(value: unknown, max: number, what: string): NoteResult {
  if (value === null || value === undefined) return { ok: true, text: null };
  if (typeof value !== "string" && typeof value !== "number") return { ok: false, detail: `The ${what} is not a text.` };
  const text = String(value).trim();
  if (text.length > max) return { ok: false, detail: `The ${what} is ${text.length} characters long; at most ${max} are allowed.` };
  return { ok: true, text: text === "" ? null : text };
}

function mapOne(raw: RawAnswer, index: Map<string, QuestionDefinition>): ImportedAnswer | UnmatchedAnswer {
  const question = raw.identifiers.map((name) => index.get(normaliseName(name))).find((q) => q !== undefined);
  if (!question) {
    const detail =
      raw.identifiers.length === 0
        ? "The answer does not say which question it answers (no key, id or question)."
        : `No question in the template has the key or text ${quoted(raw.label)}.`;
    return { identifier: raw.label, reason: "UNKNOWN_QUESTION", detail };
  }
  const value = checkedValue(question, raw.value);
  const comment = note(raw.comment, MAX_TEXT, "comment");
  const reference = note(raw.reference, MAX_REFERENCE, "reference");
  for (const result of [value, comment, reference]) {
    if (!result.ok) return { identifier: raw.label, reason: "INVALID_VALUE", detail: `${question.key}: ${result.detail}` };
  }
  return {
    questionKey: question.key,
    value: value.ok ? value.value : null,
    comment: comment.ok ? comment.text : null,
    reference: reference.ok ? reference.text : null,
  };
}

function isImported(result: ImportedAnswer | UnmatchedAnswer): result is ImportedAnswer {
  return "questionKey" in result;
}

function templateMismatch(kind: string, definition: TemplateDefinition, answers: RawAnswer[]): MappedAnswers {
  const detail = `The file holds answers to a ${kind} assessment, not ${definition.kind}.`;
  const unmatched = answers.map((raw): UnmatchedAnswer => ({ identifier: raw.label, reason: "TEMPLATE_MISMATCH", detail }));
  return { answers: [], unmatched: unmatched.length > 0 ? unmatched : [{ identifier: "template", reason: "TEMPLATE_MISMATCH", detail }] };
}

/**
 * The file's answers for the template's questions, in the file's order, and what could not
 * be used, with why. Throws (a ZodError) only when the input has none of the accepted shapes.
 */
export function mapImportedAnswers(definition: TemplateDefinition, input: unknown): MappedAnswers {
  const { templateKind, answers: raws } = rawAnswers(answersImportSchema.parse(input));
  if (templateKind !== null && templateKind !== definition.kind) return templateMismatch(templateKind, definition, raws);
  const index = questionIndex(definition);
  const result: MappedAnswers = { answers: [], unmatched: [] };
  for (const raw of raws) {
    const mapped = mapOne(raw, index);
    if (!isImported(mapped)) {
      result.unmatched.push(mapped);
    } else if (result.answers.some((a) => a.questionKey === mapped.questionKey)) {
      result.unmatched.push({
        identifier: raw.label,
        reason: "INVALID_VALUE",
        detail: `${mapped.questionKey}: the question is answered more than once; the first answer is used.`,
      });
    } else {
      result.answers.push(mapped);
    }
  }
  return result;
}
