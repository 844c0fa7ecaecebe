import { getFormatter, getTranslations } from "next-intl/server";
import { ChangeTimeline } from "@/components/audit/change-timeline";
import { dateTimeFormat } from "@/components/ui/format";
import type { RouterOutputs } from "@/components/trpc/types";
import { checklistTemplate } from "@/server/domain/procurement/checklist";
import { decisionStatusLabels, procurementRouteLabels, requirementStatusLabels } from "@/server/domain/procurement/labels";
import type { Locale } from "@/server/i18n/config";
import { formatSek } from "./format";

type Decision = RouterOutputs["procurement"]["get"];

/** Fields that only link records together: not shown. */
const hidden = new Set(["useCaseId", "supplierId", "productId", "checklistVersion"]);

/** The decision's audit events, newest first: what happened, who, when, and each change before → after. */
export async function DecisionHistory({ decision, locale }: { decision: Decision; locale: Locale }) {
  const t = await getTranslations("Procurement.history");
  const fieldsT = await getTranslations("Procurement.fields");
  const format = await getFormatter();
  const template = checklistTemplate(decision.checklist.version);

  const actionLabel = (action: string) => (t.has(`actions.${action.replace(".", "_")}`) ? t(`actions.${action.replace(".", "_")}`) : action);
  const fieldLabel = (field: string) => {
    if (field.startsWith("requirements.")) {
      const key = field.slice("requirements.".length);
      return t("requirement", { item: template.items.find((item) => item.key === key)?.text[locale] ?? key });
    }
    if (field === "riskAcceptedItems") return t("acceptedItems");
    if (field === "status") return "Status";
    return fieldsT.has(field) ? fieldsT(field) : field;
  };
  const value = (field: string, raw: unknown): string => {
    if (raw === null || raw === undefined || raw === "") return t("empty");
    if (typeof raw === "boolean") return raw ? t("yes") : t("no");
    if (field === "estimatedValueSek" && typeof raw === "number") return formatSek(raw);
    if (field === "status" && typeof raw === "string" && raw in decisionStatusLabels) return decisionStatusLabels[raw as keyof typeof decisionStatusLabels][locale];
    if (field === "route" && typeof raw === "string" && raw in procurementRouteLabels) return procurementRouteLabels[raw as keyof typeof procurementRouteLabels][locale];
    if (field.startsWith("requirements.") && typeof raw === "object") {
      const state = raw as { required?: boolean; status?: keyof typeof requirementStatusLabels; evidence?: string | null };
      return [state.status ? requirementStatusLabels[state.status][locale] : null, state.evidence].filter(Boolean).join("; ");
    }
    if (Array.isArray(raw)) return raw.map((entry) => (typeof entry === "object" && entry && "title" in entry ? String((entry as { title: unknown }).title) : String(entry))).join(", ");
    if (typeof raw === "string") return raw;
    if (typeof raw === "number") return String(raw);
    return JSON.stringify(raw);
  };

  if (decision.history.length === 0) return <p>{t("none")}</p>;
  return (
    <ChangeTimeline
      events={decision.history}
      hidden={hidden}
      actionLabel={actionLabel}
      byWhen={(event) => t("byWhen", { who: event.actorLabel, when: format.dateTime(new Date(event.createdAt), dateTimeFormat) })}
      fieldLabel={fieldLabel}
      value={value}
      words={{ before: t("before"), after: t("after") }}
    />
  );
}
