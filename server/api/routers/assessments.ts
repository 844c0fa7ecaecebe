import { listAssessments } from "../../domain/assessments/list";
import {
  approveInput,
  assessmentIdInput,
  assessmentListInput,
  assessmentVersionInput,
  commentInput,
  importAnswersInput,
  requestChangesInput,
  resolveCommentInput,
  saveAnswerInput,
  startAssessmentInput,
  statusBoardInput,
  updateAssessmentPlanInput,
  useCaseAssessmentsInput,
} from "../../domain/assessments/schemas";
import {
  addComment,
  approveAssessment,
  deleteAssessment,
  getAssessment,
  importAnswers,
  requestChanges,
  resolveComment,
  saveAnswer,
  startAssessment,
  startNextVersion,
  submitAssessment,
  updateAssessmentPlan,
  assessmentsOfUseCase,
} from "../../domain/assessments/service";
import { statusBoard } from "../../domain/assessments/status-board";
import { assessmentSharingInput } from "../../domain/suppliers/schemas";
import { setAssessmentSharing } from "../../domain/suppliers/sharing";
import { organisationChange } from "../change-context";
import { orgProcedure, router } from "../trpc";

export const assessmentsRouter = router({
  list: orgProcedure("assessment.read")
    .input(assessmentListInput)
    .query(({ ctx, input }) => listAssessments(ctx.tx, ctx.organisation.id, input.filters, input)),

  get: orgProcedure("assessment.read")
    .input(assessmentIdInput)
    .query(({ ctx, input }) => getAssessment(ctx.tx, ctx.organisation.id, input.id)),

  forUseCase: orgProcedure("assessment.read")
    .input(useCaseAssessmentsInput)
    .query(({ ctx, input }) => assessmentsOfUseCase(ctx.tx, ctx.organisation.id, input.useCaseId)),

  statusBoard: orgProcedure("assessment.read")
    .input(statusBoardInput)
    .query(({ ctx, input }) => statusBoard(ctx.tx, ctx.organisation.id, input)),

  start: orgProcedure("assessment.create")
    .input(startAssessmentInput)
    .mutation(({ ctx, input }) => startAssessment(ctx.tx, organisationChange(ctx), input)),

  updatePlan: orgProcedure("assessment.manage")
    .input(updateAssessmentPlanInput)
    .mutation(({ ctx, input }) => updateAssessmentPlan(ctx.tx, organisationChange(ctx), input)),

  saveAnswer: orgProcedure("assessment.answer")
    .input(saveAnswerInput)
    .mutation(({ ctx, input }) => saveAnswer(ctx.tx, organisationChange(ctx), input)),

  importAnswers: orgProcedure("assessment.answer")
    .input(importAnswersInput)
    .mutation(({ ctx, input }) => importAnswers(ctx.tx, organisationChange(ctx), input)),

  submit: orgProcedure("assessment.answer")
    .input(assessmentVersionInput)
    .mutation(({ ctx, input }) => submitAssessment(ctx.tx, organisationChange(ctx), input)),

  requestChanges: orgProcedure("assessment.review")
    .input(requestChangesInput)
    .mutation(({ ctx, input }) => requestChanges(ctx.tx, organisationChange(ctx), input)),

  approve: orgProcedure("assessment.review")
    .input(approveInput)
    .mutation(({ ctx, input }) => approveAssessment(ctx.tx, organisationChange(ctx), input)),

  startNextVersion: orgProcedure("assessment.create")
    .input(assessmentVersionInput)
    .mutation(({ ctx, input }) => startNextVersion(ctx.tx, organisationChange(ctx), input)),

  delete: orgProcedure("assessment.delete")
    .input(assessmentVersionInput)
    .mutation(({ ctx, input }) => deleteAssessment(ctx.tx, organisationChange(ctx), input)),

  comment: orgProcedure("assessment.comment")
    .input(commentInput)
    .mutation(({ ctx, input }) => addComment(ctx.tx, organisationChange(ctx), input)),

  resolveComment: orgProcedure("assessment.resolve")
    .input(resolveCommentInput)
    .mutation(({ ctx, input }) => resolveComment(ctx.tx, organisationChange(ctx), input)),

  /** Shares an approved assessment with organisations that use the same product (or stops). */
  setSharing: orgProcedure("assessment.manage")
    .input(assessmentSharingInput)
    .mutation(({ ctx, input }) => setAssessmentSharing(ctx.tx, organisationChange(ctx), input)),
});
