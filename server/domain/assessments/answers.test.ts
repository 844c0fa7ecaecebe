import { describe, expect, it } from "vitest";
import { type Answers, answerProblems, answerValueProblem, isShown, openRisks, progress } from "./answers";
import { type TemplateDefinition, templateDefinition } from "./template-definition";

const text = (sv: string) => ({ sv, en: sv });
const template: TemplateDefinition = templateDefinition.parse({
  kind: "TRUST_MODEL",
  version: 1,
  title: text("Test"),
  description: text("Test"),
  reviewIntervalMonths: 12,
  sources: ["test"],
  sections: [{ key: "main", part: "DEVELOPMENT_AND_OPERATION", title: text("Huvud") }],
  questions: [
    { key: "owner", section: "main", text: text("Finns en ansvarig?"), answerType: "TRUST_ANSWER", required: true, commentRequiredFor: ["NO", "PARTLY"] },
    { key: "analysis", section: "main", text: text("Finns en riskanalys?"), answerType: "TRUST_ANSWER", required: true, referenceRequiredFor: ["YES"] },
    { key: "why_not", section: "main", text: text("Varför inte?"), answerType: "TEXT", required: true, showIf: { question: "analysis", anyOf: ["NO"] } },
    {
      key: "kinds",
      section: "main",
      text: text("Vilka?"),
      answerType: "MULTI_CHOICE",
      required: false,
      options: [
        { value: "A", label: text("A") },
        { value: "B", label: text("B") },
        { value: "NONE", label: text("Inga"), exclusive: true },
      ],
    },
    { key: "when", section: "main", text: text("När?"), answerType: "DATE", required: false },
  ],
});

const answers = (values: Record<string, string | string[] | null>, extra: Answers = {}): Answers => ({
  ...Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { value, comment: null, reference: null }])),
  ...extra,
});

describe("answers", () => {
  it("shows a question only while its condition holds", () => {
    const whyNot = template.questions[2]!;
    expect(isShown(whyNot, answers({ analysis: "NO" }), template)).toBe(true);
    expect(isShown(whyNot, answers({ analysis: "YES" }), template)).toBe(false);
    expect(isShown(whyNot, {}, template)).toBe(false);
  });

  it("names what keeps the assessment from being submitted", () => {
    expect(answerProblems(template, {}).map((p) => `${p.questionKey}:${p.code}`)).toEqual([
      "owner:assessment.answerRequired",
      "analysis:assessment.answerRequired",
    ]);
    expect(answerProblems(template, answers({ owner: "PARTLY", analysis: "YES" })).map((p) => `${p.questionKey}:${p.code}`)).toEqual([
      "owner:assessment.commentRequired",
      "analysis:assessment.referenceRequired",
    ]);
    const complete = answers({ analysis: "NO", why_not: "Inte gjord än." }, { owner: { value: "NO", comment: "Utses i januari.", reference: null } });
    expect(answerProblems(template, complete)).toEqual([]);
  });

  it("counts progress over shown questions", () => {
    expect(progress(template, answers({ owner: "YES" }))).toEqual({ answered: 1, required: 2, answeredAll: 1, shown: 4 });
    expect(progress(template, answers({ owner: "YES", analysis: "NO" }))).toEqual({ answered: 2, required: 3, answeredAll: 2, shown: 5 });
  });

  it("lists the open risks: no, partly, and required questions left unanswered", () => {
    expect(openRisks(template, answers({ owner: "PARTLY" }))).toEqual([
      { questionKey: "owner", section: "main", reason: "PARTLY" },
      { questionKey: "analysis", section: "main", reason: "UNANSWERED" },
    ]);
    expect(openRisks(template, answers({ owner: "YES", analysis: "NO" }))).toEqual([{ questionKey: "analysis", section: "main", reason: "NO" }]);
  });

  it.each([
    ["owner", "YES", null],
    ["owner", "MAYBE", "must be one of YES, NO, PARTLY, NOT_APPLICABLE"],
    ["kinds", ["A", "B"], null],
    ["kinds", ["A", "NONE"], '"Inga" cannot be combined with other choices'],
    ["kinds", ["C"], "unknown choices: C"],
    ["kinds", "A", "must be a list of choices"],
    ["when", "2026-11-23", null],
    ["when", "23/11/2026", "must be a date (YYYY-MM-DD)"],
    ["why_not", ["x"], "must be text"],
  ] as const)("checks %s = %j", (key, value, problem) => {
    const question = template.questions.find((q) => q.key === key)!;
    expect(answerValueProblem(question, value as string | string[])).toBe(problem);
  });
});

describe("required by phase (the trust model's parts)", () => {
  const phased: TemplateDefinition = templateDefinition.parse({
    ...template,
    sections: [
      { key: "before", part: "BEFORE_DEVELOPMENT", title: text("Före") },
      { key: "main", part: "DEVELOPMENT_AND_OPERATION", title: text("Utveckling och drift") },
      { key: "follow", part: "FOLLOW_UP", title: text("Uppföljning") },
    ],
    questions: [
      { key: "conclusions", section: "before", text: text("Slutsatser"), answerType: "TEXT", required: true },
      { key: "owner", section: "main", text: text("Ansvarig?"), answerType: "TRUST_ANSWER", required: true },
      { key: "drift", section: "follow", text: text("Drift följs?"), answerType: "TRUST_ANSWER", required: true, recurring: true },
    ],
  });
  const required = (phase: "BEFORE_DEVELOPMENT" | "DEVELOPMENT" | "OPERATION" | "FOLLOW_UP") =>
    answerProblems(phased, {}, phase).map((p) => p.questionKey);

  it("asks the development questions from development on, and the follow-up checks in operation", () => {
    expect(required("BEFORE_DEVELOPMENT")).toEqual(["conclusions"]);
    expect(required("DEVELOPMENT")).toEqual(["conclusions", "owner"]);
    expect(required("OPERATION")).toEqual(["conclusions", "owner", "drift"]);
    expect(required("FOLLOW_UP")).toEqual(["conclusions", "owner", "drift"]);
  });
});
