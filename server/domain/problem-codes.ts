/**
 * Stable codes for every rule a domain service can refuse input by (FieldProblem.code).
 * The UI translates them under "Problems" in server/i18n/messages/{sv,en}.json: a code
 * is "<area>.<rule>", looked up as Problems.<area>.<rule>. Never reword a code; add one.
 * Kept free of other imports (areas keep their codes in <area>/problem-codes.ts, plain
 * constants too) so the browser bundle and tests can read it.
 */

import { procurementCodes } from "./procurement/problem-codes";
import { publicationCodes } from "./public-register/problem-codes";
import { responsibilitiesCodes } from "./responsibilities/problem-codes";
import { suppliersCodes } from "./suppliers/problem-codes";

/** The register's rules across fields (server/domain/use-cases/rules.ts). */
export const useCaseRuleCodes = [
  "useCase.highRiskNeedsArea",
  "useCase.areaOnlyForHighRisk",
  "useCase.justificationRequired",
  "useCase.prohibitedNotLive",
  "useCase.inUseNeedsRiskClass",
  "useCase.inUseNeedsDate",
  "useCase.retiredNeedsDate",
  "useCase.publicationNeedsSummary",
  "useCase.publicationNeedsContact",
  "useCase.inUseBeforeStart",
  "useCase.retiredBeforeStart",
] as const;
export type UseCaseRuleCode = (typeof useCaseRuleCodes)[number];

/** Use case changes refused by the service (server/domain/use-cases/service.ts, list.ts). */
export const useCaseCodes = [
  "useCase.personalContactEmail",
  "useCase.archivedNotEditable",
  "useCase.alreadyArchived",
  "useCase.notArchived",
  "useCase.onlyIdeaDeletable",
  "useCase.staleCursor",
] as const;
export type UseCaseCode = (typeof useCaseCodes)[number];

/** Importing use cases from a file (server/domain/use-cases/import.ts). */
export const importCodes = ["import.fileProblem", "import.rowHasErrors"] as const;
export type ImportCode = (typeof importCodes)[number];

/** Members of an organisation (server/domain/access/members.ts). */
export const membershipCodes = ["membership.lastAdmin"] as const;
export type MembershipCode = (typeof membershipCodes)[number];

/** Invitations (server/domain/access/invitations.ts). */
export const invitationCodes = [
  "invitation.alreadyMember",
  "invitation.alreadyPending",
  "invitation.notPending",
  "invitation.expired",
  "invitation.used",
  "invitation.revoked",
  "invitation.unavailable",
  "invitation.youAreMember",
  "invitation.accountExists",
] as const;
export type InvitationCode = (typeof invitationCodes)[number];

/** Organisations (server/domain/organisations/service.ts). */
export const organisationCodes = ["organisation.slugTaken", "organisation.numberTaken"] as const;
export type OrganisationCode = (typeof organisationCodes)[number];

/** Assessments: answers, workflow and review (server/domain/assessments/). */
export const assessmentCodes = [
  "assessment.answerRequired",
  "assessment.commentRequired",
  "assessment.referenceRequired",
  "assessment.answerInvalid",
  "assessment.unknownQuestion",
  "assessment.locked",
  "assessment.inReview",
  "assessment.invalidTransition",
  "assessment.fourEyes",
  "assessment.unresolvedComments",
  "assessment.notComplete",
  "assessment.templateNotOffered",
  "assessment.openVersionExists",
  "assessment.ownerNotMember",
  "assessment.onlyFirstDraftDeletable",
  "assessment.useCaseArchived",
  "assessment.commentResolved",
  "assessment.importUnusable",
  "assessment.nextReviewBeforeApproval",
  "useCase.hasAssessments",
] as const;
export type AssessmentCode = (typeof assessmentCodes)[number];

export const problemCodes = [
  ...procurementCodes,
  ...publicationCodes,
  ...suppliersCodes,
  ...responsibilitiesCodes,
  ...assessmentCodes,
  ...useCaseRuleCodes,
  ...useCaseCodes,
  ...importCodes,
  ...membershipCodes,
  ...invitationCodes,
  ...organisationCodes,
] as const;
export type ProblemCode = (typeof problemCodes)[number];

/**
 * A value the record's schema refuses (a zod issue, e.g. in an imported row): its message
 * says why, and the UI shows that message as it is. The API uses zod's issue codes likewise.
 */
export const invalidValueCode = "invalid";
export type InvalidValueCode = typeof invalidValueCode;
