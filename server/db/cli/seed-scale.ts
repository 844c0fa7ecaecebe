/**
 * `npm run db:seed:scale -- --scale 1`: loads the scale data (all of Sweden's public sector:
 * 650 organisations, 80 000 use cases at scale 1) into DATABASE_URL or the embedded database,
 * after applying pending migrations; a progress bar on stderr; then the sign-in of the largest
 * organisation's admin. Options: --scale <number> (default 1), --workers <n> (default 2).
 */
import { parseEnvOrExit } from "../../env";
import { type ScaleProgress, seedScale } from "../seed/scale";
import { exitWithError, openDatabase, prepareDatabase } from "./database";

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const inline = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  const raw = inline ? inline.slice(name.length + 3) : index >= 0 ? process.argv[index + 1] : undefined;
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got "${raw}"`);
  return value;
}

const number = (n: number) => n.toLocaleString("sv-SE");

function progressBar(): (progress: ScaleProgress) => void {
  const started = Date.now();
  let lastDrawn = 0;
  let lastPercent = -1;
  return (p) => {
    const fraction = p.useCasesTotal === 0 ? 1 : p.useCasesDone / p.useCasesTotal;
    const percent = Math.floor(fraction * 100);
    const elapsed = Math.round((Date.now() - started) / 1000);
    const text = `${percent}% ${p.done}/${p.total} organisations, ${number(p.useCasesDone)}/${number(p.useCasesTotal)} use cases, ${Math.floor(elapsed / 60)}:${String(elapsed % 60).padStart(2, "0")}`;
    if (process.stderr.isTTY) {
      if (Date.now() - lastDrawn < 200 && p.done < p.total) return;
      lastDrawn = Date.now();
      const width = 30;
      const filled = Math.round(fraction * width);
      process.stderr.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${text}\x1b[K${p.done === p.total ? "\n" : ""}`);
    } else if (percent >= lastPercent + 5 || p.done === p.total) {
      lastPercent = percent;
      process.stderr.write(`tillit: scale seed ${text}\n`);
    }
  };
}

async function main(): Promise<void> {
  const scale = option("scale", 1);
  const workers = option("workers", 2);
  const env = parseEnvOrExit();
  const database = await openDatabase(env);
  await prepareDatabase(database, "never");
  try {
    const summary = await seedScale({ connectionString: database.url, scale, workers: Math.round(workers), onProgress: progressBar() });
    const t = summary.totals;
    console.log(
      `tillit: scale data (scale ${scale}): ${summary.created} organisations created, ${summary.skipped} already there, in ${summary.seconds.toFixed(1)} s` +
        `\n  this run wrote ${number(t.useCases)} use cases, ${number(t.assessments)} assessments, ${number(t.answers)} answers, ` +
        `${number(t.decisions)} procurement decisions, ${number(t.responsibilities)} responsibilities, ${number(t.auditEvents)} audit events` +
        `\n\nLargest organisation: ${summary.signIn.organisation} (/${summary.signIn.slug}, ${number(summary.signIn.useCases)} use cases)` +
        `\n  sign in as ${summary.signIn.email} (ADMIN), password ${summary.signIn.password}\n`,
    );
  } catch (error) {
    await exitWithError(error instanceof Error ? error.message : String(error), database);
  }
  await database.stop();
}

main().catch((error: unknown) => exitWithError(error instanceof Error ? error.message : String(error)));
