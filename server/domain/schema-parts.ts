/**
 * The building blocks every input schema is made of (server/domain/<area>/schemas.ts), so
 * that anything a client can send is refused with a field error (400) before it reaches
 * PostgreSQL, never with a 500 from the database:
 * - text never holds a NUL character or an unpaired UTF-16 surrogate (PostgreSQL's text
 *   and jsonb refuse both);
 * - calendar days and instants lie within 1900–2199 (PostgreSQL stores far more, but not
 *   year 0 or ±271821, and nothing in this domain falls outside these years);
 * - row versions fit their integer column;
 * - page cursors are opaque base64url tokens (decoded and validated by server/domain/cursor.ts).
 * Kept free of server imports: the forms in the browser use the same blocks.
 */
import { z } from "zod";

// --- Text ----------------------------------------------------------------------------------

/** Anything but NUL and lone surrogates (with the u flag a valid surrogate pair is one code point). */
const STORABLE_TEXT = /^[^\u0000\uD800-\uDFFF]*$/u;
export const UNSTORABLE_TEXT_MESSAGE = "contains a character that cannot be stored (a NUL character or an unpaired surrogate)";

export function isStorableText(value: string): boolean {
  return STORABLE_TEXT.test(value);
}

/** True when any string inside a parsed JSON value (keys included) could not be stored. */
export function containsUnstorableText(value: unknown): boolean {
  if (typeof value === "string") return !isStorableText(value);
  if (Array.isArray(value)) return value.some(containsUnstorableText);
  if (value !== null && typeof value === "object") {
    return Object.entries(value).some(([key, inner]) => !isStorableText(key) || containsUnstorableText(inner));
  }
  return false;
}

/**
 * A string PostgreSQL can store: the start of every text field. Chain as with z.string():
 * `text().trim().min(1).max(200)`. The check runs first, so the issue names the real problem.
 */
export const text = () => z.string().regex(STORABLE_TEXT, UNSTORABLE_TEXT_MESSAGE);

/** Text that must be given: trimmed, 1..max characters. */
export const requiredText = (max: number) =>
  text().trim().min(1, "is required").max(max, `must be at most ${max} characters`);

/** Text that may be left out: trimmed; empty, null and missing all become null. */
export const optionalText = (max: number) =>
  text()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullable()
    .optional()
    .transform((value) => (value ? value : null));

/** An http(s) address. */
export const httpUrl = () =>
  z
    .url({ protocol: /^https?$/, error: "must be an http(s) address" })
    .max(2_000, "must be at most 2 000 characters")
    .regex(STORABLE_TEXT, UNSTORABLE_TEXT_MESSAGE);

// --- Dates -----------------------------------------------------------------------------------

export const EARLIEST_DAY = "1900-01-01";
export const LATEST_DAY = "2199-12-31";
const EARLIEST_INSTANT = new Date(`${EARLIEST_DAY}T00:00:00.000Z`);
const LATEST_INSTANT = new Date(`${LATEST_DAY}T23:59:59.999Z`);
const TOO_EARLY = `must be ${EARLIEST_DAY} or later`;
const TOO_LATE = `must be ${LATEST_DAY} or earlier`;

/** Adds too_small / too_big when a YYYY-MM-DD (or ISO instant) string lies outside 1900–2199. */
function withinYears(payload: z.core.ParsePayload<string>): void {
  // A well-formed value's first ten characters sort as its date; a malformed one has its
  // invalid_format issue already, and no second one.
  if (!/^\d{4}-\d{2}-\d{2}/.test(payload.value)) return;
  const day = payload.value.slice(0, 10);
  if (day < EARLIEST_DAY) {
    payload.issues.push({ code: "too_small", origin: "date", minimum: EARLIEST_INSTANT.getTime(), inclusive: true, input: payload.value, message: TOO_EARLY });
  } else if (day > LATEST_DAY) {
    payload.issues.push({ code: "too_big", origin: "date", maximum: LATEST_INSTANT.getTime(), inclusive: true, input: payload.value, message: TOO_LATE });
  }
}

/** A calendar day as YYYY-MM-DD (what <input type="date"> gives), 1900-01-01..2199-12-31. */
export const calendarDate = (message = "must be a date (YYYY-MM-DD)") => z.iso.date(message).check(withinYears);

/** A calendar day, or empty / null / missing for "none" (then null). */
export const optionalCalendarDate = () =>
  z
    .string("must be a date (YYYY-MM-DD)")
    .nullable()
    .optional()
    .transform((value) => (value ? value : null))
    .pipe(calendarDate().nullable());

/** An ISO 8601 instant with its offset (`2026-11-23T09:30:00.000Z`), kept as text, in 1900–2199. */
export const isoInstant = () => z.iso.datetime({ offset: true, error: "must be a date and time (ISO 8601)" }).check(withinYears);

const isoDay = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });

/**
 * A point in time for a filter: a Date (superjson carries them), an ISO instant or a
 * calendar day (its midnight UTC); a Date, in 1900–2199.
 */
export const instant = () =>
  z.preprocess(
    (value) => (typeof value === "string" && (isoDay.safeParse(value).success || isoDateTime.safeParse(value).success) ? new Date(value) : value),
    z.date("must be a date and time (ISO 8601)").min(EARLIEST_INSTANT, TOO_EARLY).max(LATEST_INSTANT, TOO_LATE),
  );

// --- Numbers and ids ------------------------------------------------------------------------

/** PostgreSQL's `integer`. */
export const INT4_MAX = 2_147_483_647;

/** The version of a record as the client read it (an `integer` column). */
export const rowVersion = () => z.number().int().positive().max(INT4_MAX, "is not a version of this record");

// --- Page cursors ---------------------------------------------------------------------------

/**
 * The `cursor` of a paged list: an opaque token the list itself handed out (base64url).
 * Its content is checked when it is decoded (server/domain/cursor.ts).
 */
export const pageCursor = () =>
  z
    .string()
    .min(1, "is not a page link from this list")
    .max(500, "is not a page link from this list")
    .regex(/^[A-Za-z0-9_-]+$/, "is not a page link from this list");
