/**
 * The shape of an assessment template file (`templates/<kind>.v<version>.json`). Templates
 * are data: the questions, their texts in Swedish and English, their answer types and the
 * rules that need them (weights, which answers need a comment or a registry number) live
 * in the file, not in code. A file is loaded into `AssessmentTemplate` once per
 * (kind, version) and never changes afterwards: a change is a new version.
 */
import { z } from "zod";

export const templateKinds = ["TRUST_MODEL", "AI_ACT_CLASSIFICATION", "DPIA_SCREENING", "FRIA", "GENAI_GUIDELINE"] as const;
export const templateKind = z.enum(templateKinds);
export type TemplateKind = z.infer<typeof templateKind>;

const text = z.object({ sv: z.string().trim().min(1), en: z.string().trim().min(1) }).strict();
export type LocalisedText = z.infer<typeof text>;

const key = z.string().regex(/^[a-z][a-z0-9_]*$/, "keys are snake_case");

/**
 * How a question is answered.
 * - `TRUST_ANSWER`: the trust model's yes / no / no answer, plus our extensions "partly"
 *   and "not applicable" (values YES, NO, PARTLY, NOT_APPLICABLE; unanswered is no answer).
 * - `YES_NO`: a plain yes or no (YES, NO).
 * - `SINGLE_CHOICE` / `MULTI_CHOICE`: one or several of `options` (their `value`s).
 * - `TEXT`: free text. `DATE`: YYYY-MM-DD. `REGISTRY_NUMBER`: a diarienummer.
 */
export const answerType = z.enum(["TRUST_ANSWER", "YES_NO", "SINGLE_CHOICE", "MULTI_CHOICE", "TEXT", "DATE", "REGISTRY_NUMBER"]);
export type AnswerType = z.infer<typeof answerType>;

export const trustAnswers = ["YES", "NO", "PARTLY", "NOT_APPLICABLE"] as const;
/** The values that the original trust model does not have: the UI marks them as Tillit's. */
export const extensionTrustAnswers = ["PARTLY", "NOT_APPLICABLE"] as const;

const option = z
  .object({
    value: z.string().regex(/^[A-Z][A-Z0-9_]*$/, "option values are UPPER_SNAKE_CASE"),
    label: text,
    help: text.optional(),
    /** An option that excludes the others in a MULTI_CHOICE ("none of these"). */
    exclusive: z.boolean().optional(),
  })
  .strict();

/** Show the question only when another question's answer is one of `anyOf` (for MULTI_CHOICE: contains one of them). */
const showIf = z.object({ question: key, anyOf: z.array(z.string()).min(1) }).strict();

export const questionDefinition = z
  .object({
    key,
    section: key,
    text,
    help: text.optional(),
    answerType,
    options: z.array(option).min(2).optional(),
    /** Must be answered before the assessment can be submitted (when shown). */
    required: z.boolean(),
    /** Answers that need a comment explaining them (e.g. NO, PARTLY). */
    commentRequiredFor: z.array(z.string()).optional(),
    /** Answers that need the registry number (diarienummer) or document reference of an analysis. */
    referenceRequiredFor: z.array(z.string()).optional(),
    /** Where the template scores: the weight of this question (default 1). */
    weight: z.number().positive().optional(),
    showIf: showIf.optional(),
    /** Trust model follow-up part: a recurring check (asked again at every review). */
    recurring: z.boolean().optional(),
  })
  .strict()
  .superRefine((question, ctx) => {
    const choice = question.answerType === "SINGLE_CHOICE" || question.answerType === "MULTI_CHOICE";
    if (choice && !question.options) ctx.addIssue({ code: "custom", message: `${question.key}: a choice needs options` });
    if (!choice && question.options) ctx.addIssue({ code: "custom", message: `${question.key}: only choices have options` });
  });
export type QuestionDefinition = z.infer<typeof questionDefinition>;

export const sectionDefinition = z
  .object({
    key,
    /** The trust model's three parts; other templates use one part. */
    part: z.enum(["BEFORE_DEVELOPMENT", "DEVELOPMENT_AND_OPERATION", "FOLLOW_UP", "MAIN"]),
    title: text,
    intro: text.optional(),
  })
  .strict();
export type SectionDefinition = z.infer<typeof sectionDefinition>;

export const templateDefinition = z
  .object({
    kind: templateKind,
    version: z.number().int().positive(),
    title: text,
    description: text,
    /** Default months from approval to the next review. */
    reviewIntervalMonths: z.number().int().min(1).max(60),
    /** Where the content comes from, for the record (e.g. "DIGG, Förtroendemodellen för AI, 2023"). */
    sources: z.array(z.string().min(1)).min(1),
    sections: z.array(sectionDefinition).min(1),
    questions: z.array(questionDefinition).min(1),
  })
  .strict()
  .superRefine((template, ctx) => {
    const sections = new Set(template.sections.map((s) => s.key));
    if (sections.size !== template.sections.length) ctx.addIssue({ code: "custom", message: "section keys repeat" });
    const seen = new Set<string>();
    for (const question of template.questions) {
      if (seen.has(question.key)) ctx.addIssue({ code: "custom", message: `question key ${question.key} repeats` });
      seen.add(question.key);
      if (!sections.has(question.section))
        ctx.addIssue({ code: "custom", message: `${question.key}: unknown section ${question.section}` });
      if (question.showIf && !seen.has(question.showIf.question))
        ctx.addIssue({ code: "custom", message: `${question.key}: showIf must name an earlier question` });
    }
  });
export type TemplateDefinition = z.infer<typeof templateDefinition>;
