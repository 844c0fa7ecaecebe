/**
 * Inputs of the assessment procedures: one schema per concept, used by the forms in the
 * browser and by the procedures on the server.
 */
import { z } from "zod";
import { optionalCalendarDate, pageCursor, rowVersion, text } from "../schema-parts";
import { AssessmentPhase, AssessmentStatus } from "../../db/generated/enums";
import { organisationSlugInput } from "../organisations/schemas";
import { templateKind } from "./template-definition";

export const assessmentPhase = z.enum(AssessmentPhase);
export const assessmentStatus = z.enum(AssessmentStatus);

/** A calendar date as YYYY-MM-DD, or empty for "none". */
const optionalDate = optionalCalendarDate();

export const assessmentIdInput = organisationSlugInput.extend({ id: z.uuid() });
export const assessmentVersionInput = assessmentIdInput.extend({ version: rowVersion() });

/** Owner, phase and dates: what `manage` changes, and what a new assessment starts with. */
export const assessmentPlanFields = z.object({
  phase: assessmentPhase,
  ownerId: z
    .union([z.literal(""), z.uuid("choose a member")])
    .nullable()
    .optional()
    .transform((value) => (value ? value : null)),
  dueOn: optionalDate,
});
export type AssessmentPlanFields = z.infer<typeof assessmentPlanFields>;

export const startAssessmentInput = organisationSlugInput.extend({
  useCaseId: z.uuid(),
  templateKind,
  plan: assessmentPlanFields,
});

export const updateAssessmentPlanInput = assessmentVersionInput.extend({
  plan: assessmentPlanFields.extend({ nextReviewOn: optionalDate }),
});

/** One answer as the form sends it. The value is checked against its question by the service. */
export const answerFields = z.object({
  value: z.union([text().max(10_000, "must be at most 10 000 characters"), z.array(text().max(200)).max(50)]).nullable(),
  comment: text()
    .trim()
    .max(10_000, "must be at most 10 000 characters")
    .nullable()
    .transform((value) => (value ? value : null)),
  reference: text()
    .trim()
    .max(200, "must be at most 200 characters")
    .nullable()
    .transform((value) => (value ? value : null)),
});
export type AnswerFields = z.infer<typeof answerFields>;

export const saveAnswerInput = assessmentIdInput.extend({
  questionKey: text().min(1).max(100),
  /** The version of the answer the person read; null when it had no answer. */
  answerVersion: rowVersion().nullable(),
  answer: answerFields,
});

export const requestChangesInput = assessmentVersionInput.extend({
  message: text().trim().min(1, "is required").max(4_000, "must be at most 4 000 characters"),
});

export const approveInput = assessmentVersionInput.extend({
  /** Defaults to the template's review interval after approval. */
  nextReviewOn: optionalDate,
});

export const commentInput = assessmentIdInput.extend({
  questionKey: text().min(1).max(100).nullable(),
  body: text().trim().min(1, "is required").max(4_000, "must be at most 4 000 characters"),
});

export const resolveCommentInput = assessmentIdInput.extend({ commentId: z.uuid() });

export const importAnswersInput = assessmentVersionInput.extend({
  /** The JSON file's text. */
  content: text().min(2, "the file is empty").max(2_000_000, "the file is larger than 2 MB"),
});

export const assessmentListFilters = z.object({
  status: z.array(assessmentStatus).max(4).default([]),
  templateKind: z.array(templateKind).max(5).default([]),
  /** Not approved and past due, or approved and past its next review. */
  overdue: z.boolean().optional(),
  /** Approved, with the next review within this many days. */
  reviewWithinDays: z.number().int().min(0).max(366).optional(),
  ownerId: z.uuid().optional(),
  businessArea: text().max(200).optional(),
  useCaseId: z.uuid().optional(),
});
export type AssessmentListFilters = z.infer<typeof assessmentListFilters>;

export const assessmentListInput = organisationSlugInput.extend({
  filters: assessmentListFilters.default({ status: [], templateKind: [] }),
  cursor: pageCursor().optional(),
  limit: z.number().int().min(1).max(100).default(25),
});

export const statusBoardInput = organisationSlugInput.extend({
  businessArea: text().max(200).optional(),
  ownerId: z.uuid().optional(),
});

export const useCaseAssessmentsInput = organisationSlugInput.extend({ useCaseId: z.uuid() });
