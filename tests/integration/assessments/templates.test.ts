/**
 * Templates are data: every file validates, the trust model has its three parts, and the
 * loader inserts each (kind, version) once and refuses a file changed under a loaded version.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultTemplatesDir, loadAssessmentTemplates, readTemplateFiles } from "@/server/db/templates";
import { templateKinds } from "@/server/domain/assessments/template-definition";
import { createTestDatabase } from "../../support/database";

let db: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

describe("assessment template files", () => {
  it("include a valid version 1 of every template kind", async () => {
    const files = await readTemplateFiles();
    expect(files.filter((f) => f.definition.version === 1).map((f) => f.definition.kind).sort()).toEqual([...templateKinds].sort());
  });

  it("give the trust model its three parts and the four sections of development and operation", async () => {
    const trust = (await readTemplateFiles()).find((f) => f.definition.kind === "TRUST_MODEL")!.definition;
    expect(new Set(trust.sections.map((s) => s.part))).toEqual(new Set(["BEFORE_DEVELOPMENT", "DEVELOPMENT_AND_OPERATION", "FOLLOW_UP"]));
    expect(trust.sections.filter((s) => s.part === "DEVELOPMENT_AND_OPERATION").map((s) => s.key)).toEqual([
      "purpose_and_responsibility",
      "values_and_law",
      "design_and_build",
      "results_and_storage",
    ]);
    const followUp = trust.questions.filter((q) => trust.sections.find((s) => s.key === q.section)?.part === "FOLLOW_UP");
    expect(followUp.length).toBeGreaterThanOrEqual(7);
    expect(followUp.every((q) => q.recurring)).toBe(true);
    expect(trust.questions.some((q) => q.referenceRequiredFor?.includes("YES"))).toBe(true);
  });

  it("print only characters a standard PDF font can encode", async () => {
    for (const { file, definition } of await readTemplateFiles()) {
      const text = JSON.stringify(definition);
      const outside = [...text].filter((c) => c.charCodeAt(0) > 0xff && !"–—‘’‚“”„†‡•…‰‹›€™ŠšŽžŒœŸƒˆ˜".includes(c));
      expect(outside, file).toEqual([]);
    }
  });
});

describe("loading templates", () => {
  it("has loaded every file once, and loading again changes nothing", async () => {
    const count = await db.owner.assessmentTemplate.count();
    expect(count).toBe((await readTemplateFiles()).length);
    expect(await loadAssessmentTemplates({ connectionString: db.url })).toEqual({ loaded: [] });
    expect(await db.owner.assessmentTemplate.count()).toBe(count);
  });

  it("refuses a file whose content changed under a version already loaded", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "tillit-templates-"));
    try {
      await cp(defaultTemplatesDir(), dir, { recursive: true });
      const file = path.join(dir, "dpia-screening.v1.json");
      const definition = JSON.parse(await readFile(file, "utf8"));
      definition.title.sv = "Ändrad titel";
      await writeFile(file, JSON.stringify(definition));
      await expect(loadAssessmentTemplates({ connectionString: db.url, templatesDir: dir })).rejects.toThrow(
        /dpia-screening\.v1\.json differs from the version 1 already loaded.*version 2/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("loads a new version beside the old one", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "tillit-templates-"));
    try {
      const definition = JSON.parse(await readFile(path.join(defaultTemplatesDir(), "fria.v1.json"), "utf8"));
      definition.version = 2;
      await writeFile(path.join(dir, "fria.v2.json"), JSON.stringify(definition));
      expect(await loadAssessmentTemplates({ connectionString: db.url, templatesDir: dir })).toEqual({ loaded: ["fria.v2.json"] });
      expect(await db.owner.assessmentTemplate.findMany({ where: { kind: "FRIA" }, select: { version: true }, orderBy: { version: "asc" } })).toEqual([
        { version: 1 },
        { version: 2 },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses a file named unlike its kind and version", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "tillit-templates-"));
    try {
      await cp(path.join(defaultTemplatesDir(), "fria.v1.json"), path.join(dir, "fria-ny.json"));
      await expect(readTemplateFiles(dir)).rejects.toThrow(/should be named fria\.v1\.json/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
