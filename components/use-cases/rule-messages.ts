/**
 * The register's rules (server/domain/use-cases/rules.ts) word their problems in English
 * for the API; the UI shows its own sentence for each known rule, keyed here by that text.
 * An unknown message is shown as it came.
 */
const ruleKeys: Record<string, string> = {
  "A high-risk system must name its Annex III area, or be an Annex I product.": "highRiskNeedsArea",
  "An Annex III area or Annex I applies only to a high-risk system.": "areaOnlyForHighRisk",
  "Explain why this risk class applies (until an approved classification sets it).": "justificationRequired",
  "A prohibited AI practice cannot be piloted or in use.": "prohibitedNotLive",
  "Determine the risk class before the use case is put in use.": "inUseNeedsRiskClass",
  "Give the date it was put in use.": "inUseNeedsDate",
  "Give the date it was retired.": "retiredNeedsDate",
  "A published use case needs a public summary.": "publicationNeedsSummary",
  "A published use case needs a public contact mailbox.": "publicationNeedsContact",
  "Cannot be before the start date.": "inUseBeforeStart",
  "Cannot be before the use case started or was put in use.": "retiredBeforeStart",
};

/** The key under "UseCases.rules" for a rule's message, if the UI knows it. */
export function ruleMessageKey(message: string): string | undefined {
  return ruleKeys[message];
}
