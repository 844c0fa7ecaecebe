"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { apiProblem, useProblemMessage } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/provider";
import type { RouterOutputs } from "@/components/trpc/types";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { asLocale } from "@/components/use-cases/fields";
import type { RequirementStatus } from "@/server/db/generated/enums";
import { requirementStatusLabels } from "@/server/domain/procurement/labels";

type Decision = RouterOutputs["procurement"]["get"];
type Item = Decision["checklist"]["items"][number];

const statuses = Object.keys(requirementStatusLabels) as RequirementStatus[];

/** The checklist, section by section; each item saved on its own (with its own version). */
export function ChecklistEditor({ organisationSlug, decision, editable }: { organisationSlug: string; decision: Decision; editable: boolean }) {
  const t = useTranslations("Procurement.checklist");
  const locale = asLocale(useLocale());
  return (
    <div className="flex flex-col gap-6">
      {decision.checklist.sections.map((section) => {
        const items = decision.checklist.items.filter((item) => item.section === section.key);
        if (items.length === 0) return null;
        return (
          <section key={section.key} aria-labelledby={`section-${section.key}`} className="flex flex-col gap-4">
            <h3 id={`section-${section.key}`} className="text-lg font-semibold">
              {section.title[locale]}
            </h3>
            {items.map((item) =>
              editable ? (
                <ChecklistItemForm key={item.itemKey} organisationSlug={organisationSlug} decisionId={decision.id} item={item} />
              ) : (
                <ReadOnlyItem key={item.itemKey} item={item} />
              ),
            )}
          </section>
        );
      })}
      {editable ? null : <p className="text-sm text-muted">{t("readOnly", { status: decision.status })}</p>}
    </div>
  );
}

function Tags({ item }: { item: Item }) {
  const t = useTranslations("Procurement.checklist");
  return (
    <span className="flex flex-wrap gap-1 text-xs font-semibold">
      <span className="rounded border border-gray-500 px-1.5">{item.required ? t("requiredTag") : t("optionalTag")}</span>
      {item.blocking ? <span className="rounded border border-red-700 bg-red-50 px-1.5 text-red-900">{t("blockingTag")}</span> : null}
    </span>
  );
}

function ReadOnlyItem({ item }: { item: Item }) {
  const t = useTranslations("Procurement.checklist");
  const locale = asLocale(useLocale());
  return (
    <div className="rounded border border-gray-300 p-4">
      <p className="font-medium">{item.text[locale]}</p>
      <Tags item={item} />
      <p className="mt-2">
        <span className="font-medium">{t("status")}:</span> {requirementStatusLabels[item.status][locale]}
      </p>
      {item.evidence ? (
        <p className="mt-1 whitespace-pre-line">
          <span className="font-medium">{t("evidence")}:</span> {item.evidence}
        </p>
      ) : null}
    </div>
  );
}

function ChecklistItemForm({ organisationSlug, decisionId, item }: { organisationSlug: string; decisionId: string; item: Item }) {
  const t = useTranslations("Procurement.checklist");
  const locale = asLocale(useLocale());
  const trpc = useTRPC();
  const router = useRouter();
  const problemMessage = useProblemMessage();
  const save = useMutation(trpc.procurement.setRequirement.mutationOptions());
  const [status, setStatus] = useState<RequirementStatus>(item.status);
  const [required, setRequired] = useState(item.required);
  const [evidence, setEvidence] = useState(item.evidence ?? "");
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  // The version this form last saved or read; a newer one from the server (after a
  // refresh, e.g. someone else's change) replaces the form's values, keeping its message.
  const [version, setVersion] = useState(item.version);
  if (item.version > version) {
    setVersion(item.version);
    setStatus(item.status);
    setRequired(item.required);
    setEvidence(item.evidence ?? "");
  }
  const id = `req-${item.itemKey}`;
  const needsEvidence = (item.evidenceRequiredFor as string[]).includes(status) && !evidence.trim();

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    if (needsEvidence) {
      setMessage({ tone: "error", text: t("evidenceNeeded") });
      document.getElementById(`${id}-evidence`)?.focus();
      return;
    }
    try {
      const saved = await save.mutateAsync({ organisationSlug, id: decisionId, itemKey: item.itemKey, itemVersion: version, required, status, evidence });
      setVersion(saved.itemVersion);
      setMessage({ tone: "ok", text: t("saved") });
      router.refresh();
    } catch (error) {
      setMessage({ tone: "error", text: problemMessage(apiProblem(error)) });
    }
  }

  return (
    <form onSubmit={submit} noValidate className={`rounded border p-4 ${item.blocking ? "border-red-700" : "border-gray-300"}`} aria-labelledby={`${id}-text`}>
      <fieldset aria-describedby={`${id}-help`}>
        <legend id={`${id}-text`} className="font-medium">
          {item.text[locale]}
        </legend>
        <Tags item={item} />
        <p id={`${id}-help`} className="mt-1 text-sm text-muted">
          {item.help[locale]}
        </p>
        <fieldset className="mt-3">
          <legend className="text-sm font-medium">{t("status")}</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {statuses.map((value) => (
              <label key={value} className="flex items-center gap-2">
                <input type="radio" name={`${id}-status`} value={value} checked={status === value} onChange={() => setStatus(value)} className="h-4 w-4" />
                {requirementStatusLabels[value][locale]}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="mt-3 flex items-center gap-2">
          <input type="checkbox" checked={required} onChange={(event) => setRequired(event.target.checked)} className="h-4 w-4" />
          {t("required")}
        </label>
        <div className="mt-3 flex flex-col gap-1">
          <label htmlFor={`${id}-evidence`} className="font-medium">
            {t("evidence")}
          </label>
          <p id={`${id}-evidence-hint`} className="text-sm text-muted">
            {t("evidenceHint")}
          </p>
          <textarea
            id={`${id}-evidence`}
            rows={3}
            maxLength={10_000}
            className={inputClasses}
            aria-describedby={`${id}-evidence-hint${message?.tone === "error" ? ` ${id}-message` : ""}`}
            aria-invalid={needsEvidence && message?.tone === "error" ? true : undefined}
            value={evidence}
            onChange={(event) => setEvidence(event.target.value)}
          />
        </div>
      </fieldset>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={save.isPending} aria-disabled={save.isPending || undefined}>
          {save.isPending ? t("saving") : t("save")}
        </Button>
        <p id={`${id}-message`} role="status" className={message?.tone === "error" ? "text-sm font-medium text-red-700" : "text-sm"}>
          {message?.text}
        </p>
      </div>
    </form>
  );
}
