/**
 * Preloaded into the app server by `npm run bench` (NODE_OPTIONS=--import): counts the
 * statements the server sends to PostgreSQL (every pg Client#query, transactions' BEGIN and
 * COMMIT included) and writes the running count to $TILLIT_STATEMENT_COUNTER_FILE.<pid>.
 * Does nothing without that variable.
 */
import { writeFileSync } from "node:fs";
import pg from "pg";

const file = process.env.TILLIT_STATEMENT_COUNTER_FILE;
if (file) {
  let count = 0;
  let written = -1;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function countedQuery(...args) {
    count += 1;
    return query.apply(this, args);
  };
  const timer = setInterval(() => {
    if (count === written) return;
    written = count;
    writeFileSync(`${file}.${process.pid}`, String(count));
  }, 50);
  timer.unref();
}
