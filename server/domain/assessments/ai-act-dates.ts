/**
 * The dates from which the AI Act's rules apply, kept as data (data/ai-act-dates.json)
 * with their source, so that a changed date (such as the Digital Omnibus's) is a data
 * change and not a code change. A milestone keeps every decision on its date; the one
 * decided last is in force.
 */
import { z } from "zod";
import datesFile from "./data/ai-act-dates.json";

export const milestoneKeys = [
  "prohibitions",
  "ai_literacy",
  "gpai",
  "transparency",
  "high_risk_annex_iii",
  "high_risk_annex_i",
  "public_authority_legacy_high_risk",
] as const;
export type Milestone = (typeof milestoneKeys)[number];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "dates are YYYY-MM-DD")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "not a calendar date");

const decision = z
  .object({
    /** From when the rules apply. */
    date: isoDate,
    /** The legal act (and article) that sets the date. */
    source: z.string().trim().min(1),
    /** When that act was decided: the latest decision wins. */
    decidedOn: isoDate,
  })
  .strict();
export type MilestoneDecision = z.infer<typeof decision>;

export const aiActDatesSchema = z
  .object({
    about: z.string().optional(),
    milestones: z.record(z.enum(milestoneKeys), z.array(decision).min(1)),
  })
  .strict();
export type AiActDates = z.infer<typeof aiActDatesSchema>;

/** The decision in force: the one decided last (of two decided the same day, the later listed). */
export function decisionInForce(decisions: readonly MilestoneDecision[]): MilestoneDecision {
  const [first, ...rest] = decisions;
  if (!first) throw new Error("a milestone needs at least one decision");
  return rest.reduce((latest, candidate) => (candidate.decidedOn >= latest.decidedOn ? candidate : latest), first);
}

const aiActDates: AiActDates = aiActDatesSchema.parse(datesFile);

/** The date a milestone applies from and where that date comes from. */
export function milestoneDate(key: Milestone, dates: AiActDates = aiActDates): { date: string; source: string } {
  const { date, source } = decisionInForce(dates.milestones[key]);
  return { date, source };
}
