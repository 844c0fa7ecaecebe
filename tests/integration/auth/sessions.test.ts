/**
 * Sessions that end: a session cookie counts only while its session row exists, checked
 * on every request by next-auth's session lookup, which both the tRPC endpoint and every
 * server-rendered page use (server/auth/session.ts → getServerSession). Sign-out, a
 * password change and removal from an organisation end sessions at once, also for a copy
 * of the cookie that someone else holds.
 */
import { getServerSession, type NextAuthOptions } from "next-auth";
import { decode, encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthConfig, buildAuthOptions } from "@/server/auth/options";
import { hashPassword } from "@/server/auth/password";
import { inScope } from "@/server/db/scope";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { addMember, callerFor, createTenancyWorld, createUser, type TenancyWorld, type TestUser } from "../../support/tenancy";

const SECRET = "a-session-secret-that-is-long-enough-for-tests";
const config: AuthConfig = {
  NEXTAUTH_URL: "http://localhost:3000",
  NEXTAUTH_SECRET: SECRET,
  SESSION_MAX_AGE_HOURS: 8,
  OIDC_ISSUER: undefined,
  OIDC_CLIENT_ID: undefined,
  OIDC_CLIENT_SECRET: undefined,
  OIDC_NAME: "Inloggning med e-legitimation",
  OIDC_TRUST_EMAIL: false,
};

let db: TestDatabase;
let world: TenancyWorld;
let options: NextAuthOptions;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createTenancyWorld(db.prisma);
  options = buildAuthOptions(config, () => db.prisma);
});
afterAll(async () => db?.close());

/** What next-auth puts in the cookie when `user` signs in with a password. */
async function signInCookie(user: TestUser): Promise<string> {
  const token = await options.callbacks!.jwt!({
    token: { sub: user.id },
    user: { id: user.id },
    account: { provider: "credentials", type: "credentials", providerAccountId: user.id },
  });
  return encode({ token, secret: SECRET });
}

/** The signed-in user's id for a request carrying this cookie: next-auth's getServerSession, as the app calls it. */
async function sessionUserId(cookie: string): Promise<string | null> {
  const request = { headers: { host: "localhost:3000" }, cookies: { "next-auth.session-token": cookie } };
  const response = { getHeader: () => undefined, setCookie: () => undefined, setHeader: () => undefined };
  const session = await getServerSession(request as never, response as never, options);
  return session?.user.id ?? null;
}

async function signOut(cookie: string): Promise<void> {
  const token = await decode({ token: cookie, secret: SECRET });
  await options.events!.signOut!({ token: token!, session: null as never });
}

describe("sessions", () => {
  it("signs a request in while its session is open", async () => {
    const cookie = await signInCookie(world.users.viewer);
    expect(await sessionUserId(cookie)).toBe(world.users.viewer.id);
  });

  it("ends the session at sign-out: a copy of the cookie is worth nothing afterwards", async () => {
    const user = await createUser(db.prisma);
    const cookie = await signInCookie(user);
    const otherDevice = await signInCookie(user);
    const stolenCopy = cookie;
    await signOut(cookie);
    expect(await sessionUserId(stolenCopy)).toBeNull();
    // Signing out on one device leaves the person's other sessions alone.
    expect(await sessionUserId(otherDevice)).toBe(user.id);
  });

  it("ends every session of a user whose password changes, and nobody else's", async () => {
    const user = await createUser(db.prisma);
    const bystander = await createUser(db.prisma);
    const [laptop, phone, theirs] = await Promise.all([signInCookie(user), signInCookie(user), signInCookie(bystander)]);
    const newHash = await hashPassword("ett helt nytt lösenord för kontot");
    // As the app would: the user changes their own password.
    await inScope(db.prisma, { userId: user.id }, (tx) => tx.user.updateMany({ where: { id: user.id }, data: { passwordHash: newHash } }));
    expect(await sessionUserId(laptop)).toBeNull();
    expect(await sessionUserId(phone)).toBeNull();
    expect(await sessionUserId(theirs)).toBe(bystander.id);

    // A change that leaves the password as it was ends nothing.
    const fresh = await signInCookie(user);
    await inScope(db.prisma, { userId: user.id }, (tx) => tx.user.updateMany({ where: { id: user.id }, data: { name: "Nytt Namn" } }));
    expect(await sessionUserId(fresh)).toBe(user.id);
  });

  it("ends the sessions of a member removed from an organisation", async () => {
    const member = await createUser(db.prisma);
    await addMember(db.prisma, world.orgA, member, "EDITOR");
    const cookie = await signInCookie(member);
    expect(await sessionUserId(cookie)).toBe(member.id);

    const admin = await callerFor(db.prisma, world.users.admin);
    await admin.members.remove({ organisationSlug: world.orgA.slug, userId: member.id, version: 1 });
    expect(await sessionUserId(cookie)).toBeNull();
  });

  it("refuses a cookie whose session has expired, or that names no session at all", async () => {
    const user = await createUser(db.prisma);
    const cookie = await signInCookie(user);
    // The app may not change a session; the test, as the database owner, lets time pass.
    await db.owner.userSession.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await sessionUserId(cookie)).toBeNull();
    // A cookie signed the old way (user id only, no session) counts for nothing.
    expect(await sessionUserId(await encode({ token: { sub: user.id }, secret: SECRET }))).toBeNull();
  });
});
