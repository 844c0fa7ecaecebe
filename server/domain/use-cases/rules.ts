/**
 * The register's rules across fields, as plain functions: each broken rule is a
 * { field, message } the form shows next to the field and the API returns as is.
 */
import type { FieldProblem } from "../errors";
import type { UseCaseFields } from "./schemas";

type RuleInput = Pick<
  UseCaseFields,
  | "lifecycleStage"
  | "riskClass"
  | "annexIIIArea"
  | "annexI"
  | "riskClassJustification"
  | "intendedForPublication"
  | "publicSummary"
  | "publicContactEmail"
  | "startedOn"
  | "inUseSince"
  | "retiredOn"
>;

/** Stages in which the system affects people or operations for real. */
const LIVE_STAGES = new Set<RuleInput["lifecycleStage"]>(["PILOT", "IN_USE"]);

export function brokenUseCaseRules(useCase: RuleInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });

  if (useCase.riskClass === "HIGH_RISK" && !useCase.annexIIIArea && !useCase.annexI) {
    add("annexIIIArea", "A high-risk system must name its Annex III area, or be an Annex I product.");
  }
  if (useCase.riskClass !== "HIGH_RISK" && (useCase.annexIIIArea || useCase.annexI)) {
    add("annexIIIArea", "An Annex III area or Annex I applies only to a high-risk system.");
  }
  if (useCase.riskClass !== "UNDETERMINED" && !useCase.riskClassJustification) {
    add("riskClassJustification", "Explain why this risk class applies (until an approved classification sets it).");
  }
  if (useCase.riskClass === "PROHIBITED" && LIVE_STAGES.has(useCase.lifecycleStage)) {
    add("lifecycleStage", "A prohibited AI practice cannot be piloted or in use.");
  }
  if (useCase.lifecycleStage === "IN_USE" && useCase.riskClass === "UNDETERMINED") {
    add("riskClass", "Determine the risk class before the use case is put in use.");
  }
  if (useCase.lifecycleStage === "IN_USE" && !useCase.inUseSince) {
    add("inUseSince", "Give the date it was put in use.");
  }
  if (useCase.lifecycleStage === "RETIRED" && !useCase.retiredOn) {
    add("retiredOn", "Give the date it was retired.");
  }
  if (useCase.intendedForPublication) {
    if (!useCase.publicSummary.trim()) add("publicSummary", "A published use case needs a public summary.");
    if (!useCase.publicContactEmail) add("publicContactEmail", "A published use case needs a public contact mailbox.");
  }
  const ordered = (earlier: string | null, later: string | null) => !earlier || !later || earlier <= later;
  if (!ordered(useCase.startedOn, useCase.inUseSince)) add("inUseSince", "Cannot be before the start date.");
  if (!ordered(useCase.inUseSince ?? useCase.startedOn, useCase.retiredOn)) {
    add("retiredOn", "Cannot be before the use case started or was put in use.");
  }
  return problems;
}
