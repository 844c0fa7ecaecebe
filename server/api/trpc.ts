/**
 * tRPC in three parts (context, init, procedures). Every procedure of the app is built
 * from the procedure kinds exported at the bottom; each kind states its access rule in
 * its meta, and enforces it in one guard that also opens the request's scoped
 * transaction (server/db/scope.ts). The authorisation matrix test walks the router and
 * fails on any procedure that was not built from these kinds.
 */
import { randomUUID } from "node:crypto";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import { database } from "../db";
import type { PrismaClient, Transaction } from "../db/client";
import type { OrganisationRole, PlatformRole } from "../db/generated/enums";
import { isConcurrentChangeError, isDatabaseError, isDatabaseUnavailable, sqlStateOf } from "../db/query-errors";
import { enterOrganisation, inScope } from "../db/scope";
import { type Permission, roleHasPermission } from "../domain/access/permissions";
import { organisationSlugInput } from "../domain/organisations/schemas";
import type { Actor } from "../domain/audit/audit";
import { ConflictError, DomainError, RuleViolationError } from "../domain/errors";

// 1. Context -----------------------------------------------------------------
export interface Context {
  db: PrismaClient;
  requestId: string;
  /** The signed-in user's id from the session, or null. */
  userId: string | null;
}

/**
 * A client's X-Request-Id is kept (so a proxy's or client's id can be followed into the
 * audit log) only when it is 1–64 letters, digits, '.', '_' or '-'; anything else (line
 * breaks, markup, megabytes) is replaced by a new id before it reaches a log.
 */
const REQUEST_ID_FORMAT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function acceptedRequestId(value: string | null): string | null {
  return value !== null && REQUEST_ID_FORMAT.test(value) ? value : null;
}

export async function createContext(opts: {
  headers: Headers;
  userId: string | null;
  db?: PrismaClient;
}): Promise<Context> {
  return {
    db: opts.db ?? database(),
    requestId: acceptedRequestId(opts.headers.get("x-request-id")) ?? randomUUID(),
    userId: opts.userId,
  };
}

// 2. Init --------------------------------------------------------------------
export type Access =
  | { kind: "public" }
  | { kind: "authenticated" }
  | { kind: "organisation"; permission: Permission }
  | { kind: "oversight" }
  | { kind: "platform" };

export interface ProcedureMeta {
  access: Access;
}

/**
 * A problem with one field. `code` is a domain rule's code (server/domain/problem-codes.ts),
 * or zod's issue code ("too_big", "invalid_format", ...) when the input is malformed.
 */
export interface FieldError {
  field: string;
  code: string;
  message: string;
  values?: Record<string, string>;
}

function fieldErrorsOf(cause: unknown): FieldError[] | null {
  if (cause instanceof z.ZodError) {
    return zodProblems(cause.issues).map((issue) => ({ field: issue.path.join("."), code: issue.code, message: issue.message }));
  }
  if (cause instanceof RuleViolationError) {
    return cause.problems.map((problem) => ({
      field: problem.field,
      code: problem.code,
      message: problem.message,
      ...(problem.values ? { values: problem.values } : {}),
    }));
  }
  return null;
}

/**
 * zod's issues, with a union that no option matched replaced by the issues of the option that
 * got furthest into the value (so `["IDEA\u0000"]` for "one stage or several" names the
 * element and says why, rather than "Invalid input").
 */
function zodProblems(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): { path: PropertyKey[]; code: string; message: string }[] {
  const depth = (option: readonly z.core.$ZodIssue[]) => Math.max(0, ...option.map((issue) => issue.path.length));
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      const furthest = issue.errors.reduce((best, option) => (depth(option) > depth(best) ? option : best));
      if (depth(furthest) > 0) return zodProblems(furthest, path);
    }
    return [{ path, code: issue.code, message: issue.message }];
  });
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error, ctx }) {
      const unexpected = error.code === "INTERNAL_SERVER_ERROR";
      const requestId = ctx?.requestId ?? null;
      return {
        message: unexpected ? `Internal error (request ${requestId ?? "unknown"})` : shape.message,
        code: shape.code,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          requestId,
          fieldErrors: fieldErrorsOf(error.cause),
          conflict: error.cause instanceof ConflictError ? error.cause.details : null,
        },
      };
    },
  });

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

// 3. Procedures ----------------------------------------------------------------
/**
 * The one place errors become answers. Domain errors become the matching tRPC codes (their
 * messages are meant for users). Of the database's errors, those a client provokes by racing
 * another request (a unique violation, a serialization failure, a deadlock) become CONFLICT;
 * any other is logged with the request id and answered as a 500 that names only that id.
 */
const base = t.procedure.use(async ({ ctx, path, next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof DomainError) throw new TRPCError({ code: cause.code, message: cause.message, cause });
  if (isDatabaseUnavailable(cause)) throw databaseUnavailable(cause);
  if (isConcurrentChangeError(cause)) {
    throw new TRPCError({ code: "CONFLICT", message: CONCURRENT_CHANGE_MESSAGE, cause });
  }
  if (result.error.code === "INTERNAL_SERVER_ERROR" && isDatabaseError(cause)) {
    console.error(`[api] ${path}: database error${describeSqlState(cause)} (request ${ctx.requestId})`, cause);
    throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: `Internal error (request ${ctx.requestId})`, cause });
  }
  return result;
});

/** The database is restarting or out of reach: 503, and the HTTP layer adds Retry-After. */
export function databaseUnavailable(cause: unknown): TRPCError {
  return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "The database is not available right now. Try again in a few seconds.", cause });
}

const CONCURRENT_CHANGE_MESSAGE = "Someone else made a change at the same time, and theirs was saved. Reload, then try again.";

function describeSqlState(error: unknown): string {
  const state = sqlStateOf(error);
  return state ? ` SQLSTATE ${state}` : "";
}

interface SignedIn {
  actor: Actor & { platformRole: PlatformRole | null };
}

async function loadActor(tx: Transaction, userId: string): Promise<SignedIn["actor"]> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, platformRole: true },
  });
  if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in again." });
  return user;
}

function requireUserId(ctx: Context): string {
  if (!ctx.userId) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return ctx.userId;
}

/**
 * Runs the rest of the call inside the scoped transaction; a failed call rolls back
 * (tRPC reports errors as results, so the result is rethrown inside the transaction).
 */
function throwIfFailed<R extends { ok: boolean }>(result: R): R {
  if (!result.ok) throw (result as unknown as { error: unknown }).error;
  return result;
}

/** Anyone, signed in or not. Only for data that is public by nature. */
export const publicProcedure = base
  .meta({ access: { kind: "public" } })
  .use(({ ctx, next }) => inScope(ctx.db, {}, async (tx) => throwIfFailed(await next({ ctx: { tx } }))));

/** Any signed-in user, for their own things (their memberships, their invitations). */
export const authedProcedure = base.meta({ access: { kind: "authenticated" } }).use(({ ctx, next }) => {
  const userId = requireUserId(ctx);
  return inScope(ctx.db, { userId }, async (tx) => {
    const actor = await loadActor(tx, userId);
    return throwIfFailed(await next({ ctx: { tx, actor } }));
  });
});

function platformRoleProcedure(kind: "platform" | "oversight", role: PlatformRole) {
  return base.meta({ access: { kind } }).use(({ ctx, next }) => {
    const userId = requireUserId(ctx);
    return inScope(ctx.db, { userId }, async (tx) => {
      const actor = await loadActor(tx, userId);
      if (actor.platformRole !== role) {
        throw new TRPCError({ code: "FORBIDDEN", message: "This needs a platform role you do not have." });
      }
      return throwIfFailed(await next({ ctx: { tx, actor } }));
    });
  });
}

/** Platform administrators: create and edit organisations, name their first admin. */
export const platformProcedure = platformRoleProcedure("platform", "PLATFORM_ADMIN");

/** DIGG's oversight: read-only, cross-sector aggregates. */
export const oversightProcedure = platformRoleProcedure("oversight", "OVERSIGHT");

export interface OrganisationContext {
  id: string;
  slug: string;
  name: string;
  role: OrganisationRole;
}

/**
 * A member of the organisation named in the input (`organisationSlug`) whose role
 * grants `permission`. The handler's transaction is scoped to that organisation.
 */
export function orgProcedure(permission: Permission, options: { transactionTimeoutMs?: number } = {}) {
  return base
    .meta({ access: { kind: "organisation", permission } })
    .input(organisationSlugInput)
    .use(({ ctx, input, next }) => {
      const userId = requireUserId(ctx);
      return inScope(ctx.db, { userId }, async (tx) => {
        const actor = await loadActor(tx, userId);
        const organisation = await tx.organisation.findUnique({
          where: { slug: input.organisationSlug },
          select: { id: true, slug: true, name: true, memberships: { where: { userId }, select: { role: true } } },
        });
        const role = organisation?.memberships[0]?.role;
        if (!organisation || !role) {
          throw new TRPCError({ code: "FORBIDDEN", message: "You are not a member of this organisation." });
        }
        if (!roleHasPermission(role, permission)) {
          throw new TRPCError({ code: "FORBIDDEN", message: "Your role in this organisation does not allow this." });
        }
        await enterOrganisation(tx, organisation.id);
        const current: OrganisationContext = { id: organisation.id, slug: organisation.slug, name: organisation.name, role };
        return throwIfFailed(await next({ ctx: { tx, actor, organisation: current } }));
      }, { timeoutMs: options.transactionTimeoutMs });
    });
}
