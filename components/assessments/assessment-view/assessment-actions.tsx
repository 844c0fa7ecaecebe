"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { useAnnounce } from "@/components/ui/announcer";
import { ConfirmAction, confirmFieldId, LocalFieldProblems } from "@/components/ui/confirm-action";
import { Field, inputClasses } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { approveInput, requestChangesInput } from "@/server/domain/assessments/schemas";
import { useConfirmLabels } from "./confirm-labels";

export interface AssessmentActionsAllowed {
  submit: boolean;
  requestChanges: boolean;
  approve: boolean;
  /** A reviewer who answered or submitted it: a note instead of the approve button (four eyes). */
  approveBlocked: boolean;
  startNext: boolean;
  delete: boolean;
}

/**
 * The workflow: submit, request changes, approve, start the next version, delete a first
 * draft. Each shows only with its permission and in the right status (the page decides);
 * each asks first and shows the server's refusal in its dialog.
 */
export function AssessmentActions({
  organisationSlug,
  assessment,
  allowed,
}: {
  organisationSlug: string;
  assessment: { id: string; version: number; useCaseId: string; reviewIntervalMonths: number; title: string };
  allowed: AssessmentActionsAllowed;
}) {
  const t = useTranslations("Assessment.actions");
  const labels = useConfirmLabels();
  const trpc = useTRPC();
  const router = useRouter();
  const announce = useAnnounce();
  const submit = useMutation(trpc.assessments.submit.mutationOptions());
  const requestChanges = useMutation(trpc.assessments.requestChanges.mutationOptions());
  const approve = useMutation(trpc.assessments.approve.mutationOptions());
  const startNext = useMutation(trpc.assessments.startNextVersion.mutationOptions());
  const remove = useMutation(trpc.assessments.delete.mutationOptions());
  const [message, setMessage] = useState("");
  const [nextReviewOn, setNextReviewOn] = useState("");
  const base = `/${organisationSlug}/assessments/${assessment.id}`;
  const input = { organisationSlug, id: assessment.id, version: assessment.version };

  const done = (text: string) => () => {
    announce(text);
    router.refresh();
  };

  const anything = Object.values(allowed).some(Boolean);
  if (!anything) return null;

  return (
    <section aria-labelledby="actions-heading" className="print:hidden">
      <h2 id="actions-heading" className="sr-only">
        {t("heading")}
      </h2>
      <div className="flex flex-wrap items-start gap-2">
        {allowed.submit ? (
          <ConfirmAction
            trigger={t("submit")}
            triggerVariant="primary"
            title={t("submitTitle")}
            body={<p>{t("submitBody")}</p>}
            confirmLabel={t("submitConfirm")}
            labels={labels}
            perform={async () => {
              await submit.mutateAsync(input);
            }}
            onDone={done(t("submitDone"))}
            onProblem={(problem) => {
              if (problem.code !== "BAD_REQUEST" || !problem.fieldErrors.some((error) => error.field.startsWith("answers."))) return false;
              router.push(`${base}?showProblems=1`);
              router.refresh();
              return true;
            }}
          />
        ) : null}
        {allowed.requestChanges ? (
          <ConfirmAction
            trigger={t("requestChanges")}
            title={t("requestChangesTitle")}
            body={<p>{t("requestChangesBody")}</p>}
            confirmLabel={t("requestChangesConfirm")}
            labels={labels}
            fields={["message"]}
            onOpen={() => setMessage("")}
            perform={async () => {
              const parsed = requestChangesInput.safeParse({ ...input, message });
              if (!parsed.success) {
                throw new LocalFieldProblems([{ field: "message", code: "local", message: t("messageRequired") }]);
              }
              await requestChanges.mutateAsync(parsed.data);
            }}
            onDone={done(t("requestChangesDone"))}
          >
            {({ error }) => (
              <Field id={confirmFieldId("message")} label={t("message")} hint={t("messageHint")} error={error("message")} required requiredLabel={t("required")}>
                {(control) => (
                  <textarea
                    {...control}
                    rows={5}
                    required
                    maxLength={4000}
                    value={message}
                    onChange={(event) => setMessage(event.target.value)}
                    className={inputClasses}
                  />
                )}
              </Field>
            )}
          </ConfirmAction>
        ) : null}
        {allowed.approve ? (
          <ConfirmAction
            trigger={t("approve")}
            triggerVariant="primary"
            title={t("approveTitle")}
            body={<p>{t("approveBody")}</p>}
            confirmLabel={t("approveConfirm")}
            labels={labels}
            fields={["nextReviewOn"]}
            onOpen={() => setNextReviewOn("")}
            perform={async () => {
              const parsed = approveInput.safeParse({ ...input, nextReviewOn });
              if (!parsed.success) {
                throw new LocalFieldProblems([{ field: "nextReviewOn", code: "local", message: t("invalidDate") }]);
              }
              await approve.mutateAsync(parsed.data);
            }}
            onDone={done(t("approveDone"))}
          >
            {({ error }) => (
              <Field
                id={confirmFieldId("nextReviewOn")}
                label={t("nextReviewOn")}
                hint={t("nextReviewHint", { months: assessment.reviewIntervalMonths })}
                error={error("nextReviewOn")}
              >
                {(control) => <Input {...control} type="date" value={nextReviewOn} onChange={(event) => setNextReviewOn(event.target.value)} />}
              </Field>
            )}
          </ConfirmAction>
        ) : null}
        {allowed.startNext ? (
          <ConfirmAction
            trigger={t("startNext")}
            title={t("startNextTitle")}
            body={<p>{t("startNextBody")}</p>}
            confirmLabel={t("startNextConfirm")}
            labels={labels}
            perform={async () => {
              const { id } = await startNext.mutateAsync(input);
              announce(t("startNextDone"));
              router.push(`/${organisationSlug}/assessments/${id}`);
            }}
          />
        ) : null}
        {allowed.delete ? (
          <ConfirmAction
            trigger={t("delete")}
            triggerVariant="danger"
            title={t("deleteTitle", { title: assessment.title })}
            body={<p>{t("deleteBody")}</p>}
            confirmLabel={t("deleteConfirm")}
            confirmVariant="danger"
            labels={labels}
            perform={async () => {
              await remove.mutateAsync(input);
              router.push(`/${organisationSlug}/register/${assessment.useCaseId}?tab=assessments`);
            }}
          />
        ) : null}
      </div>
      {allowed.approveBlocked ? (
        <p className="mt-3 rounded border-l-4 border-brand-600 bg-brand-50 px-3 py-2 text-sm">
          <span className="font-semibold">{t("fourEyesTitle")}</span> {t("fourEyesNote")}
        </p>
      ) : null}
    </section>
  );
}
