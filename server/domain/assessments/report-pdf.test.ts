import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { pdfPages, pdfText } from "../../../tests/support/pdf-text";
import type { AuditEventView } from "../audit/queries";
import { assessmentReportPdf, formatStockholmTime, toWinAnsi } from "./report-pdf";
import { templateDefinition, type TemplateDefinition } from "./template-definition";
import type { AnswerView, AssessmentView, Person } from "./view";

const definition: TemplateDefinition = templateDefinition.parse({
  kind: "TRUST_MODEL",
  version: 1,
  title: { sv: "Förtroendemodellen", en: "Trust model" },
  description: { sv: "Testmall", en: "Test template" },
  reviewIntervalMonths: 12,
  sources: ["DIGG, Förtroendemodellen för AI, 2023"],
  sections: [
    { key: "responsibility", part: "BEFORE_DEVELOPMENT", title: { sv: "Ansvar och styrning", en: "Accountability" } },
    { key: "data", part: "DEVELOPMENT_AND_OPERATION", title: { sv: "Data och kvalitet", en: "Data and quality" } },
  ],
  questions: [
    {
      key: "has_owner",
      section: "responsibility",
      text: { sv: "Finns det en utsedd ansvarig person?", en: "Is there a designated person responsible?" },
      answerType: "TRUST_ANSWER",
      required: true,
    },
    {
      key: "why_no_owner",
      section: "responsibility",
      text: { sv: "Varför saknas en ansvarig?", en: "Why is nobody responsible?" },
      answerType: "TEXT",
      required: true,
      showIf: { question: "has_owner", anyOf: ["NO"] },
    },
    {
      key: "data_quality",
      section: "data",
      text: { sv: "Är datakvaliteten säkerställd för ändamålet?", en: "Is the data quality assured for the purpose?" },
      answerType: "TRUST_ANSWER",
      required: true,
      commentRequiredFor: ["NO", "PARTLY"],
    },
    {
      key: "data_source",
      section: "data",
      text: { sv: "Varifrån kommer datan?", en: "Where does the data come from?" },
      answerType: "SINGLE_CHOICE",
      options: [
        { value: "OWN_SYSTEMS", label: { sv: "Egna verksamhetssystem", en: "Own systems" } },
        { value: "SUPPLIER", label: { sv: "Leverantör", en: "Supplier" } },
      ],
      required: false,
    },
    {
      key: "description",
      section: "data",
      text: { sv: "Beskriv datamängden", en: "Describe the data set" },
      answerType: "TEXT",
      required: false,
    },
  ],
});

const anna: Person = { id: "u1", name: "Anna Åberg", email: "anna@example.se" };
const maria: Person = { id: "u2", name: "Maria Lindqvist", email: "maria@example.se" };

function answer(value: string | string[] | null, extra: Partial<AnswerView> = {}): AnswerView {
  return { value, comment: null, reference: null, version: 1, updatedBy: anna, updatedAt: new Date("2025-03-10T08:00:00Z"), ...extra };
}

function event(action: string, actorLabel: string, createdAt: string): AuditEventView {
  return {
    id: `${action}-${createdAt}`,
    createdAt: new Date(createdAt),
    actorId: null,
    actorLabel,
    entityType: "Assessment",
    entityId: "a1",
    action,
    changes: {},
    requestId: null,
  };
}

function makeView(overrides: Partial<AssessmentView> = {}): AssessmentView {
  const approvedAt = new Date("2025-03-14T09:30:00Z");
  return {
    id: "a1",
    organisation: { id: "o1", slug: "vaxjo", name: "Växjö kommun" },
    useCase: { id: "uc1", reference: "AI-2025-007", title: "Chattbot för äldreomsorg", riskClass: "MINIMAL" },
    template: { id: "t1", kind: "TRUST_MODEL", version: 1, reviewIntervalMonths: 12, definition },
    seriesId: "s1",
    seriesVersion: 2,
    status: "APPROVED",
    phase: "OPERATION",
    owner: anna,
    dueOn: "2025-04-01",
    nextReviewOn: "2026-03-14",
    submittedAt: new Date("2025-03-12T13:05:00Z"),
    submittedBy: anna,
    approvedAt,
    approvedBy: maria,
    supersededAt: null,
    lastAnsweredBy: anna,
    lastAnsweredAt: new Date("2025-03-10T08:00:00Z"),
    version: 5,
    createdAt: new Date("2025-03-01T08:00:00Z"),
    updatedAt: approvedAt,
    answers: {
      has_owner: answer("YES"),
      data_quality: answer("PARTLY", { comment: "Kvaliteten är granskad för år 2024 men inte för äldre år." }),
      data_source: answer("SUPPLIER", { reference: "Dnr KS 2025/118" }),
    },
    comments: [
      {
        id: "c1",
        questionKey: "data_quality",
        body: "Vilka år saknas?",
        authorId: "u2",
        authorName: "Maria Lindqvist",
        createdAt: new Date("2025-03-13T10:00:00Z"),
        resolvedAt: new Date("2025-03-13T15:45:00Z"),
        resolvedByName: "Anna Åberg",
      },
    ],
    progress: { answered: 2, required: 2, answeredAll: 3, shown: 4 },
    openRisks: [{ questionKey: "data_quality", section: "data", reason: "PARTLY" }],
    problems: [],
    result: { kind: "TRUST_MODEL", complete: true, openItems: ["data_quality"] },
    approvedResult: { kind: "TRUST_MODEL", complete: true, openItems: ["data_quality"] },
    overdue: false,
    versions: [],
    history: [
      event("assessment.approved", "Maria Lindqvist", "2025-03-14T09:30:00Z"),
      event("assessment.answerChanged", "Anna Åberg", "2025-03-13T09:00:00Z"),
      event("assessment.changesRequested", "Maria Lindqvist", "2025-03-12T15:00:00Z"),
      event("assessment.submitted", "Anna Åberg", "2025-03-12T13:05:00Z"),
    ],
    ...overrides,
  };
}

const generatedAt = new Date("2025-06-02T12:00:00Z");

describe("assessmentReportPdf", () => {
  it("writes the approval, the answers and page numbers in Swedish", async () => {
    const bytes = await assessmentReportPdf(makeView(), "sv", { generatedAt });
    const text = await pdfText(bytes);
    expect(text).toContain("Förtroendemodellen");
    expect(text).toContain("AI-2025-007 Chattbot för äldreomsorg");
    expect(text).toContain("Växjö kommun");
    expect(text).toContain("Godkännanden och granskning");
    expect(text).toContain("Maria Lindqvist");
    expect(text).toContain("2025-03-14 10:30");
    expect(text).toContain("Ändringar begärda");
    expect(text).toContain("Finns det en utsedd ansvarig person?");
    expect(text).toContain("Delvis (Tillits tillägg)");
    expect(text).toContain("Kvaliteten är granskad för år 2024");
    expect(text).toContain("Leverantör");
    expect(text).toContain("Dnr KS 2025/118");
    expect(text).toContain("Vilka år saknas?");
    expect(text).toContain("Löst av Anna Åberg, 2025-03-13 16:45");
    expect(text).toContain("Sida 1 av");
    expect(text).toContain("Genererad 2025-06-02 14:00 av Tillit");
    expect(text).toMatch(/å/);
    expect(text).toMatch(/ä/);
    expect(text).toMatch(/ö/);
    // A question hidden by showIf is left out; the answer-change event is not a workflow event.
    expect(text).not.toContain("Varför saknas en ansvarig?");
    expect(text).not.toContain("answerChanged");
  });

  it("writes English labels and sets the document's metadata", async () => {
    const bytes = await assessmentReportPdf(makeView(), "en", { generatedAt });
    const text = await pdfText(bytes);
    expect(text).toContain("Approvals and review");
    expect(text).toContain("Partly (Tillit's extension)");
    expect(text).toContain("Page 1 of");
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toBe("Trust model: AI-2025-007 Chattbot för äldreomsorg");
    expect(doc.getAuthor()).toBe("Växjö kommun");
    expect(doc.getSubject()).toContain("Trust model");
    expect(doc.getCreationDate()?.toISOString()).toBe(generatedAt.toISOString());
  });

  it("breaks a long answer over pages, with the header and numbering on each", async () => {
    const long = `BÖRJAN ${"Långt svar om datamängden. ".repeat(185)}SLUTET`;
    expect(long.length).toBeGreaterThan(5000);
    const view = makeView();
    const bytes = await assessmentReportPdf(
      { ...view, answers: { ...view.answers, description: answer(long) } },
      "sv",
      { generatedAt },
    );
    const pages = await pdfPages(bytes);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page).toContain(`Sida ${index + 1} av ${pages.length}`);
      expect(page).toContain("Växjö kommun · AI-2025-007 Chattbot för äldreomsorg");
    });
    const start = pages.findIndex((page) => page.includes("BÖRJAN"));
    const end = pages.findIndex((page) => page.includes("SLUTET"));
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
  });

  it("prints characters outside WinAnsi without throwing", async () => {
    const view = makeView();
    const odd = "Träffsäkerhet ≥ 95 % → godkänt 😀 CO₂ non‑breaking\u0007";
    const bytes = await assessmentReportPdf(
      {
        ...view,
        useCase: { ...view.useCase, title: "Test → ≥ 😀" },
        answers: { ...view.answers, description: answer(odd, { comment: "Ｆｕｌｌ ｗｉｄｔｈ ✓ ł" }) },
      },
      "sv",
      { generatedAt },
    );
    const text = await pdfText(bytes);
    expect(text).toContain("Träffsäkerhet >= 95 % -> godkänt ? CO2 non-breaking");
    expect(text).toContain("Test -> >= ?");
  });

  it("reports a classification result with its risk class and obligations", async () => {
    const result = {
      kind: "AI_ACT_CLASSIFICATION" as const,
      complete: true,
      riskClass: "HIGH_RISK" as const,
      annexIIIArea: "ESSENTIAL_SERVICES" as const,
      annexI: false,
      exemption: null,
      transparencyCases: [],
      gpai: "NONE" as const,
      roles: ["DEPLOYER" as const],
      reasons: [{ sv: "Systemet bedömer rätt till bistånd.", en: "The system assesses eligibility for benefits." }],
      obligations: [
        {
          key: "deployer_duties",
          article: "Art. 26",
          title: { sv: "Tillhandahållarens skyldigheter", en: "Obligations of deployers" },
          appliesFrom: "2026-08-02",
          dateSource: "AI Act",
          role: "DEPLOYER" as const,
        },
      ],
      friaRequired: true,
      registrationRequired: true,
      justification: "",
    };
    const text = await pdfText(await assessmentReportPdf(makeView({ approvedResult: result }), "sv", { generatedAt }));
    expect(text).toContain("Hög risk");
    expect(text).toContain("Grundläggande privata och offentliga tjänster och förmåner");
    expect(text).toContain("Systemet bedömer rätt till bistånd.");
    expect(text).toContain("Art. 26: Tillhandahållarens skyldigheter (gäller från 2026-08-02)");
  });
});

describe("toWinAnsi", () => {
  it("maps common characters and strips control characters", () => {
    expect(toWinAnsi("≥ ≤ → ₂ ‑ “citat” – € å")).toBe(">= <= -> 2 - “citat” – € å");
    expect(toWinAnsi("a\u0000b\tc\r\nd\u0085e")).toBe("ab c\nde");
    expect(toWinAnsi("😀 ł 中")).toBe("? ? ?");
    expect(toWinAnsi("Dvořák a\u0308")).toBe("Dvorák ä");
  });
});

describe("formatStockholmTime", () => {
  it("formats in Swedish time, summer and winter", () => {
    expect(formatStockholmTime(new Date("2025-01-15T23:30:00Z"))).toBe("2025-01-16 00:30");
    expect(formatStockholmTime(new Date("2025-07-01T06:05:00Z"))).toBe("2025-07-01 08:05");
  });
});
