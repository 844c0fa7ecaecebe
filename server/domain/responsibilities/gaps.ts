/**
 * Which responsibilities a use case requires, once in TypeScript (for its page) and once
 * in SQL (for the register's filter and the status board, without loading use cases into
 * Node). tests/integration/responsibilities/gaps.test.ts checks that the two agree.
 *
 * Nothing is required of an idea, of a retired use case, or of an archived one. Beyond
 * the idea stage a use case requires:
 * - ACCOUNTABLE_OWNER (verksamhetsansvarig), always: someone answers for it.
 * - DATA_PROTECTION_OFFICER when it processes personal data (any category but NONE): the
 *   DPO must be involved in every question about personal data (GDPR art. 38.1).
 * - HUMAN_OVERSIGHT when it is high-risk (AI Act art. 14 and 26.2: the deployer assigns
 *   human oversight to named people) or its outputs feed decisions (outputUse other than
 *   INFORMATION_ONLY: someone must be able to override an output before it becomes a
 *   decision, förvaltningslagen 28 §).
 * - SUPPLIER_CONTACT when it is procured (acquisitionMethod PROCURED): incidents, changes
 *   and the AI Act's information duties run through a named contact at the supplier.
 * The other roles (system owner, information owner, security, legal, technical contact)
 * are recommended, not required: organisations divide them differently.
 *
 * A requirement is met by an assignment in force today: started (validFrom ≤ today), not
 * ended (validTo empty or ≥ today) and not flagged for reassignment (its person left the
 * organisation). A flagged assignment counts as missing.
 */
import { Prisma } from "../../db/generated/client";
import type { AcquisitionMethod, LifecycleStage, OutputUse, PersonalDataCategory, ResponsibilityRole, RiskClass } from "../../db/generated/enums";

export type RequirementReason = "BEYOND_IDEA" | "PERSONAL_DATA" | "HIGH_RISK" | "DECISIONS" | "PROCURED";

export interface RequiredRole {
  role: ResponsibilityRole;
  reason: RequirementReason;
}

export interface GapUseCase {
  lifecycleStage: LifecycleStage;
  archivedAt: Date | null;
  riskClass: RiskClass;
  outputUse: OutputUse;
  personalData: PersonalDataCategory[];
  acquisitionMethod: AcquisitionMethod | null;
}

/** The roles the use case requires, each with the first reason that requires it. */
export function requiredRoles(useCase: GapUseCase): RequiredRole[] {
  if (useCase.archivedAt !== null || useCase.lifecycleStage === "IDEA" || useCase.lifecycleStage === "RETIRED") return [];
  const roles: RequiredRole[] = [{ role: "ACCOUNTABLE_OWNER", reason: "BEYOND_IDEA" }];
  if (useCase.personalData.some((category) => category !== "NONE")) roles.push({ role: "DATA_PROTECTION_OFFICER", reason: "PERSONAL_DATA" });
  if (useCase.riskClass === "HIGH_RISK") roles.push({ role: "HUMAN_OVERSIGHT", reason: "HIGH_RISK" });
  else if (useCase.outputUse !== "INFORMATION_ONLY") roles.push({ role: "HUMAN_OVERSIGHT", reason: "DECISIONS" });
  if (useCase.acquisitionMethod === "PROCURED") roles.push({ role: "SUPPLIER_CONTACT", reason: "PROCURED" });
  return roles;
}

export interface AssignmentInForce {
  role: ResponsibilityRole;
  validFrom: string;
  validTo: string | null;
  needsReassignmentSince: Date | null;
}

/** Whether an assignment counts on `day` (YYYY-MM-DD). */
export function isInForce(assignment: Omit<AssignmentInForce, "role">, day: string): boolean {
  return (
    assignment.validFrom <= day && (assignment.validTo === null || assignment.validTo >= day) && assignment.needsReassignmentSince === null
  );
}

/** The required roles with no assignment in force on `day`. */
export function missingRoles(useCase: GapUseCase, assignments: AssignmentInForce[], day: string): RequiredRole[] {
  const held = new Set(assignments.filter((assignment) => isInForce(assignment, day)).map((assignment) => assignment.role));
  return requiredRoles(useCase).filter((required) => !held.has(required.role));
}

const PERSONAL = Prisma.sql`ARRAY['ORDINARY','SPECIAL_CATEGORIES','CRIMINAL_OFFENCES','PERSONAL_IDENTITY_NUMBERS']::"PersonalDataCategory"[]`;

/** An assignment of `r` in force on `day` (SQL, for an alias `r` of "Responsibility"). */
export function inForceSql(day: string): Prisma.Sql {
  return Prisma.sql`r."validFrom" <= ${day}::date AND (r."validTo" IS NULL OR r."validTo" >= ${day}::date)
    AND r."needsReassignmentSince" IS NULL`;
}

/** Rows (useCaseId, role) of the required roles with no assignment in force on `day`, for the organisation. */
export function missingResponsibilitiesSql(organisationId: string, day: string): Prisma.Sql {
  return Prisma.sql`
    SELECT u."id" AS "useCaseId", needed."role" AS "role"
    FROM "UseCase" u
    CROSS JOIN LATERAL (
      SELECT 'ACCOUNTABLE_OWNER'::"ResponsibilityRole" AS "role"
      UNION ALL SELECT 'DATA_PROTECTION_OFFICER'::"ResponsibilityRole" WHERE u."personalData" && ${PERSONAL}
      UNION ALL SELECT 'HUMAN_OVERSIGHT'::"ResponsibilityRole"
        WHERE u."riskClass" = 'HIGH_RISK' OR u."outputUse" <> 'INFORMATION_ONLY'
      UNION ALL SELECT 'SUPPLIER_CONTACT'::"ResponsibilityRole" WHERE u."acquisitionMethod" IS NOT DISTINCT FROM 'PROCURED'
    ) needed
    WHERE u."organisationId" = ${organisationId}::uuid
      AND u."archivedAt" IS NULL
      AND u."lifecycleStage" NOT IN ('IDEA', 'RETIRED')
      AND NOT EXISTS (
        SELECT 1 FROM "Responsibility" r
        WHERE r."organisationId" = u."organisationId" AND r."useCaseId" = u."id" AND r."role" = needed."role"
          AND ${inForceSql(day)}
      )`;
}

/** A condition on "UseCase"."id" for the register's "missing a responsible person" filter. */
export function hasResponsibilityGapCondition(organisationId: string, day: string): Prisma.Sql {
  return Prisma.sql`"id" IN (SELECT gaps."useCaseId" FROM (${missingResponsibilitiesSql(organisationId, day)}) gaps)`;
}
