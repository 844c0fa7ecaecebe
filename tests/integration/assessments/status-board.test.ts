/**
 * The CIO's status board and the assessment list: counts per template and status, overdue
 * (computed from the dates, never stored), reviews due within 30 days, and use cases that
 * lack an approved assessment they need (the SQL agrees with templateNeeds()).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inScope } from "@/server/db/scope";
import { isOverdue } from "@/server/domain/assessments/service";
import { templateNeeds } from "@/server/domain/assessments/requirements";
import { addDays, addMonths, today } from "@/server/domain/assessments/dates";
import { createTestDatabase } from "../../support/database";
import { createTestAssessment } from "../../support/assessments";
import { callerFor, createOrganisation, addMember, nextOrganisationNumber, createTenancyWorld, type TenancyWorld, type TestOrganisation } from "../../support/tenancy";
import { createTestUseCase } from "../../support/use-cases";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let world: TenancyWorld;
let org: TestOrganisation;

const day = today();

async function setDates(id: string, dates: { dueOn?: string | null; nextReviewOn?: string | null }) {
  await inScope(db.prisma, { organisationId: org.id }, (tx) =>
    tx.assessment.update({
      where: { organisationId_id: { organisationId: org.id, id } },
      data: {
        ...(dates.dueOn !== undefined ? { dueOn: dates.dueOn ? new Date(`${dates.dueOn}T00:00:00Z`) : null } : {}),
        ...(dates.nextReviewOn !== undefined ? { nextReviewOn: dates.nextReviewOn ? new Date(`${dates.nextReviewOn}T00:00:00Z`) : null } : {}),
      },
    }),
  );
}

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createTenancyWorld(db.prisma);
  org = await createOrganisation(db.prisma, nextOrganisationNumber());
  await addMember(db.prisma, org, world.users.admin, "ADMIN");
});
afterAll(async () => db?.close());

describe("overdue", () => {
  it("is past the due date before approval, past the next review after, and never for a superseded version", () => {
    expect(isOverdue({ status: "DRAFT", dueOn: addDays(day, -1), nextReviewOn: null, supersededAt: null }, day)).toBe(true);
    expect(isOverdue({ status: "IN_REVIEW", dueOn: day, nextReviewOn: null, supersededAt: null }, day)).toBe(false);
    expect(isOverdue({ status: "DRAFT", dueOn: null, nextReviewOn: null, supersededAt: null }, day)).toBe(false);
    expect(isOverdue({ status: "APPROVED", dueOn: addDays(day, -100), nextReviewOn: addDays(day, 1), supersededAt: null }, day)).toBe(false);
    expect(isOverdue({ status: "APPROVED", dueOn: null, nextReviewOn: addDays(day, -1), supersededAt: null }, day)).toBe(true);
    expect(isOverdue({ status: "APPROVED", dueOn: null, nextReviewOn: addDays(day, -1), supersededAt: new Date() }, day)).toBe(false);
  });

  it("adds months the way people count them", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-11-23", 12)).toBe("2027-11-23");
  });
});

describe("status board and list", () => {
  it("counts, lists and links what is overdue, what is due for review, and what is missing", async () => {
    const by = world.users.admin;
    const late = await createTestAssessment(db.prisma, org, { by, status: "DRAFT" });
    await setDates(late.id, { dueOn: addDays(day, -3) });
    const onTime = await createTestAssessment(db.prisma, org, { by, status: "IN_REVIEW" });
    await setDates(onTime.id, { dueOn: addDays(day, 10) });
    const reviewSoon = await createTestAssessment(db.prisma, org, { by, status: "APPROVED" });
    await setDates(reviewSoon.id, { nextReviewOn: addDays(day, 20) });
    const reviewLate = await createTestAssessment(db.prisma, org, { by, status: "APPROVED" });
    await setDates(reviewLate.id, { nextReviewOn: addDays(day, -1) });
    const reviewFar = await createTestAssessment(db.prisma, org, { by, status: "APPROVED" });
    await setDates(reviewFar.id, { nextReviewOn: addDays(day, 200) });

    const caller = await callerFor(db.prisma, world.users.admin);
    const board = await caller.assessments.statusBoard({ organisationSlug: org.slug });
    expect(board.total).toBe(5);
    expect(board.byTemplateAndStatus).toEqual(
      expect.arrayContaining([
        { templateKind: "DPIA_SCREENING", status: "DRAFT", count: 1 },
        { templateKind: "DPIA_SCREENING", status: "IN_REVIEW", count: 1 },
        { templateKind: "DPIA_SCREENING", status: "APPROVED", count: 3 },
      ]),
    );
    expect(board.overdue.count).toBe(2);
    expect(board.overdue.items.map((i) => i.id).sort()).toEqual([late.id, reviewLate.id].sort());
    expect(board.reviewsDue).toMatchObject({ count: 1, days: 30, items: [expect.objectContaining({ id: reviewSoon.id })] });

    const overdueList = await caller.assessments.list({ organisationSlug: org.slug, filters: { overdue: true } });
    expect(overdueList.total).toBe(board.overdue.count);
    expect(overdueList.items.every((item) => item.overdue)).toBe(true);
    const dueList = await caller.assessments.list({ organisationSlug: org.slug, filters: { reviewWithinDays: 30 } });
    expect(dueList.items.map((i) => i.id)).toEqual([reviewSoon.id]);
    const drafts = await caller.assessments.list({ organisationSlug: org.slug, filters: { status: ["DRAFT"], templateKind: ["DPIA_SCREENING"] } });
    expect(drafts.total).toBe(1);
  });

  it("pages the list with a stable cursor", async () => {
    const caller = await callerFor(db.prisma, world.users.admin);
    const first = await caller.assessments.list({ organisationSlug: org.slug, limit: 2 });
    const second = await caller.assessments.list({ organisationSlug: org.slug, limit: 2, cursor: first.nextCursor! });
    const ids = [...first.items, ...second.items].map((i) => i.id);
    expect(new Set(ids).size).toBe(4);
    await expect(caller.assessments.list({ organisationSlug: org.slug, cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("filters by business area", async () => {
    const caller = await callerFor(db.prisma, world.users.admin);
    const board = await caller.assessments.statusBoard({ organisationSlug: org.slug, businessArea: "Ingen sådan verksamhet" });
    expect(board).toMatchObject({ total: 0, overdue: { count: 0 }, reviewsDue: { count: 0 } });
  });
});

describe("use cases without an approved assessment", () => {
  it("agrees with the required-template rules, and the register filter lists the same use cases", async () => {
    const gapOrg = await createOrganisation(db.prisma, nextOrganisationNumber());
    await addMember(db.prisma, gapOrg, world.users.admin, "ADMIN");
    const by = world.users.admin;
    const highRisk = await createTestUseCase(db.prisma, gapOrg, by, {
      fields: { riskClass: "HIGH_RISK", annexIIIArea: "EMPLOYMENT", riskClassJustification: "Rekrytering.", personalData: ["ORDINARY"], techniques: ["GENERATIVE_AI"] },
    });
    const personal = await createTestUseCase(db.prisma, gapOrg, by, { fields: { personalData: ["ORDINARY"] } });
    const none = await createTestUseCase(db.prisma, gapOrg, by, { fields: { personalData: ["NONE"] } });
    // The personal-data use case gets every assessment it needs, approved.
    for (const kind of ["AI_ACT_CLASSIFICATION", "TRUST_MODEL", "DPIA_SCREENING"] as const) {
      await createTestAssessment(db.prisma, gapOrg, { by, status: "APPROVED", kind, useCaseId: personal.id, answers: {} });
    }
    const caller = await callerFor(db.prisma, world.users.admin);
    const board = await caller.assessments.statusBoard({ organisationSlug: gapOrg.slug });
    expect(board.gaps.count).toBe(1);
    const [gap] = board.gaps.items;
    expect(gap?.useCase.id).toBe(highRisk.id);
    const record = await caller.useCases.get({ organisationSlug: gapOrg.slug, id: highRisk.id });
    const expected = templateNeeds({ ...record, classificationSaysFriaRequired: null })
      .filter((need) => need.requirement === "REQUIRED")
      .map((need) => need.kind)
      .sort();
    expect(gap?.missing).toEqual(expected);
    const filtered = await caller.useCases.list({ organisationSlug: gapOrg.slug, filters: { assessmentGap: true } });
    expect(filtered.items.map((i) => i.id)).toEqual([highRisk.id]);
    expect(none.id).not.toBe(highRisk.id);
  });
});
