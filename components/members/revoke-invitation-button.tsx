"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { apiProblem, useProblemMessage, type ApiProblem } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { useAnnounce } from "@/components/ui/announcer";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/** Revoke a pending invitation, after a confirmation: its link stops working. */
export function RevokeInvitationButton({
  organisationSlug,
  invitation,
}: {
  organisationSlug: string;
  invitation: { id: string; email: string };
}) {
  const t = useTranslations("Members.invitations");
  const trpc = useTRPC();
  const router = useRouter();
  const announce = useAnnounce();
  const problemMessage = useProblemMessage();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const revoke = useMutation(trpc.invitations.revoke.mutationOptions());
  const close = useCallback(() => setOpen(false), []);

  async function confirm() {
    setProblem(null);
    try {
      await revoke.mutateAsync({ organisationSlug, invitationId: invitation.id });
      setOpen(false);
      announce(t("revoked", { email: invitation.email }));
      router.refresh();
    } catch (error) {
      setProblem(apiProblem(error));
    }
  }

  return (
    <>
      <Button
        variant="secondary"
        className="border-red-700 py-1 text-red-700 hover:bg-red-50"
        onClick={() => {
          setProblem(null);
          setOpen(true);
        }}
      >
        {t("revoke")}
        <span className="sr-only"> {invitation.email}</span>
      </Button>
      <Dialog open={open} onClose={close} title={t("revokeTitle")} description={<p>{t("revokeBody", { email: invitation.email })}</p>}>
        <div aria-live="assertive">
          {problem ? (
            <Alert tone="error" title={t("revokeFailed")} className="mb-4">
              {problemMessage(problem)}
            </Alert>
          ) : null}
        </div>
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            {t("cancel")}
          </Button>
          <Button variant="danger" onClick={confirm} disabled={revoke.isPending}>
            {t("confirmRevoke")}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
