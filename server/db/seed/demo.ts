/**
 * A small, realistic and entirely fictional Swedish demo: four public bodies, four people
 * with each organisation role in each, one person in two organisations, DIGG's platform
 * administrator and oversight officer, and a few AI use cases in each organisation's
 * register (demo-use-cases.ts). Everyone signs in with DEMO_PASSWORD.
 *
 * Idempotent: records are matched on their natural keys (organisation number, e-mail,
 * organisation + user, organisation + use-case title) and written only when they differ from the demo, so a second run
 * changes nothing, and a run after someone edited the demo puts it back.
 */
import { hashPassword, verifyPassword } from "../../auth/password";
import { normaliseOrganisationNumber } from "../../domain/organisations/organisation-number";
import { toUseCaseData, toUseCaseRecord } from "../../domain/use-cases/record";
import { brokenUseCaseRules } from "../../domain/use-cases/rules";
import { type UseCaseFields, type UseCaseFieldsInput, useCaseFields } from "../../domain/use-cases/schemas";
import { nextUseCaseReference } from "../../domain/use-cases/service";
import type { PrismaClient, Transaction } from "../client";
import { OrganisationKind, OrganisationRole, PlatformRole, Sector } from "../generated/enums";
import { DEMO_ASSESSMENTS, syncDemoAssessments } from "./demo-assessments";
import { syncDemoProcurement } from "./demo-procurement";
import { DEMO_PUBLICATIONS, syncDemoPublications } from "./demo-publications";
import { syncDemoResponsibilities } from "./demo-responsibilities";
import { syncDemoSuppliers } from "./demo-suppliers";
import { DEMO_USE_CASES } from "./demo-use-cases";
import { syncDemoOversightSharing } from "./demo-oversight";

/** Long, not a common password, and printed for anyone running the demo. */
export const DEMO_PASSWORD = "Tillit-demo-2026!";

interface DemoOrganisation {
  slug: string;
  name: string;
  organisationNumber: string;
  kind: OrganisationKind;
  sector: Sector;
  contactEmail: string;
  websiteUrl: string;
}

interface DemoUser {
  email: string;
  name: string;
  platformRole: PlatformRole | null;
  memberships: { organisationSlug: string; role: OrganisationRole }[];
}

export interface DemoSignIn {
  email: string;
  name: string;
  role: OrganisationRole | PlatformRole;
  /** Null for platform roles, which are not tied to an organisation. */
  organisation: string | null;
}

export interface DemoSummary {
  password: string;
  organisations: Pick<DemoOrganisation, "slug" | "name" | "organisationNumber" | "kind">[];
  /** One row per role: a person in two organisations appears twice. */
  users: DemoSignIn[];
  /** Records this run created or updated: 0 when the demo was already in place. */
  changes: number;
}

// Fictional names and addresses under the reserved .example domain. The organisation
// numbers carry valid check digits in series (…99…) chosen to stay clear of real bodies.
const ORGANISATIONS: DemoOrganisation[] = [
  {
    slug: "exempeltjanster",
    name: "Myndigheten för exempeltjänster",
    organisationNumber: "202199-0011",
    kind: OrganisationKind.CENTRAL_AGENCY,
    sector: Sector.DIGITAL_GOVERNMENT,
    contactEmail: "registrator@exempeltjanster.example",
    websiteUrl: "https://www.exempeltjanster.example",
  },
  {
    slug: "exempelby",
    name: "Exempelby kommun",
    organisationNumber: "212099-0011",
    kind: OrganisationKind.MUNICIPALITY,
    sector: Sector.GENERAL_PUBLIC_SERVICES,
    contactEmail: "kommun@exempelby.example",
    websiteUrl: "https://www.exempelby.example",
  },
  {
    slug: "region-exempelland",
    name: "Region Exempelland",
    organisationNumber: "232199-0018",
    kind: OrganisationKind.REGION,
    sector: Sector.HEALTH_AND_CARE,
    contactEmail: "registrator@regionexempelland.example",
    websiteUrl: "https://www.regionexempelland.example",
  },
  {
    slug: "raddningstjansten-exempelbygd",
    name: "Räddningstjänsten Exempelbygd",
    organisationNumber: "222099-0010",
    kind: OrganisationKind.OTHER_PUBLIC,
    sector: Sector.DEFENCE_AND_CRISIS_PREPAREDNESS,
    contactEmail: "registrator@rtexempelbygd.example",
    websiteUrl: "https://www.rtexempelbygd.example",
  },
];

type StaffNames = Record<OrganisationRole, string>;

const STAFF: { organisationSlug: string; domain: string; names: StaffNames }[] = [
  {
    organisationSlug: "exempeltjanster",
    domain: "exempeltjanster.example",
    names: { ADMIN: "Eva Lindberg", EDITOR: "Johan Sandberg", REVIEWER: "Fatima Yilmaz", VIEWER: "Oskar Holm" },
  },
  {
    organisationSlug: "exempelby",
    domain: "exempelby.example",
    names: { ADMIN: "Maria Åkesson", EDITOR: "Erik Nyström", REVIEWER: "Sofia Berglund", VIEWER: "Ali Hassan" },
  },
  {
    organisationSlug: "region-exempelland",
    domain: "regionexempelland.example",
    names: { ADMIN: "Karin Sjöberg", EDITOR: "Mikael Engström", REVIEWER: "Helena Forsberg", VIEWER: "Anders Lund" },
  },
  {
    organisationSlug: "raddningstjansten-exempelbygd",
    domain: "rtexempelbygd.example",
    names: { ADMIN: "Lars Wikström", EDITOR: "Ingrid Dahl", REVIEWER: "Peter Hedlund", VIEWER: "Emma Lundqvist" },
  },
];

const ROLES = Object.values(OrganisationRole);

const USERS: DemoUser[] = [
  ...STAFF.flatMap(({ organisationSlug, domain, names }) =>
    ROLES.map((role) => ({
      email: `${role.toLowerCase()}@${domain}`,
      name: names[role],
      platformRole: null,
      memberships: [{ organisationSlug, role }],
    })),
  ),
  {
    // The municipality's digitalisation strategist also reviews for the rescue service
    // it runs jointly with its neighbours.
    email: "digitalisering@exempelby.example",
    name: "Leila Nordin",
    platformRole: null,
    memberships: [
      { organisationSlug: "exempelby", role: OrganisationRole.EDITOR },
      { organisationSlug: "raddningstjansten-exempelbygd", role: OrganisationRole.REVIEWER },
    ],
  },
  {
    // The data protection officer reviews assessments: the second pair of eyes.
    email: "dataskydd@exempelby.example",
    name: "Nils Ekberg",
    platformRole: null,
    memberships: [{ organisationSlug: "exempelby", role: OrganisationRole.REVIEWER }],
  },
  {
    email: "plattform@digg.example",
    name: "Jonas Ek",
    platformRole: PlatformRole.PLATFORM_ADMIN,
    memberships: [],
  },
  {
    email: "tillsyn@digg.example",
    name: "Annika Strand",
    platformRole: PlatformRole.OVERSIGHT,
    memberships: [],
  },
];

export async function seedDemoData(prisma: PrismaClient): Promise<DemoSummary> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const changes = await prisma.$transaction((tx) => syncDemo(tx, passwordHash), {
    maxWait: 10_000,
    timeout: 60_000,
  });
  return { password: DEMO_PASSWORD, organisations: ORGANISATIONS.map(summariseOrganisation), users: listSignIns(), changes };
}

async function syncDemo(tx: Transaction, passwordHash: string): Promise<number> {
  let changes = 0;
  const organisationIds = new Map<string, string>();
  for (const organisation of ORGANISATIONS) {
    const result = await syncOrganisation(tx, organisation);
    organisationIds.set(organisation.slug, result.id);
    changes += result.changed ? 1 : 0;
  }
  for (const user of USERS) {
    const result = await syncUser(tx, user, passwordHash);
    changes += result.changed ? 1 : 0;
    for (const membership of user.memberships) {
      const organisationId = organisationIds.get(membership.organisationSlug);
      if (!organisationId) throw new Error(`demo data: no organisation "${membership.organisationSlug}"`);
      changes += (await syncMembership(tx, organisationId, result.id, membership.role)) ? 1 : 0;
    }
  }
  for (const [slug, useCases] of Object.entries(DEMO_USE_CASES)) {
    const organisationId = organisationIds.get(slug);
    if (!organisationId) throw new Error(`demo data: no organisation "${slug}"`);
    for (const useCase of useCases) changes += (await syncUseCase(tx, organisationId, useCase)) ? 1 : 0;
  }
  const users = await tx.user.findMany({ where: { email: { in: USERS.map((u) => u.email) } }, select: { id: true, email: true } });
  const userIds = new Map(users.map((user) => [user.email, user.id]));
  // The shared supplier catalogue first: decisions name its suppliers and products.
  changes += await syncDemoSuppliers(tx, organisationIds);
  for (const [slug, organisationId] of organisationIds) {
    await tx.$queryRaw`SELECT set_config('app.organisation_id', ${organisationId}, true)`;
    changes += await syncDemoAssessments(tx, organisationId, DEMO_ASSESSMENTS[slug] ?? [], userIds);
    changes += await syncDemoProcurement(tx, organisationId, userIds);
    const useCases = await tx.useCase.findMany({ where: { organisationId }, select: { id: true, title: true } });
    changes += await syncDemoResponsibilities(tx, organisationId, new Map(useCases.map((u) => [u.title, u.id])), userIds);
    // Sharing is a flag on use cases already counted above, so it adds no changes of its own.
    await syncDemoOversightSharing(tx, organisationId, slug);
  }
  // Published last: a snapshot shows the approved assessments and the procurement above.
  for (const { organisationSlug, domain } of STAFF) {
    const organisationId = organisationIds.get(organisationSlug);
    const admin = userIds.get(`admin@${domain}`);
    const editor = userIds.get(`editor@${domain}`);
    if (!organisationId || !admin || !editor) throw new Error(`demo data: no staff for "${organisationSlug}"`);
    await tx.$queryRaw`SELECT set_config('app.organisation_id', ${organisationId}, true)`;
    changes += await syncDemoPublications(tx, organisationId, DEMO_PUBLICATIONS[organisationSlug] ?? [], { admin, editor });
  }
  // DIGG's overview reads maintained aggregates (20261202170000_oversight_aggregates): bring them
  // up to the demo data now rather than on the first read older than their schedule.
  await tx.$queryRaw`SELECT oversight_refresh()`;
  return changes;
}

interface SyncResult {
  id: string;
  changed: boolean;
}

async function syncOrganisation(tx: Transaction, demo: DemoOrganisation): Promise<SyncResult> {
  const organisationNumber = checkedOrganisationNumber(demo.organisationNumber);
  const wanted = { ...demo, organisationNumber };
  const existing = await tx.organisation.findUnique({ where: { organisationNumber } });
  if (!existing) {
    const created = await tx.organisation.create({ data: wanted, select: { id: true } });
    return { id: created.id, changed: true };
  }
  const changes = changedFields(existing, wanted);
  if (Object.keys(changes).length === 0) return { id: existing.id, changed: false };
  await tx.organisation.update({
    where: { id: existing.id },
    data: { ...changes, version: { increment: 1 } },
  });
  return { id: existing.id, changed: true };
}

async function syncUser(tx: Transaction, demo: DemoUser, passwordHash: string): Promise<SyncResult> {
  const wanted = { email: demo.email, name: demo.name, platformRole: demo.platformRole };
  const existing = await tx.user.findUnique({ where: { email: demo.email } });
  if (!existing) {
    const created = await tx.user.create({ data: { ...wanted, passwordHash }, select: { id: true } });
    return { id: created.id, changed: true };
  }
  // A fresh hash differs on every run (new salt), so keep any hash of the demo password.
  const keepsPassword = existing.passwordHash !== null && (await verifyPassword(existing.passwordHash, DEMO_PASSWORD));
  const changes = { ...changedFields(existing, wanted), ...(keepsPassword ? {} : { passwordHash }) };
  if (Object.keys(changes).length === 0) return { id: existing.id, changed: false };
  await tx.user.update({ where: { id: existing.id }, data: changes });
  return { id: existing.id, changed: true };
}

async function syncMembership(
  tx: Transaction,
  organisationId: string,
  userId: string,
  role: OrganisationRole,
): Promise<boolean> {
  // Memberships are tenant rows: name the organisation as the app's tenant transaction
  // does, so that row-level security admits the writes whichever role runs the seed.
  await tx.$queryRaw`SELECT set_config('app.organisation_id', ${organisationId}, true)`;
  const key = { organisationId_userId: { organisationId, userId } };
  const existing = await tx.membership.findUnique({ where: key });
  if (!existing) {
    await tx.membership.create({ data: { organisationId, userId, role } });
    return true;
  }
  if (existing.role === role) return false;
  await tx.membership.update({ where: key, data: { role, version: { increment: 1 } } });
  return true;
}

function checkedUseCase(input: UseCaseFieldsInput): UseCaseFields {
  const fields = useCaseFields.parse(input);
  const problems = brokenUseCaseRules(fields);
  if (problems.length > 0) throw new Error(`demo data: "${fields.title}" breaks the register's rules: ${JSON.stringify(problems)}`);
  return fields;
}

/** A demo use case, matched on its title in the organisation; a new one gets the next reference. */
async function syncUseCase(tx: Transaction, organisationId: string, input: UseCaseFieldsInput): Promise<boolean> {
  const wanted = checkedUseCase(input);
  await tx.$queryRaw`SELECT set_config('app.organisation_id', ${organisationId}, true)`;
  const existing = await tx.useCase.findFirst({ where: { organisationId, title: wanted.title } });
  if (!existing) {
    const reference = await nextUseCaseReference(tx, organisationId);
    await tx.useCase.create({ data: { ...toUseCaseData(wanted), organisationId, reference } });
    return true;
  }
  const current = toUseCaseRecord(existing);
  const differs = (Object.keys(wanted) as (keyof UseCaseFields)[]).some(
    (key) => JSON.stringify(current[key]) !== JSON.stringify(wanted[key]),
  );
  if (!differs && current.archivedAt === null) return false;
  await tx.useCase.update({
    where: { organisationId_id: { organisationId, id: existing.id } },
    data: { ...toUseCaseData(wanted), archivedAt: null, version: { increment: 1 } },
  });
  return true;
}

function checkedOrganisationNumber(value: string): string {
  const normalised = normaliseOrganisationNumber(value);
  if (normalised === null) throw new Error(`demo data: invalid organisation number ${value}`);
  return normalised;
}

/** The fields of `wanted` whose values differ from `current`. */
function changedFields<T extends object>(current: T, wanted: Partial<T>): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(wanted) as (keyof T)[]) {
    if (current[key] !== wanted[key]) changes[key] = wanted[key];
  }
  return changes;
}

function summariseOrganisation({ slug, name, organisationNumber, kind }: DemoOrganisation): DemoSummary["organisations"][number] {
  return { slug, name, organisationNumber, kind };
}

function listSignIns(): DemoSignIn[] {
  const organisationNames = new Map(ORGANISATIONS.map((organisation) => [organisation.slug, organisation.name]));
  return USERS.flatMap((user): DemoSignIn[] => [
    ...(user.platformRole ? [{ email: user.email, name: user.name, role: user.platformRole, organisation: null }] : []),
    ...user.memberships.map((membership) => ({
      email: user.email,
      name: user.name,
      role: membership.role,
      organisation: organisationNames.get(membership.organisationSlug) ?? membership.organisationSlug,
    })),
  ]);
}

/** The demo sign-in details as a plain-text table for a terminal. */
export function formatDemoSignIns(summary: DemoSummary): string {
  const rows = summary.users.map((user) => [user.email, user.role, user.organisation ?? "(whole platform)", user.name]);
  return [
    `Demo accounts (password for all: ${summary.password})`,
    formatTable(["E-mail", "Role", "Organisation", "Name"], rows),
  ].join("\n");
}

function formatTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: string[]) =>
    cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ").trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [line(headers), rule, ...rows.map(line)].map((text) => `  ${text}`).join("\n");
}
