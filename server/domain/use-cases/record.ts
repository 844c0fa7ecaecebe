/** The mapping between a use case's fields (as the schema gives them) and its table row. */
import type { Prisma, UseCase } from "../../db/generated/client";
import type { UseCaseFields } from "./schemas";

/** A use case as the form, the page and the export read it: the fields, plus identity and state. */
export type UseCaseRecord = UseCaseFields & {
  id: string;
  organisationId: string;
  reference: string;
  version: number;
  archivedAt: Date | null;
  /** Shared with DIGG's oversight: shown there record by record (set by its own audited change). */
  sharedWithOversight: boolean;
  createdAt: Date;
  updatedAt: Date;
};

function toDate(value: string | null): Date | null {
  return value === null ? null : new Date(`${value}T00:00:00.000Z`);
}

function toDay(value: Date | null): string | null {
  return value === null ? null : value.toISOString().slice(0, 10);
}

/** The form's fields as the table stores them (dates as midnight UTC, JSON columns). */
export function toUseCaseData(fields: UseCaseFields) {
  return {
    ...fields,
    startedOn: toDate(fields.startedOn),
    inUseSince: toDate(fields.inUseSince),
    retiredOn: toDate(fields.retiredOn),
    nextReviewOn: toDate(fields.nextReviewOn),
    legalReferences: fields.legalReferences as Prisma.InputJsonValue,
    withheldFields: fields.withheldFields as Prisma.InputJsonValue,
  };
}

/** A stored row as the form's fields (dates as YYYY-MM-DD), plus identity and state. */
export function toUseCaseRecord(row: UseCase): UseCaseRecord {
  const { createdById: _createdBy, updatedById: _updatedBy, ...rest } = row;
  return {
    ...rest,
    startedOn: toDay(row.startedOn),
    inUseSince: toDay(row.inUseSince),
    retiredOn: toDay(row.retiredOn),
    nextReviewOn: toDay(row.nextReviewOn),
    legalReferences: row.legalReferences as UseCaseFields["legalReferences"],
    withheldFields: row.withheldFields as UseCaseFields["withheldFields"],
  };
}

