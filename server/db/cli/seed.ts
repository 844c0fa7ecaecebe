/**
 * `npm run db:seed`: load (or refresh) the demo data into the configured database, or into
 * the embedded one when DATABASE_URL is unset, after applying pending migrations; then print
 * the demo sign-in details. Any failure: one line on stderr and exit code 1.
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
