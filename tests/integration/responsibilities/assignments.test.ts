/**
 * Responsibility assignments through the real router against PostgreSQL: exactly one
 * accountable owner on any day (open-ended and dated periods, replacing, concurrency),
 * IN_USE needs an accountable owner, a member who leaves gets their assignments flagged
 * (the gap appears on the use case, in the register filter and on the status board),
 * "my responsibilities" across organisations, and another organisation's records are
 * NOT_FOUND.
 */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inScope } from "@/server/db/scope";
import { addDays, today } from "@/server/domain/assessments/dates";
import { useCaseFields } from "@/server/domain/use-cases/schemas";
import { createTestAssessment } from "../../support/assessments";
import { createTestDatabase } from "../../support/database";
import { assignTestResponsibility } from "../../support/responsibilities";
import {
  addMember,
  callerFor,
  createOrganisation,
  createTenancyWorld,
  createUser,
  nextOrganisationNumber,
  type TenancyWorld,
} from "../../support/tenancy";
import { createTestUseCase, sampleUseCaseFields } from "../../support/use-cases";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let world: TenancyWorld;
const day = today();

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createTenancyWorld(db.prisma);
});
afterAll(async () => db?.close());

const pilot = { lifecycleStage: "PILOT", riskClass: "MINIMAL", riskClassJustification: "Stödjer bara handläggare." } as const;

async function problemOf(promise: Promise<unknown>): Promise<{ code: string; fields: { field: string; code: string }[] }> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const cause = error.cause as { problems?: { field: string; code: string }[] } | undefined;
    return { code: error.code, fields: (cause?.problems ?? []).map(({ field, code }) => ({ field, code })) };
  }
  throw new Error("expected the call to be refused");
}

describe("exactly one accountable owner", () => {
  it("refuses a second open-ended accountable owner", async () => {
    const { orgA } = world;
    const useCase = await createTestUseCase(db.prisma, orgA, world.users.admin, { fields: pilot });
    const editor = await callerFor(db.prisma, world.users.editor);
    const base = { organisationSlug: orgA.slug, useCaseId: useCase.id, role: "ACCOUNTABLE_OWNER" as const, personKind: "MEMBER" as const, validFrom: day };
    await editor.responsibilities.assign({ ...base, userId: world.users.editor.id });
    const refused = await problemOf(editor.responsibilities.assign({ ...base, userId: world.users.reviewer.id }));
    expect(refused).toEqual({ code: "BAD_REQUEST", fields: [{ field: "validFrom", code: "responsibility.accountableOwnerOverlap" }] });
    // Other roles may have several people.
    await editor.responsibilities.assign({ ...base, role: "TECHNICAL_CONTACT", userId: world.users.editor.id });
    await editor.responsibilities.assign({ ...base, role: "TECHNICAL_CONTACT", userId: world.users.reviewer.id });
    const view = await editor.responsibilities.forUseCase({ organisationSlug: orgA.slug, useCaseId: useCase.id });
    expect(view.current.filter((assignment) => assignment.role === "ACCOUNTABLE_OWNER")).toHaveLength(1);
    expect(view.current.filter((assignment) => assignment.role === "TECHNICAL_CONTACT")).toHaveLength(2);
  });

  it("refuses overlapping dated periods and accepts adjoining ones", async () => {
    const { orgA } = world;
    const useCase = await createTestUseCase(db.prisma, orgA, world.users.admin, { fields: pilot });
    const editor = await callerFor(db.prisma, world.users.editor);
    const base = { organisationSlug: orgA.slug, useCaseId: useCase.id, role: "ACCOUNTABLE_OWNER" as const, personKind: "MEMBER" as const };
    await editor.responsibilities.assign({ ...base, userId: world.users.editor.id, validFrom: "2026-01-01", validTo: "2026-06-30" });
    const overlapping = await problemOf(
      editor.responsibilities.assign({ ...base, userId: world.users.reviewer.id, validFrom: "2026-06-30", validTo: "2026-12-31" }),
    );
    expect(overlapping.fields).toEqual([{ field: "validFrom", code: "responsibility.accountableOwnerOverlap" }]);
    const openBefore = await problemOf(editor.responsibilities.assign({ ...base, userId: world.users.reviewer.id, validFrom: "2025-01-01" }));
    expect(openBefore.fields[0]?.code).toBe("responsibility.accountableOwnerOverlap");
    await editor.responsibilities.assign({ ...base, userId: world.users.reviewer.id, validFrom: "2026-07-01" });
    // Moving a dated period onto the next one is refused too.
    const view = await editor.responsibilities.forUseCase({ organisationSlug: orgA.slug, useCaseId: useCase.id });
    const first = [...view.current, ...view.history].find((assignment) => assignment.validFrom === "2026-01-01")!;
    const moved = await problemOf(
      editor.responsibilities.update({ organisationSlug: orgA.slug, id: first.id, version: first.version, validFrom: "2026-01-01", validTo: "2026-07-15" }),
    );
    expect(moved.fields[0]?.code).toBe("responsibility.accountableOwnerOverlap");
  });

  it("replaces an owner: end and assign, or assign with replacesId", async () => {
    const { orgA } = world;
    const useCase = await createTestUseCase(db.prisma, orgA, world.users.admin, { fields: pilot });
    const editor = await callerFor(db.prisma, world.users.editor);
    const base = { organisationSlug: orgA.slug, useCaseId: useCase.id, role: "ACCOUNTABLE_OWNER" as const, personKind: "MEMBER" as const };
    const first = await editor.responsibilities.assign({ ...base, userId: world.users.editor.id, validFrom: addDays(day, -30) });
    await editor.responsibilities.end({ organisationSlug: orgA.slug, id: first.id, version: first.version, validTo: day });
    const second = await editor.responsibilities.assign({ ...base, userId: world.users.reviewer.id, validFrom: addDays(day, 1) });
    expect(second.status).toBe("UPCOMING");

    const third = await editor.responsibilities.assign({
      ...base,
      personKind: "EXTERNAL",
      externalName: "Kim Extern",
      externalEmail: "kim@leverantor.example",
      externalRoleTitle: "Konsult",
      validFrom: addDays(day, 10),
      replacesId: second.id,
    });
    const view = await editor.responsibilities.forUseCase({ organisationSlug: orgA.slug, useCaseId: useCase.id });
    const owners = [...view.current, ...view.history].filter((assignment) => assignment.role === "ACCOUNTABLE_OWNER");
    expect(owners.map((owner) => [owner.person.name, owner.validFrom, owner.validTo])).toEqual(
      expect.arrayContaining([
        [world.users.editor.name, addDays(day, -30), day],
        [world.users.reviewer.name, addDays(day, 1), addDays(day, 9)],
        ["Kim Extern", addDays(day, 10), null],
      ]),
    );
    expect(third.person).toMatchObject({ userId: null, email: "kim@leverantor.example", roleTitle: "Konsult" });
    // Ending is refused with a stale version; the history is kept (nothing is deleted).
    const stale = await problemOf(editor.responsibilities.end({ organisationSlug: orgA.slug, id: first.id, version: first.version, validTo: day }));
    expect(stale.code).toBe("CONFLICT");
  });

  it("lets one of two concurrent assignments win", async () => {
    const { orgA } = world;
    const useCase = await createTestUseCase(db.prisma, orgA, world.users.admin, { fields: pilot });
    const [editor, admin] = await Promise.all([callerFor(db.prisma, world.users.editor), callerFor(db.prisma, world.users.admin)]);
    const base = { organisationSlug: orgA.slug, useCaseId: useCase.id, role: "ACCOUNTABLE_OWNER" as const, personKind: "MEMBER" as const };
    const results = await Promise.allSettled([
      editor.responsibilities.assign({ ...base, userId: world.users.editor.id, validFrom: "2026-01-01", validTo: "2026-12-31" }),
      admin.responsibilities.assign({ ...base, userId: world.users.admin.id, validFrom: "2026-03-01", validTo: "2026-04-30" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected");
    expect((rejected?.reason as TRPCError).code).toBe("BAD_REQUEST");
  });

  it("is assigned by editors and admins only", async () => {
    const { orgA } = world;
    const useCase = await createTestUseCase(db.prisma, orgA, world.users.admin, { fields: pilot });
    const viewer = await callerFor(db.prisma, world.users.viewer);
    const refused = await problemOf(
      viewer.responsibilities.assign({
        organisationSlug: orgA.slug,
        useCaseId: useCase.id,
        role: "LEGAL",
        personKind: "MEMBER",
        userId: world.users.viewer.id,
        validFrom: day,
      }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    const notMember = await problemOf(
      (await callerFor(db.prisma, world.users.editor)).responsibilities.assign({
        organisationSlug: orgA.slug,
        useCaseId: useCase.id,
        role: "LEGAL",
        personKind: "MEMBER",
        userId: world.users.outsider.id,
        validFrom: day,
      }),
    );
    expect(notMember.fields).toEqual([{ field: "userId", code: "responsibility.notMember" }]);
  });
});

describe("IN_USE requires an accountable owner", () => {
  it("refuses moving into IN_USE without one, and allows it with one", async () => {
    const { orgA } = world;
    const fields = sampleUseCaseFields({ lifecycleStage: "DEVELOPMENT", riskClass: "MINIMAL", riskClassJustification: "Enkel sortering." });
    const useCase = await createTestUseCase(db.prisma, orgA, world.users.admin, { fields });
    const editor = await callerFor(db.prisma, world.users.editor);
    const inUse = useCaseFields.parse({ ...fields, lifecycleStage: "IN_USE", inUseSince: day });
    const refused = await problemOf(editor.useCases.update({ organisationSlug: orgA.slug, id: useCase.id, version: 1, useCase: inUse }));
    expect(refused).toEqual({ code: "BAD_REQUEST", fields: [{ field: "lifecycleStage", code: "responsibility.inUseNeedsAccountableOwner" }] });

    // An owner starting tomorrow is not in force yet.
    await assignTestResponsibility(db.prisma, orgA, world.users.editor, {
      useCaseId: useCase.id,
      role: "ACCOUNTABLE_OWNER",
      userId: world.users.editor.id,
      validFrom: addDays(day, 1),
      validTo: addDays(day, 5),
    });
    const stillRefused = await problemOf(editor.useCases.update({ organisationSlug: orgA.slug, id: useCase.id, version: 1, useCase: inUse }));
    expect(stillRefused.fields[0]?.code).toBe("responsibility.inUseNeedsAccountableOwner");

    await assignTestResponsibility(db.prisma, orgA, world.users.editor, {
      useCaseId: useCase.id,
      role: "ACCOUNTABLE_OWNER",
      userId: world.users.reviewer.id,
      validFrom: addDays(day, -1),
      validTo: day,
    });
    const updated = await editor.useCases.update({ organisationSlug: orgA.slug, id: useCase.id, version: 1, useCase: inUse });
    expect(updated.lifecycleStage).toBe("IN_USE");
  });

  it("does not block creating a use case already in use: it shows as a gap", async () => {
    const { orgA } = world;
    const useCase = await createTestUseCase(db.prisma, orgA, world.users.admin, {
      fields: { lifecycleStage: "IN_USE", riskClass: "MINIMAL", riskClassJustification: "Enkel.", inUseSince: "2025-01-01" },
    });
    const view = await (await callerFor(db.prisma, world.users.viewer)).responsibilities.forUseCase({ organisationSlug: orgA.slug, useCaseId: useCase.id });
    expect(view.missing).toEqual([{ role: "ACCOUNTABLE_OWNER", reason: "BEYOND_IDEA" }]);
  });
});

describe("a member who leaves", () => {
  it("gets their responsibilities flagged for reassignment, and the gap shows everywhere", async () => {
    const org = await createOrganisation(db.prisma, nextOrganisationNumber());
    const admin = await createUser(db.prisma);
    const leaver = await createUser(db.prisma);
    await addMember(db.prisma, org, admin, "ADMIN");
    await addMember(db.prisma, org, leaver, "EDITOR");
    const useCase = await createTestUseCase(db.prisma, org, admin, { fields: { ...pilot, businessArea: "Ekonomi" } });
    const other = await createTestUseCase(db.prisma, org, admin, { fields: pilot });
    for (const id of [useCase.id, other.id]) {
      await assignTestResponsibility(db.prisma, org, admin, { useCaseId: id, role: "ACCOUNTABLE_OWNER", userId: admin.id, validFrom: addDays(day, -10) });
    }
    await assignTestResponsibility(db.prisma, org, admin, { useCaseId: useCase.id, role: "SYSTEM_OWNER", userId: leaver.id });
    const caller = await callerFor(db.prisma, admin);
    // The use case's owner is the leaver from now on: end the admin's and give it to the leaver.
    const before = await caller.responsibilities.forUseCase({ organisationSlug: org.slug, useCaseId: useCase.id });
    const adminOwner = before.current.find((assignment) => assignment.role === "ACCOUNTABLE_OWNER")!;
    await caller.responsibilities.assign({
      organisationSlug: org.slug,
      useCaseId: useCase.id,
      role: "ACCOUNTABLE_OWNER",
      personKind: "MEMBER",
      userId: leaver.id,
      validFrom: day,
      replacesId: adminOwner.id,
    });
    const boardBefore = await caller.assessments.statusBoard({ organisationSlug: org.slug });
    expect(boardBefore.responsibilityGaps.count).toBe(0);

    await caller.members.remove({ organisationSlug: org.slug, userId: leaver.id, version: 1 });

    const after = await caller.responsibilities.forUseCase({ organisationSlug: org.slug, useCaseId: useCase.id });
    const flagged = after.current.filter((assignment) => assignment.status === "NEEDS_REASSIGNMENT");
    expect(flagged.map((assignment) => assignment.role).sort()).toEqual(["ACCOUNTABLE_OWNER", "SYSTEM_OWNER"]);
    expect(flagged.every((assignment) => assignment.person.isMember === false && assignment.needsReassignmentSince !== null)).toBe(true);
    expect(after.missing).toEqual([{ role: "ACCOUNTABLE_OWNER", reason: "BEYOND_IDEA" }]);

    const board = await caller.assessments.statusBoard({ organisationSlug: org.slug });
    expect(board.responsibilityGaps.count).toBe(1);
    expect(board.responsibilityGaps.items).toEqual([
      { useCase: expect.objectContaining({ id: useCase.id, lifecycleStage: "PILOT" }), missing: ["ACCOUNTABLE_OWNER"] },
    ]);
    const filteredBoard = await caller.assessments.statusBoard({ organisationSlug: org.slug, businessArea: "Annat" });
    expect(filteredBoard.responsibilityGaps.count).toBe(0);
    const register = await caller.useCases.list({ organisationSlug: org.slug, filters: { responsibilityGap: "true" } });
    expect(register.items.map((item) => item.id)).toEqual([useCase.id]);

    const events = await inScope(db.prisma, { organisationId: org.id }, (tx) =>
      tx.auditEvent.findMany({ where: { organisationId: org.id, action: "responsibility.flaggedForReassignment" } }),
    );
    expect(events).toHaveLength(2);

    // "Tilldela ny": the gap disappears.
    const flaggedOwner = flagged.find((assignment) => assignment.role === "ACCOUNTABLE_OWNER")!;
    await caller.responsibilities.assign({
      organisationSlug: org.slug,
      useCaseId: useCase.id,
      role: "ACCOUNTABLE_OWNER",
      personKind: "MEMBER",
      userId: admin.id,
      validFrom: addDays(day, 1),
      replacesId: flaggedOwner.id,
    });
    // Starts tomorrow: still a gap today; from today it would close it.
    expect((await caller.assessments.statusBoard({ organisationSlug: org.slug })).responsibilityGaps.count).toBe(1);
  });
});

describe("my responsibilities", () => {
  it("lists assignments and owned assessments across the user's organisations, each read in its own scope", async () => {
    const orgX = await createOrganisation(db.prisma, nextOrganisationNumber());
    const orgY = await createOrganisation(db.prisma, nextOrganisationNumber());
    const me = await createUser(db.prisma);
    const colleague = await createUser(db.prisma);
    await addMember(db.prisma, orgX, me, "EDITOR");
    await addMember(db.prisma, orgY, me, "ADMIN");
    await addMember(db.prisma, orgX, colleague, "ADMIN");
    const inX = await createTestUseCase(db.prisma, orgX, colleague, { fields: { ...pilot, title: "Användningsfall X" } });
    const inY = await createTestUseCase(db.prisma, orgY, me, { fields: { ...pilot, title: "Användningsfall Y" } });
    await assignTestResponsibility(db.prisma, orgX, colleague, { useCaseId: inX.id, role: "ACCOUNTABLE_OWNER", userId: me.id });
    await assignTestResponsibility(db.prisma, orgX, colleague, { useCaseId: inX.id, role: "SYSTEM_OWNER", userId: colleague.id });
    await assignTestResponsibility(db.prisma, orgY, me, { useCaseId: inY.id, role: "HUMAN_OVERSIGHT", userId: me.id });
    const assessment = await createTestAssessment(db.prisma, orgY, { by: me, useCaseId: inY.id });

    const mine = await (await callerFor(db.prisma, me)).responsibilities.mine();
    const bySlug = new Map(mine.map((entry) => [entry.organisation.slug, entry]));
    expect(bySlug.get(orgX.slug)?.assignments.map((assignment) => [assignment.useCase.title, assignment.role])).toEqual([
      ["Användningsfall X", "ACCOUNTABLE_OWNER"],
    ]);
    expect(bySlug.get(orgY.slug)?.assignments.map((assignment) => [assignment.useCase.title, assignment.role])).toEqual([
      ["Användningsfall Y", "HUMAN_OVERSIGHT"],
    ]);
    expect(bySlug.get(orgY.slug)?.assessments.map((item) => item.id)).toEqual([assessment.id]);
    expect(bySlug.get(orgX.slug)?.assessments).toEqual([]);

    const theirs = await (await callerFor(db.prisma, colleague)).responsibilities.mine();
    expect(theirs.map((entry) => entry.organisation.slug)).toEqual([orgX.slug]);
    expect(theirs[0]?.assignments.map((assignment) => assignment.role)).toEqual(["SYSTEM_OWNER"]);
  });
});

describe("tenancy", () => {
  it("answers NOT_FOUND for another organisation's use case and assignment", async () => {
    const { orgA, orgB } = world;
    const useCase = await createTestUseCase(db.prisma, orgA, world.users.admin, { fields: pilot });
    const assignment = await assignTestResponsibility(db.prisma, orgA, world.users.admin, {
      useCaseId: useCase.id,
      role: "LEGAL",
      external: { name: "Advokat Extern" },
    });
    const outsider = await callerFor(db.prisma, world.users.outsider);
    const inB = { organisationSlug: orgB.slug };
    expect((await problemOf(outsider.responsibilities.forUseCase({ ...inB, useCaseId: useCase.id }))).code).toBe("NOT_FOUND");
    expect((await problemOf(outsider.responsibilities.valueChain({ ...inB, useCaseId: useCase.id }))).code).toBe("NOT_FOUND");
    expect(
      (await problemOf(outsider.responsibilities.end({ ...inB, id: assignment.id, version: assignment.version, validTo: day }))).code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await problemOf(
          outsider.responsibilities.assign({ ...inB, useCaseId: useCase.id, role: "LEGAL", personKind: "EXTERNAL", externalName: "X", validFrom: day }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    // And through orgA's slug the outsider is not a member at all.
    expect((await problemOf(outsider.responsibilities.forUseCase({ organisationSlug: orgA.slug, useCaseId: useCase.id }))).code).toBe("FORBIDDEN");
  });
});

describe("value chain", () => {
  it("records who holds the roles the organisation does not, with versions and an audit event", async () => {
    const { orgA } = world;
    const useCase = await createTestUseCase(db.prisma, orgA, world.users.admin, { fields: { ...pilot, aiActRoles: ["DEPLOYER"] } });
    const editor = await callerFor(db.prisma, world.users.editor);
    const input = { organisationSlug: orgA.slug, useCaseId: useCase.id };
    const own = await problemOf(
      editor.responsibilities.setValueChain({ ...input, parties: [{ role: "DEPLOYER", version: null, holderKind: "OTHER_ORGANISATION", holderName: "X" }] }),
    );
    expect(own.fields).toEqual([{ field: "parties.0.holderKind", code: "responsibility.roleIsOwn" }]);
    const missingName = await problemOf(
      editor.responsibilities.setValueChain({ ...input, parties: [{ role: "PROVIDER", version: null, holderKind: "OTHER_ORGANISATION" }] }),
    );
    expect(missingName.fields).toEqual([{ field: "parties.0.holderName", code: "responsibility.holderNameRequired" }]);
    const saved = await editor.responsibilities.setValueChain({
      ...input,
      parties: [{ role: "PROVIDER", version: null, holderKind: "OTHER_ORGANISATION", holderName: "Inera AB" }],
    });
    expect(saved).toEqual({
      ownRoles: ["DEPLOYER"],
      parties: [{ role: "PROVIDER", holderKind: "OTHER_ORGANISATION", supplier: null, holderName: "Inera AB", note: null, version: 1 }],
    });
    const stale = await problemOf(
      editor.responsibilities.setValueChain({ ...input, parties: [{ role: "PROVIDER", version: null, holderKind: null }] }),
    );
    expect(stale.code).toBe("CONFLICT");
    const cleared = await editor.responsibilities.setValueChain({ ...input, parties: [{ role: "PROVIDER", version: 1, holderKind: null }] });
    expect(cleared.parties).toEqual([]);
    const events = await inScope(db.prisma, { organisationId: orgA.id }, (tx) =>
      tx.auditEvent.count({ where: { organisationId: orgA.id, entityType: "UseCase", entityId: useCase.id, action: "valueChain.updated" } }),
    );
    expect(events).toBe(2);
  });
});
