/**
 * One assessment as the UI, the report and the JSON export read it
 * (returned by `getAssessment` in service.ts).
 */
import type { AssessmentPhase, AssessmentStatus, RiskClass } from "../../db/generated/enums";
import type { AuditEventView } from "../audit/queries";
import type { Answer, AnswerProblem, OpenRisk, Progress } from "./answers";
import type { AssessmentResult } from "./results";
import type { TemplateDefinition, TemplateKind } from "./template-definition";

export interface Person {
  id: string;
  name: string;
  email: string;
}

export interface AnswerView extends Answer {
  version: number;
  updatedBy: Person | null;
  updatedAt: Date;
}

export interface CommentView {
  id: string;
  /** Null: a comment on the whole assessment (e.g. the message of a change request). */
  questionKey: string | null;
  body: string;
  authorId: string | null;
  authorName: string;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedByName: string | null;
}

export interface AssessmentVersionSummary {
  id: string;
  seriesVersion: number;
  status: AssessmentStatus;
  templateVersion: number;
  approvedAt: Date | null;
  supersededAt: Date | null;
}

export interface AssessmentView {
  id: string;
  organisation: { id: string; slug: string; name: string };
  useCase: { id: string; reference: string; title: string; riskClass: RiskClass };
  template: { id: string; kind: TemplateKind; version: number; reviewIntervalMonths: number; definition: TemplateDefinition };
  seriesId: string;
  seriesVersion: number;
  status: AssessmentStatus;
  phase: AssessmentPhase;
  owner: Person | null;
  /** YYYY-MM-DD */
  dueOn: string | null;
  /** YYYY-MM-DD */
  nextReviewOn: string | null;
  submittedAt: Date | null;
  submittedBy: Person | null;
  approvedAt: Date | null;
  approvedBy: Person | null;
  supersededAt: Date | null;
  lastAnsweredBy: Person | null;
  lastAnsweredAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  answers: Record<string, AnswerView>;
  comments: CommentView[];
  progress: Progress;
  /** Trust model only (empty otherwise). */
  openRisks: OpenRisk[];
  /** What keeps it from being submitted. */
  problems: AnswerProblem[];
  /** Computed from the current answers. */
  result: AssessmentResult;
  /** As approved (null before approval). */
  approvedResult: AssessmentResult | null;
  /** Not approved and past its due date, or approved and past its next review date (computed, never stored). */
  overdue: boolean;
  /** Every version of this assessment, newest first. */
  versions: AssessmentVersionSummary[];
  /** The assessment's audit events (workflow and answers), newest first. */
  history: AuditEventView[];
}
