"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { ConfirmAction, confirmFieldId, LocalFieldProblems } from "@/components/ui/confirm-action";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { endFields } from "@/server/domain/responsibilities/schemas";

/** "Avsluta": a confirm dialog with the last day (today by default); the assignment stays in the history. */
export function EndResponsibilityButton({
  organisationSlug,
  assignment,
  today,
}: {
  organisationSlug: string;
  assignment: { id: string; version: number; personName: string; roleLabel: string };
  today: string;
}) {
  const t = useTranslations("Responsibilities.end");
  const trpc = useTRPC();
  const router = useRouter();
  const [validTo, setValidTo] = useState(today);
  const end = useMutation(trpc.responsibilities.end.mutationOptions());
  const fieldId = confirmFieldId("validTo");
  return (
    <ConfirmAction
      trigger={
        <>
          {t("button")}
          <span className="sr-only"> {t("buttonContext", { role: assignment.roleLabel, name: assignment.personName })}</span>
        </>
      }
      title={t("title", { role: assignment.roleLabel })}
      body={<p>{t("body", { name: assignment.personName, role: assignment.roleLabel })}</p>}
      confirmLabel={t("confirm")}
      labels={{ cancel: t("cancel"), working: t("working"), failed: t("failed"), reload: t("reload") }}
      fields={["validTo"]}
      onOpen={() => setValidTo(today)}
      perform={async () => {
        const parsed = endFields.safeParse({ validTo });
        if (!parsed.success) {
          throw new LocalFieldProblems([{ field: "validTo", code: "invalid", message: t("validToInvalid") }]);
        }
        await end.mutateAsync({ organisationSlug, id: assignment.id, version: assignment.version, validTo: parsed.data.validTo });
      }}
      onDone={() => router.refresh()}
    >
      {({ error }) => (
        <Field id={fieldId} label={t("validTo")} hint={t("validToHint")} error={error("validTo")}>
          {(control) => <Input type="date" className="max-w-48" value={validTo} onChange={(event) => setValidTo(event.target.value)} {...control} />}
        </Field>
      )}
    </ConfirmAction>
  );
}
