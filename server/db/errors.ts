import { MigrationError } from "./migrate";

/**
 * One line that tells an operator what went wrong with the database, for command-line
 * entry points (no stack trace, never the password). Callers prefix it, e.g.
 * `console.error(\`tillit: ${describeDatabaseError(error, url)}\`)` prints
 * `tillit: cannot reach the database at 127.0.0.1:5999 (ECONNREFUSED)`.
 */
export function describeDatabaseError(error: unknown, url: string): string {
  if (error instanceof MigrationError) return error.message;
  const target = describeTarget(url);
  const networkCode = findNetworkCode(error);
  if (networkCode) return `cannot reach the database at ${target.address} (${networkCode})`;
  const message = firstLine(error instanceof Error ? error.message : String(error));
  const sqlState = findSqlState(error);
  if (sqlState) return describeServerRefusal(sqlState, message, target);
  if (/connection terminated|timeout|ssl/i.test(message)) {
    return `cannot reach the database at ${target.address} (${message})`;
  }
  return `database error at ${target.address}: ${message}`;
}

interface DatabaseTarget {
  address: string;
  database: string;
  user: string;
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "EADDRNOTAVAIL",
]);

function describeServerRefusal(sqlState: string, message: string, target: DatabaseTarget): string {
  switch (sqlState) {
    case "28P01":
    case "28000":
      return `the database at ${target.address} refused user "${target.user}": ${message} (SQLSTATE ${sqlState})`;
    case "3D000":
      return `database "${target.database}" does not exist at ${target.address} (SQLSTATE 3D000)`;
    case "57P03":
      return `the database at ${target.address} is not accepting connections yet: ${message} (SQLSTATE 57P03)`;
    default:
      return `the database at ${target.address} answered: ${message} (SQLSTATE ${sqlState})`;
  }
}

function describeTarget(url: string): DatabaseTarget {
  try {
    const parsed = new URL(url);
    return {
      address: `${parsed.hostname || "localhost"}:${parsed.port || "5432"}`,
      database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "postgres",
      user: decodeURIComponent(parsed.username) || "postgres",
    };
  } catch {
    return { address: "the configured address", database: "(unknown)", user: "(unknown)" };
  }
}

/** Node reports a failed connect on its own or, with several addresses, inside an AggregateError. */
function findNetworkCode(error: unknown): string | undefined {
  const code = stringProperty(error, "code");
  if (code && NETWORK_CODES.has(code)) return code;
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const innerCode = findNetworkCode(inner);
      if (innerCode) return innerCode;
    }
  }
  return undefined;
}

/** PostgreSQL's five-character SQLSTATE, as pg puts it on `code`. */
function findSqlState(error: unknown): string | undefined {
  const code = stringProperty(error, "code");
  return code && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

function stringProperty(value: unknown, key: string): string | undefined {
  if (typeof value !== "object" || value === null || !(key in value)) return undefined;
  const property: unknown = (value as Record<string, unknown>)[key];
  return typeof property === "string" ? property : undefined;
}

function firstLine(text: string): string {
  return text.split("\n")[0]?.trim() || "unknown error";
}
