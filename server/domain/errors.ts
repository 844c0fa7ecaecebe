import type { InvalidValueCode, ProblemCode } from "./problem-codes";

/**
 * Errors a domain service raises on purpose. The API layer maps them to tRPC codes
 * (server/api/trpc.ts); their messages are written for the person using the app.
 */
export abstract class DomainError extends Error {
  abstract readonly code: "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "BAD_REQUEST" | "TOO_MANY_REQUESTS";
}

export class NotFoundError extends DomainError {
  readonly code = "NOT_FOUND";
  constructor(readonly entity: string) {
    super(`${entity} was not found`);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = "FORBIDDEN";
}

export interface ConflictDetails {
  currentVersion: number;
  /** Who saved the change: only ever shown to members of the organisation that owns the record. */
  changedBy: string | null;
  changedAt: Date | null;
  /**
   * True when the reader is outside the organisation that owns the record (e.g. a platform
   * administrator editing a catalogue entry): then the change is attributed to that
   * organisation and `changedBy` is null, so no person is named to an outsider.
   */
  changedByOwningOrganisation?: boolean;
}

/** The details an outsider to the owning organisation may see: when, not who. */
export function conflictForOutsider(details: ConflictDetails): ConflictDetails {
  return { currentVersion: details.currentVersion, changedBy: null, changedAt: details.changedAt, changedByOwningOrganisation: true };
}

/** Someone else saved the record after this user read it: their change is kept. */
export class ConflictError extends DomainError {
  readonly code = "CONFLICT";
  constructor(
    readonly entity: string,
    readonly details: ConflictDetails,
  ) {
    const who = details.changedByOwningOrganisation ? "the owning organisation" : (details.changedBy ?? "someone else");
    super(
      `${entity} was changed by ${who}${
        details.changedAt ? ` at ${details.changedAt.toISOString()}` : ""
      } after you opened it. Reload to see their change, then make yours again.`,
    );
  }
}

/**
 * One broken rule. `code` is a stable identifier the UI translates (messages under
 * "Problems" in server/i18n/messages); `message` is English, for API clients and logs.
 */
export interface FieldProblem {
  field: string;
  code: ProblemCode | InvalidValueCode;
  message: string;
  /** Values for the code's translated message, e.g. { name } in "Används redan av {name}." */
  values?: Record<string, string>;
}

/** Input that is well-formed but breaks a rule: says which field and why. */
export class RuleViolationError extends DomainError {
  readonly code = "BAD_REQUEST";
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join("; "));
  }
}

export class RateLimitedError extends DomainError {
  readonly code = "TOO_MANY_REQUESTS";
}
