/**
 * The rules of the templates: `evaluateAssessment` picks the one of the template's kind
 * and computes its result from the answers (shown live, and stored on approval).
 */
import { answerProblems, isAnswered, isShown, type Answers } from "./answers";
import { classify } from "./classification";
import { screenDpia } from "./dpia";
import { summariseFria } from "./fria";
import type { AssessmentResult, ChecklistResult } from "./results";
import type { TemplateDefinition } from "./template-definition";

/** What the rules know beyond the answers: whose assessment it is. */
export interface RuleContext {
  organisation: { name: string; contactEmail: string | null };
  useCase: { reference: string; title: string };
}

/** Trust model and generative-AI check: the shown TRUST_ANSWER questions answered NO or PARTLY. */
export function checklist(kind: ChecklistResult["kind"], definition: TemplateDefinition, answers: Answers): ChecklistResult {
  const openItems = definition.questions
    .filter((q) => q.answerType === "TRUST_ANSWER" && isShown(q, answers, definition))
    .filter((q) => {
      const answer = answers[q.key];
      return isAnswered(answer) && (answer?.value === "NO" || answer?.value === "PARTLY");
    })
    .map((q) => q.key);
  return { kind, complete: answerProblems(definition, answers).length === 0, openItems };
}

export function evaluateAssessment(definition: TemplateDefinition, answers: Answers, context: RuleContext): AssessmentResult {
  switch (definition.kind) {
    case "AI_ACT_CLASSIFICATION":
      return classify(definition, answers);
    case "DPIA_SCREENING":
      return screenDpia(definition, answers);
    case "FRIA":
      return summariseFria(definition, answers, context);
    case "TRUST_MODEL":
    case "GENAI_GUIDELINE":
      return checklist(definition.kind, definition, answers);
  }
}
