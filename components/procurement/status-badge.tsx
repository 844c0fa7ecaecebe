import type { ProcurementDecisionStatus } from "@/server/db/generated/enums";
import { decisionStatusLabels } from "@/server/domain/procurement/labels";
import type { Locale } from "@/server/i18n/config";

const classes: Record<ProcurementDecisionStatus, string> = {
  PLANNED: "border-gray-500 bg-white text-ink",
  APPROVED: "border-green-700 bg-green-50 text-green-900",
  REJECTED: "border-red-700 bg-red-50 text-red-900",
  CANCELLED: "border-gray-400 bg-gray-100 text-ink",
};

/** The decision's status in words; the colour only repeats it. */
export function DecisionStatusBadge({ status, locale }: { status: ProcurementDecisionStatus; locale: Locale }) {
  return <span className={`inline-block rounded border px-1.5 text-xs font-semibold ${classes[status]}`}>{decisionStatusLabels[status][locale]}</span>;
}
