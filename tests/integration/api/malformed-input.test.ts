/**
 * The calls that answered 500 in the hardening review (issue 11, part 4), each now a 400 that
 * names its field (or a 409 for a race), changing nothing: a NUL byte in a string, dates
 * PostgreSQL cannot store in filters and cursors, a crafted relevance cursor, an unpaired
 * surrogate in a comment, and simultaneous first uses of one invitation.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type ApiAnswer, callApi } from "../../support/api-http";
import { createTestAssessment } from "../../support/assessments";
import { createTestDatabase } from "../../support/database";
import { countEverything, createTenancyWorld, createUser, inviteTo, type TenancyWorld, type TestUser } from "../../support/tenancy";
import { createTestUseCase, sampleUseCaseFields } from "../../support/use-cases";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let world: TenancyWorld;
let useCaseId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createTenancyWorld(db.prisma);
  useCaseId = (await createTestUseCase(db.prisma, world.orgA, world.users.admin)).id;
  await createTestUseCase(db.prisma, world.orgA, world.users.admin);
});
afterAll(async () => db?.close());

const query = (path: string, input: unknown, as: TestUser | null = world.users.admin) => callApi(db.prisma, path, "query", input, as);
const mutation = (path: string, input: unknown, as: TestUser | null = world.users.admin) => callApi(db.prisma, path, "mutation", input, as);
const everything = () => countEverything(db.prisma, [world.orgA, world.orgB]);
const cursor = (value: unknown) => Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
const someId = "6f1c2a4e-1b7d-4c3e-9a8f-0d2b5e7c9a11";

describe("a NUL byte in a string", () => {
  it("is a 400 on that field, for a member's mutation, and nothing is written", async () => {
    const before = await everything();
    const answer = await mutation("useCases.create", { organisationSlug: world.orgA.slug, useCase: sampleUseCaseFields({ title: "Chatt\u0000bot" }) });
    expect(answer.status).toBe(400);
    expect(answer.fieldErrors).toEqual([{ field: "useCase.title", code: "invalid_format", message: expect.stringContaining("cannot be stored") }]);
    expect(await everything()).toEqual(before);
  });

  it("is a 400 on that field for the anonymous invitation procedures", async () => {
    const preview = await query("invitations.preview", { organisationSlug: `${world.orgA.slug}\u0000`, token: "t".repeat(40) }, null);
    expect(preview.status).toBe(400);
    expect(preview.fieldErrors.map((error) => error.field)).toEqual(["organisationSlug"]);
    const invitation = await inviteTo(db.prisma, world.orgA, world.users.admin, "nul-prov@exempel.example");
    const before = await everything();
    const accept = await mutation(
      "invitations.acceptAsNewUser",
      { organisationSlug: world.orgA.slug, token: invitation.token, name: "Ny\u0000 Person", password: "ett långt lösenord för Tillit, december 2026" },
      null,
    );
    expect(accept.status).toBe(400);
    expect(accept.fieldErrors.map((error) => [error.field, error.code])).toEqual([["name", "invalid_format"]]);
    expect(await everything()).toEqual(before);
  });

  it("is a 400 in a search filter and in a JSON file's answers", async () => {
    const search = await query("suppliers.search", { organisationSlug: world.orgA.slug, q: "AB\u0000" });
    expect(search.status).toBe(400);
    expect(search.fieldErrors[0]?.field).toBe("q");
    const { id, version } = await createTestAssessment(db.prisma, world.orgA, { by: world.users.editor });
    const imported = await mutation("assessments.importAnswers", {
      organisationSlug: world.orgA.slug,
      id,
      version,
      content: JSON.stringify({ screening_notes: { answer: "Anteckning", comment: "med \u0000 i" } }),
    });
    expect(imported.status).toBe(400);
    expect(imported.fieldErrors).toEqual([{ field: "content", code: "assessment.importUnusable", message: expect.stringContaining("cannot be stored") }]);
  });
});

describe("dates PostgreSQL cannot store", () => {
  const auditList = (filters: Record<string, unknown>) => query("audit.list", { organisationSlug: world.orgA.slug, ...filters });

  it.each([
    ["year 0 as a Date", { from: new Date("0000-01-01T00:00:00Z") }, "from", "too_small"],
    ["year −5000 as a Date", { from: new Date("-005000-01-01T00:00:00Z") }, "from", "too_small"],
    ["year +271821 as a Date", { to: new Date("+271821-01-01T00:00:00Z") }, "to", "too_big"],
    ["year −271821 as a Date", { to: new Date("-271821-04-20T00:00:00Z") }, "to", "too_small"],
    ["year 0 as text", { from: "0000-01-01T00:00:00Z" }, "from", "too_small"],
    ["year −5000 as text", { from: "-005000-01-01" }, "from", "invalid_type"],
    ["year +271821 as text", { to: "+271821-01-01T00:00:00.000Z" }, "to", "invalid_type"],
  ])("in the audit log's filter: %s is a 400 on the field", async (_name, filters, field, code) => {
    const answer = await auditList(filters);
    expect(answer.status).toBe(400);
    expect(answer.fieldErrors.map((error) => [error.field, error.code])).toEqual([[field, code]]);
  });

  it.each(["0000-01-01", "-005000-01-01", "+271821-01-01", "2200-01-01"])("as a use case's start date (%s) is a 400 on the field", async (day) => {
    const before = await everything();
    const answer = await mutation("useCases.create", { organisationSlug: world.orgA.slug, useCase: sampleUseCaseFields({ startedOn: day }) });
    expect(answer.status).toBe(400);
    expect(answer.fieldErrors.map((error) => error.field)).toEqual(["useCase.startedOn"]);
    expect(await everything()).toEqual(before);
  });

  it.each(["0000-01-01T00:00:00.000Z", "-005000-01-01T00:00:00.000Z", "+271821-01-01T00:00:00.000Z", "-271821-04-20T00:00:00.000Z"])(
    "in a cursor (%s) is a 400 on the cursor, in every paged list",
    async (instant) => {
      const lists: [string, Record<string, unknown>, string][] = [
        ["useCases.list", { cursor: cursor({ sort: "updated", key: instant, id: someId }) }, "useCase.staleCursor"],
        ["assessments.list", { cursor: cursor({ updatedAt: instant, id: someId }) }, "useCase.staleCursor"],
        ["audit.list", { cursor: cursor({ createdAt: instant, id: someId }) }, "audit.staleCursor"],
      ];
      for (const [path, input, code] of lists) {
        const answer = await query(path, { organisationSlug: world.orgA.slug, ...input });
        expect(answer.status, path).toBe(400);
        expect(answer.fieldErrors.map((error) => [error.field, error.code]), path).toEqual([["cursor", code]]);
      }
    },
  );
});

describe("cursors", () => {
  it("refuse a crafted relevance cursor (1e39) with a 400 on the cursor", async () => {
    for (const key of [1e39, -1, 1e-50]) {
      const answer = await query("useCases.list", {
        organisationSlug: world.orgA.slug,
        filters: { q: "chattbot", sort: "relevance" },
        cursor: cursor({ sort: "relevance", key, id: someId }),
      });
      expect(answer.status, String(key)).toBe(400);
      expect(answer.fieldErrors.map((error) => [error.field, error.code])).toEqual([["cursor", "useCase.staleCursor"]]);
    }
  });

  it("refuse anything that is not a token the list handed out", async () => {
    const notTokens = ["not base64!", cursor(["\u0000", someId]), cursor(["x", "'; DROP TABLE \"Supplier\"; --"]), cursor({ sort: "title", key: "x", id: someId }), "a".repeat(501)];
    for (const bad of notTokens) {
      const answer = await query("suppliers.list", { organisationSlug: world.orgA.slug, cursor: bad });
      expect(answer.status, bad).toBe(400);
      expect(answer.fieldErrors.map((error) => error.field)).toEqual(["cursor"]);
    }
  });
});

describe("an unpaired surrogate", () => {
  it("in a comment's body is a 400 on the body, and no comment is added", async () => {
    const { id } = await createTestAssessment(db.prisma, world.orgA, { by: world.users.editor, status: "IN_REVIEW" });
    const before = await everything();
    for (const body of ["Stämmer \uD800 detta?", "\uDFFF", "slut \uDBFF"]) {
      const answer = await mutation("assessments.comment", { organisationSlug: world.orgA.slug, id, questionKey: null, body }, world.users.reviewer);
      expect(answer.status).toBe(400);
      expect(answer.fieldErrors.map((error) => [error.field, error.code])).toEqual([["body", "invalid_format"]]);
    }
    expect(await everything()).toEqual(before);
    const paired = await mutation("assessments.comment", { organisationSlug: world.orgA.slug, id, questionKey: null, body: "Bra 👍🏽" }, world.users.reviewer);
    expect(paired.status).toBe(200);
  });
});

/**
 * One call wins. A call that overlapped the winner waited for its lock and is refused with
 * CONFLICT; one the server reached only after the winner had committed finds the invitation
 * used (a field error on the token). Never a 5xx.
 */
function expectOneWinner(answers: ApiAnswer[]): void {
  expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
  for (const refused of answers.filter((answer) => answer.status !== 200)) {
    const usedAlready = refused.status === 400 && refused.fieldErrors.some((error) => error.field === "token" && error.code === "invitation.used");
    expect(refused.status === 409 && refused.code === "CONFLICT" || usedAlready, JSON.stringify(refused)).toBe(true);
  }
}

describe("two simultaneous first uses of one invitation", () => {
  const password = "ett långt lösenord för Tillit, december 2026";

  it("as new accounts: one succeeds, the others get 409, and one account and membership exist", async () => {
    const email = "samtidig@exempel.example";
    const invitation = await inviteTo(db.prisma, world.orgA, world.users.admin, email);
    const before = await everything();
    const input = { organisationSlug: world.orgA.slug, token: invitation.token, name: "Samtidig Person", password };
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const answers = await Promise.all([0, 1, 2].map(() => mutation("invitations.acceptAsNewUser", input, null)));
    errors.mockRestore();
    expectOneWinner(answers);
    for (const refused of answers.filter((answer) => answer.status !== 200)) {
      expect(refused.raw).not.toMatch(/User_email_key|duplicate key|Prisma|23505/);
    }
    const after = await everything();
    expect(after.global.users).toBe(before.global.users + 1);
    expect(after.perOrganisation[0]!.memberships).toBe(before.perOrganisation[0]!.memberships + 1);
  });

  it("by a signed-in user: one succeeds, the others get 409, and one membership exists", async () => {
    const user = await createUser(db.prisma);
    const invitation = await inviteTo(db.prisma, world.orgA, world.users.admin, user.email);
    const before = await everything();
    const answers = await Promise.all(
      [0, 1, 2].map(() => mutation("invitations.accept", { organisationSlug: world.orgA.slug, token: invitation.token }, user)),
    );
    expectOneWinner(answers);
    expect((await everything()).perOrganisation[0]!.memberships).toBe(before.perOrganisation[0]!.memberships + 1);
  });
});

describe("an unexpected database error", () => {
  it("is a logged 500 that names the request id and nothing else", async () => {
    // A database without the app's tables: every query fails inside PostgreSQL.
    const empty = await createTestDatabase({ migrate: false });
    const logged: string[] = [];
    const errors = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(" "));
    });
    try {
      const answer = await callApi(empty.prisma, "useCases.get", "query", { organisationSlug: world.orgA.slug, id: useCaseId }, world.users.admin, "req-database-error");
      expect(answer.status).toBe(500);
      expect(answer.message).toBe("Internal error (request req-database-error)");
      expect(answer.requestId).toBe("req-database-error");
      expect(answer.fieldErrors).toEqual([]);
      expect(answer.raw).not.toMatch(/relation|does not exist|Prisma|SQLSTATE|tillit_app|stack|\.ts/);
      expect(logged.some((line) => line.includes("[api] useCases.get: database error") && line.includes("request req-database-error"))).toBe(true);
    } finally {
      errors.mockRestore();
      await empty.close();
    }
  });
});
