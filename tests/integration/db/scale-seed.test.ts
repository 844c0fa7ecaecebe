/**
 * The scale seed at a tiny scale: the organisations in their proportions with valid numbers,
 * the skew (the largest is a central agency), rows that satisfy the app's rules (use cases,
 * answers of the right type, complete answers once submitted, use-case flags that match the
 * approved assessments, references and counters), a second run that changes nothing, and
 * the app's own procedures reading the data as a signed-in member of the largest organisation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { inScope } from "@/server/db/scope";
import { seedScale, SCALE_PASSWORD, type ScaleSummary } from "@/server/db/seed/scale";
import { planOrganisations } from "@/server/db/seed/scale/plan";
import { answerProblems, answerValueProblem, type Answers } from "@/server/domain/assessments/answers";
import { templateDefinition, type TemplateDefinition } from "@/server/domain/assessments/template-definition";
import { normaliseOrganisationNumber } from "@/server/domain/organisations/organisation-number";
import { toUseCaseRecord } from "@/server/domain/use-cases/record";
import { brokenUseCaseRules } from "@/server/domain/use-cases/rules";
import { verifyPassword } from "@/server/auth/password";
import { createTestDatabase } from "../../support/database";
import { callerFor } from "../../support/tenancy";

const SCALE = 0.005;
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let first: ScaleSummary;

async function tableCounts(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // The owner reads every organisation's rows here only to count them (RLS scopes the app).
    const tables = ["Organisation", "User", "Membership", "UseCase", "UseCaseReferenceCounter", "Assessment", "AssessmentAnswer", "AssessmentComment", "ProcurementDecision", "ProcurementRequirement", "Responsibility", "AuditEvent", "Supplier", "SupplierProduct"];
    const counts: Record<string, string> = {};
    for (const table of tables) {
      const orgIds = await client.query<{ id: string }>(`SELECT id FROM "Organisation"`);
      if (["Organisation", "User", "Supplier", "SupplierProduct"].includes(table)) {
        counts[table] = (await client.query(`SELECT count(*) AS n, md5(string_agg(t::text, '' ORDER BY t::text)) AS sum FROM "${table}" t`)).rows.map((r) => `${r.n}:${r.sum}`)[0]!;
        continue;
      }
      let total = 0;
      for (const { id } of orgIds.rows) {
        await client.query("BEGIN");
        await client.query(`SELECT set_config('app.organisation_id', $1, true)`, [id]);
        total += Number((await client.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
        await client.query("COMMIT");
      }
      counts[table] = String(total);
    }
    return counts;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  first = await seedScale({ connectionString: db.url, scale: SCALE });
}, 300_000);
afterAll(async () => db?.close());

describe("scale seed", () => {
  it("creates the organisations in the real proportions with valid numbers, the largest a central agency", async () => {
    const plan = planOrganisations(SCALE);
    expect(first.created).toBe(plan.length);
    const organisations = await db.owner.organisation.findMany();
    expect(organisations).toHaveLength(plan.length);
    const byKind = (kind: string) => organisations.filter((o) => o.kind === kind).length;
    expect(byKind("CENTRAL_AGENCY")).toBeGreaterThanOrEqual(byKind("MUNICIPALITY"));
    expect(byKind("MUNICIPALITY")).toBeGreaterThanOrEqual(byKind("REGION"));
    expect(byKind("REGION")).toBeGreaterThanOrEqual(1);
    for (const organisation of organisations) expect(normaliseOrganisationNumber(organisation.organisationNumber)).toBe(organisation.organisationNumber);
    // The full plan: 650 organisations, 339 / 290 / 21, 80 000 use cases, the largest with 8 000.
    const full = planOrganisations(1);
    expect(full).toHaveLength(650);
    expect(full.filter((o) => o.kind === "CENTRAL_AGENCY")).toHaveLength(339);
    expect(full.filter((o) => o.kind === "MUNICIPALITY")).toHaveLength(290);
    expect(full.filter((o) => o.kind === "REGION")).toHaveLength(21);
    expect(Math.abs(full.reduce((sum, o) => sum + o.useCases, 0) - 80_000)).toBeLessThan(50);
    expect(full[0]).toMatchObject({ kind: "CENTRAL_AGENCY", useCases: 8_000 });
    expect(new Set(full.map((o) => o.organisationNumber)).size).toBe(650);
    expect(full.every((o) => normaliseOrganisationNumber(o.organisationNumber) === o.organisationNumber)).toBe(true);
    expect(full.some((o) => ["202199-0011", "212099-0011", "232199-0018", "222099-0010"].includes(o.organisationNumber))).toBe(false);
  });

  it("gives each organisation ten members who sign in with the printed password", async () => {
    const largest = organisationOf(first.signIn.slug);
    // As the schema owner (the app's role may not read password hashes), in the organisation:
    // row-level security is forced on memberships for the owner too.
    const organisationId = (await largest).id;
    const members = await db.owner.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT set_config('app.organisation_id', ${organisationId}, true)`;
      return tx.membership.findMany({ where: { organisationId }, include: { user: true } });
    });
    expect(members).toHaveLength(10);
    const admin = members.find((m) => m.user.email === first.signIn.email);
    expect(admin?.role).toBe("ADMIN");
    expect(await verifyPassword(admin!.user.passwordHash!, SCALE_PASSWORD)).toBe(true);
  });

  it("writes rows that satisfy the register's and the assessments' rules", async () => {
    const templates = new Map<string, TemplateDefinition>(
      (await db.owner.assessmentTemplate.findMany()).map((t) => [t.id, templateDefinition.parse(t.definition)]),
    );
    let checkedAssessments = 0;
    for (const organisation of await db.owner.organisation.findMany()) {
      await inScope(db.prisma, { organisationId: organisation.id }, async (tx) => {
        const useCases = await tx.useCase.findMany();
        const assessments = await tx.assessment.findMany({ include: { answers: true } });
        const counters = await tx.useCaseReferenceCounter.findMany();
        expect(new Set(useCases.map((u) => u.reference)).size).toBe(useCases.length);
        for (const useCase of useCases) {
          expect(brokenUseCaseRules(toUseCaseRecord(useCase))).toEqual([]);
          const [, year, number] = /^AI-(\d{4})-(\d{3,})$/.exec(useCase.reference) ?? [];
          const counter = counters.find((c) => c.year === Number(year));
          expect(counter && counter.lastNumber >= Number(number)).toBe(true);
        }
        for (const assessment of assessments) {
          const definition = templates.get(assessment.templateId)!;
          const answers: Answers = Object.fromEntries(
            assessment.answers.map((a) => [a.questionKey, { value: a.value as string | string[] | null, comment: a.comment, reference: a.reference }]),
          );
          for (const answer of assessment.answers) {
            const question = definition.questions.find((q) => q.key === answer.questionKey);
            expect(question, answer.questionKey).toBeDefined();
            expect(answerValueProblem(question!, answer.value as string | string[])).toBeNull();
          }
          if (assessment.status !== "DRAFT") expect(answerProblems(definition, answers, assessment.phase)).toEqual([]);
          if (assessment.status === "APPROVED") expect(assessment.approvedById).not.toBe(assessment.lastAnsweredById);
          checkedAssessments += 1;
        }
        // The approved classification in force set the use case's risk class, as approving does.
        for (const classification of assessments.filter((a) => a.templateKind === "AI_ACT_CLASSIFICATION" && a.status === "APPROVED" && !a.supersededAt)) {
          const useCase = useCases.find((u) => u.id === classification.useCaseId)!;
          expect(useCase.riskClass).toBe((classification.approvedResult as { riskClass: string }).riskClass);
        }
        // Every series: earlier versions approved, superseded exactly when a later one is approved.
        const series = new Map<string, typeof assessments>();
        for (const a of assessments) series.set(a.seriesId, [...(series.get(a.seriesId) ?? []), a]);
        for (const versions of series.values()) {
          versions.sort((a, b) => a.seriesVersion - b.seriesVersion);
          versions.forEach((version, i) => {
            expect(version.seriesVersion).toBe(i + 1);
            const later = versions.slice(i + 1);
            if (later.length > 0) expect(version.status).toBe("APPROVED");
            expect(version.supersededAt !== null).toBe(later.some((l) => l.status === "APPROVED"));
          });
        }
      });
    }
    expect(checkedAssessments).toBe(first.totals.assessments);
    expect(first.totals.answers / first.totals.assessments).toBeGreaterThan(10);
    expect(first.totals.auditEvents).toBeGreaterThan(first.totals.useCases + first.totals.assessments);
  }, 120_000);

  it("changes nothing on a second run", async () => {
    const before = await tableCounts(db.url);
    const second = await seedScale({ connectionString: db.url, scale: SCALE });
    expect(second).toMatchObject({ created: 0, skipped: first.organisations });
    expect(await tableCounts(db.url)).toEqual(before);
  }, 120_000);

  it("is read by the app's own procedures as a member of the largest organisation", async () => {
    const organisation = await organisationOf(first.signIn.slug);
    const admin = await db.owner.user.findUniqueOrThrow({ where: { email: first.signIn.email } });
    const caller = await callerFor(db.prisma, { id: admin.id } as never);
    const organisationSlug = organisation.slug;
    const page = await caller.useCases.list({ organisationSlug, filters: {}, limit: 25 });
    expect(page.items.length).toBe(Math.min(25, first.signIn.useCases));
    expect(page.total).toBe(await inScope(db.prisma, { organisationId: organisation.id }, (tx) => tx.useCase.count({ where: { archivedAt: null } })));
    await caller.useCases.list({ organisationSlug, filters: { assessmentGap: true } as never, limit: 25 });
    await caller.useCases.list({ organisationSlug, filters: { responsibilityGap: true } as never, limit: 25 });
    const board = await caller.assessments.statusBoard({ organisationSlug });
    expect(board).toBeTruthy();
    const trustModel = await inScope(db.prisma, { organisationId: organisation.id }, (tx) =>
      tx.assessment.findFirst({ where: { templateKind: "TRUST_MODEL", status: "APPROVED" } }),
    );
    if (trustModel) {
      const view = await caller.assessments.get({ organisationSlug, id: trustModel.id });
      expect(view).toBeTruthy();
    }
    const useCase = page.items[0]!;
    await caller.useCases.get({ organisationSlug, id: useCase.id });
    await caller.assessments.forUseCase({ organisationSlug, useCaseId: useCase.id });
    await caller.responsibilities.forUseCase({ organisationSlug, useCaseId: useCase.id });
    await caller.procurement.forUseCase({ organisationSlug, useCaseId: useCase.id });
  }, 60_000);
});

function organisationOf(slug: string) {
  return db.owner.organisation.findUniqueOrThrow({ where: { slug } });
}
