import { randomUUID } from "node:crypto";
import type { Transaction } from "../../db/client";
import type { OrganisationKind, OrganisationRole, Sector } from "../../db/generated/enums";
import { enterOrganisation } from "../../db/scope";
import { createInvitation, type CreatedInvitation } from "../access/invitations";
import { type ChangeContext, lastChange, recordAudit } from "../audit/audit";
import { ConflictError, type FieldProblem, NotFoundError, RuleViolationError } from "../errors";
import type { CreateOrganisationInput, OrganisationFields, UpdateOrganisationInput } from "./schemas";

export interface OrganisationView {
  id: string;
  slug: string;
  name: string;
  organisationNumber: string;
  kind: OrganisationKind;
  sector: Sector;
  contactEmail: string | null;
  websiteUrl: string | null;
  postalAddress: string | null;
  version: number;
}

const organisationSelect = {
  id: true,
  slug: true,
  name: true,
  organisationNumber: true,
  kind: true,
  sector: true,
  contactEmail: true,
  websiteUrl: true,
  postalAddress: true,
  version: true,
} as const;

export async function getOrganisation(tx: Transaction, organisationId: string): Promise<OrganisationView> {
  const organisation = await tx.organisation.findUnique({ where: { id: organisationId }, select: organisationSelect });
  if (!organisation) throw new NotFoundError("The organisation");
  return organisation;
}

/** For platform administrators: every organisation, by name (a few hundred at most). */
export async function listOrganisations(tx: Transaction): Promise<OrganisationView[]> {
  return tx.organisation.findMany({ select: organisationSelect, orderBy: { name: "asc" } });
}

/** Slug and organisation number identify an organisation: say which one is taken. */
async function assertIdentifiersFree(tx: Transaction, fields: OrganisationFields, exceptId?: string): Promise<void> {
  const taken = await tx.organisation.findMany({
    where: {
      OR: [{ slug: fields.slug }, { organisationNumber: fields.organisationNumber }],
      ...(exceptId ? { NOT: { id: exceptId } } : {}),
    },
    select: { slug: true, organisationNumber: true, name: true },
  });
  const problems: FieldProblem[] = [];
  for (const other of taken) {
    if (other.slug === fields.slug) {
      problems.push({
        field: "slug",
        code: "organisation.slugTaken",
        message: `is already used by ${other.name}`,
        values: { name: other.name },
      });
    }
    if (other.organisationNumber === fields.organisationNumber) {
      problems.push({
        field: "organisationNumber",
        code: "organisation.numberTaken",
        message: `is already registered for ${other.name}`,
        values: { name: other.name },
      });
    }
  }
  if (problems.length > 0) throw new RuleViolationError(problems);
}

function snapshot(fields: OrganisationFields) {
  return {
    name: fields.name,
    organisationNumber: fields.organisationNumber,
    kind: fields.kind,
    sector: fields.sector,
    slug: fields.slug,
    contactEmail: fields.contactEmail ?? null,
    websiteUrl: fields.websiteUrl ?? null,
    postalAddress: fields.postalAddress ?? null,
  };
}

/** Creates an organisation and invites its first administrator. */
export async function createOrganisation(
  tx: Transaction,
  change: ChangeContext,
  input: CreateOrganisationInput,
): Promise<{ organisation: OrganisationView; invitation: CreatedInvitation }> {
  await assertIdentifiersFree(tx, input);
  const organisation = await tx.organisation.create({
    data: { id: randomUUID(), ...snapshot(input) },
    select: organisationSelect,
  });
  await enterOrganisation(tx, organisation.id);
  await recordAudit(tx, change, {
    organisationId: organisation.id,
    entityType: "Organisation",
    entityId: organisation.id,
    action: "organisation.created",
    after: snapshot(input),
  });
  const invitation = await createInvitation(
    tx,
    { ...change, organisationId: organisation.id, actorRole: null },
    { email: input.firstAdminEmail.trim().toLowerCase(), role: "ADMIN" satisfies OrganisationRole },
  );
  return { organisation, invitation };
}

export async function updateOrganisation(
  tx: Transaction,
  change: ChangeContext,
  input: UpdateOrganisationInput,
): Promise<OrganisationView> {
  const current = await getOrganisation(tx, input.id);
  await enterOrganisation(tx, current.id);
  if (current.version !== input.version) {
    const last = await lastChange(tx, current.id, "Organisation", current.id);
    throw new ConflictError("The organisation", {
      currentVersion: current.version,
      changedBy: last?.changedBy ?? null,
      changedAt: last?.changedAt ?? null,
    });
  }
  await assertIdentifiersFree(tx, input, input.id);
  const { count } = await tx.organisation.updateMany({
    where: { id: input.id, version: input.version },
    data: { ...snapshot(input), version: { increment: 1 } },
  });
  if (count === 0) {
    throw new ConflictError("The organisation", { currentVersion: current.version + 1, changedBy: null, changedAt: null });
  }
  await recordAudit(tx, change, {
    organisationId: current.id,
    entityType: "Organisation",
    entityId: current.id,
    action: "organisation.updated",
    before: snapshot({ ...current, contactEmail: current.contactEmail, websiteUrl: current.websiteUrl }),
    after: snapshot(input),
  });
  return getOrganisation(tx, current.id);
}

export interface OrganisationCounts {
  total: number;
  byKind: { kind: OrganisationKind; count: number }[];
  bySector: { sector: Sector; count: number }[];
}

/** For oversight: how many organisations of each kind and sector use Tillit. */
export async function countOrganisations(tx: Transaction): Promise<OrganisationCounts> {
  const [byKind, bySector] = await Promise.all([
    tx.organisation.groupBy({ by: ["kind"], _count: { _all: true }, orderBy: { kind: "asc" } }),
    tx.organisation.groupBy({ by: ["sector"], _count: { _all: true }, orderBy: { sector: "asc" } }),
  ]);
  return {
    total: byKind.reduce((sum, row) => sum + row._count._all, 0),
    byKind: byKind.map((row) => ({ kind: row.kind, count: row._count._all })),
    bySector: bySector.map((row) => ({ sector: row.sector, count: row._count._all })),
  };
}
