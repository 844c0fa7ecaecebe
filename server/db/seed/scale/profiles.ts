/**
 * Answer profiles: for each template, a few complete sets of answers that are valid for
 * their questions (values of the right type, shown questions only, comments and registry
 * numbers where the template asks for them) and that pass `answerProblems`. Assessments take
 * one profile each: all of it once submitted, the first answers of it while a draft. The
 * answers themselves are then generated in SQL by joining assessments with the profiles.
 */
import type { Answer, Answers } from "../../../domain/assessments/answers";
import { answerProblems, answerValueProblem, isShown } from "../../../domain/assessments/answers";
import type { AssessmentResult } from "../../../domain/assessments/results";
import { evaluateAssessment, type RuleContext } from "../../../domain/assessments/rules";
import type { QuestionDefinition, TemplateDefinition, TemplateKind } from "../../../domain/assessments/template-definition";
import { Random } from "./random";

export interface ProfileAnswer extends Answer {
  questionKey: string;
}

export interface AnswerProfile {
  /** Global number, unique across templates (the SQL join key). */
  id: number;
  kind: TemplateKind;
  answers: ProfileAnswer[];
  /** The rules' result (FRIA's names the use case, so it is computed per assessment). */
  result: AssessmentResult;
  /** A DPIA screening that names the DPIA's registry number: approving it marks the DPIA done. */
  namesDpia: boolean;
}

const TEXTS = [
  "Bedömningen har gjorts tillsammans med verksamheten, dataskyddsombudet och IT-säkerhet.",
  "Underlaget finns i ärendets dokumentation och har stämts av med systemförvaltningen.",
  "Systemet ger förslag som en handläggare alltid granskar innan något beslut fattas.",
  "Risken bedöms som låg eftersom inga uppgifter lämnar organisationen.",
  "Åtgärder är planerade och följs upp i förvaltningsplanen för nästa år.",
  "Leverantören har redovisat hur modellen tränats och vilka data som använts.",
  "Testerna visade ingen skillnad i träffsäkerhet mellan grupperna.",
  "Frågan hanteras i den ordinarie risk- och sårbarhetsanalysen.",
];
const COMMENTS = [
  "Delvis uppfyllt: rutinen finns men är inte beslutad ännu.",
  "Saknas i dag; åtgärd planerad till nästa kvartal.",
  "Inte tillämpligt eftersom systemet inte behandlar personuppgifter.",
  "Kompletteras efter leverantörens svar.",
  "Se bilaga till beslutet.",
];

function choose(question: QuestionDefinition, random: Random): string | string[] {
  const options = (question.options ?? []).map((option) => option.value);
  switch (question.answerType) {
    case "TRUST_ANSWER":
      return random.weighted({ YES: 70, PARTLY: 15, NO: 8, NOT_APPLICABLE: 7 });
    case "YES_NO":
      return question.key === "is_ai_system" ? (random.chance(0.93) ? "YES" : "NO") : random.chance(0.35) ? "YES" : "NO";
    case "SINGLE_CHOICE":
      return options.includes("NONE") && random.chance(0.65) ? "NONE" : random.pick(options);
    case "MULTI_CHOICE": {
      const exclusive = question.options?.find((option) => option.exclusive);
      if (exclusive && random.chance(question.key === "prohibited_practices" ? 0.995 : 0.7)) return [exclusive.value];
      const plain = question.options?.filter((option) => !option.exclusive).map((option) => option.value) ?? [];
      return random.some(plain, 1, 2);
    }
    case "TEXT":
      return random.pick(TEXTS);
    case "DATE":
      return `202${random.int(4, 6)}-0${random.int(1, 9)}-${String(random.int(10, 28))}`;
    case "REGISTRY_NUMBER":
      return `Dnr ${random.int(2023, 2026)}/${random.int(100, 9999)}`;
  }
}

function buildAnswers(definition: TemplateDefinition, random: Random): ProfileAnswer[] {
  const answers: Answers = {};
  const ordered: ProfileAnswer[] = [];
  for (const question of definition.questions) {
    if (!isShown(question, answers, definition)) continue;
    // Optional questions are answered most of the time.
    if (!question.required && random.chance(0.3)) continue;
    const value = choose(question, random);
    const values = Array.isArray(value) ? value : [value];
    const answer: ProfileAnswer = {
      questionKey: question.key,
      value,
      comment: question.commentRequiredFor?.some((v) => values.includes(v)) ? random.pick(COMMENTS) : null,
      reference: question.referenceRequiredFor?.some((v) => values.includes(v)) ? `Dnr ${random.int(2023, 2026)}/${random.int(100, 9999)}` : null,
    };
    const problem = answerValueProblem(question, value);
    if (problem) throw new Error(`scale seed: ${definition.kind} ${question.key}: ${problem}`);
    answers[question.key] = answer;
    ordered.push(answer);
  }
  return ordered;
}

export function toAnswers(profile: Pick<AnswerProfile, "answers">, count = profile.answers.length): Answers {
  return Object.fromEntries(profile.answers.slice(0, count).map((a) => [a.questionKey, { value: a.value, comment: a.comment, reference: a.reference }]));
}

const PLACEHOLDER: RuleContext = { organisation: { name: "", contactEmail: null }, useCase: { reference: "", title: "" } };

/** Up to `perTemplate` complete, valid profiles per template (a prohibited practice is left out: nothing real is registered as one). */
export function buildProfiles(definitions: TemplateDefinition[], perTemplate = 12): AnswerProfile[] {
  const profiles: AnswerProfile[] = [];
  for (const definition of definitions) {
    const random = new Random(`tillit-scale:profiles:${definition.kind}:${definition.version}`);
    let made = 0;
    for (let attempt = 0; attempt < perTemplate * 20 && made < perTemplate; attempt += 1) {
      const answers = buildAnswers(definition, random);
      const map = toAnswers({ answers });
      if (answerProblems(definition, map, "FOLLOW_UP").length > 0) continue;
      const result = evaluateAssessment(definition, map, PLACEHOLDER);
      if (result.kind === "AI_ACT_CLASSIFICATION" && (result.riskClass === "PROHIBITED" || !result.complete)) continue;
      profiles.push({
        id: profiles.length + 1,
        kind: definition.kind,
        answers,
        result,
        namesDpia: typeof map.dpia_registry_number?.value === "string",
      });
      made += 1;
    }
    if (made === 0) throw new Error(`scale seed: no valid answer profile for ${definition.kind}`);
  }
  return profiles;
}
