import { getFormatter, getTranslations } from "next-intl/server";
import { ChangeTimeline } from "@/components/audit/change-timeline";
import { dateTimeFormat } from "@/components/ui/format";
import type { AnswerValue } from "@/server/domain/assessments/answers";
import { assessmentPhaseLabels, assessmentStatusLabels, templateKindLabels } from "@/server/domain/assessments/labels";
import type { AssessmentView } from "@/server/domain/assessments/view";
import type { Locale } from "@/server/i18n/config";
import { answerText, dayDate, dayFormat, questionOf } from "./format";

/** Fields that only link records together: not shown. */
const hidden = new Set(["commentId", "useCaseId", "previousVersionId", "by"]);
const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The assessment's audit events, newest first: what happened, who, when, and each change before → after. */
export async function AssessmentHistory({ view, locale, names }: { view: AssessmentView; locale: Locale; names: Map<string, string> }) {
  const t = await getTranslations("Assessment.history");
  const format = await getFormatter();
  const definition = view.template.definition;

  const actionLabel = (action: string) => (t.has(`actions.${action.replace(".", "_")}`) ? t(`actions.${action.replace(".", "_")}`) : action);

  const fieldLabel = (field: string): string => {
    if (field.startsWith("answers.")) {
      const key = field.slice("answers.".length);
      return t("answerTo", { question: questionOf(definition, key)?.text[locale] ?? key });
    }
    return t.has(`fields.${field}`) ? t(`fields.${field}`) : field;
  };

  const value = (field: string, raw: unknown): string => {
    if (raw === null || raw === undefined || raw === "") return t("empty");
    if (field.startsWith("answers.") && typeof raw === "object" && raw !== null) {
      const question = questionOf(definition, field.slice("answers.".length));
      const snapshot = raw as { value?: AnswerValue; comment?: string | null; reference?: string | null };
      const parts = [question ? (answerText(question, snapshot.value ?? null, locale) ?? t("noAnswer")) : JSON.stringify(snapshot.value ?? null)];
      if (snapshot.comment) parts.push(t("withComment", { comment: snapshot.comment }));
      if (snapshot.reference) parts.push(t("withReference", { reference: snapshot.reference }));
      return parts.join("; ");
    }
    if (typeof raw === "boolean") return raw ? t("yes") : t("no");
    if (typeof raw === "number") return String(raw);
    if (raw instanceof Date) return format.dateTime(raw, dateTimeFormat);
    if (typeof raw === "string") {
      if (field === "status" && raw in assessmentStatusLabels) return assessmentStatusLabels[raw as keyof typeof assessmentStatusLabels][locale];
      if (field === "phase" && raw in assessmentPhaseLabels) return assessmentPhaseLabels[raw as keyof typeof assessmentPhaseLabels][locale];
      if (field === "templateKind" && raw in templateKindLabels) return templateKindLabels[raw as keyof typeof templateKindLabels][locale];
      if (field === "ownerId") return names.get(raw) ?? t("formerMember");
      if (field === "questionKey") return questionOf(definition, raw)?.text[locale] ?? raw;
      if (isoDay.test(raw)) return format.dateTime(dayDate(raw), dayFormat);
      if (isoDateTime.test(raw)) return format.dateTime(new Date(raw), dateTimeFormat);
      return raw;
    }
    return JSON.stringify(raw);
  };

  if (view.history.length === 0) return <p>{t("none")}</p>;
  return (
    <ChangeTimeline
      events={view.history}
      hidden={hidden}
      actionLabel={actionLabel}
      byWhen={(event) => t("byWhen", { who: event.actorLabel, when: format.dateTime(new Date(event.createdAt), dateTimeFormat) })}
      fieldLabel={fieldLabel}
      value={value}
      words={{ before: t("before"), after: t("after") }}
    />
  );
}
