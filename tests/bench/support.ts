/** What the benchmark scripts share: their own database on a server, timing figures and the printed table. */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyMigrations } from "../../server/db/migrate";

export const SERVER_URL = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Runs `work` against a new, migrated database `tillit_bench_<random>` on the server,
 * with the owner's client; drops the database afterwards, also on failure.
 */
export async function withBenchDatabase(work: (url: string, owner: pg.Client) => Promise<void>): Promise<void> {
  const name = `tillit_bench_${randomBytes(6).toString("hex")}`;
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  try {
    await applyMigrations({ connectionString: url.toString() });
    const owner = new pg.Client({ connectionString: url.toString() });
    await owner.connect();
    try {
      await work(url.toString(), owner);
    } finally {
      await owner.end();
    }
  } finally {
    await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}

/** A random value of a PostgreSQL enum type, as SQL. */
export function randomEnum(type: string): string {
  return `(enum_range(NULL::"${type}"))[1 + floor(random() * array_length(enum_range(NULL::"${type}"), 1))::int]`;
}

export function percentile(sorted: number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

export function printTable(rows: string[][]): void {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ");
  rows.forEach((row, index) => {
    console.log(line(row));
    if (index === 0) console.log(widths.map((width) => "-".repeat(width)).join("-|-"));
  });
}

export function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}
