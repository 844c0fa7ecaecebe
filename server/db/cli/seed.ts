/**
 * `npm run db:seed`: as the schema owner (MIGRATION_DATABASE_URL, else DATABASE_URL, else the
 * embedded database), apply pending migrations and load (or refresh) the demo data; then
 * print the demo sign-in details. Any failure: one line on stderr and exit code 1.
 */
import { parseEnvOrExit } from "../../env";
import { exitWithError, openDatabase, prepareDatabase } from "./database";

async function main(): Promise<void> {
  const env = parseEnvOrExit();
  const database = await openDatabase(env);
  await prepareDatabase(database, "always");
  await database.stop();
}

main().catch((error: unknown) => exitWithError(error instanceof Error ? error.message : String(error)));
