/**
 * Loads the assessment templates (server/domain/assessments/templates/*.json) into
 * `AssessmentTemplate`, as the schema owner, after the migrations. A (kind, version) is
 * inserted once; a file whose content changed under an already loaded version is refused,
 * because assessments started on that version must keep reading the questions they were
 * answered against. A change to a template is a new file with the next version.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { type TemplateDefinition, templateDefinition } from "../domain/assessments/template-definition";

export const defaultTemplatesDir = () =>
  path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "domain", "assessments", "templates");

export interface TemplateFile {
  file: string;
  definition: TemplateDefinition;
  checksum: string;
}

/** JSON with keys in a fixed order, so that formatting changes do not count as content changes. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export async function readTemplateFiles(dir: string = defaultTemplatesDir()): Promise<TemplateFile[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(".json")).sort();
  const files: TemplateFile[] = [];
  for (const file of names) {
    const parsed = templateDefinition.safeParse(JSON.parse(await readFile(path.join(dir, file), "utf8")));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
      throw new Error(`Assessment template ${file} is not valid: ${issues}`);
    }
    const expected = `${kebab(parsed.data.kind)}.v${parsed.data.version}.json`;
    if (file !== expected) throw new Error(`Assessment template ${file} should be named ${expected}`);
    files.push({ file, definition: parsed.data, checksum: createHash("sha256").update(canonicalJson(parsed.data)).digest("hex") });
  }
  return files;
}

const kebab = (kind: string) => kind.toLowerCase().replaceAll("_", "-");

export async function loadAssessmentTemplates(options: {
  connectionString: string;
  templatesDir?: string;
  log?: (line: string) => void;
}): Promise<{ loaded: string[] }> {
  const files = await readTemplateFiles(options.templatesDir);
  const client = new pg.Client({ connectionString: options.connectionString });
  client.on("error", () => undefined);
  await client.connect();
  try {
    const loaded: string[] = [];
    for (const { file, definition, checksum } of files) {
      const inserted = await client.query(
        `INSERT INTO "AssessmentTemplate" ("kind", "version", "definition", "checksum", "reviewIntervalMonths")
         VALUES ($1::"TemplateKind", $2, $3::jsonb, $4, $5)
         ON CONFLICT ("kind", "version") DO NOTHING`,
        [definition.kind, definition.version, JSON.stringify(definition), checksum, definition.reviewIntervalMonths],
      );
      if (inserted.rowCount === 1) {
        loaded.push(file);
        options.log?.(`Loaded assessment template ${file}`);
        continue;
      }
      const existing = await client.query<{ checksum: string }>(
        `SELECT "checksum" FROM "AssessmentTemplate" WHERE "kind" = $1::"TemplateKind" AND "version" = $2`,
        [definition.kind, definition.version],
      );
      if (existing.rows[0]?.checksum !== checksum) {
        throw new Error(
          `Assessment template ${file} differs from the version ${definition.version} already loaded. ` +
            `Templates are never changed once loaded: save the change as version ${definition.version + 1}.`,
        );
      }
    }
    return { loaded };
  } finally {
    await client.end().catch(() => undefined);
  }
}
