/**
 * The decision's rules across fields, pure: the form runs them as you type (with the
 * organisation's kind), the service runs them again before it writes. Rules that need the
 * catalogue (supplier and product) live in the service.
 */
import type { OrganisationKind } from "../../db/generated/enums";
import type { FieldProblem } from "../errors";
import { frameworkAgreement } from "./framework-agreements";
import type { DecisionFields } from "./schemas";
import { checkThresholds, NoThresholdPeriodError, type ThresholdCheck } from "./thresholds";

/** Kronor as "900 000": the same in both languages' messages. */
export function formatSek(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

/** The date the thresholds are read on: the decision date, or today while it has none. */
export function thresholdDay(fields: Pick<DecisionFields, "decidedOn">, today: string): string {
  return fields.decidedOn ?? today;
}

export type DecisionRuleFields = Pick<
  DecisionFields,
  "route" | "estimatedValueSek" | "decidedOn" | "frameworkAgreementKey" | "contractStartOn" | "contractEndOn" | "legalException" | "legalExceptionJustification"
>;

/** The threshold check of the fields, or why there is none (no value, or no period for the day). */
export function thresholdsOf(
  fields: Pick<DecisionFields, "estimatedValueSek" | "decidedOn">,
  context: { organisationKind: OrganisationKind; today: string },
): { check: ThresholdCheck | null; noPeriodOn: string | null } {
  if (fields.estimatedValueSek === null) return { check: null, noPeriodOn: null };
  const on = thresholdDay(fields, context.today);
  try {
    return { check: checkThresholds({ valueSek: fields.estimatedValueSek, organisationKind: context.organisationKind, on }), noPeriodOn: null };
  } catch (error) {
    if (error instanceof NoThresholdPeriodError) return { check: null, noPeriodOn: on };
    throw error;
  }
}

export function decisionRuleProblems(fields: DecisionRuleFields, context: { organisationKind: OrganisationKind; today: string }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const hasException = fields.legalException !== null;
  const hasJustification = fields.legalExceptionJustification !== null;
  if (hasException && !hasJustification) {
    problems.push({ field: "legalExceptionJustification", code: "procurement.justificationRequired", message: "Justify the legal exception." });
  }
  if (hasJustification && !hasException) {
    problems.push({ field: "legalException", code: "procurement.exceptionGroundRequired", message: "Name the legal ground the justification is for." });
  }
  if (fields.route === "DIRECT_AWARD") {
    if (fields.estimatedValueSek === null) {
      problems.push({ field: "estimatedValueSek", code: "procurement.valueRequired", message: "A direct award needs the estimated contract value, to check it against the limit." });
    } else {
      const { check, noPeriodOn } = thresholdsOf(fields, context);
      if (noPeriodOn !== null) {
        problems.push({
          field: "decidedOn",
          code: "procurement.noThresholdPeriod",
          message: `No threshold period covers ${noPeriodOn}: the direct-award limit cannot be checked.`,
          values: { date: noPeriodOn },
        });
      } else if (check && !check.directAward.allowed && !(hasException && hasJustification)) {
        problems.push({
          field: "estimatedValueSek",
          code: "procurement.directAwardAboveLimit",
          message: `A direct award is not allowed: the value ${formatSek(check.valueSek)} SEK is above the direct-award limit of ${formatSek(check.directAward.limitSek)} SEK (${check.period.source}). Give a legal exception and its justification, or choose another route.`,
          values: { value: formatSek(check.valueSek), limit: formatSek(check.directAward.limitSek), source: check.period.source },
        });
      }
    }
  }
  if (fields.route === "FRAMEWORK_CALL_OFF" && fields.frameworkAgreementKey === null) {
    problems.push({ field: "frameworkAgreementKey", code: "procurement.frameworkRequired", message: "A call-off names the framework agreement it is made from." });
  }
  if (fields.frameworkAgreementKey !== null && frameworkAgreement(fields.frameworkAgreementKey) === null) {
    problems.push({ field: "frameworkAgreementKey", code: "procurement.unknownFrameworkAgreement", message: "No such framework agreement in the list." });
  }
  if (fields.contractStartOn && fields.contractEndOn && fields.contractEndOn < fields.contractStartOn) {
    problems.push({ field: "contractEndOn", code: "procurement.endBeforeStart", message: "The contract cannot end before it starts." });
  }
  return problems;
}
