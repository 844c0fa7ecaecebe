"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { useAnnounce } from "@/components/ui/announcer";
import { ConfirmAction, confirmFieldId, LocalFieldProblems, type ConfirmActionLabels } from "@/components/ui/confirm-action";
import { Field, inputClasses } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { acceptRiskInput } from "@/server/domain/procurement/schemas";

export interface DecisionActionsAllowed {
  approve: boolean;
  reject: boolean;
  cancel: boolean;
  acceptRisk: boolean;
  delete: boolean;
}

/**
 * Approve, reject, cancel, delete, and the ADMIN's "Godta risken" with a required reason.
 * Each shows only with its permission and in the right status (the page decides); each
 * asks first and shows the server's refusal in its dialog.
 */
export function DecisionActions({
  organisationSlug,
  decision,
  blockingLabels,
  allowed,
  useCaseHref,
}: {
  organisationSlug: string;
  decision: { id: string; version: number };
  /** The blocking items in words, for the risk dialog. */
  blockingLabels: string[];
  allowed: DecisionActionsAllowed;
  useCaseHref: string;
}) {
  const t = useTranslations("Procurement.actions");
  const labels: ConfirmActionLabels = { cancel: t("confirm.cancel"), working: t("confirm.working"), failed: t("confirm.failed"), reload: t("confirm.reload") };
  const trpc = useTRPC();
  const router = useRouter();
  const announce = useAnnounce();
  const setStatus = useMutation(trpc.procurement.setStatus.mutationOptions());
  const acceptRisk = useMutation(trpc.procurement.acceptRisk.mutationOptions());
  const remove = useMutation(trpc.procurement.delete.mutationOptions());
  const [decidedOn, setDecidedOn] = useState("");
  const [reason, setReason] = useState("");
  const input = { organisationSlug, id: decision.id, version: decision.version };

  const done = (text: string) => () => {
    announce(text);
    router.refresh();
  };

  if (!Object.values(allowed).some(Boolean)) return null;

  const dateField = (
    <Field id={confirmFieldId("decidedOn")} label={t("decidedOn")} hint={t("decidedOnHint")}>
      {(control) => <Input type="date" {...control} value={decidedOn} onChange={(event) => setDecidedOn(event.target.value)} />}
    </Field>
  );

  return (
    <section aria-labelledby="decision-actions-heading">
      <h2 id="decision-actions-heading" className="sr-only">
        {t("heading")}
      </h2>
      <div className="flex flex-wrap items-start gap-2">
        {allowed.approve ? (
          <ConfirmAction
            trigger={t("approve")}
            triggerVariant="primary"
            title={t("approveTitle")}
            body={<p>{t("approveBody")}</p>}
            confirmLabel={t("approveConfirm")}
            labels={labels}
            onOpen={() => setDecidedOn("")}
            perform={async () => {
              await setStatus.mutateAsync({ ...input, status: "APPROVED", decidedOn: decidedOn || null });
            }}
            onDone={done(t("approveDone"))}
          >
            {dateField}
          </ConfirmAction>
        ) : null}
        {allowed.acceptRisk ? (
          <ConfirmAction
            trigger={t("acceptRisk")}
            title={t("acceptRiskTitle")}
            body={<p>{t("acceptRiskBody", { items: blockingLabels.join("; ") })}</p>}
            confirmLabel={t("acceptRiskConfirm")}
            labels={labels}
            fields={["reason"]}
            onOpen={() => setReason("")}
            perform={async () => {
              const parsed = acceptRiskInput.safeParse({ ...input, reason });
              if (!parsed.success) throw new LocalFieldProblems([{ field: "reason", code: "local", message: t("reasonRequired") }]);
              await acceptRisk.mutateAsync(parsed.data);
            }}
            onDone={done(t("acceptRiskDone"))}
          >
            {({ error }) => (
              <Field id={confirmFieldId("reason")} label={t("reason")} hint={t("reasonHint")} error={error("reason")} required requiredLabel={t("required")}>
                {(control) => (
                  <textarea {...control} rows={5} required maxLength={4000} value={reason} onChange={(event) => setReason(event.target.value)} className={inputClasses} />
                )}
              </Field>
            )}
          </ConfirmAction>
        ) : null}
        {allowed.reject ? (
          <ConfirmAction
            trigger={t("reject")}
            title={t("rejectTitle")}
            body={<p>{t("rejectBody")}</p>}
            confirmLabel={t("rejectConfirm")}
            confirmVariant="danger"
            labels={labels}
            onOpen={() => setDecidedOn("")}
            perform={async () => {
              await setStatus.mutateAsync({ ...input, status: "REJECTED", decidedOn: decidedOn || null });
            }}
            onDone={done(t("rejectDone"))}
          >
            {dateField}
          </ConfirmAction>
        ) : null}
        {allowed.cancel ? (
          <ConfirmAction
            trigger={t("cancel")}
            title={t("cancelTitle")}
            body={<p>{t("cancelBody")}</p>}
            confirmLabel={t("cancelConfirm")}
            confirmVariant="danger"
            labels={labels}
            perform={async () => {
              await setStatus.mutateAsync({ ...input, status: "CANCELLED", decidedOn: null });
            }}
            onDone={done(t("cancelDone"))}
          />
        ) : null}
        {allowed.delete ? (
          <ConfirmAction
            trigger={t("delete")}
            triggerVariant="danger"
            title={t("deleteTitle")}
            body={<p>{t("deleteBody")}</p>}
            confirmLabel={t("deleteConfirm")}
            confirmVariant="danger"
            labels={labels}
            perform={async () => {
              await remove.mutateAsync(input);
            }}
            onDone={() => {
              announce(t("deleteDone"));
              router.push(useCaseHref);
            }}
          />
        ) : null}
      </div>
    </section>
  );
}
