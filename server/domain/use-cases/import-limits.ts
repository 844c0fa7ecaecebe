/** The import's limits, apart from the parser so that the browser can check them before sending a file. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/**
 * Every row is written in the request's one transaction (all or nothing), which may run
 * for 20 s (server/db/scope.ts); at about 5 ms a row, 1 000 rows leave a wide margin (see the integration test).
 */
export const MAX_IMPORT_ROWS = 1_000;
