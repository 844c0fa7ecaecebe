import type { PrismaClient, Transaction } from "../db/client";
import { inScope } from "../db/scope";

/**
 * Sign-in sessions that can be ended. The session cookie is a signed JWT (next-auth) that
 * names its UserSession row; a session is alive only while that row exists and has not
 * expired, and every request checks (through next-auth's jwt callback, which both the
 * tRPC endpoint and server-rendered pages pass: server/auth/session.ts). Deleting the row
 * ends the session at once, also for a copied cookie:
 * - sign-out ends that session (next-auth's signOut event);
 * - a password change ends all of the user's sessions (a trigger on "User"."passwordHash");
 * - removal from an organisation ends all of the removed person's sessions
 *   (server/domain/access/members.ts).
 */

/** Expired rows deleted per sign-in, so the table stays small without a separate job. */
const EXPIRED_ROWS_PER_SIGN_IN = 500;

/** Opens a session for a user who has just signed in; returns its id for the cookie. */
export async function startSession(db: PrismaClient, userId: string, maxAgeSeconds: number, now = new Date()): Promise<string> {
  return inScope(db, {}, async (tx) => {
    await tx.$executeRaw`
      DELETE FROM "UserSession" WHERE "id" IN (
        SELECT "id" FROM "UserSession" WHERE "expiresAt" <= ${now} LIMIT ${EXPIRED_ROWS_PER_SIGN_IN}
      )`;
    const session = await tx.userSession.create({
      data: { userId, createdAt: now, expiresAt: new Date(now.getTime() + maxAgeSeconds * 1000) },
      select: { id: true },
    });
    return session.id;
  });
}

/** Is this session still open for this user? */
export async function sessionIsOpen(db: PrismaClient, sessionId: string, userId: string, now = new Date()): Promise<boolean> {
  if (!UUID.test(sessionId)) return false;
  const count = await inScope(db, {}, (tx) => tx.userSession.count({ where: { id: sessionId, userId, expiresAt: { gt: now } } }));
  return count === 1;
}

/** Ends one session (sign-out). */
export async function endSession(db: PrismaClient, sessionId: string): Promise<void> {
  if (!UUID.test(sessionId)) return;
  await inScope(db, {}, (tx) => tx.userSession.deleteMany({ where: { id: sessionId } }));
}

/** Ends every session of a user, inside the caller's transaction. */
export async function endSessionsOf(tx: Transaction, userId: string): Promise<number> {
  const { count } = await tx.userSession.deleteMany({ where: { userId } });
  return count;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
