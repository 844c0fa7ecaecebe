"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { ConfirmAction, confirmFieldId, LocalFieldProblems } from "@/components/ui/confirm-action";
import { Field } from "@/components/ui/field";
import { proposePublicationInput, retractPublicationInput } from "@/server/domain/public-register/schemas";
import type { PublicationAction } from "@/server/domain/public-register/workflow";

const textareaClasses = "w-full rounded border border-gray-500 bg-white px-3 py-2 text-ink aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700";

/** The publication's buttons, from allowedActions: each opens a confirm dialog. */
export function PublicationActions({
  organisationSlug,
  useCaseId,
  version,
  allowed,
  nextSnapshotVersion,
  hasPublishedVersion,
}: {
  organisationSlug: string;
  useCaseId: string;
  version: number;
  allowed: PublicationAction[];
  nextSnapshotVersion: number;
  hasPublishedVersion: boolean;
}) {
  const t = useTranslations("Publication.actions");
  const trpc = useTRPC();
  const router = useRouter();
  const [note, setNote] = useState("");
  const [reason, setReason] = useState("");
  const propose = useMutation(trpc.publication.propose.mutationOptions());
  const publish = useMutation(trpc.publication.publish.mutationOptions());
  const withdraw = useMutation(trpc.publication.withdraw.mutationOptions());
  const retract = useMutation(trpc.publication.retract.mutationOptions());
  const labels = { cancel: t("cancel"), working: t("working"), failed: t("failed"), reload: t("reload") };
  const base = { organisationSlug, useCaseId, version };
  const done = () => router.refresh();

  return (
    <div className="flex flex-wrap gap-3 print:hidden">
      {allowed.includes("propose") ? (
        <ConfirmAction
          trigger={hasPublishedVersion ? t("proposeNewVersion") : t("propose")}
          triggerVariant="primary"
          title={t("proposeTitle")}
          body={<p>{t("proposeBody")}</p>}
          confirmLabel={t("propose")}
          labels={labels}
          fields={["note"]}
          onOpen={() => setNote("")}
          perform={async () => {
            const parsed = proposePublicationInput.safeParse({ ...base, note });
            if (!parsed.success) throw new LocalFieldProblems([{ field: "note", code: "invalid", message: t("noteInvalid") }]);
            await propose.mutateAsync(parsed.data);
          }}
          onDone={done}
        >
          {({ error }) => (
            <Field id={confirmFieldId("note")} label={t("note")} error={error("note")}>
              {(control) => <textarea rows={4} className={textareaClasses} value={note} onChange={(event) => setNote(event.target.value)} {...control} />}
            </Field>
          )}
        </ConfirmAction>
      ) : null}
      {allowed.includes("publish") ? (
        <ConfirmAction
          trigger={t("publish")}
          triggerVariant="primary"
          title={t("publishTitle")}
          body={<p>{t("publishBody", { version: nextSnapshotVersion })}</p>}
          confirmLabel={t("publish")}
          labels={labels}
          perform={async () => {
            await publish.mutateAsync(base);
          }}
          onDone={done}
        />
      ) : null}
      {allowed.includes("withdraw") ? (
        <ConfirmAction
          trigger={t("withdraw")}
          title={t("withdrawTitle")}
          body={<p>{t("withdrawBody")}</p>}
          confirmLabel={t("withdraw")}
          labels={labels}
          perform={async () => {
            await withdraw.mutateAsync(base);
          }}
          onDone={done}
        />
      ) : null}
      {allowed.includes("retract") ? (
        <ConfirmAction
          trigger={t("retract")}
          triggerVariant="danger"
          confirmVariant="danger"
          title={t("retractTitle")}
          body={<p>{t("retractBody")}</p>}
          confirmLabel={t("retract")}
          labels={labels}
          fields={["reason"]}
          onOpen={() => setReason("")}
          perform={async () => {
            const parsed = retractPublicationInput.safeParse({ ...base, reason });
            if (!parsed.success) throw new LocalFieldProblems([{ field: "reason", code: "invalid", message: t("reasonInvalid") }]);
            await retract.mutateAsync(parsed.data);
          }}
          onDone={done}
        >
          {({ error }) => (
            <Field id={confirmFieldId("reason")} label={t("reason")} error={error("reason")}>
              {(control) => <textarea rows={4} className={textareaClasses} value={reason} onChange={(event) => setReason(event.target.value)} {...control} />}
            </Field>
          )}
        </ConfirmAction>
      ) : null}
    </div>
  );
}
