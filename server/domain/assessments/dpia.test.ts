import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Answers } from "./answers";
import { dpiaCriteria, dpiaMandatoryCases, screenDpia } from "./dpia";
import { templateDefinition, type TemplateDefinition } from "./template-definition";

function loadTemplate(file: string): TemplateDefinition {
  const path = fileURLToPath(new URL(`./templates/${file}`, import.meta.url));
  return templateDefinition.parse(JSON.parse(readFileSync(path, "utf8")));
}

const definition = loadTemplate("dpia-screening.v1.json");

/** Personal data, every criterion and case answered NO, except those in `yes`. */
function answersWith(yes: string[], omit: string[] = []): Answers {
  const keys = ["processes_personal_data", ...dpiaCriteria, ...dpiaMandatoryCases, "imy_list"].filter((k) => !omit.includes(k));
  return Object.fromEntries(
    keys.map((key) => {
      const value = key === "processes_personal_data" || yes.includes(key) ? "YES" : "NO";
      return [key, { value, comment: value === "YES" ? "Motivering" : null, reference: null }];
    }),
  );
}

describe("screenDpia", () => {
  it.each([
    { criteria: [] as string[], required: false },
    { criteria: ["criterion_innovative_technology"], required: false },
    { criteria: ["criterion_vulnerable_subjects", "criterion_innovative_technology"], required: true },
    { criteria: ["criterion_evaluation_scoring", "criterion_sensitive_data", "criterion_large_scale"], required: true },
  ])("$criteria.length criteria met: DPIA required $required", ({ criteria, required }) => {
    const result = screenDpia(definition, answersWith(criteria));
    expect(result).toMatchObject({ kind: "DPIA_SCREENING", complete: true, dpiaRequired: required, criteriaMet: criteria, mandatoryCases: [] });
  });

  it("names the criteria met with the template's texts and the two-criteria rule", () => {
    const result = screenDpia(definition, answersWith(["criterion_innovative_technology", "criterion_vulnerable_subjects"]));
    const text = (key: string) => definition.questions.find((q) => q.key === key)?.text;
    const reason = result.reasons.map((r) => r.sv).join(" ");
    expect(reason).toContain(text("criterion_innovative_technology")?.sv);
    expect(reason).toContain(text("criterion_vulnerable_subjects")?.sv);
    expect(result.reasons.map((r) => r.en).join(" ")).toContain("two or more criteria");
  });

  it.each(dpiaMandatoryCases.map((key) => ({ key })))("the Art. 35(3) case $key alone requires a DPIA", ({ key }) => {
    const result = screenDpia(definition, answersWith([key]));
    expect(result).toMatchObject({ complete: true, dpiaRequired: true, criteriaMet: [], mandatoryCases: [key] });
    expect(result.reasons.some((r) => r.en.includes("Art. 35(3)"))).toBe(true);
  });

  it("being on IMY's list alone requires a DPIA", () => {
    const result = screenDpia(definition, answersWith(["imy_list"]));
    expect(result).toMatchObject({ complete: true, dpiaRequired: true, criteriaMet: [], mandatoryCases: [] });
    expect(result.reasons.some((r) => r.sv.includes("IMY"))).toBe(true);
  });

  it("no personal data: no DPIA, complete, and answers to hidden questions ignored", () => {
    const answers = answersWith(["criterion_large_scale", "criterion_sensitive_data", "imy_list"]);
    answers.processes_personal_data = { value: "NO", comment: null, reference: null };
    const result = screenDpia(definition, answers);
    expect(result).toMatchObject({ complete: true, dpiaRequired: false, criteriaMet: [], mandatoryCases: [] });
  });

  it("incomplete while a shown required question is unanswered", () => {
    const result = screenDpia(definition, answersWith(["criterion_large_scale"], ["criterion_sensitive_data"]));
    expect(result).toMatchObject({ complete: false, dpiaRequired: false });
    expect(screenDpia(definition, {})).toMatchObject({ complete: false, dpiaRequired: false });
  });

  it("already required though incomplete when a mandatory case is answered yes", () => {
    const result = screenDpia(definition, answersWith(["mandatory_public_area_monitoring"], ["criterion_large_scale"]));
    expect(result).toMatchObject({ complete: false, dpiaRequired: true });
  });

  it("the DPIA's registry number and date are optional", () => {
    const keys = definition.questions.filter((q) => !q.required).map((q) => q.key);
    expect(keys).toEqual(["dpia_registry_number", "dpia_date", "screening_notes"]);
  });
});
