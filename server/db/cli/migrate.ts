/**
 * `npm run db:migrate`: applies pending migrations as the schema owner (MIGRATION_DATABASE_URL,
 * else DATABASE_URL, else the embedded PostgreSQL in EMBEDDED_DATABASE_DIR). Prints one line
 * per migration applied; on failure one line on stderr and exit code 1.
 */
import { parseEnvOrExit } from "../../env";
import { describeDatabaseError } from "../errors";
import { applyMigrations } from "../migrate";
import { loadAssessmentTemplates } from "../templates";
import { exitWithError, openDatabase } from "./database";

const database = await openDatabase(parseEnvOrExit());
try {
  const { applied } = await applyMigrations({ connectionString: database.url, log: (line) => console.log(line) });
  if (applied.length === 0) console.log("Database is up to date.");
  await loadAssessmentTemplates({ connectionString: database.url, log: (line) => console.log(line) });
} catch (error) {
  await exitWithError(describeDatabaseError(error, database.url), database);
}
await database.stop();
// The embedded database's socket server may keep the event loop alive; the work is done.
process.exit(0);
