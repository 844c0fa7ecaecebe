/**
 * The SQL of the responsibility gaps (register filter, status board) agrees with the
 * TypeScript rule (the use case's page): for a spread of use cases and assignments, the
 * rows (useCase, role) of missingResponsibilitiesSql equal missingRoles() of each.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inScope } from "@/server/db/scope";
import { addDays, today } from "@/server/domain/assessments/dates";
import { missingResponsibilitiesSql, missingRoles } from "@/server/domain/responsibilities/gaps";
import type { UseCaseFieldsInput } from "@/server/domain/use-cases/schemas";
import { createTestDatabase } from "../../support/database";
import { assignTestResponsibility } from "../../support/responsibilities";
import { addMember, createOrganisation, createUser, nextOrganisationNumber, type TestOrganisation, type TestUser } from "../../support/tenancy";
import { createTestUseCase } from "../../support/use-cases";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let org: TestOrganisation;
let admin: TestUser;
const day = today();

beforeAll(async () => {
  db = await createTestDatabase();
  org = await createOrganisation(db.prisma, nextOrganisationNumber());
  admin = await createUser(db.prisma);
  await addMember(db.prisma, org, admin, "ADMIN");
});
afterAll(async () => db?.close());

const minimal = { riskClass: "MINIMAL", riskClassJustification: "Låg risk." } as const;
const variants: { fields: Partial<UseCaseFieldsInput>; archived?: boolean }[] = [
  { fields: { lifecycleStage: "IDEA", personalData: ["ORDINARY"], outputUse: "DECISION_SUPPORT" } },
  { fields: { lifecycleStage: "ANALYSIS" } },
  { fields: { lifecycleStage: "PILOT", personalData: ["NONE"], ...minimal } },
  { fields: { lifecycleStage: "PILOT", personalData: ["SPECIAL_CATEGORIES"], ...minimal } },
  { fields: { lifecycleStage: "DEVELOPMENT", outputUse: "PARTLY_AUTOMATED_DECISION", acquisitionMethod: "PROCURED" } },
  {
    fields: {
      lifecycleStage: "IN_USE",
      inUseSince: "2025-01-01",
      riskClass: "HIGH_RISK",
      annexIIIArea: "EDUCATION",
      riskClassJustification: "Bedömer elever.",
      acquisitionMethod: "BUILT_IN_HOUSE",
    },
  },
  { fields: { lifecycleStage: "PAUSED", acquisitionMethod: "PROCURED", personalData: ["ORDINARY"] } },
  { fields: { lifecycleStage: "RETIRED", retiredOn: "2025-06-01", personalData: ["ORDINARY"] } },
  { fields: { lifecycleStage: "PILOT", personalData: ["ORDINARY"], ...minimal }, archived: true },
];

describe("responsibility gaps", () => {
  it("agree between SQL and TypeScript", async () => {
    const ids: string[] = [];
    for (const variant of variants) ids.push((await createTestUseCase(db.prisma, org, admin, variant)).id);
    // Some held, some ended, some upcoming, one flagged.
    const [, analysis, , special, procured, highRisk, paused] = ids as [string, string, string, string, string, string, string];
    await assignTestResponsibility(db.prisma, org, admin, { useCaseId: analysis, role: "ACCOUNTABLE_OWNER", userId: admin.id });
    await assignTestResponsibility(db.prisma, org, admin, { useCaseId: special, role: "DATA_PROTECTION_OFFICER", external: { name: "DSO" } });
    await assignTestResponsibility(db.prisma, org, admin, {
      useCaseId: special,
      role: "ACCOUNTABLE_OWNER",
      userId: admin.id,
      validFrom: addDays(day, -20),
      validTo: addDays(day, -1),
    });
    await assignTestResponsibility(db.prisma, org, admin, { useCaseId: procured, role: "SUPPLIER_CONTACT", external: { name: "Lev" } });
    await assignTestResponsibility(db.prisma, org, admin, { useCaseId: procured, role: "ACCOUNTABLE_OWNER", userId: admin.id, validFrom: addDays(day, 3) });
    const flagged = await assignTestResponsibility(db.prisma, org, admin, { useCaseId: highRisk, role: "ACCOUNTABLE_OWNER", userId: admin.id });
    await assignTestResponsibility(db.prisma, org, admin, { useCaseId: highRisk, role: "HUMAN_OVERSIGHT", userId: admin.id });
    await assignTestResponsibility(db.prisma, org, admin, { useCaseId: paused, role: "ACCOUNTABLE_OWNER", userId: admin.id });
    await assignTestResponsibility(db.prisma, org, admin, { useCaseId: paused, role: "DATA_PROTECTION_OFFICER", userId: admin.id });
    await assignTestResponsibility(db.prisma, org, admin, { useCaseId: paused, role: "SUPPLIER_CONTACT", userId: admin.id });

    const { fromSql, fromTs } = await inScope(db.prisma, { organisationId: org.id }, async (tx) => {
      await tx.responsibility.update({
        where: { organisationId_id: { organisationId: org.id, id: flagged.id } },
        data: { needsReassignmentSince: new Date() },
      });
      const rows = await tx.$queryRaw<{ useCaseId: string; role: string }[]>`
        SELECT gaps."useCaseId"::text AS "useCaseId", gaps."role"::text AS "role"
        FROM (${missingResponsibilitiesSql(org.id, day)}) gaps`;
      const useCases = await tx.useCase.findMany({ where: { organisationId: org.id }, include: { responsibilities: true } });
      const expected = useCases.flatMap((useCase) =>
        missingRoles(
          useCase,
          useCase.responsibilities.map((row) => ({
            role: row.role,
            validFrom: row.validFrom.toISOString().slice(0, 10),
            validTo: row.validTo ? row.validTo.toISOString().slice(0, 10) : null,
            needsReassignmentSince: row.needsReassignmentSince,
          })),
          day,
        ).map((missing) => `${useCase.id}:${missing.role}`),
      );
      return { fromSql: rows.map((row) => `${row.useCaseId}:${row.role}`).sort(), fromTs: expected.sort() };
    });
    expect(fromSql).toEqual(fromTs);
    const missingOf = (id: string) => fromTs.filter((key) => key.startsWith(`${id}:`)).map((key) => key.split(":")[1]);
    expect(missingOf(ids[0]!)).toEqual([]);
    expect(missingOf(analysis)).toEqual([]);
    expect(missingOf(special)).toEqual(["ACCOUNTABLE_OWNER"]);
    expect(missingOf(procured).sort()).toEqual(["ACCOUNTABLE_OWNER", "HUMAN_OVERSIGHT"]);
    expect(missingOf(highRisk)).toEqual(["ACCOUNTABLE_OWNER"]);
    expect(missingOf(paused)).toEqual([]);
    expect(missingOf(ids[7]!)).toEqual([]);
    expect(missingOf(ids[8]!)).toEqual([]);
  });
});
