/**
 * Who may do what: the one table. Procedures name the permission they need
 * (`orgProcedure("member.invite")`), the guard checks it here, and the UI reads the
 * same table to decide which buttons to show.
 */
import type { OrganisationRole, PlatformRole } from "../../db/generated/enums";

export const organisationRoles = ["ADMIN", "EDITOR", "REVIEWER", "VIEWER"] as const satisfies readonly OrganisationRole[];
export const platformRoles = ["PLATFORM_ADMIN", "OVERSIGHT"] as const satisfies readonly PlatformRole[];

const resources = {
  organisation: ["read"],
  member: ["read", "invite", "update", "remove"],
  audit: ["read"],
  /** `shareWithOversight`: show a use case record-by-record in DIGG's oversight (admin only). */
  useCase: ["read", "create", "update", "archive", "restore", "delete", "import", "shareWithOversight"],
  /**
   * `create` starts an assessment or its next version; `answer` changes answers and
   * submits; `manage` sets owner, phase and dates; `comment` writes review comments;
   * `review` requests changes or approves (never one's own answers: four eyes);
   * `resolve` marks a comment as dealt with.
   */
  assessment: ["read", "create", "answer", "manage", "comment", "resolve", "review", "delete"],
  /** Procurement decisions and their checklists; `acceptRisk` approves despite unmet required items. */
  procurement: ["read", "create", "update", "acceptRisk"],
  /** The shared supplier catalogue: add suppliers and products, edit those the organisation added. */
  supplier: ["read", "create", "update"],
  /** Responsibility assignments and the value chain of a use case. */
  responsibility: ["read", "assign"],
  /**
   * The public register: `propose` asks for publication (or a new version) with a note and
   * sets the withholding reasons; `publish` reviews and publishes a snapshot, or withdraws a
   * proposal; `retract` takes a published use case off the register with a public reason.
   */
  publication: ["read", "propose", "publish", "retract"],
  /** The inbox of errors and questions the public reported about published use cases. */
  publicReport: ["read", "answer"],
} as const;

type Resources = typeof resources;
export type Permission = {
  [R in keyof Resources]: `${R & string}.${Resources[R][number]}`;
}[keyof Resources];

export const allPermissions: readonly Permission[] = Object.entries(resources).flatMap(([resource, actions]) =>
  actions.map((action) => `${resource}.${action}` as Permission),
);

const everyMember: Permission[] = [
  "organisation.read",
  "member.read",
  "useCase.read",
  "assessment.read",
  "procurement.read",
  "supplier.read",
  "responsibility.read",
  "publication.read",
];
const registrar: Permission[] = [
  "useCase.create",
  "useCase.update",
  "useCase.archive",
  "useCase.import",
  "assessment.create",
  "assessment.answer",
  "assessment.manage",
  "assessment.resolve",
  "assessment.delete",
  "procurement.create",
  "procurement.update",
  "supplier.create",
  "supplier.update",
  "responsibility.assign",
  "publication.propose",
  "publicReport.read",
  "publicReport.answer",
];
const reviewer: Permission[] = [
  "assessment.answer",
  "assessment.manage",
  "assessment.comment",
  "assessment.resolve",
  "assessment.review",
];

export const rolePermissions = {
  ADMIN: [
    ...everyMember,
    ...registrar,
    ...reviewer.filter((permission) => !registrar.includes(permission)),
    "useCase.restore",
    "useCase.delete",
    "useCase.shareWithOversight",
    "procurement.acceptRisk",
    "member.invite",
    "member.update",
    "member.remove",
    "audit.read",
    "publication.publish",
    "publication.retract",
  ],
  EDITOR: [...everyMember, ...registrar],
  REVIEWER: [...everyMember, ...reviewer],
  VIEWER: [...everyMember],
} as const satisfies Record<OrganisationRole, readonly Permission[]>;

export function roleHasPermission(role: OrganisationRole, permission: Permission): boolean {
  return (rolePermissions[role] as readonly Permission[]).includes(permission);
}

/** Highest first. Nobody grants a role above their own. */
const roleRank: Record<OrganisationRole, number> = { ADMIN: 4, EDITOR: 3, REVIEWER: 2, VIEWER: 1 };

export function canGrantRole(granter: OrganisationRole, role: OrganisationRole): boolean {
  return roleRank[granter] >= roleRank[role];
}
