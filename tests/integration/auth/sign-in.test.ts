/**
 * Password sign-in against a real database: one uniform answer for an unknown email and
 * a wrong password, throttling per account and per client address, a success that
 * clears the account's failures, and email addresses that match whatever their case.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/server/auth/password";
import { authenticateWithPassword, SIGN_IN_THROTTLE, type SignInResult } from "@/server/auth/sign-in";
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

  it("blocks an account after 5 failures within 15 minutes, even for the right password", async () => {
    const user = await createUser();
    const start = new Date();
    const failures: SignInResult[] = [];
    for (let attempt = 0; attempt < SIGN_IN_THROTTLE.account.maxFailures; attempt += 1) {
      // Each from its own address: the account is what is being guessed.
      failures.push(await signIn(user.email, WRONG, freshAddress(), new Date(start.getTime() + attempt * MINUTE)));
    }
    expect(failures.slice(0, -1).every((failure) => !failure.ok && failure.reason === "invalid")).toBe(true);
    const fifthAt = new Date(start.getTime() + 4 * MINUTE);
    expect(failures.at(-1)).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 15 * 60 });

    const twoMinutesLater = new Date(fifthAt.getTime() + 2 * MINUTE);
    expect(await signIn(user.email.toUpperCase(), PASSWORD, freshAddress(), twoMinutesLater)).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterSeconds: 13 * 60,
    });

    const afterTheBlock = new Date(fifthAt.getTime() + 15 * MINUTE + 1000);
    expect(await signIn(user.email, PASSWORD, freshAddress(), afterTheBlock)).toMatchObject({ ok: true });
  });

  it("throttles an unknown email exactly like a known one, so throttling reveals nothing either", async () => {
    const unknown = `nobody-${randomUUID()}@kommun.example`;
    const answers: SignInResult[] = [];
    for (let attempt = 0; attempt <= SIGN_IN_THROTTLE.account.maxFailures; attempt += 1) {
      answers.push(await signIn(unknown, WRONG, freshAddress()));
    }
    expect(answers.at(-2)).toMatchObject({ ok: false, reason: "throttled" });
    expect(answers.at(-1)).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("forgets failures older than the 15-minute window", async () => {
    const user = await createUser();
    const start = new Date();
    for (let attempt = 0; attempt < SIGN_IN_THROTTLE.account.maxFailures - 1; attempt += 1) {
      await signIn(user.email, WRONG, freshAddress(), start);
    }
    const afterTheWindow = new Date(start.getTime() + 15 * MINUTE + 1000);
    expect(await signIn(user.email, WRONG, freshAddress(), afterTheWindow)).toEqual({ ok: false, reason: "invalid" });
    expect((await throttleRow(`account:${user.email}`))?.failures).toBe(1);
  });

  it("resets the account's failures on a successful sign-in", async () => {
    const user = await createUser();
    const address = freshAddress();
    for (let attempt = 0; attempt < SIGN_IN_THROTTLE.account.maxFailures - 1; attempt += 1) {
      await signIn(user.email, WRONG, address);
    }
    expect((await throttleRow(`account:${user.email}`))?.failures).toBe(4);
    expect(await signIn(user.email, PASSWORD, address)).toMatchObject({ ok: true });
    expect(await throttleRow(`account:${user.email}`)).toBeNull();
    // The address keeps its count: one valid account must not clear an attacker's record.
    expect((await throttleRow(`ip:${address}`))?.failures).toBe(4);

    expect(await signIn(user.email, WRONG, address)).toEqual({ ok: false, reason: "invalid" });
    expect((await throttleRow(`account:${user.email}`))?.failures).toBe(1);
  });

  it("blocks a client address after 20 failures within 15 minutes, across accounts", async () => {
    const address = freshAddress();
    const victim = await createUser();
    const answers: SignInResult[] = [];
    for (let attempt = 0; attempt < SIGN_IN_THROTTLE.clientAddress.maxFailures; attempt += 1) {
      answers.push(await signIn(`sprayed-${attempt}-${randomUUID().slice(0, 6)}@kommun.example`, WRONG, address));
    }
    expect(answers.slice(0, -1).every((answer) => !answer.ok && answer.reason === "invalid")).toBe(true);
    expect(answers.at(-1)).toMatchObject({ ok: false, reason: "throttled" });

    expect(await signIn(victim.email, PASSWORD, address)).toMatchObject({ ok: false, reason: "throttled" });
    expect(await signIn(victim.email, PASSWORD, freshAddress())).toMatchObject({ ok: true });
  });

  it("throttles only the account when the client address is unknown", async () => {
    const user = await createUser();
    const addressRows = () => db.owner.signInThrottle.count({ where: { key: { startsWith: "ip:" } } });
    const addressRowsBefore = await addressRows();
    expect(await signIn(user.email, WRONG, null)).toEqual({ ok: false, reason: "invalid" });
    expect((await throttleRow(`account:${user.email}`))?.failures).toBe(1);
    expect(await addressRows()).toBe(addressRowsBefore);
  });

  it("counts concurrent failures without losing any", async () => {
    const user = await createUser();
    await Promise.all(Array.from({ length: 4 }, () => signIn(user.email, WRONG, freshAddress())));
    expect((await throttleRow(`account:${user.email}`))?.failures).toBe(4);
  });

  it("refuses an over-long password without hashing it", async () => {
    const user = await createUser();
    expect(await signIn(user.email, "x".repeat(100_000), freshAddress())).toEqual({ ok: false, reason: "invalid" });
  });
});
