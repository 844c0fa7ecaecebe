/** Stable problem codes of the publication workflow and the public register (see server/domain/problem-codes.ts). Kept free of imports. */
export const publicationCodes = [
  "publication.staleCursor",
  "publication.invalidTransition",
  "publication.noteRequired",
  "publication.reasonRequired",
  "publication.missingRequiredFields",
  "publication.useCaseArchived",
  "publication.nothingChanged",
  "publication.reportTooFast",
  "publication.reportExpired",
  "publication.reportRejected",
  "publication.tooManyReports",
  "publication.answerRequired",
  "publication.reportClosed",
  "publication.assigneeNotMember",
] as const;
export type PublicationCode = (typeof publicationCodes)[number];
