/**
 * Keyset page cursors: opaque to clients (base64url of a small JSON value), validated in
 * full when they come back, so a crafted cursor is refused as a field error on `cursor`
 * (400) and never reaches PostgreSQL as a value it cannot take.
 */
import { z } from "zod";
import { RuleViolationError, type FieldProblem } from "./errors";
import { isoInstant, text } from "./schema-parts";

export interface CursorCodec<Value> {
  encode(value: Value): string;
  /** The cursor's value, or a RuleViolationError on `cursor` when it is not one this list handed out. */
  decode(raw: string): Value;
}

export function cursorCodec<S extends z.ZodType>(shape: S, problem: Pick<FieldProblem, "code" | "message">): CursorCodec<z.output<S>> {
  const refuse = () => new RuleViolationError([{ field: "cursor", ...problem }]);
  return {
    encode: (value) => Buffer.from(JSON.stringify(value), "utf8").toString("base64url"),
    decode(raw) {
      if (!/^[A-Za-z0-9_-]{1,500}$/.test(raw)) throw refuse();
      let json: unknown;
      try {
        json = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
      } catch {
        throw refuse();
      }
      const parsed = shape.safeParse(json);
      if (!parsed.success) throw refuse();
      return parsed.data;
    },
  };
}

/** Parts of cursor shapes: the sort keys a list writes into its cursors. */
export const cursorParts = {
  id: () => z.uuid(),
  /** A timestamp column's value as an ISO instant (1900–2199). */
  instant: () => isoInstant(),
  /** A text column's value (title, name, reference). */
  text: () => text().max(1_000),
  /**
   * A search rank (`real`): finite, non-negative, and far from the limits of a 4-byte float
   * (1e39 overflows it, 1e-50 underflows it; ts_rank gives values around 1e-20..1e2).
   */
  rank: () =>
    z
      .number()
      .min(0)
      .max(1e6)
      .refine((value) => value === 0 || value >= 1e-30),
};
