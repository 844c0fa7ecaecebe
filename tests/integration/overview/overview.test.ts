/**
 * The organisation's dashboard and DIGG's cross-sector overview on one fixture of six
 * organisations: every figure against a value counted by hand, the small-group rule, what an
 * oversight user can and cannot reach, and how the oversight path is owned and granted.
 *
 * The fixture (u = use case; "shared" = shared with DIGG's oversight):
 *   O1 municipality, health   u1 high-risk (essential services), personal data, generative AI, in use
 *                             u2 minimal, idea (was ANALYSIS until last month)
 *   O2 municipality, health   u3 high-risk (education), pilot
 *   O3 region, health         u4 minimal, personal data, in use, SHARED, accountable owner assigned
 *   O4 agency, tax            u5 high-risk (employment), development;  u6 transparency, generative AI, pilot, SHARED
 *   O5 agency, tax            no use cases
 *   O6 region, health         u7 high-risk (essential services), analysis
 * Approved AI Act classifications: u3 and u7. Product P is used by u1, u3, u7; product Q by u5.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrganisationKind, Sector } from "@/server/db/generated/enums";
import { inScope } from "@/server/db/scope";
import { today } from "@/server/domain/assessments/dates";
import { milestoneDate } from "@/server/domain/assessments/ai-act-dates";
import { trendMonths } from "@/server/domain/overview/dashboard";
import { oversightTables, tableFile } from "@/server/domain/overview/tables";
import type { BreakdownRow, OversightOverview } from "@/server/domain/overview/oversight";
import { createTestAssessment } from "../../support/assessments";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { createTestDecision } from "../../support/procurement";
import { assignTestResponsibility } from "../../support/responsibilities";
import { createTestSupplier } from "../../support/suppliers";
import { addMember, callerFor, createOrganisation, createUser, nextOrganisationNumber, type TestOrganisation, type TestUser } from "../../support/tenancy";
import { createTestUseCase } from "../../support/use-cases";

let db: TestDatabase;
const orgs: Record<string, TestOrganisation> = {};
const admins: Record<string, TestUser> = {};
const useCases: Record<string, { id: string; reference: string; version: number }> = {};
let oversightUser: TestUser;
const months = trendMonths(new Date());

async function organisation(name: string, kind: OrganisationKind, sector: Sector) {
  const created = await createOrganisation(db.prisma, nextOrganisationNumber());
  // Kind and sector are the platform administrator's to set: a fixture, written as the schema owner.
  await db.owner.organisation.update({ where: { id: created.id }, data: { kind, sector } });
  const admin = await createUser(db.prisma);
  await addMember(db.prisma, created, admin, "ADMIN");
  orgs[name] = created;
  admins[name] = admin;
}

async function useCase(key: string, org: string, fields: Record<string, unknown>, shared = false) {
  const created = await createTestUseCase(db.prisma, orgs[org]!, admins[org]!, {
    fields: {
      title: `Hemligt fall ${key}`,
      riskClassJustification: "Bedömd i förstudien.",
      ...(fields.lifecycleStage === "IN_USE" ? { inUseSince: "2026-01-15" } : {}),
      ...fields,
    } as never,
  });
  useCases[key] = created;
  if (shared) {
    const caller = await callerFor(db.prisma, admins[org]!);
    const updated = await caller.useCases.shareWithOversight({ organisationSlug: orgs[org]!.slug, id: created.id, version: created.version, shared: true });
    useCases[key] = { ...created, version: updated.version };
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  oversightUser = await createUser(db.prisma, "OVERSIGHT");
  await organisation("O1", "MUNICIPALITY", "HEALTH_AND_CARE");
  await organisation("O2", "MUNICIPALITY", "HEALTH_AND_CARE");
  await organisation("O3", "REGION", "HEALTH_AND_CARE");
  await organisation("O4", "CENTRAL_AGENCY", "TAX_AND_CUSTOMS");
  await organisation("O5", "CENTRAL_AGENCY", "TAX_AND_CUSTOMS");
  await organisation("O6", "REGION", "HEALTH_AND_CARE");
  await useCase("u1", "O1", { riskClass: "HIGH_RISK", annexIIIArea: "ESSENTIAL_SERVICES", personalData: ["ORDINARY"], techniques: ["GENERATIVE_AI"], lifecycleStage: "IN_USE" });
  await useCase("u2", "O1", { riskClass: "MINIMAL", lifecycleStage: "IDEA" });
  await useCase("u3", "O2", { riskClass: "HIGH_RISK", annexIIIArea: "EDUCATION", lifecycleStage: "PILOT" });
  await useCase("u4", "O3", { riskClass: "MINIMAL", personalData: ["ORDINARY"], lifecycleStage: "IN_USE" }, true);
  await useCase("u5", "O4", { riskClass: "HIGH_RISK", annexIIIArea: "EMPLOYMENT", lifecycleStage: "DEVELOPMENT" });
  await useCase("u6", "O4", { riskClass: "TRANSPARENCY", techniques: ["GENERATIVE_AI"], lifecycleStage: "PILOT" }, true);
  await useCase("u7", "O6", { riskClass: "HIGH_RISK", annexIIIArea: "ESSENTIAL_SERVICES", lifecycleStage: "ANALYSIS" });

  await createTestAssessment(db.prisma, orgs.O2!, { by: admins.O2!, kind: "AI_ACT_CLASSIFICATION", status: "APPROVED", useCaseId: useCases.u3!.id });
  await createTestAssessment(db.prisma, orgs.O6!, { by: admins.O6!, kind: "AI_ACT_CLASSIFICATION", status: "APPROVED", useCaseId: useCases.u7!.id });
  await assignTestResponsibility(db.prisma, orgs.O3!, admins.O3!, { useCaseId: useCases.u4!.id, role: "ACCOUNTABLE_OWNER", userId: admins.O3!.id });

  const { supplier, products } = await createTestSupplier(db.prisma, orgs.O1!, admins.O1!, { products: [{ name: "Produkt P" }, { name: "Produkt Q" }] });
  const [p, q] = products;
  for (const [org, key] of [["O1", "u1"], ["O2", "u3"], ["O6", "u7"]] as const) {
    await createTestDecision(db.prisma, orgs[org]!, admins[org]!, { useCaseId: useCases[key]!.id, supplierId: supplier.id, productId: p!.id });
  }
  await createTestDecision(db.prisma, orgs.O4!, admins.O4!, { useCaseId: useCases.u5!.id, supplierId: supplier.id, productId: q!.id });

  // History for O1's trend: u2 was registered two months ago at ANALYSIS and went back to IDEA last month;
  // one assessment was approved last month.
  const o1 = orgs.O1!.id;
  await inScope(db.prisma, { organisationId: o1 }, async (tx) => {
    await tx.useCase.update({ where: { organisationId_id: { organisationId: o1, id: useCases.u2!.id } }, data: { createdAt: new Date(`${months[9]}-03T10:00:00Z`) } });
    await tx.auditEvent.create({
      data: {
        organisationId: o1, actorLabel: "test", entityType: "UseCase", entityId: useCases.u2!.id, action: "useCase.updated",
        changes: { lifecycleStage: { before: "ANALYSIS", after: "IDEA" } }, createdAt: new Date(`${months[10]}-05T10:00:00Z`),
      },
    });
    await tx.auditEvent.create({
      data: {
        organisationId: o1, actorLabel: "test", entityType: "Assessment", entityId: randomUUID(), action: "assessment.approved",
        changes: {}, createdAt: new Date(`${months[10]}-07T10:00:00Z`),
      },
    });
  });
  // The figures read maintained aggregates: bring them up to the fixture.
  await refresh();
}, 120_000);
afterAll(async () => db?.close());

const refresh = async () => (await callerFor(db.prisma, oversightUser)).overview.refreshOversight();

const oversight = async (filters: Record<string, string> = {}) =>
  (await callerFor(db.prisma, oversightUser)).overview.oversight({ filters });

function figure(overview: OversightOverview, dimension: BreakdownRow["dimension"], value: string) {
  const row = overview.breakdown.find((entry) => entry.dimension === dimension && entry.value === value);
  return row ? { useCases: row.useCases, organisations: row.organisations, suppressed: row.suppressed } : undefined;
}

describe("the organisation's dashboard", () => {
  it("counts O1's use cases, gaps, procurement, changes and trends as counted by hand", async () => {
    const dashboard = await (await callerFor(db.prisma, admins.O1!)).overview.dashboard({ organisationSlug: orgs.O1!.slug });
    expect(dashboard.useCases.total).toBe(2);
    expect(dashboard.useCases.byStage).toEqual([
      { lifecycleStage: "IDEA", count: 1 },
      { lifecycleStage: "IN_USE", count: 1 },
    ]);
    expect(dashboard.useCases.byRiskClass).toEqual([
      { riskClass: "HIGH_RISK", count: 1 },
      { riskClass: "MINIMAL", count: 1 },
    ]);
    expect(dashboard.assessments).toMatchObject({ total: 0, overdue: 0, reviewsDue: 0, gaps: 1 });
    // u1 is in use, high-risk, with personal data and no one assigned: three required roles missing.
    expect(dashboard.responsibilities.useCases).toBe(1);
    expect(dashboard.responsibilities.byRole).toEqual([
      { role: "ACCOUNTABLE_OWNER", count: 1 },
      { role: "DATA_PROTECTION_OFFICER", count: 1 },
      { role: "HUMAN_OVERSIGHT", count: 1 },
    ]);
    expect(dashboard.procurement.byRouteAndStatus).toEqual([{ route: "FRAMEWORK_CALL_OFF", status: "PLANNED", count: 1, valueSek: 250_000 }]);
    expect(dashboard.procurement.totalValueSek).toBe(250_000);
    const recent = Object.fromEntries(dashboard.recentChanges.byEntityType.map((row) => [row.entityType, row.count]));
    // Two registered now; last month's stage change and approval count when they fall within the 30 days.
    const since = Date.parse(`${dashboard.recentChanges.since}T00:00:00Z`);
    const lastMonthEvents = Date.parse(`${months[10]}-05T10:00:00Z`) >= since ? 1 : 0;
    expect(recent.UseCase).toBe(2 + lastMonthEvents);
    expect(recent.Assessment ?? 0).toBe(Date.parse(`${months[10]}-07T10:00:00Z`) >= since ? 1 : 0);
    expect(recent.ProcurementDecision).toBeGreaterThanOrEqual(1);

    const stage = (month: string) =>
      Object.fromEntries(dashboard.trends.stageByMonth.filter((row) => row.month === month).map((row) => [row.lifecycleStage, row.count]));
    expect(dashboard.trends.months).toEqual(months);
    expect(stage(months[8]!)).toEqual({});
    expect(stage(months[9]!)).toEqual({ ANALYSIS: 1 });
    expect(stage(months[10]!)).toEqual({ IDEA: 1 });
    expect(stage(months[11]!)).toEqual({ IDEA: 1, IN_USE: 1 });
    expect(dashboard.trends.approvalsByMonth.map((row) => row.count)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
  });

  it("is an organisation's own: another organisation's member and the oversight user are refused", async () => {
    await expect((await callerFor(db.prisma, admins.O2!)).overview.dashboard({ organisationSlug: orgs.O1!.slug })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect((await callerFor(db.prisma, oversightUser)).overview.dashboard({ organisationSlug: orgs.O1!.slug })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("DIGG's cross-sector overview", () => {
  it("breaks use cases down as counted by hand, suppressing figures whose undisclosed records come from 1 or 2 organisations", async () => {
    const overview = await oversight();
    expect(overview.totals).toMatchObject({ useCases: 7, organisations: 5, suppressed: false });
    expect(figure(overview, "riskClass", "HIGH_RISK")).toEqual({ useCases: 4, organisations: 4, suppressed: false });
    expect(figure(overview, "riskClass", "MINIMAL")).toEqual({ useCases: null, organisations: null, suppressed: true }); // u2 of O1 alone undisclosed
    expect(figure(overview, "riskClass", "TRANSPARENCY")).toEqual({ useCases: 1, organisations: 1, suppressed: false }); // all shared
    expect(figure(overview, "sector", "HEALTH_AND_CARE")).toEqual({ useCases: 5, organisations: 4, suppressed: false });
    expect(figure(overview, "sector", "TAX_AND_CUSTOMS")?.suppressed).toBe(true);
    expect(figure(overview, "kind", "MUNICIPALITY")?.suppressed).toBe(true);
    expect(figure(overview, "kind", "REGION")?.suppressed).toBe(true);
    expect(figure(overview, "kind", "CENTRAL_AGENCY")?.suppressed).toBe(true);
    expect(figure(overview, "generativeAi", "true")?.suppressed).toBe(true);
    expect(figure(overview, "generativeAi", "false")).toEqual({ useCases: 5, organisations: 5, suppressed: false });
    expect(figure(overview, "technique", "NONE")).toEqual({ useCases: 5, organisations: 5, suppressed: false });
    expect(figure(overview, "personalData", "ORDINARY")?.suppressed).toBe(true);
    expect(figure(overview, "personalData", "UNKNOWN")).toEqual({ useCases: 5, organisations: 4, suppressed: false });
    expect(figure(overview, "hosting", "UNKNOWN")).toEqual({ useCases: 7, organisations: 5, suppressed: false });
    expect(figure(overview, "lifecycleStage", "IN_USE")?.suppressed).toBe(true);
    // Completeness: of the eight descriptive fields the fixture fills techniques, personal data and
    // the risk class: 3+1+1+2+1+2+1 = 11 of 56.
    expect(overview.totals.completeness).toBe(Math.round((11 / 56) * 100));
    // No suppressed figure carries a number.
    for (const row of overview.breakdown.filter((entry) => entry.suppressed)) {
      expect([row.useCases, row.organisations, row.completeness]).toEqual([null, null, null]);
    }

    expect(overview.registers).toEqual([
      { kind: "CENTRAL_AGENCY", organisations: 2, keepingRegister: 1, suppressed: false }, // O4 shared u6
      { kind: "MUNICIPALITY", organisations: 2, keepingRegister: null, suppressed: true },
      { kind: "REGION", organisations: 2, keepingRegister: null, suppressed: true }, // O6 shares nothing
    ]);
  });

  it("filters by sector and computes coverage, readiness, gaps, suppliers and trends as counted by hand", async () => {
    const overview = await oversight({ sector: "HEALTH_AND_CARE" });
    expect(overview.totals).toMatchObject({ useCases: 5, organisations: 4 });
    expect(figure(overview, "riskClass", "HIGH_RISK")).toEqual({ useCases: 3, organisations: 3, suppressed: false });

    const coverage = (population: string, templateKind: string) =>
      overview.coverage.find((row) => row.groupBy === "sector" && row.groupValue === "HEALTH_AND_CARE" && row.population === population && row.templateKind === templateKind);
    expect(coverage("HIGH_RISK", "AI_ACT_CLASSIFICATION")).toMatchObject({ useCases: 3, covered: 2, suppressed: false });
    expect(coverage("HIGH_RISK", "FRIA")).toMatchObject({ useCases: 3, covered: 0, suppressed: false });
    expect(coverage("HIGH_RISK", "TRUST_MODEL")).toMatchObject({ useCases: 3, covered: 0, suppressed: false });
    expect(coverage("HIGH_RISK", "DPIA_SCREENING")).toMatchObject({ useCases: null, covered: null, suppressed: true }); // u1 alone

    const { date } = milestoneDate("high_risk_annex_iii");
    const readiness = Object.fromEntries(overview.readiness.map((row) => [row.obligation, row]));
    expect(readiness.CLASSIFICATION).toMatchObject({ milestone: "high_risk_annex_iii", date, useCases: 3, lacking: 1, suppressed: false });
    expect(readiness.FRIA).toMatchObject({ useCases: 3, lacking: 3 });
    expect(readiness.REGISTRATION).toMatchObject({ useCases: 3, lacking: 3 });
    expect(readiness.CLASSIFICATION!.daysLeft).toBe(Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today()}T00:00:00Z`)) / 86_400_000));

    const gaps = Object.fromEntries(overview.responsibilityGaps.map((row) => [row.role, row]));
    expect(gaps.ACCOUNTABLE_OWNER).toMatchObject({ useCases: 3, suppressed: false }); // u1, u3, u7 (u4 has one)
    expect(gaps.HUMAN_OVERSIGHT).toMatchObject({ useCases: 3, suppressed: false });
    expect(gaps.DATA_PROTECTION_OFFICER).toMatchObject({ useCases: null, suppressed: true }); // u1 (O1) and the shared u4
    expect(gaps.ANY).toMatchObject({ useCases: 4, suppressed: false });

    expect(overview.suppliers).toEqual([expect.objectContaining({ product: "Produkt P", organisations: 3, useCases: 3, suppressed: false })]);
    const all = await oversight();
    expect(all.suppliers.map((row) => [row.product, row.organisations, row.suppressed])).toEqual([
      ["Produkt P", 3, false],
      ["Produkt Q", null, true],
    ]);

    const trend = (measure: string, month: string) => overview.trends.find((row) => row.measure === measure && row.month === month);
    expect(trend("registered", months[11]!)).toMatchObject({ value: 4, suppressed: false }); // u1, u3, u4, u7 (u2 moved back)
    expect(trend("registered", months[9]!)).toMatchObject({ value: null, suppressed: true }); // u2 of O1 alone
    expect(trend("total", months[11]!)).toMatchObject({ value: 5, suppressed: false });
    expect(trend("approved", months[11]!)).toMatchObject({ value: null, suppressed: true }); // u3 of O2 and u7 of O6: two organisations
    expect(trend("registered", months[5]!)).toMatchObject({ value: 0, suppressed: false });
  });

  it("shows one organisation's aggregates with the same rule, and lists only what it shared", async () => {
    const o4 = await oversight({ organisation: orgs.O4!.slug });
    expect(o4.organisation).toMatchObject({ slug: orgs.O4!.slug, kind: "CENTRAL_AGENCY" });
    expect(o4.totals).toMatchObject({ useCases: null, suppressed: true });
    expect(figure(o4, "riskClass", "TRANSPARENCY")).toEqual({ useCases: 1, organisations: 1, suppressed: false });
    expect(figure(o4, "riskClass", "HIGH_RISK")?.suppressed).toBe(true);

    const caller = await callerFor(db.prisma, oversightUser);
    const listed = await caller.overview.disclosedUseCases({ filters: {} });
    expect(listed.map((row) => row.reference).sort()).toEqual([useCases.u4!.reference, useCases.u6!.reference].sort());
    const behind = await caller.overview.figureOrganisations({ filters: {}, dimension: "riskClass", value: "HIGH_RISK" });
    expect(behind.organisations).toEqual([]);
    expect(behind.undisclosedUseCases).toBe(4);
    const transparency = await caller.overview.figureOrganisations({ filters: {}, dimension: "riskClass", value: "TRANSPARENCY" });
    expect(transparency.organisations).toEqual([expect.objectContaining({ slug: orgs.O4!.slug, disclosedUseCases: 1 })]);
    await expect(caller.overview.oversight({ filters: { organisation: "no-such-organisation" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lifts the suppression when the records are shared, through the audited choice of an admin", async () => {
    expect(figure(await oversight(), "generativeAi", "true")?.suppressed).toBe(true);
    const editor = await createUser(db.prisma);
    await addMember(db.prisma, orgs.O1!, editor, "EDITOR");
    const input = { organisationSlug: orgs.O1!.slug, id: useCases.u1!.id, version: useCases.u1!.version, shared: true };
    await expect((await callerFor(db.prisma, editor)).useCases.shareWithOversight(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const shared = await (await callerFor(db.prisma, admins.O1!)).useCases.shareWithOversight(input);
    expect(shared.sharedWithOversight).toBe(true);
    await expect((await callerFor(db.prisma, admins.O1!)).useCases.shareWithOversight(input)).rejects.toMatchObject({ code: "CONFLICT" });
    const history = await (await callerFor(db.prisma, admins.O1!)).useCases.history({ organisationSlug: orgs.O1!.slug, id: useCases.u1!.id });
    expect(history.items[0]).toMatchObject({ action: "useCase.oversightSharingChanged" });

    await refresh();
    expect(figure(await oversight(), "generativeAi", "true")).toEqual({ useCases: 2, organisations: 2, suppressed: false });
    const caller = await callerFor(db.prisma, oversightUser);
    const behind = await caller.overview.figureOrganisations({ filters: {}, dimension: "riskClass", value: "HIGH_RISK" });
    expect(behind.organisations).toEqual([expect.objectContaining({ slug: orgs.O1!.slug, disclosedUseCases: 1 })]);
    expect(behind.undisclosedUseCases).toBe(3);

    // Back as it was, for the other tests.
    await (await callerFor(db.prisma, admins.O1!)).useCases.shareWithOversight({ ...input, version: shared.version, shared: false });
    useCases.u1 = { ...useCases.u1!, version: shared.version + 1 };
    await refresh();
  });
});

describe("what oversight can reach", () => {
  const unsharedTitles = () => ["u1", "u2", "u3", "u5", "u7"].map((key) => `Hemligt fall ${key}`);

  it("never returns an unshared record through any oversight procedure or export", async () => {
    const caller = await callerFor(db.prisma, oversightUser);
    const outputs: unknown[] = [];
    for (const filters of [{}, { sector: "HEALTH_AND_CARE" as const }, { organisation: orgs.O1!.slug }, { kind: "REGION" as const }]) {
      const overview = await caller.overview.oversight({ filters });
      outputs.push(overview, await caller.overview.disclosedUseCases({ filters }));
      for (const format of ["csv", "xlsx"] as const) {
        for (const table of oversightTables(overview, "sv")) outputs.push(Buffer.from((await tableFile(table, overview, format, "sv")).bytes).toString("latin1"));
      }
      for (const row of overview.breakdown) {
        outputs.push(await caller.overview.figureOrganisations({ filters, dimension: row.dimension, value: row.value }));
        outputs.push(await caller.overview.disclosedUseCases({ filters, figure: { dimension: row.dimension, value: row.value } }));
      }
    }
    const text = JSON.stringify(outputs);
    for (const title of unsharedTitles()) expect(text).not.toContain(title);
    for (const key of ["u1", "u2", "u3", "u5", "u7"]) expect(text).not.toContain(useCases[key]!.id);
    expect(text).toContain("Hemligt fall u4"); // shared records do appear
  });

  it("refuses the oversight user every organisation procedure on an unshared record", async () => {
    const caller = await callerFor(db.prisma, oversightUser);
    const slug = orgs.O1!.slug;
    await expect(caller.useCases.get({ organisationSlug: slug, id: useCases.u1!.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.useCases.list({ organisationSlug: slug, filters: {} } as never)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.assessments.statusBoard({ organisationSlug: slug })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses the oversight figures to organisation members of every role", async () => {
    for (const role of ["ADMIN", "EDITOR", "REVIEWER", "VIEWER"] as const) {
      const member = await createUser(db.prisma);
      await addMember(db.prisma, orgs.O3!, member, role);
      const caller = await callerFor(db.prisma, member);
      await expect(caller.overview.oversight({ filters: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.overview.disclosedUseCases({ filters: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.overview.figureOrganisations({ filters: {}, dimension: "all", value: "all" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("cannot be read around: the app role can execute the functions but not reach the reader's views", async () => {
    await expect(inScope(db.prisma, {}, (tx) => tx.$queryRaw`SELECT count(*) FROM oversight.use_case`)).rejects.toThrow(/permission denied/);
    await expect(inScope(db.prisma, {}, (tx) => tx.$queryRaw`SELECT count(*) FROM oversight.use_case_dimension`)).rejects.toThrow(/permission denied/);
    await expect(inScope(db.prisma, {}, (tx) => tx.$queryRaw`SELECT count(*) FROM oversight.breakdown_fact`)).rejects.toThrow(/permission denied/);
    await expect(inScope(db.prisma, {}, (tx) => tx.$executeRaw`REFRESH MATERIALIZED VIEW oversight.breakdown_fact`)).rejects.toThrow(/permission denied|must be owner/);
  });

  it("refuses the refresh of the aggregates to organisation members", async () => {
    const caller = await callerFor(db.prisma, admins.O1!);
    await expect(caller.overview.refreshOversight()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("publication", () => {
  it("counts a published use case as disclosed, reports publication, and shows it only as published", async () => {
    const before = await oversight();
    expect(figure(before, "sector", "TAX_AND_CUSTOMS")?.suppressed).toBe(true);
    expect(before.publication.find((row) => row.groupBy === "all")).toMatchObject({ useCases: 7, published: 0, outdated: 0, suppressed: false });

    // O4 publishes u5: its published version (the snapshot the public sees) has its own title.
    const o4 = orgs.O4!.id;
    const publishedAt = new Date(Date.now() - 60_000);
    await inScope(db.prisma, { organisationId: o4 }, (tx) =>
      tx.publishedUseCaseSnapshot.create({
        data: {
          organisationId: o4, useCaseId: useCases.u5!.id, version: 1, title: "Publicerat fall u5",
          snapshot: { reference: useCases.u5!.reference, title: "Publicerat fall u5", publicSummary: "Offentlig sammanfattning", businessArea: "Offentligt område", hosting: null },
          organisationKind: "CENTRAL_AGENCY", sector: "TAX_AND_CUSTOMS", lifecycleStage: "DEVELOPMENT", riskClass: "HIGH_RISK",
          techniques: [], generativeAi: false, processesPersonalData: false, completeness: 50, firstPublishedAt: publishedAt, publishedAt,
        },
      }),
    );
    await refresh();
    const after = await oversight();
    // O4 has now disclosed both its use cases: the tax sector and the agencies are shown.
    expect(figure(after, "sector", "TAX_AND_CUSTOMS")).toEqual({ useCases: 2, organisations: 1, suppressed: false });
    expect(figure(after, "kind", "CENTRAL_AGENCY")).toEqual({ useCases: 2, organisations: 1, suppressed: false });
    // u5 was registered after its publication date: it counts as changed since publication.
    expect(after.publication.find((row) => row.groupBy === "all")).toMatchObject({ useCases: 7, published: 1, outdated: 1, suppressed: false });
    expect(after.publication.find((row) => row.groupBy === "sector" && row.groupValue === "TAX_AND_CUSTOMS")).toMatchObject({ useCases: 2, published: 1, suppressed: false });
    expect(after.publication.find((row) => row.groupBy === "sector" && row.groupValue === "HEALTH_AND_CARE")).toMatchObject({ useCases: 5, published: 0, outdated: 0 });

    // With the register's publication fingerprint stored, "changed since publication" follows it:
    // unchanged while the public fields are as published, changed once one of them changes.
    await inScope(db.prisma, { organisationId: o4 }, async (tx) => {
      // As publishing does: the publication row first, then the fingerprint of what it published.
      await tx.useCasePublication.create({
        data: { organisationId: o4, useCaseId: useCases.u5!.id, state: "PUBLISHED", publishedVersion: 1, publishedAt },
      });
      await tx.$executeRaw`
        UPDATE "UseCasePublication" SET "publishedFingerprint" = use_case_public_fingerprint(${o4}::uuid, ${useCases.u5!.id}::uuid)
        WHERE "organisationId" = ${o4}::uuid AND "useCaseId" = ${useCases.u5!.id}::uuid`;
    });
    expect((await oversight()).publication.find((row) => row.groupBy === "all")).toMatchObject({ published: 1, outdated: 0 });
    await inScope(db.prisma, { organisationId: o4 }, (tx) =>
      tx.useCase.update({ where: { organisationId_id: { organisationId: o4, id: useCases.u5!.id } }, data: { publicSummary: "En ny sammanfattning" } }),
    );
    expect((await oversight()).publication.find((row) => row.groupBy === "all")).toMatchObject({ published: 1, outdated: 1 });

    const caller = await callerFor(db.prisma, oversightUser);
    const listed = await caller.overview.disclosedUseCases({ filters: { organisation: orgs.O4!.slug } });
    expect(listed.map((row) => row.title).sort()).toEqual(["Hemligt fall u6", "Publicerat fall u5"]);
    expect(listed.find((row) => row.title === "Publicerat fall u5")).toMatchObject({ publicSummary: "Offentlig sammanfattning", businessArea: "Offentligt område" });
    expect(JSON.stringify(listed)).not.toContain("Hemligt fall u5");
  });
});

describe("the oversight path's SQL objects", () => {
  it("are owned by the NOLOGIN reader, run as definer and are executable by the app role only", async () => {
    const [role] = await db.prisma.$queryRaw<{ rolcanlogin: boolean; rolsuper: boolean; rolbypassrls: boolean }[]>`
      SELECT rolcanlogin, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'tillit_oversight_reader'`;
    expect(role).toEqual({ rolcanlogin: false, rolsuper: false, rolbypassrls: false });

    const functions = await db.prisma.$queryRaw<{ name: string; owner: string; definer: boolean; app: boolean; public: boolean; config: string[] | null }[]>`
      SELECT p.proname AS "name", pg_get_userbyid(p.proowner) AS "owner", p.prosecdef AS "definer",
             has_function_privilege('tillit_app', p.oid, 'EXECUTE') AS "app",
             EXISTS (SELECT 1 FROM aclexplode(p.proacl) a WHERE a.grantee = 0) AS "public", p.proconfig AS "config"
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND p.proname LIKE 'oversight\\_%' ORDER BY p.proname`;
    expect(functions.map((f) => f.name)).toEqual([
      "oversight_ai_act_readiness",
      "oversight_assessment_coverage",
      "oversight_breakdown",
      "oversight_disclosed_use_cases",
      "oversight_figure_organisations",
      "oversight_publication",
      "oversight_refresh",
      "oversight_refreshed_at",
      "oversight_register_keepers",
      "oversight_responsibility_gaps",
      "oversight_suppliers",
      "oversight_trends",
    ]);
    for (const fn of functions) {
      expect(fn).toMatchObject({ owner: "tillit_oversight_reader", definer: true, app: true, public: false, config: ["search_path=public"] });
    }

    const views = await db.prisma.$queryRaw<{ name: string; kind: string; owner: string; app: boolean }[]>`
      SELECT c.relname AS "name", c.relkind::text AS "kind", pg_get_userbyid(c.relowner) AS "owner",
             has_table_privilege('tillit_app', c.oid, 'SELECT') AS "app"
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'oversight' AND c.relkind IN ('v', 'm') ORDER BY c.relname`;
    // v: a view; m: a materialised view (the maintained aggregates).
    expect(views).toEqual([
      { name: "aggregate_freshness", kind: "m", owner: "tillit_oversight_reader", app: false },
      { name: "breakdown_fact", kind: "m", owner: "tillit_oversight_reader", app: false },
      { name: "coverage_fact", kind: "m", owner: "tillit_oversight_reader", app: false },
      { name: "template_need", kind: "v", owner: "tillit_oversight_reader", app: false },
      { name: "trend_fact", kind: "m", owner: "tillit_oversight_reader", app: false },
      { name: "use_case", kind: "v", owner: "tillit_oversight_reader", app: false },
      { name: "use_case_dimension", kind: "v", owner: "tillit_oversight_reader", app: false },
    ]);
    const [schema] = await db.prisma.$queryRaw<{ owner: string; app: boolean }[]>`
      SELECT pg_get_userbyid(nspowner) AS "owner", has_schema_privilege('tillit_app', oid, 'USAGE') AS "app"
      FROM pg_namespace WHERE nspname = 'oversight'`;
    expect(schema).toEqual({ owner: "tillit_oversight_reader", app: false });

    // The reader's policies only read; row-level security stays forced on the tables it reads.
    const policies = await db.prisma.$queryRaw<{ table: string; cmd: string }[]>`
      SELECT tablename AS "table", cmd FROM pg_policies WHERE 'tillit_oversight_reader' = ANY(roles) ORDER BY tablename`;
    expect(policies.every((policy) => policy.cmd === "SELECT")).toBe(true);
    const forced = await db.prisma.$queryRaw<{ relname: string; relforcerowsecurity: boolean }[]>`
      SELECT relname, relforcerowsecurity FROM pg_class WHERE relname IN ('UseCase', 'Assessment', 'Responsibility', 'ProcurementDecision', 'AssessmentAnswer')`;
    expect(forced.every((table) => table.relforcerowsecurity)).toBe(true);
    const [membership] = await db.prisma.$queryRaw<{ member: boolean }[]>`SELECT pg_has_role('tillit_app', 'tillit_oversight_reader', 'MEMBER') AS "member"`;
    expect(membership!.member).toBe(false);
  });
});

describe("the maintained aggregates", () => {
  it("change the figures only when refreshed, and report when that was, on the page and in the exports", async () => {
    const before = await oversight();
    const total = before.totals.useCases!;
    const trendTotal = (overview: OversightOverview) => overview.trends.filter((row) => row.measure === "total").at(-1)!.value;

    // O5 registers its first use case (high risk, needing a classification).
    await useCase("u8", "O5", { riskClass: "HIGH_RISK", annexIIIArea: "EMPLOYMENT", lifecycleStage: "PILOT" });
    const stale = await oversight();
    expect(stale.totals.useCases).toBe(total);
    expect(trendTotal(stale)).toBe(trendTotal(before));
    expect(stale.coverage).toEqual(before.coverage);
    expect(stale.refreshedAt).toEqual(before.refreshedAt);

    const { refreshedAt } = await refresh();
    expect(refreshedAt.getTime()).toBeGreaterThan(before.refreshedAt.getTime());
    const fresh = await oversight();
    expect(fresh.refreshedAt).toEqual(refreshedAt);
    expect(fresh.totals.useCases).toBe(total + 1);
    expect(trendTotal(fresh)).toBe(trendTotal(before)! + 1);
    // The small-group rule applies to the refreshed aggregates at read time: the agencies' figure now
    // includes O5's undisclosed record (one organisation), so it is suppressed; so is O5 alone.
    expect(figure(stale, "kind", "CENTRAL_AGENCY")).toEqual({ useCases: 2, organisations: 1, suppressed: false });
    expect(figure(fresh, "kind", "CENTRAL_AGENCY")).toEqual({ useCases: null, organisations: null, suppressed: true });
    expect((await oversight({ organisation: orgs.O5!.slug })).totals).toMatchObject({ useCases: null, suppressed: true });

    const time = new Intl.DateTimeFormat("sv-SE", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Stockholm" }).format(refreshedAt);
    const [table] = oversightTables(fresh, "sv");
    const csv = Buffer.from((await tableFile(table!, fresh, "csv", "sv")).bytes).toString("latin1");
    expect(csv).toContain(`Uppdaterad ${time}`);
  });
});
