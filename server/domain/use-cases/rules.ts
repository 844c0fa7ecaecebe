/**
 * The register's rules across fields, as plain functions: each broken rule is a
 * { field, code, message }: the form shows the code's translation next to the field,
 * the API returns all three.
 */
import type { FieldProblem } from "../errors";
import type { UseCaseRuleCode } from "../problem-codes";
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
  const add = (field: string, code: UseCaseRuleCode, message: string) => problems.push({ field, code, message });

  if (useCase.riskClass === "HIGH_RISK" && !useCase.annexIIIArea && !useCase.annexI) {
    add("annexIIIArea", "useCase.highRiskNeedsArea", "A high-risk system must name its Annex III area, or be an Annex I product.");
  }
  if (useCase.riskClass !== "HIGH_RISK" && (useCase.annexIIIArea || useCase.annexI)) {
    add("annexIIIArea", "useCase.areaOnlyForHighRisk", "An Annex III area or Annex I applies only to a high-risk system.");
  }
  if (useCase.riskClass !== "UNDETERMINED" && !useCase.riskClassJustification) {
    add("riskClassJustification", "useCase.justificationRequired", "Explain why this risk class applies (until an approved classification sets it).");
  }
  if (useCase.riskClass === "PROHIBITED" && LIVE_STAGES.has(useCase.lifecycleStage)) {
    add("lifecycleStage", "useCase.prohibitedNotLive", "A prohibited AI practice cannot be piloted or in use.");
  }
  if (useCase.lifecycleStage === "IN_USE" && useCase.riskClass === "UNDETERMINED") {
    add("riskClass", "useCase.inUseNeedsRiskClass", "Determine the risk class before the use case is put in use.");
  }
  if (useCase.lifecycleStage === "IN_USE" && !useCase.inUseSince) {
    add("inUseSince", "useCase.inUseNeedsDate", "Give the date it was put in use.");
  }
  if (useCase.lifecycleStage === "RETIRED" && !useCase.retiredOn) {
    add("retiredOn", "useCase.retiredNeedsDate", "Give the date it was retired.");
  }
  if (useCase.intendedForPublication) {
    if (!useCase.publicSummary.trim()) add("publicSummary", "useCase.publicationNeedsSummary", "A published use case needs a public summary.");
    if (!useCase.publicContactEmail) add("publicContactEmail", "useCase.publicationNeedsContact", "A published use case needs a public contact mailbox.");
  }
  const ordered = (earlier: string | null, later: string | null) => !earlier || !later || earlier <= later;
  if (!ordered(useCase.startedOn, useCase.inUseSince)) add("inUseSince", "useCase.inUseBeforeStart", "Cannot be before the start date.");
  if (!ordered(useCase.inUseSince ?? useCase.startedOn, useCase.retiredOn)) {
    add("retiredOn", "useCase.retiredBeforeStart", "Cannot be before the use case started or was put in use.");
  }
  return problems;
}
