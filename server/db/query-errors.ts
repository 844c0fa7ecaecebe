/**
 * What a failed query says about itself, for the API's error mapping (server/api/trpc.ts).
 * Free of imports so that any layer may use it.
 */

/** SQLSTATE classes: two digits or letters (00–5x, F0, HV, P0, XX), then three more. */
const SQLSTATE = /^(?:[0-9][0-9A-Z]|F0|HV|P0|XX)[0-9A-Z]{3}$/;

/**
 * The SQLSTATE of a failed query, wherever the driver put it: on a `pg` error (`code`), on
 * Prisma's driver-adapter error (`originalCode`), or inside a Prisma error
 * (`meta.driverAdapterError.cause`). Prisma's own codes (P2002, …) are not SQLSTATEs and are
 * skipped; undefined when the error did not come from PostgreSQL.
 */
export function sqlStateOf(error: unknown, depth = 0): string | undefined {
  if (depth > 6 || typeof error !== "object" || error === null) return undefined;
  const fromPrisma = isPrismaError(error);
  const codes = fromPrisma ? [stringProperty(error, "originalCode")] : [stringProperty(error, "originalCode"), stringProperty(error, "code")];
  const code = codes.find((value) => value !== undefined && SQLSTATE.test(value));
  if (code) return code;
  const meta = (error as { meta?: unknown }).meta;
  const adapterError = typeof meta === "object" && meta !== null ? (meta as { driverAdapterError?: unknown }).driverAdapterError : undefined;
  return sqlStateOf(adapterError, depth + 1) ?? sqlStateOf((error as { cause?: unknown }).cause, depth + 1);
}

/** Prisma's client errors and its driver adapter's errors (by name: the classes differ per generated client). */
export function isPrismaError(error: unknown): boolean {
  const name = error instanceof Error ? error.name : stringProperty(error, "name");
  return name !== undefined && (name.startsWith("PrismaClient") || name === "DriverAdapterError");
}

/** Any error that came from the database or its client, as opposed to the app's own code. */
export function isDatabaseError(error: unknown): boolean {
  return isPrismaError(error) || sqlStateOf(error) !== undefined;
}

/**
 * Failures a client can provoke by racing another request, which a retry after reloading
 * resolves: a unique violation (two first uses of one invitation), a serialization failure
 * or a deadlock (SQLSTATE 23505, 40001, 40P01; Prisma's P2002 and P2034 name the same).
 */
export function isConcurrentChangeError(error: unknown): boolean {
  const state = sqlStateOf(error);
  if (state === "23505" || state === "40001" || state === "40P01") return true;
  const prismaCode = isPrismaError(error) ? stringProperty(error, "code") : undefined;
  return prismaCode === "P2002" || prismaCode === "P2034";
}

/** What the driver adapter calls an unreachable or vanished server (`DriverAdapterError.cause.kind`). */
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** Node's socket errors, as `pg` reports them before Prisma wraps them. */
const UNAVAILABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EAI_AGAIN"]);
/** Prisma's own codes for the same: can't reach the server, timed out, server closed the connection. */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1017"]);

/**
 * The database is not there right now (restarting, unreachable, out of connections), as
 * opposed to a query that failed: SQLSTATE class 08 (connection exception), 57P01–57P03
 * (shutting down, crashed, not yet accepting connections) and 53300 (too many connections),
 * or a socket error. Such a request is answered 503 with Retry-After, and retrying it helps.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 6 || typeof error !== "object" || error === null) return false;
  const code = stringProperty(error, "code") ?? stringProperty(error, "originalCode");
  if (code !== undefined) {
    if (UNAVAILABLE_SOCKET_CODES.has(code) || UNAVAILABLE_PRISMA_CODES.has(code)) return true;
    if (SQLSTATE.test(code) && (code.startsWith("08") || code === "57P01" || code === "57P02" || code === "57P03" || code === "53300")) return true;
  }
  const kind = stringProperty(error, "kind");
  if (kind !== undefined && UNAVAILABLE_KINDS.has(kind)) return true;
  const meta = (error as { meta?: unknown }).meta;
  const adapterError = typeof meta === "object" && meta !== null ? (meta as { driverAdapterError?: unknown }).driverAdapterError : undefined;
  return isDatabaseUnavailable(adapterError, depth + 1) || isDatabaseUnavailable((error as { cause?: unknown }).cause, depth + 1);
}

function stringProperty(value: unknown, key: string): string | undefined {
  if (typeof value !== "object" || value === null || !(key in value)) return undefined;
  const property: unknown = (value as Record<string, unknown>)[key];
  return typeof property === "string" ? property : undefined;
}
