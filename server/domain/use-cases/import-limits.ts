/** The import's limits, apart from the parser so that the browser can check them before sending a file. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/**
 * Every row is written in the request's one transaction (all or nothing), which for the import
 * may run for 90 s (server/api/routers/use-case-files.ts); at about 5–10 ms a row on an idle
 * machine, 1 000 rows leave a wide margin also on a busy one (see the integration test).
 */
export const MAX_IMPORT_ROWS = 1_000;
