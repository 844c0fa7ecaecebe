/**
 * Reports of errors and questions from the public: they reach only the owning
 * organisation's inbox (RLS), the form's spam protection holds, the public sees counts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inScope } from "@/server/db/scope";
import { getPublicUseCase } from "@/server/domain/public-register/read";
import { issueReportToken, publicReportForm, REPORT_LIMITS, submitPublicReport } from "@/server/domain/public-register/reports";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { publishTestUseCase } from "../../support/publication";
import { addMember, callerFor, createTenancyWorld, createUser, type TenancyWorld } from "../../support/tenancy";

let db: TestDatabase;
let world: TenancyWorld;
let useCaseId: string;
const SECRET = "s".repeat(40);

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createTenancyWorld(db.prisma);
  ({ useCaseId } = await publishTestUseCase(db.prisma, world.orgA, { editor: world.users.editor, admin: world.users.admin }));
});
afterAll(() => db?.close());

const sentAt = (secondsAfterIssue: number) => {
  const issued = new Date(Date.now() - 60_000);
  return { token: issueReportToken(SECRET, useCaseId, issued), now: new Date(issued.getTime() + secondsAfterIssue * 1000) };
};

function submit(fields: Record<string, unknown>, clientAddress: string, secondsAfterIssue = 30) {
  const { token, now } = sentAt(secondsAfterIssue);
  const form = publicReportForm.parse({ useCaseId, kind: "ERROR", message: "Kontaktadressen på sidan fungerar inte.", token, ...fields });
  return inScope(db.prisma, {}, (tx) => submitPublicReport(tx, form, { clientAddress, secret: SECRET, now }));
}

describe("reports from the public", () => {
  it("reach the owning organisation's inbox and nobody else's, and the public sees only counts", async () => {
    await submit({ senderEmail: "Anna@Exempel.example", senderName: "Anna" }, "198.51.100.1");
    const ownInbox = await (await callerFor(db.prisma, world.users.editor)).publicReports.list({ organisationSlug: world.orgA.slug });
    expect(ownInbox).toHaveLength(1);
    expect(ownInbox[0]).toMatchObject({ status: "OPEN", senderEmail: "anna@exempel.example", kind: "ERROR" });

    const otherOrganisation = await inScope(db.prisma, { organisationId: world.orgB.id }, (tx) => tx.publicReport.count());
    expect(otherOrganisation).toBe(0);
    const noOrganisation = await inScope(db.prisma, {}, (tx) => tx.publicReport.count());
    expect(noOrganisation).toBe(0);
    const outsider = await callerFor(db.prisma, world.users.outsider);
    await expect(outsider.publicReports.list({ organisationSlug: world.orgA.slug })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const viewer = await callerFor(db.prisma, world.users.viewer);
    await expect(viewer.publicReports.list({ organisationSlug: world.orgA.slug })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const view = await inScope(db.prisma, {}, (tx) => getPublicUseCase(tx, useCaseId));
    expect(view?.status === "PUBLISHED" && view.reports).toEqual({ openCount: 1, answeredCount: 0, medianResponseSeconds: null });
    expect(JSON.stringify(view)).not.toContain("anna@exempel.example");
  });

  it("lets an editor answer, and the public sees the answered count and the median response time", async () => {
    const editor = await callerFor(db.prisma, world.users.editor);
    const [report] = await editor.publicReports.list({ organisationSlug: world.orgA.slug, status: "OPEN" });
    const answered = await editor.publicReports.answer({
      organisationSlug: world.orgA.slug,
      id: report!.id,
      version: report!.version,
      answer: "Tack, adressen är rättad.",
      emailSender: false,
    });
    expect(answered.status).toBe("ANSWERED");
    const view = await inScope(db.prisma, {}, (tx) => getPublicUseCase(tx, useCaseId));
    expect(view?.status === "PUBLISHED" && view.reports.openCount).toBe(0);
    expect(view?.status === "PUBLISHED" && view.reports.answeredCount).toBe(1);
    expect(view?.status === "PUBLISHED" && view.reports.medianResponseSeconds).toBeGreaterThan(0);
    await expect(
      editor.publicReports.answer({ organisationSlug: world.orgA.slug, id: report!.id, version: report!.version, answer: "Igen", emailSender: false }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses robots: a filled honeypot, a form sent too fast, a forged or old token", async () => {
    await expect(submit({ website: "https://spam.example" }, "198.51.100.2")).rejects.toMatchObject({ problems: [{ code: "publication.reportRejected" }] });
    await expect(submit({}, "198.51.100.2", 1)).rejects.toMatchObject({ problems: [{ code: "publication.reportTooFast" }] });
    await expect(submit({}, "198.51.100.2", 3 * 60 * 60)).rejects.toMatchObject({ problems: [{ code: "publication.reportExpired" }] });
    await expect(submit({ token: `${Date.now() - 60_000}.forged` }, "198.51.100.2")).rejects.toMatchObject({
      problems: [{ code: "publication.reportExpired" }],
    });
  });

  it("limits each client address, whichever instance counts (the counter is in PostgreSQL)", async () => {
    for (let index = 0; index < REPORT_LIMITS.perClient.limit; index += 1) await submit({}, "203.0.113.50");
    await expect(submit({}, "203.0.113.50")).rejects.toMatchObject({ problems: [{ code: "publication.tooManyReports" }] });
    await submit({}, "203.0.113.51");
  });

  it("lets only admins and editors of the organisation be assigned", async () => {
    const reviewer = await createUser(db.prisma);
    await addMember(db.prisma, world.orgA, reviewer, "REVIEWER");
    const admin = await callerFor(db.prisma, world.users.admin);
    const [report] = await admin.publicReports.list({ organisationSlug: world.orgA.slug, status: "OPEN" });
    await expect(
      admin.publicReports.assign({ organisationSlug: world.orgA.slug, id: report!.id, version: report!.version, assigneeId: reviewer.id }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const assigned = await admin.publicReports.assign({
      organisationSlug: world.orgA.slug,
      id: report!.id,
      version: report!.version,
      assigneeId: world.users.editor.id,
    });
    expect(assigned.assigneeId).toBe(world.users.editor.id);
  });
});
