/**
 * Password sign-in against a real database: one uniform answer for an unknown email and
 * a wrong password; throttling per account and client address with growing delays (so
 * nobody can lock another person out), a much higher ceiling per account, a limit per
 * client address; a success that clears only its own address's failures; throttle rows
 * that expire and are deleted; email addresses that match whatever their case.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/server/auth/password";
import { authenticateWithPassword, blockSecondsAfter, SIGN_IN_THROTTLE, type SignInResult } from "@/server/auth/sign-in";
import { createTestDatabase, type TestDatabase } from "../../support/database";

const PASSWORD = "lingonsylt cykel fönsterbräda";
const WRONG = "fel lösenord helt enkelt";
const MINUTE = 60_000;

let db: TestDatabase;
let passwordHash: string;

beforeAll(async () => {
  db = await createTestDatabase();
  passwordHash = await hashPassword(PASSWORD);
});
afterAll(async () => db?.close());

let addressCounter = 0;
/** Each test signs in from an address of its own, so tests never share an address throttle. */
function freshAddress(): string {
  addressCounter += 1;
  return `192.0.2.${addressCounter}`;
}

async function createUser(options: { withPassword?: boolean } = {}) {
  const email = `person-${randomUUID().slice(0, 8)}@kommun.example`;
  return db.owner.user.create({
    data: { email, name: "Test Person", passwordHash: options.withPassword === false ? null : passwordHash },
  });
}

function signIn(email: string, password: string, clientAddress: string | null, now?: Date): Promise<SignInResult> {
  return authenticateWithPassword(db.prisma, { email, password, clientAddress }, { now });
}

async function throttleRow(key: string) {
  return db.owner.signInThrottle.findUnique({ where: { key } });
}

describe("authenticateWithPassword", () => {
  it("signs in with the right password, returns the user and records when", async () => {
    const user = await createUser();
    const before = Date.now();
    const result = await signIn(user.email, PASSWORD, freshAddress());
    expect(result).toEqual({ ok: true, user: { id: user.id, email: user.email, name: user.name } });
    const stored = await db.owner.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.lastSignInAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("matches the email address whatever its case and surrounding spaces", async () => {
    const user = await createUser();
    const result = await signIn(`  ${user.email.toUpperCase()} `, PASSWORD, freshAddress());
    expect(result).toMatchObject({ ok: true, user: { id: user.id } });
  });

  it("answers the same for a wrong password, an unknown email and a user without a password", async () => {
    const user = await createUser();
    const oidcOnlyUser = await createUser({ withPassword: false });
    const answers = await Promise.all([
      signIn(user.email, WRONG, freshAddress()),
      signIn(`nobody-${randomUUID()}@kommun.example`, PASSWORD, freshAddress()),
      signIn(oidcOnlyUser.email, PASSWORD, freshAddress()),
      signIn(user.email, "", freshAddress()),
    ]);
    for (const answer of answers) expect(answer).toEqual({ ok: false, reason: "invalid" });
  });

  it("spends comparable time on an unknown email as on a wrong password", async () => {
    const user = await createUser();
    await signIn(`warm-up-${randomUUID()}@kommun.example`, WRONG, null);
    const timed = async (email: string) => {
      const started = performance.now();
      await signIn(email, WRONG, null);
      return performance.now() - started;
    };
    const wrongPassword = await timed(user.email);
    const unknownEmail = await timed(`nobody-${randomUUID()}@kommun.example`);
    // Both run one Argon2id verification (~15 ms or more); without the dummy verification
    // the unknown email would answer after a database round trip alone.
    expect(unknownEmail).toBeGreaterThan(wrongPassword * 0.4);
  });

  it("makes one address wait longer after each failure beyond 3, while the owner signs in from another", async () => {
    const user = await createUser();
    const attacker = freshAddress();
    const start = new Date();
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    for (let attempt = 0; attempt < SIGN_IN_THROTTLE.pair.freeFailures; attempt += 1) {
      expect(await signIn(user.email, WRONG, attacker, at(attempt))).toEqual({ ok: false, reason: "invalid" });
    }
    // The 4th failure: 30 s; each further one doubles it.
    expect(await signIn(user.email, WRONG, attacker, at(10))).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 30 });
    expect(await signIn(user.email, PASSWORD, attacker, at(20))).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 20 });
    expect(await signIn(user.email, WRONG, attacker, at(41))).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 60 });
    expect(await signIn(user.email, WRONG, attacker, at(102))).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 120 });
    expect(blockSecondsAfter(SIGN_IN_THROTTLE.pair, 20)).toBe(15 * 60);

    // The owner, elsewhere, is not locked out by any of this.
    expect(await signIn(user.email, PASSWORD, freshAddress(), at(103))).toMatchObject({ ok: true });
  });

  it("lets nobody lock another person out by failing on purpose from one address", async () => {
    const victim = await createUser();
    const attacker = freshAddress();
    let now = new Date();
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const answer = await signIn(victim.email, WRONG, attacker, now);
      // The attacker tries again as soon as they are let.
      if (!answer.ok && answer.reason === "throttled") now = new Date(now.getTime() + answer.retryAfterSeconds * 1000);
    }
    expect(await signIn(victim.email, PASSWORD, freshAddress(), now)).toMatchObject({ ok: true });
  });

  it("blocks the account for everyone only at a much higher ceiling: 100 failures within an hour from many addresses", async () => {
    const user = await createUser();
    const start = new Date();
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    // Ten failures from ten addresses (the old rule locked the account after five): nothing is blocked.
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect(await signIn(user.email, WRONG, freshAddress(), at(attempt))).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await signIn(user.email, PASSWORD, freshAddress(), at(10))).toMatchObject({ ok: true });
    expect((await throttleRow(`account:${user.email}`))?.failures).toBe(10);

    // Up to the ceiling without 90 more Argon2 verifications: the row as 98 failures would leave it.
    await db.owner.signInThrottle.update({ where: { key: `account:${user.email}` }, data: { failures: SIGN_IN_THROTTLE.account.freeFailures - 1 } });
    expect(await signIn(user.email, WRONG, freshAddress(), at(20))).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(user.email, WRONG, freshAddress(), at(21))).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 15 * 60 });
    expect(await signIn(user.email, PASSWORD, freshAddress(), at(21 + 60))).toMatchObject({ ok: false, reason: "throttled" });
    expect(await signIn(user.email, PASSWORD, freshAddress(), at(21 + 15 * 60 + 1))).toMatchObject({ ok: true });
  });

  it("throttles an unknown email exactly like a known one, so throttling reveals nothing either", async () => {
    const unknown = `nobody-${randomUUID()}@kommun.example`;
    const address = freshAddress();
    const answers: SignInResult[] = [];
    for (let attempt = 0; attempt <= SIGN_IN_THROTTLE.pair.freeFailures; attempt += 1) {
      answers.push(await signIn(unknown, WRONG, address));
    }
    expect(answers.at(-1)).toMatchObject({ ok: false, reason: "throttled", retryAfterSeconds: 30 });
  });

  it("forgets an address's failures on an account after the 24-hour window", async () => {
    const user = await createUser();
    const address = freshAddress();
    const start = new Date();
    for (let attempt = 0; attempt < SIGN_IN_THROTTLE.pair.freeFailures; attempt += 1) {
      await signIn(user.email, WRONG, address, start);
    }
    const afterTheWindow = new Date(start.getTime() + 24 * 60 * MINUTE + 1000);
    expect(await signIn(user.email, WRONG, address, afterTheWindow)).toEqual({ ok: false, reason: "invalid" });
    expect((await throttleRow(`pair:${address}|${user.email}`))?.failures).toBe(1);
  });

  it("resets the address's failures on the account at a successful sign-in, and nothing else", async () => {
    const user = await createUser();
    const address = freshAddress();
    for (let attempt = 0; attempt < SIGN_IN_THROTTLE.pair.freeFailures; attempt += 1) {
      await signIn(user.email, WRONG, address);
    }
    expect((await throttleRow(`pair:${address}|${user.email}`))?.failures).toBe(3);
    expect(await signIn(user.email, PASSWORD, address)).toMatchObject({ ok: true });
    expect(await throttleRow(`pair:${address}|${user.email}`)).toBeNull();
    // The account's ceiling and the address keep their counts: one valid sign-in must not clear an attacker's record.
    expect((await throttleRow(`account:${user.email}`))?.failures).toBe(3);
    expect((await throttleRow(`ip:${address}`))?.failures).toBe(3);

    expect(await signIn(user.email, WRONG, address)).toEqual({ ok: false, reason: "invalid" });
    expect((await throttleRow(`pair:${address}|${user.email}`))?.failures).toBe(1);
  });

  it("blocks a client address after 50 failures within 15 minutes, across accounts", async () => {
    const address = freshAddress();
    const victim = await createUser();
    const spray = () => signIn(`sprayed-${randomUUID().slice(0, 8)}@kommun.example`, WRONG, address);
    for (let attempt = 0; attempt < 5; attempt += 1) expect(await spray()).toEqual({ ok: false, reason: "invalid" });
    expect((await throttleRow(`ip:${address}`))?.failures).toBe(5);
    // On to the limit without 43 more Argon2 verifications: the row as 48 failures would leave it.
    await db.owner.signInThrottle.update({ where: { key: `ip:${address}` }, data: { failures: SIGN_IN_THROTTLE.clientAddress.freeFailures - 1 } });
    expect(await spray()).toEqual({ ok: false, reason: "invalid" });
    expect(await spray()).toMatchObject({ ok: false, reason: "throttled", retryAfterSeconds: 15 * 60 });

    expect(await signIn(victim.email, PASSWORD, address)).toMatchObject({ ok: false, reason: "throttled" });
    expect(await signIn(victim.email, PASSWORD, freshAddress())).toMatchObject({ ok: true });
  });

  it("counts an IPv6 client by its /64, so rotating addresses inside it gains nothing", async () => {
    const user = await createUser();
    const answers: SignInResult[] = [];
    for (let attempt = 1; attempt <= SIGN_IN_THROTTLE.pair.freeFailures + 1; attempt += 1) {
      answers.push(await signIn(user.email, WRONG, `2001:db8:77:1::${attempt.toString(16)}`));
    }
    expect(answers.at(-1)).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("throttles attempts whose address is unknown together, never skipping the throttle", async () => {
    const user = await createUser();
    const answers: SignInResult[] = [];
    for (let attempt = 0; attempt <= SIGN_IN_THROTTLE.pair.freeFailures; attempt += 1) answers.push(await signIn(user.email, WRONG, null));
    expect(answers.at(-1)).toMatchObject({ ok: false, reason: "throttled" });
    expect((await throttleRow(`pair:unknown|${user.email}`))?.failures).toBe(4);
  });

  it("gives every throttle row an expiry, and deletes expired rows at later sign-ins", async () => {
    const user = await createUser();
    const address = freshAddress();
    const start = new Date();
    await signIn(user.email, WRONG, address, start);
    const rows = await db.owner.signInThrottle.findMany({ where: { key: { in: [`pair:${address}|${user.email}`, `account:${user.email}`, `ip:${address}`] } } });
    expect(rows.map((row) => row.expiresAt.getTime() - start.getTime()).sort((a, b) => a - b)).toEqual([15 * MINUTE, 60 * MINUTE, 24 * 60 * MINUTE]);

    // Someone else signs in two hours later: the account's and the address's rows are gone, the pair's remains.
    const other = await createUser();
    await signIn(other.email, PASSWORD, freshAddress(), new Date(start.getTime() + 120 * MINUTE));
    expect(await throttleRow(`ip:${address}`)).toBeNull();
    expect(await throttleRow(`account:${user.email}`)).toBeNull();
    expect(await throttleRow(`pair:${address}|${user.email}`)).not.toBeNull();
    await signIn(other.email, PASSWORD, freshAddress(), new Date(start.getTime() + 25 * 60 * MINUTE));
    expect(await throttleRow(`pair:${address}|${user.email}`)).toBeNull();
  });

  it("counts concurrent failures without losing any", async () => {
    const user = await createUser();
    const address = freshAddress();
    await Promise.all(Array.from({ length: 4 }, () => signIn(user.email, WRONG, address)));
    expect((await throttleRow(`pair:${address}|${user.email}`))?.failures).toBe(4);
    expect((await throttleRow(`account:${user.email}`))?.failures).toBe(4);
  });

  it("refuses an over-long password without hashing it", async () => {
    const user = await createUser();
    expect(await signIn(user.email, "x".repeat(100_000), freshAddress())).toEqual({ ok: false, reason: "invalid" });
  });
});
