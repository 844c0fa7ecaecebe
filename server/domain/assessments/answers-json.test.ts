import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { answersImportSchema, exportAnswersJson, mapImportedAnswers } from "./answers-json";
import { templateDefinition, type TemplateDefinition } from "./template-definition";
import type { AnswerView, AssessmentView } from "./view";

const definition: TemplateDefinition = templateDefinition.parse({
  kind: "TRUST_MODEL",
  version: 1,
  title: { sv: "Förtroendemodellen", en: "Trust model" },
  description: { sv: "Testmall", en: "Test template" },
  reviewIntervalMonths: 12,
  sources: ["DIGG, Förtroendemodellen för AI, 2023"],
  sections: [
    { key: "responsibility", part: "BEFORE_DEVELOPMENT", title: { sv: "Ansvar", en: "Accountability" } },
    { key: "data", part: "DEVELOPMENT_AND_OPERATION", title: { sv: "Data", en: "Data" } },
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
      key: "owner_name",
      section: "responsibility",
      text: { sv: "Vem är ansvarig?", en: "Who is responsible?" },
      answerType: "TEXT",
      required: false,
      showIf: { question: "has_owner", anyOf: ["YES", "PARTLY"] },
    },
    {
      key: "personal_data",
      section: "data",
      text: { sv: "Behandlas personuppgifter?", en: "Is personal data processed?" },
      answerType: "YES_NO",
      required: true,
    },
    {
      key: "data_quality",
      section: "data",
      text: { sv: "Är datakvaliteten säkerställd?", en: "Is the data quality assured?" },
      answerType: "TRUST_ANSWER",
      required: true,
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
      key: "data_kinds",
      section: "data",
      text: { sv: "Vilka slags data används?", en: "What kinds of data are used?" },
      answerType: "MULTI_CHOICE",
      options: [
        { value: "TEXT", label: { sv: "Text", en: "Text" } },
        { value: "IMAGES", label: { sv: "Bilder", en: "Images" } },
        { value: "SOUND", label: { sv: "Ljud", en: "Sound" } },
        { value: "NONE", label: { sv: "Inga av dessa", en: "None of these" }, exclusive: true },
      ],
      required: false,
    },
    {
      key: "dpia_date",
      section: "data",
      text: { sv: "När gjordes konsekvensbedömningen?", en: "When was the impact assessment made?" },
      answerType: "DATE",
      required: false,
    },
    {
      key: "dpia_ref",
      section: "data",
      text: { sv: "Diarienummer för konsekvensbedömningen", en: "Registry number of the impact assessment" },
      answerType: "REGISTRY_NUMBER",
      required: false,
    },
  ],
});

function answer(value: string | string[] | null, extra: Partial<AnswerView> = {}): AnswerView {
  return { value, comment: null, reference: null, version: 1, updatedBy: null, updatedAt: new Date("2025-03-10T08:00:00Z"), ...extra };
}

function makeView(answers: Record<string, AnswerView>): AssessmentView {
  const at = new Date("2025-03-14T09:30:00Z");
  return {
    id: "a1",
    organisation: { id: "o1", slug: "vaxjo", name: "Växjö kommun" },
    useCase: { id: "uc1", reference: "AI-2025-007", title: "Chattbot", riskClass: "MINIMAL" },
    template: { id: "t1", kind: "TRUST_MODEL", version: 1, reviewIntervalMonths: 12, definition },
    seriesId: "s1",
    seriesVersion: 1,
    status: "DRAFT",
    phase: "BEFORE_DEVELOPMENT",
    owner: null,
    dueOn: null,
    nextReviewOn: null,
    submittedAt: null,
    submittedBy: null,
    approvedAt: null,
    approvedBy: null,
    supersededAt: null,
    lastAnsweredBy: null,
    lastAnsweredAt: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
    answers,
    comments: [],
    progress: { answered: 0, required: 0, answeredAll: 0, shown: 0 },
    openRisks: [],
    problems: [],
    result: { kind: "TRUST_MODEL", complete: false, openItems: [] },
    approvedResult: null,
    overdue: false,
    versions: [],
    history: [],
  };
}

const fullAnswers: Record<string, AnswerView> = {
  dpia_ref: answer("Dnr KS 2025/118"),
  has_owner: answer("PARTLY", { comment: "Ansvaret är delat mellan två enheter." }),
  owner_name: answer("Åsa Öberg"),
  personal_data: answer("NO"),
  data_quality: answer(null, { comment: "Ej granskad ännu" }),
  data_source: answer("SUPPLIER", { reference: "Avtal 2024-17" }),
  data_kinds: answer(["TEXT", "SOUND"]),
  dpia_date: answer("2025-02-28"),
};

describe("exportAnswersJson", () => {
  it("writes the answered questions in template order, with Swedish texts", () => {
    const exported = exportAnswersJson(makeView(fullAnswers), new Date("2025-06-01T10:00:00Z"));
    expect(exported).toMatchObject({
      format: "tillit.assessment-answers",
      formatVersion: 1,
      exportedAt: "2025-06-01T10:00:00.000Z",
      template: { kind: "TRUST_MODEL", version: 1 },
      useCase: { reference: "AI-2025-007", title: "Chattbot" },
      status: "DRAFT",
    });
    expect(exported.answers.map((a) => a.key)).toEqual([
      "has_owner",
      "owner_name",
      "personal_data",
      "data_quality",
      "data_source",
      "data_kinds",
      "dpia_date",
      "dpia_ref",
    ]);
    expect(exported.answers[0]).toEqual({
      key: "has_owner",
      section: "Ansvar",
      question: "Finns det en utsedd ansvarig person?",
      value: "PARTLY",
      comment: "Ansvaret är delat mellan två enheter.",
      reference: null,
    });
  });

  it("leaves out unanswered and hidden questions", () => {
    const exported = exportAnswersJson(makeView({ has_owner: answer("NO"), owner_name: answer("Stale") }));
    expect(exported.answers.map((a) => a.key)).toEqual(["has_owner"]);
  });
});

describe("mapImportedAnswers", () => {
  it("round-trips our own export", () => {
    const exported = exportAnswersJson(makeView(fullAnswers));
    const mapped = mapImportedAnswers(definition, JSON.parse(JSON.stringify(exported)));
    expect(mapped.unmatched).toEqual([]);
    const byKey = Object.fromEntries(mapped.answers.map((a) => [a.questionKey, { value: a.value, comment: a.comment, reference: a.reference }]));
    const expected = Object.fromEntries(
      Object.entries(fullAnswers).map(([key, a]) => [key, { value: a.value, comment: a.comment, reference: a.reference }]),
    );
    expect(byKey).toEqual(expected);
  });

  it("matches a trust-model-style Swedish object by question text", () => {
    const mapped = mapImportedAnswers(definition, {
      "Finns det en utsedd ansvarig person?": "Ja",
      "  är DATAKVALITETEN   säkerställd ": "delvis",
      "Behandlas personuppgifter?": "Nej",
      "Where does the data come from?": "Egna verksamhetssystem",
      "Vilka slags data används?": "Text; Bilder",
      "När gjordes konsekvensbedömningen?": "Vet ej",
    });
    expect(mapped.unmatched).toEqual([]);
    expect(mapped.answers).toEqual([
      { questionKey: "has_owner", value: "YES", comment: null, reference: null },
      { questionKey: "data_quality", value: "PARTLY", comment: null, reference: null },
      { questionKey: "personal_data", value: "NO", comment: null, reference: null },
      { questionKey: "data_source", value: "OWN_SYSTEMS", comment: null, reference: null },
      { questionKey: "data_kinds", value: ["TEXT", "IMAGES"], comment: null, reference: null },
      { questionKey: "dpia_date", value: null, comment: null, reference: null },
    ]);
  });

  it("reads { answers: {...} } with answer objects in Swedish", () => {
    const mapped = mapImportedAnswers(definition, {
      title: "Export från förtroendemodellen",
      answers: {
        has_owner: { svar: "Ej tillämpligt (Tillits tillägg)", motivering: "Ingen AI i drift" },
        dpia_ref: { svar: "KS 2025/9", diarienummer: "KS 2025/9" },
      },
    });
    expect(mapped).toEqual({
      answers: [
        { questionKey: "has_owner", value: "NOT_APPLICABLE", comment: "Ingen AI i drift", reference: null },
        { questionKey: "dpia_ref", value: "KS 2025/9", comment: null, reference: "KS 2025/9" },
      ],
      unmatched: [],
    });
  });

  it("reports an unknown question and keeps the rest", () => {
    const mapped = mapImportedAnswers(definition, { "Finns det en utsedd ansvarig person": "ja", "Finns det en budget?": "ja" });
    expect(mapped.answers).toEqual([{ questionKey: "has_owner", value: "YES", comment: null, reference: null }]);
    expect(mapped.unmatched).toEqual([
      { identifier: "Finns det en budget?", reason: "UNKNOWN_QUESTION", detail: expect.stringContaining("Finns det en budget?") },
    ]);
  });

  it("reports an invalid choice, an invalid word and an invalid date", () => {
    const mapped = mapImportedAnswers(definition, {
      data_source: "Molnet",
      personal_data: "delvis",
      dpia_date: "28/2 2025",
      data_kinds: ["Text", "Inga av dessa"],
    });
    expect(mapped.answers).toEqual([]);
    expect(mapped.unmatched.map((u) => [u.identifier, u.reason])).toEqual([
      ["data_source", "INVALID_VALUE"],
      ["personal_data", "INVALID_VALUE"],
      ["dpia_date", "INVALID_VALUE"],
      ["data_kinds", "INVALID_VALUE"],
    ]);
    expect(mapped.unmatched[0]?.detail).toContain('"Molnet" is not one of the choices');
    expect(mapped.unmatched[0]?.detail).toContain('"Leverantör"');
    expect(mapped.unmatched[2]?.detail).toContain("YYYY-MM-DD");
    expect(mapped.unmatched[3]?.detail).toContain("cannot be combined");
  });

  it("reports every answer of an export for another template kind", () => {
    const exported = exportAnswersJson(makeView(fullAnswers));
    const other = { ...exported, template: { kind: "DPIA_SCREENING", version: 1 } };
    const mapped = mapImportedAnswers(definition, other);
    expect(mapped.answers).toEqual([]);
    expect(mapped.unmatched).toHaveLength(exported.answers.length);
    expect(mapped.unmatched.every((u) => u.reason === "TEMPLATE_MISMATCH")).toBe(true);
    expect(mapped.unmatched[0]?.detail).toContain("DPIA_SCREENING");
  });

  it("reads a list of answer objects with English or Swedish field names", () => {
    const mapped = mapImportedAnswers(definition, [
      { id: "has_owner", answer: "yes", comment: "Enhetschefen" },
      { fråga: "Är datakvaliteten säkerställd?", svar: "nej", kommentar: "Saknar rutin" },
      { question: "Who is responsible?", value: "  Åsa Öberg  " },
      { svar: "ja" },
      { key: "has_owner", answer: "no" },
    ]);
    expect(mapped.answers).toEqual([
      { questionKey: "has_owner", value: "YES", comment: "Enhetschefen", reference: null },
      { questionKey: "data_quality", value: "NO", comment: "Saknar rutin", reference: null },
      { questionKey: "owner_name", value: "Åsa Öberg", comment: null, reference: null },
    ]);
    expect(mapped.unmatched.map((u) => [u.identifier, u.reason])).toEqual([
      ["#4", "UNKNOWN_QUESTION"],
      ["has_owner", "INVALID_VALUE"],
    ]);
  });

  it("reads true and false as yes and no", () => {
    const mapped = mapImportedAnswers(definition, { has_owner: true, personal_data: false, data_quality: null });
    expect(mapped.answers.map((a) => [a.questionKey, a.value])).toEqual([
      ["has_owner", "YES"],
      ["personal_data", "NO"],
      ["data_quality", null],
    ]);
    const wrong = mapImportedAnswers(definition, { dpia_date: true });
    expect(wrong.unmatched[0]?.reason).toBe("INVALID_VALUE");
  });

  it("rejects a text longer than 10 000 characters", () => {
    const mapped = mapImportedAnswers(definition, { owner_name: "x".repeat(10_001) });
    expect(mapped.unmatched[0]).toMatchObject({ reason: "INVALID_VALUE", detail: expect.stringContaining("10000") });
  });

  it("throws a ZodError only for an unusable shape", () => {
    expect(() => mapImportedAnswers(definition, "ja")).toThrow(ZodError);
    expect(() => mapImportedAnswers(definition, [1, 2, 3])).toThrow(ZodError);
    expect(() => mapImportedAnswers(definition, null)).toThrow(ZodError);
    expect(answersImportSchema.safeParse({}).success).toBe(true);
    expect(mapImportedAnswers(definition, {})).toEqual({ answers: [], unmatched: [] });
  });
});
