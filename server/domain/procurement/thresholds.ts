/**
 * The threshold check of a procurement decision: from the estimated value, the kind of
 * organisation and a date, which LOU thresholds apply (data/thresholds.json, dated per
 * period with its source; never constants in code). Pure and free of server imports, so
 * the decision form runs the same check in the browser as the service does.
 */
import { z } from "zod";
import type { OrganisationKind } from "../../db/generated/enums";
import thresholdsFile from "./data/thresholds.json";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "dates are YYYY-MM-DD");
const sek = z.number().int().nonnegative();

const period = z
  .object({
    validFrom: isoDate,
    validTo: isoDate,
    source: z.string().trim().min(1),
    directAwardLimitSek: sek,
    documentationAboveSek: sek,
    euThresholdsSek: z.object({ centralGovernment: sek, otherContractingAuthorities: sek }).strict(),
  })
  .strict();
export type ThresholdPeriod = z.infer<typeof period>;

export const thresholdTableSchema = z
  .object({ about: z.string().optional(), periods: z.array(period).min(1) })
  .strict()
  .superRefine((table, ctx) => {
    const sorted = [...table.periods].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    sorted.forEach((current, index) => {
      if (current.validTo < current.validFrom) ctx.addIssue({ code: "custom", message: `period ${current.validFrom} ends before it starts` });
      const next = sorted[index + 1];
      if (next && next.validFrom <= current.validTo) ctx.addIssue({ code: "custom", message: `periods ${current.validFrom} and ${next.validFrom} overlap` });
    });
  });
export type ThresholdTable = z.infer<typeof thresholdTableSchema>;

/** The table shipped with the app, checked once when loaded. */
export const thresholdTable: ThresholdTable = thresholdTableSchema.parse(thresholdsFile);

/** Central agencies have the central-government EU threshold; everyone else the other one. */
export type EuThresholdKind = "centralGovernment" | "otherContractingAuthorities";
export function euThresholdKind(kind: OrganisationKind): EuThresholdKind {
  return kind === "CENTRAL_AGENCY" ? "centralGovernment" : "otherContractingAuthorities";
}

export interface ThresholdCheck {
  valueSek: number;
  organisationKind: OrganisationKind;
  on: string;
  period: { validFrom: string; validTo: string; source: string };
  directAward: {
    limitSek: number;
    /** The value is at most the limit (LOU 19 kap. 8 §: "uppgår till högst"). */
    allowed: boolean;
  };
  documentation: {
    aboveSek: number;
    /** The value is above the documentation limit (strictly: 100 000 itself needs none). */
    required: boolean;
  };
  eu: {
    kind: EuThresholdKind;
    thresholdSek: number;
    /** The value is equal to or greater than the EU threshold: the directive's rules apply. */
    exceeded: boolean;
  };
}

/** No period of the table covers the date: the check cannot be made (and must not guess). */
export class NoThresholdPeriodError extends Error {
  constructor(readonly on: string) {
    super(`No threshold period covers ${on}.`);
  }
}

export function thresholdPeriodOn(on: string, table: ThresholdTable = thresholdTable): ThresholdPeriod {
  const found = table.periods.find((candidate) => candidate.validFrom <= on && on <= candidate.validTo);
  if (!found) throw new NoThresholdPeriodError(on);
  return found;
}

/** Which thresholds apply to a value on a date, for this kind of organisation. Throws NoThresholdPeriodError outside every period. */
export function checkThresholds(
  input: { valueSek: number; organisationKind: OrganisationKind; on: string },
  table: ThresholdTable = thresholdTable,
): ThresholdCheck {
  if (!Number.isSafeInteger(input.valueSek) || input.valueSek < 0) throw new RangeError("valueSek must be a whole, non-negative number of kronor");
  if (!isoDate.safeParse(input.on).success) throw new RangeError("on must be YYYY-MM-DD");
  const period = thresholdPeriodOn(input.on, table);
  const kind = euThresholdKind(input.organisationKind);
  const euThreshold = period.euThresholdsSek[kind];
  return {
    valueSek: input.valueSek,
    organisationKind: input.organisationKind,
    on: input.on,
    period: { validFrom: period.validFrom, validTo: period.validTo, source: period.source },
    directAward: { limitSek: period.directAwardLimitSek, allowed: input.valueSek <= period.directAwardLimitSek },
    documentation: { aboveSek: period.documentationAboveSek, required: input.valueSek > period.documentationAboveSek },
    eu: { kind, thresholdSek: euThreshold, exceeded: input.valueSek >= euThreshold },
  };
}
