"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import type { ApiFieldError } from "@/components/trpc/errors";
import { useAnnounce } from "@/components/ui/announcer";
import { ConfirmAction, confirmFieldId, LocalFieldProblems } from "@/components/ui/confirm-action";
import { Field, inputClasses } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { updateInput } from "@/server/domain/responsibilities/schemas";

type FieldName = "validFrom" | "validTo" | "note";
const fieldNames: readonly FieldName[] = ["validFrom", "validTo", "note"];

/**
 * "Ändra": a dialog that changes an assignment's period (from, to) and note, pre-filled
 * from the assignment and checked with the schema the server uses before it is sent.
 */
export function EditResponsibilityButton({
  organisationSlug,
  assignment,
}: {
  organisationSlug: string;
  assignment: {
    id: string;
    version: number;
    validFrom: string;
    validTo: string | null;
    note: string | null;
    personName: string;
    roleLabel: string;
  };
}) {
  const t = useTranslations("Responsibilities.edit");
  const trpc = useTRPC();
  const router = useRouter();
  const announce = useAnnounce();
  const [validFrom, setValidFrom] = useState(assignment.validFrom);
  const [validTo, setValidTo] = useState(assignment.validTo ?? "");
  const [note, setNote] = useState(assignment.note ?? "");
  const update = useMutation(trpc.responsibilities.update.mutationOptions());
  const ids: Record<FieldName, string> = {
    validFrom: confirmFieldId("validFrom"),
    validTo: confirmFieldId("validTo"),
    note: confirmFieldId("note"),
  };
  const names = { role: assignment.roleLabel, name: assignment.personName };

  const localMessage = (field: FieldName, code: string): string =>
    field === "validFrom"
      ? t("validFromInvalid")
      : field === "validTo"
        ? code === "custom"
          ? t("validToBeforeStart")
          : t("validToInvalid")
        : t("noteInvalid");

  return (
    <ConfirmAction
      trigger={
        <>
          {t("button")}
          <span className="sr-only"> {t("buttonContext", names)}</span>
        </>
      }
      title={t("title", { role: assignment.roleLabel })}
      body={<p>{t("body", names)}</p>}
      confirmLabel={t("confirm")}
      labels={{ cancel: t("cancel"), working: t("working"), failed: t("failed"), reload: t("reload") }}
      fields={fieldNames}
      onOpen={() => {
        setValidFrom(assignment.validFrom);
        setValidTo(assignment.validTo ?? "");
        setNote(assignment.note ?? "");
      }}
      perform={async () => {
        const parsed = updateInput.safeParse({
          organisationSlug,
          id: assignment.id,
          version: assignment.version,
          validFrom,
          validTo,
          note,
        });
        if (!parsed.success) {
          const problems: ApiFieldError[] = [];
          // In the order the fields are shown, one message each: the first one gets focus.
          for (const field of fieldNames) {
            const issue = parsed.error.issues.find((item) => item.path[0] === field);
            if (issue) problems.push({ field, code: issue.code, message: localMessage(field, issue.code) });
          }
          const other = parsed.error.issues.find((item) => !fieldNames.includes(item.path[0] as FieldName));
          if (other) problems.push({ field: other.path.join("."), code: other.code, message: other.message });
          throw new LocalFieldProblems(problems);
        }
        await update.mutateAsync(parsed.data);
      }}
      onDone={() => {
        router.refresh();
        announce(t("done", names));
      }}
    >
      {({ error }) => (
        <div className="flex flex-col gap-4">
          <div className="flex flex-wrap gap-4">
            <Field id={ids.validFrom} label={t("validFrom")} error={error("validFrom")}>
              {(control) => (
                <Input
                  type="date"
                  className="max-w-48"
                  required
                  value={validFrom}
                  onChange={(event) => setValidFrom(event.target.value)}
                  {...control}
                />
              )}
            </Field>
            <Field id={ids.validTo} label={t("validTo")} hint={t("validToHint")} error={error("validTo")}>
              {(control) => (
                <Input type="date" className="max-w-48" value={validTo} onChange={(event) => setValidTo(event.target.value)} {...control} />
              )}
            </Field>
          </div>
          <Field id={ids.note} label={t("note")} error={error("note")}>
            {(control) => (
              <textarea rows={3} className={inputClasses} value={note} onChange={(event) => setNote(event.target.value)} {...control} />
            )}
          </Field>
        </div>
      )}
    </ConfirmAction>
  );
}
