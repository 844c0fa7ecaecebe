/**
 * The tRPC endpoint as a browser or an attacker reaches it over HTTP: mutations only from
 * the site's own pages (Origin), bounded batches and bodies, request ids that cannot carry
 * anything into the logs, conflicts that name no person to an outsider, a public-contact
 * check that reveals nothing about other organisations, and invitation links kept out of
 * a production log.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MAX_BATCH_CALLS, MAX_BODY_BYTES, handleTrpcRequest } from "@/server/api/http";
import { sendInvitation } from "@/server/api/invitation-delivery";
import { acceptedRequestId } from "@/server/api/trpc";
import { inScope } from "@/server/db/scope";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { createTestSupplier } from "../../support/suppliers";
import { callerFor, createTenancyWorld, type TenancyWorld, type TestUser } from "../../support/tenancy";

const APP_ORIGIN = "https://tillit.example.se";

let db: TestDatabase;
let world: TenancyWorld;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createTenancyWorld(db.prisma);
});
afterAll(async () => db?.close());

interface Call {
  path: string;
  as: TestUser | null;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
}

async function call({ path, as, method = "POST", headers = {}, body }: Call) {
  const request = new Request(`${APP_ORIGIN}/api/trpc/${path}`, {
    method,
    headers: { "content-type": "application/json", origin: APP_ORIGIN, ...headers },
    body: method === "POST" ? body : undefined,
  });
  const response = await handleTrpcRequest(request, { appOrigin: APP_ORIGIN, userId: async () => as?.id ?? null, db: db.prisma });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

const inviteInput = (email: string) => JSON.stringify({ json: { organisationSlug: world.orgA.slug, email, role: "VIEWER" } });

async function invitationCount(email: string): Promise<number> {
  return inScope(db.prisma, { organisationId: world.orgA.id }, (tx) => tx.invitation.count({ where: { organisationId: world.orgA.id, email } }));
}

describe("cross-site requests", () => {
  it("refuses a mutation from another site's page, or without an Origin, and changes nothing", async () => {
    const email = "forged@kommun.example";
    const forged = await call({ path: "invitations.create", as: world.users.admin, headers: { origin: "https://evil.example" }, body: inviteInput(email) });
    expect(forged.status).toBe(403);
    const withoutOrigin = new Request(`${APP_ORIGIN}/api/trpc/invitations.create`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: inviteInput(email),
    });
    const response = await handleTrpcRequest(withoutOrigin, { appOrigin: APP_ORIGIN, userId: async () => world.users.admin.id, db: db.prisma });
    expect(response.status).toBe(403);
    expect(await invitationCount(email)).toBe(0);

    const own = await call({ path: "invitations.create", as: world.users.admin, body: inviteInput(email) });
    expect(own.status).toBe(200);
    expect(await invitationCount(email)).toBe(1);
  });

  it("answers queries (GET) whatever their origin, since they change nothing", async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { organisationSlug: world.orgA.slug } }));
    const { status } = await call({ path: `members.list?input=${input}`, as: world.users.admin, method: "GET", headers: { origin: "https://evil.example" } });
    expect(status).toBe(200);
  });
});

describe("limits", () => {
  it(`answers a batch of more than ${MAX_BATCH_CALLS} calls with 400 and runs none of them`, async () => {
    const batch = (size: number) => {
      const inputs = Object.fromEntries(Array.from({ length: size }, (_, index) => [index, { json: { organisationSlug: world.orgA.slug } }]));
      const paths = Array.from({ length: size }, () => "members.list").join(",");
      return call({ path: `${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`, as: world.users.admin, method: "GET" });
    };
    expect((await batch(MAX_BATCH_CALLS)).status).toBe(200);
    const tooMany = await batch(MAX_BATCH_CALLS + 1);
    expect(tooMany.status).toBe(400);
  });

  it("answers a body over the limit with a clear 413 before parsing it", async () => {
    const email = "big@kommun.example";
    const padding = "x".repeat(MAX_BODY_BYTES);
    const body = JSON.stringify({ json: { organisationSlug: world.orgA.slug, email, role: "VIEWER", padding } });
    const { status, body: answer } = await call({ path: "invitations.create", as: world.users.admin, body });
    expect(status).toBe(413);
    expect(JSON.stringify(answer)).toContain("larger than 1024 KiB");
    expect(await invitationCount(email)).toBe(0);
  });

  it("also refuses an over-long body whose Content-Length understates it", async () => {
    const padding = "x".repeat(MAX_BODY_BYTES);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(JSON.stringify({ json: { padding } })));
        controller.close();
      },
    });
    const request = new Request(`${APP_ORIGIN}/api/trpc/invitations.create`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: APP_ORIGIN, "content-length": "10" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const response = await handleTrpcRequest(request, { appOrigin: APP_ORIGIN, userId: async () => world.users.admin.id, db: db.prisma });
    expect(response.status).toBe(413);
  });
});

describe("request ids", () => {
  it("keeps a well-formed X-Request-Id and replaces anything else before it reaches the audit log", async () => {
    expect(acceptedRequestId("3f0c9a52-6d1e-4b7a-9c1e-2b8f0e6a1d44")).toBe("3f0c9a52-6d1e-4b7a-9c1e-2b8f0e6a1d44");
    for (const bad of ["", "a\nb", "<script>", "x".repeat(65), "ok id", "../../etc"]) expect(acceptedRequestId(bad)).toBeNull();

    const email = "traced@kommun.example";
    const forged = "forged\nlevel=error msg=\"admin deleted everything\"";
    const { status } = await call({
      path: "invitations.create",
      as: world.users.admin,
      headers: { "x-request-id": encodeURI(forged) },
      body: inviteInput(email),
    });
    expect(status).toBe(200);
    const event = await inScope(db.prisma, { organisationId: world.orgA.id }, (tx) =>
      tx.auditEvent.findFirstOrThrow({ where: { organisationId: world.orgA.id, action: "invitation.created" }, orderBy: { createdAt: "desc" } }),
    );
    expect(event.requestId).not.toContain("forged");
    expect(event.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("conflicts shown outside the owning organisation", () => {
  it("tells a platform admin that the owning organisation changed the entry, and when, never who", async () => {
    const { supplier } = await createTestSupplier(db.prisma, world.orgA, world.users.editor);
    const editor = await callerFor(db.prisma, world.users.editor);
    await editor.suppliers.update({ organisationSlug: world.orgA.slug, id: supplier.id, version: 1, fields: { name: "Ändrad AB", country: "SE" } });

    const platform = await callerFor(db.prisma, world.users.platformAdmin);
    const error = await platform.suppliers.platformUpdate({ id: supplier.id, version: 1, fields: { name: "Plattform AB", country: "SE" } }).then(
      () => null,
      (thrown: unknown) => thrown as { code: string; message: string; cause: { details: Record<string, unknown> } },
    );
    expect(error?.code).toBe("CONFLICT");
    expect(error?.message).toContain("changed by the owning organisation at");
    expect(error?.message).not.toContain(world.users.editor.email);
    expect(error?.message).not.toContain(world.users.editor.name);
    expect(error?.cause.details).toMatchObject({ currentVersion: 2, changedBy: null, changedByOwningOrganisation: true });

    // Inside the organisation, the colleague is named as before.
    const stale = await editor.suppliers
      .update({ organisationSlug: world.orgA.slug, id: supplier.id, version: 1, fields: { name: "Igen AB", country: "SE" } })
      .then(
        () => null,
        (thrown: unknown) => thrown as { message: string },
      );
    expect(stale?.message).toContain(world.users.editor.email);
  });
});

describe("the public contact mailbox", () => {
  const useCase = (publicContactEmail: string) => ({
    title: "Chattbot för bygglov",
    publicSummary: "Svarar på frågor om bygglov.",
    businessArea: "Kontaktcenter",
    outputUse: "INFORMATION_ONLY" as const,
    intendedForPublication: true,
    publicContactEmail,
  });

  it("does not reveal whether an address has an account in another organisation", async () => {
    const editor = await callerFor(db.prisma, world.users.editor);
    // The outsider is a member of organisation B only: their address says nothing to A.
    await expect(
      editor.useCases.create({ organisationSlug: world.orgA.slug, useCase: useCase(world.users.outsider.email) }),
    ).resolves.toMatchObject({ reference: expect.any(String) });
    // A's own member's address is still refused.
    await expect(
      editor.useCases.create({ organisationSlug: world.orgA.slug, useCase: useCase(world.users.viewer.email) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("invitation links in the log", () => {
  it("logs the invitation's id, never its link, in production", async () => {
    const logged = vi.spyOn(console, "info").mockImplementation(() => undefined);
    try {
      const invitation = {
        id: "0b7f1e9e-8a55-4c0e-b1a2-6f1d2f0c9e11",
        to: "ny@kommun.example",
        organisationName: "Exempelby kommun",
        role: "VIEWER" as const,
        link: "https://tillit.example.se/invitations/exempelby/SECRET-TOKEN-123",
        expiresAt: new Date(),
      };
      expect(await sendInvitation(invitation, { production: true })).toEqual({ mailed: false });
      const production = logged.mock.calls.map((args) => args.join(" ")).join("\n");
      expect(production).not.toContain("SECRET-TOKEN-123");
      expect(production).toContain(invitation.id);

      logged.mockClear();
      await sendInvitation(invitation, { production: false });
      expect(logged.mock.calls.map((args) => args.join(" ")).join("\n")).toContain(invitation.link);
    } finally {
      logged.mockRestore();
    }
  });
});
