"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { apiProblem, useProblemMessage } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { WithholdingReason } from "@/server/db/generated/enums";
import type { WithholdableField } from "@/server/domain/public-register/snapshot";

const reasons: WithholdingReason[] = ["SECURITY", "CONFIDENTIALITY", "ONGOING_PROCUREMENT", "PERSONAL_PRIVACY", "OTHER"];

/** A reason from the fixed list for each withheld field; the explanation is the use case's own text. */
export function WithholdingReasonsForm({
  organisationSlug,
  useCaseId,
  version,
  fields,
}: {
  organisationSlug: string;
  useCaseId: string;
  version: number;
  fields: { field: WithholdableField; label: string; reason: WithholdingReason; explanation: string }[];
}) {
  const t = useTranslations("Publication");
  const reasonLabel = useTranslations("PublicRegister.withholdingReason");
  const problemMessage = useProblemMessage();
  const trpc = useTRPC();
  const router = useRouter();
  const [chosen, setChosen] = useState(() => Object.fromEntries(fields.map((entry) => [entry.field, entry.reason])));
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const save = useMutation(trpc.publication.setWithholdingReasons.mutationOptions());

  async function submit(event: FormEvent) {
    event.preventDefault();
    setStatus(null);
    try {
      await save.mutateAsync({ organisationSlug, useCaseId, version, reasons: chosen });
      setStatus({ tone: "success", text: t("reasonsSaved") });
      router.refresh();
    } catch (error) {
      setStatus({ tone: "error", text: problemMessage(apiProblem(error)) });
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4">
      {fields.map((entry) => (
        <Field key={entry.field} id={`withholding-${entry.field}`} label={t("withheldReasonFor", { field: entry.label })} hint={entry.explanation}>
          {(control) => (
            <Select
              className="max-w-md"
              options={reasons.map((reason) => ({ value: reason, label: reasonLabel(reason) }))}
              value={chosen[entry.field]}
              onChange={(event) => setChosen({ ...chosen, [entry.field]: event.target.value as WithholdingReason })}
              {...control}
            />
          )}
        </Field>
      ))}
      <div>
        <Button type="submit" variant="secondary" disabled={save.isPending}>
          {save.isPending ? t("savingReasons") : t("saveReasons")}
        </Button>
      </div>
      {status ? <Alert tone={status.tone} title={status.text} live={status.tone === "error" ? "assertive" : "polite"} /> : null}
    </form>
  );
}
