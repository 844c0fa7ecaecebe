import type { AssessmentStatus } from "@/server/db/generated/enums";
import { assessmentStatusLabels } from "@/server/domain/assessments/labels";
import type { Locale } from "@/server/i18n/config";

const tones: Record<AssessmentStatus, string> = {
  DRAFT: "border-gray-500 bg-gray-50",
  IN_REVIEW: "border-brand-600 bg-brand-50",
  CHANGES_REQUESTED: "border-amber-600 bg-amber-50",
  APPROVED: "border-green-700 bg-green-50",
};

/** The status in words (the colour only repeats it), with a label for screen readers when asked. */
export function StatusBadge({ status, locale, label }: { status: AssessmentStatus; locale: Locale; label?: string }) {
  return (
    <span className={`inline-flex items-center rounded border px-2 py-0.5 text-sm font-medium text-ink ${tones[status]}`}>
      {label ? <span className="sr-only">{label}: </span> : null}
      {assessmentStatusLabels[status][locale]}
    </span>
  );
}
