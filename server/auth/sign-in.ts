import { randomBytes } from "node:crypto";
import type { PrismaClient, Transaction } from "../db/client";
import { inScope } from "../db/scope";
import { throttledNetwork } from "../http/client-address";
import { hashPassword, verifyPassword } from "./password";
import { SIGN_IN_PASSWORD_MAX_LENGTH } from "./sign-in-flow";

/**
 * Limits on repeated failed sign-ins (NIST SP 800-63B 5.2.2, OWASP's Authentication Cheat
 * Sheet), so that nobody can guess a password, nor lock someone else out:
 * - per account and client address ("pair"), against guessing one person's password from
 *   one place: 3 failures are free, then each failure makes that address wait before the
 *   next try, 30 s doubling up to 15 min. Only that address waits: the owner signs in from
 *   anywhere else as usual, so an attacker cannot lock them out.
 * - per account, a much higher ceiling against guessing from many addresses: 100 failures
 *   within an hour block the account for 15 minutes.
 * - per client address (an IPv6 client by its /64), against trying one common password on
 *   many accounts: 50 failures within 15 minutes block the address for 15 minutes.
 * Failures are counted within the rule's window; every row expires (`expiresAt`) and is
 * deleted by later sign-ins (deleteExpiredThrottles).
 */
export const SIGN_IN_THROTTLE = {
  pair: { windowSeconds: 24 * 60 * 60, freeFailures: 3, firstBlockSeconds: 30, maxBlockSeconds: 15 * 60 },
  account: { windowSeconds: 60 * 60, freeFailures: 99, firstBlockSeconds: 15 * 60, maxBlockSeconds: 15 * 60 },
  clientAddress: { windowSeconds: 15 * 60, freeFailures: 49, firstBlockSeconds: 15 * 60, maxBlockSeconds: 15 * 60 },
} as const satisfies Record<string, ThrottleRule>;

interface ThrottleRule {
  /** Failures older than this are forgotten. */
  windowSeconds: number;
  /** Failures within the window that block nothing. */
  freeFailures: number;
  /** The block after the first failure beyond the free ones; it doubles with each further failure. */
  firstBlockSeconds: number;
  maxBlockSeconds: number;
}

/** How long the `failures`-th failure within the window blocks (0: not at all). */
export function blockSecondsAfter(rule: ThrottleRule, failures: number): number {
  const beyond = failures - rule.freeFailures;
  if (beyond <= 0) return 0;
  return Math.min(rule.maxBlockSeconds, rule.firstBlockSeconds * 2 ** Math.min(beyond - 1, 30));
}

interface Throttle {
  key: string;
  rule: ThrottleRule;
}

export interface PasswordSignInAttempt {
  email: string;
  password: string;
  /**
   * The client's IP address (server/http/client-address.ts). Null when it is not known:
   * all such attempts then share one address throttle, so none escapes it.
   */
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
 * account exists. While any of the attempt's throttles (this address on this account, the
 * account, the address) blocks, the password is not even checked. The failure that starts a
 * block already answers "throttled", so the person learns at once how long to wait.
 */
export async function authenticateWithPassword(
  db: PrismaClient,
  attempt: PasswordSignInAttempt,
  options: { now?: Date } = {},
): Promise<SignInResult> {
  const now = options.now ?? new Date();
  const email = normaliseEmail(attempt.email);
  const throttles = throttlesFor(email, attempt.clientAddress);

  const { blockedForSeconds, user } = await inScope(db, {}, async (tx) => {
    await deleteExpiredThrottles(tx, now);
    return { blockedForSeconds: await secondsBlocked(tx, throttles, now), user: await findAccount(tx, email) };
  });
  if (blockedForSeconds > 0) return { ok: false, reason: "throttled", retryAfterSeconds: blockedForSeconds };

  const passwordMatches =
    attempt.password.length <= SIGN_IN_PASSWORD_MAX_LENGTH &&
    (await verifyAgainstStoredHash(user?.passwordHash ?? null, attempt.password));
  if (user && passwordMatches) {
    await inScope(db, { userId: user.id }, (tx) => recordSuccess(tx, user.id, throttles[0]!.key, now));
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

/** Stands for every attempt whose address is not known, so they share one throttle. */
const UNKNOWN_ADDRESS = "unknown";

/** The pair's throttle comes first (a success clears it), then the account's, then the address's. */
function throttlesFor(email: string, clientAddress: string | null): Throttle[] {
  const address = clientAddress?.trim() ? throttledNetwork(clientAddress.trim()) : UNKNOWN_ADDRESS;
  return [
    { key: `pair:${address}|${email}`, rule: SIGN_IN_THROTTLE.pair },
    { key: `account:${email}`, rule: SIGN_IN_THROTTLE.account },
    { key: `ip:${address}`, rule: SIGN_IN_THROTTLE.clientAddress },
  ];
}

/** At most this many expired rows go per sign-in: the table stays small without one sign-in doing all the work. */
const EXPIRED_ROWS_PER_SIGN_IN = 500;

/** Deletes throttle rows whose window and block are both over: they would count nothing. */
export async function deleteExpiredThrottles(tx: Transaction, now: Date): Promise<number> {
  return tx.$executeRaw`
    DELETE FROM "SignInThrottle" WHERE "key" IN (
      SELECT "key" FROM "SignInThrottle" WHERE "expiresAt" <= ${now} LIMIT ${EXPIRED_ROWS_PER_SIGN_IN}
    )`;
}

async function secondsBlocked(tx: Transaction, throttles: Throttle[], now: Date): Promise<number> {
  const blocks = await tx.signInThrottle.findMany({
    where: { key: { in: throttles.map((throttle) => throttle.key) }, blockedUntil: { gt: now } },
    select: { blockedUntil: true },
  });
  return Math.max(0, ...blocks.map((block) => (block.blockedUntil ? secondsBetween(now, block.blockedUntil) : 0)));
}

/**
 * A success clears the pair's failures: the owner, on their own device, starts afresh. The
 * account's ceiling and the address's count stay, or signing in to one valid account
 * would wipe an attacker's record.
 */
async function recordSuccess(tx: Transaction, userId: string, pairThrottleKey: string, now: Date): Promise<void> {
  await tx.signInThrottle.deleteMany({ where: { key: pairThrottleKey } });
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
 * the current one is over, else adds one to it. When the count calls for a block, the
 * key is blocked until then, and that time is returned. The row expires when both its
 * window and its block are over.
 */
async function countFailure(tx: Transaction, { key, rule }: Throttle, now: Date): Promise<Date | null> {
  const windowOpenedAfter = addSeconds(now, -rule.windowSeconds);
  const windowEnd = addSeconds(now, rule.windowSeconds);
  const [counted] = await tx.$queryRaw<{ failures: number; windowStartsAt: Date }[]>`
    INSERT INTO "SignInThrottle" AS existing ("key", "failures", "windowStartsAt", "expiresAt", "updatedAt")
    VALUES (${key}, 1, ${now}, ${windowEnd}, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN existing."windowStartsAt" > ${windowOpenedAfter} THEN existing."failures" + 1 ELSE 1 END,
      "windowStartsAt" = CASE WHEN existing."windowStartsAt" > ${windowOpenedAfter} THEN existing."windowStartsAt" ELSE ${now} END,
      "expiresAt" = GREATEST(
        CASE WHEN existing."windowStartsAt" > ${windowOpenedAfter}
          THEN existing."windowStartsAt" + (${windowEnd}::timestamptz - ${now}::timestamptz) ELSE ${windowEnd} END,
        COALESCE(existing."blockedUntil", ${now})
      ),
      "updatedAt" = ${now}
    RETURNING "failures", "windowStartsAt"`;
  const blockSeconds = counted ? blockSecondsAfter(rule, counted.failures) : 0;
  if (blockSeconds === 0) return null;
  const blockedUntil = addSeconds(now, blockSeconds);
  await tx.$executeRaw`
    UPDATE "SignInThrottle" SET "blockedUntil" = ${blockedUntil}, "expiresAt" = GREATEST("expiresAt", ${blockedUntil})
    WHERE "key" = ${key}`;
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
