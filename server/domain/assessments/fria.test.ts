import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Answers } from "./answers";
import { summariseFria } from "./fria";
import { evaluateAssessment, type RuleContext } from "./rules";
import { templateDefinition, type TemplateDefinition } from "./template-definition";

function loadTemplate(file: string): TemplateDefinition {
  const path = fileURLToPath(new URL(`./templates/${file}`, import.meta.url));
  return templateDefinition.parse(JSON.parse(readFileSync(path, "utf8")));
}

const definition = loadTemplate("fria.v1.json");

const context: RuleContext = {
  organisation: { name: "Exempelkommunen", contactEmail: "registrator@exempel.se" },
  useCase: { reference: "AI-2026-007", title: "Stöd för bedömning av försörjningsstöd" },
};

const given: Record<string, string> = {
  fria_processes: "Handläggning av ansökningar om försörjningsstöd.",
  fria_period_frequency: "Från 2027-01-01, cirka 400 ärenden per månad.",
  fria_affected_persons: "Sökande och deras hushåll, däribland barn.",
  fria_risks_of_harm: "Felaktiga avslag; indirekt diskriminering.",
  fria_human_oversight: "Handläggaren prövar varje förslag.",
  fria_measures_if_risks_materialise: "Systemet stängs av; ärendena prövas om; klagomål via kommunens synpunktshantering.",
  registration_contact_name: "Anna Andersson",
  registration_contact_email: "ai@exempel.se",
  eu_database_url: "https://example.europa.eu/ai-db/12345",
  fria_notified_authority: "YES",
};

function answersOf(values: Record<string, string>): Answers {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { value, comment: null, reference: null }]));
}

describe("summariseFria", () => {
  it("builds the Annex VIII section C summary in Swedish and English", () => {
    const result = summariseFria(definition, answersOf(given), context);
    expect(result).toMatchObject({ kind: "FRIA", complete: true });
    for (const lang of ["sv", "en"] as const) {
      const summary = result.registrationSummary[lang];
      for (const value of Object.values(given).filter((v) => v !== "YES")) expect(summary).toContain(value);
      expect(summary).toContain("Exempelkommunen");
      expect(summary).toContain("registrator@exempel.se");
      expect(summary).toContain("AI-2026-007");
    }
    expect(result.registrationSummary.sv).toContain("bilaga VIII, avsnitt C");
    expect(result.registrationSummary.en).toContain("(f) Measures if the risks materialise: Systemet stängs av");
    expect(result.registrationSummary.sv).not.toContain("dataskydd");
  });

  it("adds the DPIA summary where given", () => {
    const result = summariseFria(definition, answersOf({ ...given, dpia_summary: "DPIA gjord 2026-10-01, dnr KS 2026/12." }), context);
    expect(result.complete).toBe(true);
    expect(result.registrationSummary.sv).toContain("Sammanfattning av konsekvensbedömningen avseende dataskydd\nDPIA gjord 2026-10-01");
    expect(result.registrationSummary.en).toContain("data protection impact assessment\nDPIA gjord");
  });

  it("is incomplete while a required part is unanswered, and marks it", () => {
    const { fria_risks_of_harm: _omitted, ...rest } = given;
    const result = summariseFria(definition, answersOf(rest), { ...context, organisation: { name: "Exempelkommunen", contactEmail: null } });
    expect(result.complete).toBe(false);
    expect(result.registrationSummary.sv).toContain("d) Risker för skada: (ej angivet)");
    expect(result.registrationSummary.en).toContain("Contact: (not given)");
  });

  it("is what evaluateAssessment returns for a FRIA template", () => {
    expect(evaluateAssessment(definition, answersOf(given), context)).toEqual(summariseFria(definition, answersOf(given), context));
  });
});
