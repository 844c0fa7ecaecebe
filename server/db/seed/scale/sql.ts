/** Multi-row inserts as `INSERT ... SELECT FROM unnest($1::type[], ...)`: one round trip per table. */
import type pg from "pg";

export interface ColumnSpec {
  /** The element type of the parameter array (uuid, text, int, bool, date, timestamptz, jsonb, bigint). */
  type: string;
  /** A cast applied in the SELECT, for enums and array columns sent as text. */
  cast?: string;
  /** An expression computing the column instead (over the other columns, as t."name"). */
  select?: string;
  /** Sent for `select` expressions only, not a column of the table. */
  virtual?: boolean;
}

export class Rows<C extends string> {
  private readonly values: Record<string, unknown[]>;
  length = 0;

  constructor(
    readonly table: string,
    readonly columns: Record<C, ColumnSpec>,
  ) {
    this.values = Object.fromEntries(Object.keys(columns).map((name) => [name, []]));
  }

  add(row: Record<C, unknown>): void {
    for (const name of Object.keys(this.columns)) this.values[name]!.push(row[name as C] ?? null);
    this.length += 1;
  }

  async insert(client: pg.ClientBase): Promise<number> {
    if (this.length === 0) return 0;
    const names = Object.keys(this.columns) as C[];
    const specs = names.map((name) => this.columns[name] as ColumnSpec);
    const stored = names.filter((name) => !(this.columns[name] as ColumnSpec).virtual);
    const expression = (name: C) => {
      const spec = this.columns[name] as ColumnSpec;
      return spec.select ?? (spec.cast ? `t."${name}"::${spec.cast}` : `t."${name}"`);
    };
    const sql = `INSERT INTO "${this.table}" (${stored.map((n) => `"${n}"`).join(", ")})
      SELECT ${stored.map(expression).join(", ")}
      FROM unnest(${specs.map((spec, i) => `$${i + 1}::${spec.type}[]`).join(", ")}) AS t(${names.map((n) => `"${n}"`).join(", ")})
      ON CONFLICT DO NOTHING`;
    const result = await client.query(sql, names.map((name) => this.values[name]));
    return result.rowCount ?? 0;
  }
}

/** A PostgreSQL array literal of strings, for array columns sent through a text[] parameter. */
export function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
}
