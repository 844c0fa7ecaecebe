import type { PrismaClient, Transaction } from "./client";

/**
 * The one way the app touches tenant data: a transaction that runs as the
 * application role (`tillit_app`, subject to row-level security) with the
 * organisation, user and invitation token it may see set for PostgreSQL's
 * policies. Everything is SET LOCAL, so it ends with the transaction and never
 * leaks into a pooled connection (or into the embedded database's shared session).
 */
export interface DbScope {
  /** The organisation whose rows the transaction may read and write. */
  organisationId?: string | null;
  /** The signed-in user: sees their own memberships in every organisation. */
  userId?: string | null;
  /** The hash of an invitation token: its holder may read that one invitation. */
  invitationTokenHash?: string | null;
}

export const APP_ROLE = "tillit_app";

/** How long a request's transaction may run; a longer one is rolled back. */
export const TRANSACTION_TIMEOUT_MS = 20_000;
const MAX_WAIT_FOR_CONNECTION_MS = 10_000;

export async function inScope<T>(
  db: PrismaClient,
  scope: DbScope,
  work: (tx: Transaction) => Promise<T>,
  options: { timeoutMs?: number } = {},
): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT
      set_config('role', ${APP_ROLE}, true),
      set_config('app.organisation_id', ${scope.organisationId ?? ""}, true),
      set_config('app.user_id', ${scope.userId ?? ""}, true),
      set_config('app.invitation_token_hash', ${scope.invitationTokenHash ?? ""}, true)`;
    return work(tx);
  }, { maxWait: MAX_WAIT_FOR_CONNECTION_MS, timeout: options.timeoutMs ?? TRANSACTION_TIMEOUT_MS });
}

/**
 * Moves an open scoped transaction into an organisation, for the few flows whose
 * organisation is only known midway: a new organisation's first rows, and joining
 * an organisation through an invitation that was just verified.
 */
export async function enterOrganisation(tx: Transaction, organisationId: string): Promise<void> {
  await tx.$queryRaw`SELECT set_config('app.organisation_id', ${organisationId}, true)`;
}
