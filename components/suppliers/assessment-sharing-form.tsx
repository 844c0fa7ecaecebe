"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiProblem, useProblemMessage } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";

/** The checkbox that shares an approved assessment with organisations using the same product. */
export function AssessmentSharingForm({
  organisationSlug,
  assessmentId,
  version,
  shared,
}: {
  organisationSlug: string;
  assessmentId: string;
  version: number;
  shared: boolean;
}) {
  const t = useTranslations("Suppliers.sharing");
  const trpc = useTRPC();
  const router = useRouter();
  const problemMessage = useProblemMessage();
  const [state, setState] = useState({ version, shared });
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const mutation = useMutation(trpc.assessments.setSharing.mutationOptions());
  const id = `assessment-sharing-${assessmentId}`;

  const onChange = async (next: boolean) => {
    setStatus(null);
    try {
      const result = await mutation.mutateAsync({ organisationSlug, id: assessmentId, version: state.version, shared: next });
      setState({ version: result.version, shared: result.shared });
      setStatus({ tone: "success", text: result.shared ? t("sharedNow") : t("notSharedNow") });
      router.refresh();
    } catch (error) {
      setStatus({ tone: "error", text: problemMessage(apiProblem(error)) });
    }
  };

  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-start gap-3">
        <input
          id={id}
          type="checkbox"
          className="mt-1 h-5 w-5"
          checked={state.shared}
          disabled={mutation.isPending}
          aria-describedby={`${id}-hint`}
          onChange={(event) => void onChange(event.target.checked)}
        />
        <div>
          <label htmlFor={id} className="font-medium">
            {t("label")}
          </label>
          <p id={`${id}-hint`} className="text-sm text-muted">
            {t("hint")}
          </p>
        </div>
      </div>
      <div aria-live="polite">
        {mutation.isPending ? <p className="text-sm">{t("saving")}</p> : null}
        {status ? <Alert tone={status.tone} title={status.text} /> : null}
      </div>
    </div>
  );
}
