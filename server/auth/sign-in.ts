import { randomBytes } from "node:crypto";
import type { PrismaClient, Transaction } from "../db/client";
import { inScope } from "../db/scope";
import { hashPassword, verifyPassword } from "./password";
import { SIGN_IN_PASSWORD_MAX_LENGTH } from "./sign-in-flow";

/**
 * Limits on repeated failed sign-ins (NIST SP 800-63B 5.2.2, OWASP's Authentication Cheat
 * Sheet). Per account, against guessing one person's password: 5 failures within 15 minutes
 * block that email address for 15 minutes. Per client address, against trying one common
 * password on many accounts: 20 failures within 15 minutes block the address for 15 minutes.
 * A block is never longer than the window, so a fresh window has begun when it ends.
 */
export const SIGN_IN_THROTTLE = {
  account: { maxFailures: 5, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
  clientAddress: { maxFailures: 20, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
} as const;

interface ThrottleRule {
  maxFailures: number;
  windowSeconds: number;
  blockSeconds: number;
}

interface Throttle {
  key: string;
  rule: ThrottleRule;
}

export interface PasswordSignInAttempt {
  email: string;
  password: string;
  /** The client's IP address, or null when it is not known (then only the account is throttled). */
  clientAddress: string | null;
}

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

export type SignInResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks an email address and password. An unknown email, a user without a password (one
 * who signs in through OpenID Connect) and a wrong password all answer the same "invalid",
 * after the same Argon2id work, so neither the answer nor its timing tells whether an
 * account exists. While the account or the client address is blocked, the password is not
 * even checked. The failure that reaches a limit already answers "throttled", so the person
 * learns at once why further attempts are refused.
 */
export async function authenticateWithPassword(
  db: PrismaClient,
  attempt: PasswordSignInAttempt,
  options: { now?: Date } = {},
): Promise<SignInResult> {
  const now = options.now ?? new Date();
  const email = normaliseEmail(attempt.email);
  const throttles = throttlesFor(email, attempt.clientAddress);

  const { blockedForSeconds, user } = await inScope(db, {}, async (tx) => ({
    blockedForSeconds: await secondsBlocked(tx, throttles, now),
    user: await findAccount(tx, email),
  }));
  if (blockedForSeconds > 0) return { ok: false, reason: "throttled", retryAfterSeconds: blockedForSeconds };

  const passwordMatches =
    attempt.password.length <= SIGN_IN_PASSWORD_MAX_LENGTH &&
    (await verifyAgainstStoredHash(user?.passwordHash ?? null, attempt.password));
  if (user && passwordMatches) {
    await inScope(db, { userId: user.id }, (tx) => recordSuccess(tx, user.id, accountKey(email), now));
    return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
  }

  const blockedUntil = await inScope(db, {}, (tx) => recordFailure(tx, throttles, now));
  return blockedUntil
    ? { ok: false, reason: "throttled", retryAfterSeconds: secondsBetween(now, blockedUntil) }
    : { ok: false, reason: "invalid" };
}

/**
 * The account and its password hash. The app's database role cannot read `passwordHash`
 * itself: one account's hash comes from the `sign_in_password_hash` function, by address.
 */
async function findAccount(tx: Transaction, email: string): Promise<(SignedInUser & { passwordHash: string | null }) | null> {
  // Both queries whether or not the account exists: the same work either way.
  const user = await tx.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
  const [row] = await tx.$queryRaw<{ passwordHash: string | null }[]>`SELECT sign_in_password_hash(${email}) AS "passwordHash"`;
  return user ? { ...user, passwordHash: row?.passwordHash ?? null } : null;
}

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function accountKey(email: string): string {
  return `account:${email}`;
}

function throttlesFor(email: string, clientAddress: string | null): Throttle[] {
  const throttles: Throttle[] = [{ key: accountKey(email), rule: SIGN_IN_THROTTLE.account }];
  const address = clientAddress?.trim();
  if (address) throttles.push({ key: `ip:${address}`, rule: SIGN_IN_THROTTLE.clientAddress });
  return throttles;
}

async function secondsBlocked(tx: Transaction, throttles: Throttle[], now: Date): Promise<number> {
  const blocks = await tx.signInThrottle.findMany({
    where: { key: { in: throttles.map((throttle) => throttle.key) }, blockedUntil: { gt: now } },
    select: { blockedUntil: true },
  });
  return Math.max(0, ...blocks.map((block) => (block.blockedUntil ? secondsBetween(now, block.blockedUntil) : 0)));
}

/** A success clears the account's failures; the address keeps its count, or one valid account would reset it. */
async function recordSuccess(tx: Transaction, userId: string, accountThrottleKey: string, now: Date): Promise<void> {
  await tx.signInThrottle.deleteMany({ where: { key: accountThrottleKey } });
  await tx.user.updateMany({ where: { id: userId }, data: { lastSignInAt: now } });
}

/** Counts the failure against every throttle; returns the end of the longest block this failure started, if any. */
async function recordFailure(tx: Transaction, throttles: Throttle[], now: Date): Promise<Date | null> {
  let latestBlockEnd: Date | null = null;
  for (const throttle of throttles) {
    const blockedUntil = await countFailure(tx, throttle, now);
    if (blockedUntil && (!latestBlockEnd || blockedUntil > latestBlockEnd)) latestBlockEnd = blockedUntil;
  }
  return latestBlockEnd;
}

/**
 * One atomic upsert, so concurrent failures are all counted: it starts a new window when
 * the current one is over, else adds one to it. It returns when the key is blocked until,
 * when this failure reached the limit.
 */
async function countFailure(tx: Transaction, { key, rule }: Throttle, now: Date): Promise<Date | null> {
  const windowOpenedAfter = addSeconds(now, -rule.windowSeconds);
  const [counted] = await tx.$queryRaw<{ failures: number }[]>`
    INSERT INTO "SignInThrottle" AS existing ("key", "failures", "windowStartsAt", "updatedAt")
    VALUES (${key}, 1, ${now}, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN existing."windowStartsAt" > ${windowOpenedAfter} THEN existing."failures" + 1 ELSE 1 END,
      "windowStartsAt" = CASE WHEN existing."windowStartsAt" > ${windowOpenedAfter} THEN existing."windowStartsAt" ELSE ${now} END,
      "updatedAt" = ${now}
    RETURNING "failures"`;
  if (!counted || counted.failures < rule.maxFailures) return null;
  const blockedUntil = addSeconds(now, rule.blockSeconds);
  await tx.signInThrottle.update({ where: { key }, data: { blockedUntil } });
  return blockedUntil;
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies against the stored hash, or, when there is none, against a throw-away hash, so
 * an unknown email costs the same Argon2id work as a wrong password.
 */
async function verifyAgainstStoredHash(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash) return verifyPassword(storedHash, password);
  dummyHash ??= hashPassword(randomBytes(32).toString("base64url"));
  await verifyPassword(await dummyHash, password);
  return false;
}

function addSeconds(date: Date, seconds: number): Date {
  return new Date(date.getTime() + seconds * 1000);
}

function secondsBetween(from: Date, to: Date): number {
  return Math.max(1, Math.ceil((to.getTime() - from.getTime()) / 1000));
}
