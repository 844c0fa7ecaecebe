import { createHmac, randomBytes } from "node:crypto";
import pg from "pg";
import { APP_ROLE } from "./scope";

/**
 * The database roles (README, "Database roles"):
 *
 * - the schema owner (MIGRATION_DATABASE_URL) runs migrations and the demo seed;
 * - the runtime login (DATABASE_URL) is what the app connects as: neither superuser nor
 *   owner, a member of `tillit_app` only and NOINHERIT, so outside the role the app
 *   switches to per transaction (server/db/scope.ts) it holds no privilege at all, and
 *   `RESET ROLE` or `SET ROLE <owner>` gains it nothing;
 * - `tillit_app` (NOLOGIN, created by the migrations) holds the app's grants and is
 *   subject to row-level security.
 *
 * Given only the owner's URL, `npm start` creates the runtime login `tillit_runtime`
 * itself (provisionRuntimeLogin) and serves the app with it.
 */
export const RUNTIME_LOGIN = "tillit_runtime";

const CONNECT_TIMEOUT_MS = 5_000;

export class RuntimeRoleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RuntimeRoleError";
  }
}

/**
 * The runtime login's password, derived from the owner's: the same on every start and on
 * every instance given the same owner URL (so restarting one instance never locks out
 * another), and useless for finding the owner's. An owner URL without a password (peer or
 * trust authentication) gets a fresh random one on each start.
 */
export function runtimePassword(ownerUrl: string): string {
  const ownerPassword = decodeURIComponent(new URL(ownerUrl).password);
  if (!ownerPassword) return randomBytes(32).toString("base64url");
  return createHmac("sha256", ownerPassword).update(`tillit:${RUNTIME_LOGIN}`).digest("base64url");
}

/** `url` with another user and password; host, port, database and parameters stay. */
export function urlWithLogin(url: string, user: string, password: string | null): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = password ? encodeURIComponent(password) : "";
  return parsed.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on("error", () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function canLogIn(url: string): Promise<boolean> {
  try {
    await withClient(url, (client) => client.query("SELECT 1"));
    return true;
  } catch {
    return false;
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Creates (or repairs) a runtime login as the schema owner, who needs CREATEROLE: LOGIN,
 * NOINHERIT, no other attribute, a member of `tillit_app` and of nothing else the owner
 * granted. Returns the URL the app connects with. Each step runs only when needed, so
 * several instances starting at once do not update the same catalogue row together.
 *
 * `password: null` is for the embedded database, which checks no password.
 */
export async function provisionRuntimeLogin(
  ownerUrl: string,
  options: { login?: string; password: string | null },
): Promise<string> {
  const login = options.login ?? RUNTIME_LOGIN;
  const runtimeUrl = urlWithLogin(ownerUrl, login, options.password);
  await withClient(ownerUrl, async (owner) => {
    const role = quoteIdentifier(login);
    const existing = await owner.query<{ safe: boolean }>(
      `SELECT rolcanlogin AND NOT rolinherit AND NOT rolsuper AND NOT rolcreaterole AND NOT rolcreatedb
              AND NOT rolreplication AND NOT rolbypassrls AS safe
       FROM pg_roles WHERE rolname = $1`,
      [login],
    );
    if (existing.rows.length === 0) {
      await owner.query(`DO $$ BEGIN
        CREATE ROLE ${role} LOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
    } else if (!existing.rows[0]?.safe) {
      await owner.query(`ALTER ROLE ${role} LOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS`);
    }
    const member = await owner.query<{ member: boolean }>(
      "SELECT pg_has_role($1, $2, 'MEMBER') AS member",
      [login, APP_ROLE],
    );
    if (!member.rows[0]?.member) await owner.query(`GRANT ${quoteIdentifier(APP_ROLE)} TO ${role}`);
    const connect = await owner.query<{ allowed: boolean }>(
      "SELECT has_database_privilege($1, current_database(), 'CONNECT') AS allowed",
      [login],
    );
    if (!connect.rows[0]?.allowed) {
      await owner.query(`GRANT CONNECT ON DATABASE ${quoteIdentifier(await currentDatabase(owner))} TO ${role}`);
    }
    if (options.password !== null && !(await canLogIn(runtimeUrl))) {
      await owner.query(`ALTER ROLE ${role} PASSWORD ${owner.escapeLiteral(options.password)}`);
    }
  });
  return runtimeUrl;
}

async function currentDatabase(client: pg.Client): Promise<string> {
  const result = await client.query<{ name: string }>("SELECT current_database() AS name");
  return result.rows[0]?.name ?? "";
}

interface LoginFacts {
  login: string;
  superuser: boolean;
  bypassesRls: boolean;
  createsRoles: boolean;
  mayBecomeApp: boolean;
  ownsSchema: boolean;
  ownsDatabase: boolean;
  otherRoles: string[];
}

/**
 * Refuses a runtime login that could undo the isolation: a superuser, a role that bypasses
 * row-level security or creates roles, the owner of the schema or database (or a member of
 * them), or a member of any role but `tillit_app`. Also refuses one that cannot become
 * `tillit_app`. Throws RuntimeRoleError with one line naming what is wrong.
 */
export async function assertSafeRuntimeLogin(runtimeUrl: string, variable = "DATABASE_URL"): Promise<void> {
  const facts = await withClient(runtimeUrl, async (client) => {
    const result = await client.query<LoginFacts>(
      `SELECT r.rolname AS login, r.rolsuper AS superuser, r.rolbypassrls AS "bypassesRls",
              r.rolcreaterole AS "createsRoles",
              pg_has_role(r.oid, $1, 'MEMBER') AS "mayBecomeApp",
              COALESCE((SELECT pg_has_role(r.oid, c.relowner, 'MEMBER') FROM pg_class c
                        WHERE c.oid = to_regclass('"User"')), false) AS "ownsSchema",
              (SELECT pg_has_role(r.oid, d.datdba, 'MEMBER') FROM pg_database d
                WHERE d.datname = current_database()) AS "ownsDatabase",
              ARRAY(SELECT g.rolname::text FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                    WHERE m.member = r.oid AND g.rolname <> $1 ORDER BY 1) AS "otherRoles"
       FROM pg_roles r WHERE r.rolname = current_user`,
      [APP_ROLE],
    );
    return result.rows[0];
  });
  if (!facts) throw new RuntimeRoleError(`${variable}: the database did not report the login's role`);
  const why = [
    facts.superuser && "is a superuser",
    facts.bypassesRls && "bypasses row-level security",
    facts.createsRoles && "may create roles",
    facts.ownsSchema && "owns the schema (or is a member of its owner)",
    facts.ownsDatabase && "owns the database (or is a member of its owner)",
    facts.otherRoles.length > 0 && `is a member of ${facts.otherRoles.join(", ")}`,
    !facts.mayBecomeApp && `cannot become ${APP_ROLE} (GRANT ${APP_ROLE} TO ${facts.login})`,
  ].filter(Boolean);
  if (why.length > 0) {
    throw new RuntimeRoleError(
      `${variable} logs in as "${facts.login}", which ${why.join(", ")}: the app must run as a login that is neither superuser nor owner and can become ${APP_ROLE} only (README, "Database roles")`,
    );
  }
}
