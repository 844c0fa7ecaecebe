/**
 * Sharing an organisation's approved assessment with the other organisations that use the
 * same product. The flag lives on the assessment (its own organisation's row); other
 * organisations read it only through the product page's SQL functions (product-page.ts).
 */
import type { Transaction } from "../../db/client";
import type { OrganisationChange } from "../access/members";
import { lastChange, recordAudit } from "../audit/audit";
import { ConflictError, NotFoundError, RuleViolationError } from "../errors";

const ENTITY_LABEL = "The assessment";

export interface AssessmentSharing {
  id: string;
  version: number;
  shared: boolean;
  /** Only the approved version in force can be shared. */
  shareable: boolean;
}

function sharingOf(row: { id: string; version: number; sharedWithOtherOrganisations: boolean; status: string; supersededAt: Date | null }): AssessmentSharing {
  return {
    id: row.id,
    version: row.version,
    shared: row.sharedWithOtherOrganisations,
    shareable: row.status === "APPROVED" && row.supersededAt === null,
  };
}

const sharingSelect = { id: true, version: true, sharedWithOtherOrganisations: true, status: true, supersededAt: true } as const;

async function findRow(tx: Transaction, organisationId: string, id: string) {
  const row = await tx.assessment.findUnique({ where: { organisationId_id: { organisationId, id } }, select: sharingSelect });
  if (!row) throw new NotFoundError(ENTITY_LABEL);
  return row;
}

async function conflict(tx: Transaction, organisationId: string, id: string, currentVersion: number): Promise<never> {
  const last = await lastChange(tx, organisationId, "Assessment", id);
  throw new ConflictError(ENTITY_LABEL, { currentVersion, changedBy: last?.changedBy ?? null, changedAt: last?.changedAt ?? null });
}

/** Whether the organisation's assessment is shared, for the toggle on its page. */
export async function assessmentSharing(tx: Transaction, organisationId: string, id: string): Promise<AssessmentSharing> {
  return sharingOf(await findRow(tx, organisationId, id));
}

/**
 * Shares an approved assessment (the version in force) with organisations that use the
 * same product, or stops sharing any assessment. Named version only; bumps the version and
 * writes `assessment.sharingChanged`. Asking for the state it already has changes nothing.
 */
export async function setAssessmentSharing(
  tx: Transaction,
  change: OrganisationChange,
  input: { id: string; version: number; shared: boolean },
): Promise<AssessmentSharing> {
  const row = await findRow(tx, change.organisationId, input.id);
  if (row.version !== input.version) return conflict(tx, change.organisationId, row.id, row.version);
  if (row.sharedWithOtherOrganisations === input.shared) return sharingOf(row);
  if (input.shared && !sharingOf(row).shareable) {
    throw new RuleViolationError([
      {
        field: "shared",
        code: "supplier.onlyApprovedShareable",
        message: "Only the approved version in force of an assessment can be shared with other organisations.",
      },
    ]);
  }
  const { count } = await tx.assessment.updateMany({
    where: { organisationId: change.organisationId, id: row.id, version: row.version },
    data: { sharedWithOtherOrganisations: input.shared, version: { increment: 1 } },
  });
  if (count === 0) return conflict(tx, change.organisationId, row.id, row.version + 1);
  await recordAudit(tx, change, {
    organisationId: change.organisationId,
    entityType: "Assessment",
    entityId: row.id,
    action: "assessment.sharingChanged",
    before: { sharedWithOtherOrganisations: row.sharedWithOtherOrganisations },
    after: { sharedWithOtherOrganisations: input.shared },
  });
  return sharingOf(await findRow(tx, change.organisationId, row.id));
}
