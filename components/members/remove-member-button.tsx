"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useState, useTransition } from "react";
import { apiProblem, useProblemMessage, type ApiProblem } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { useAnnounce } from "@/components/ui/announcer";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/** Remove a member, after a confirmation in a modal dialog. */
export function RemoveMemberButton({
  organisationSlug,
  organisationName,
  member,
}: {
  organisationSlug: string;
  organisationName: string;
  member: { userId: string; name: string; email: string; version: number };
}) {
  const t = useTranslations("Members");
  const trpc = useTRPC();
  const router = useRouter();
  const announce = useAnnounce();
  const problemMessage = useProblemMessage();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [reloading, startReload] = useTransition();
  const remove = useMutation(trpc.members.remove.mutationOptions());
  const close = useCallback(() => setOpen(false), []);

  async function confirm() {
    setProblem(null);
    try {
      await remove.mutateAsync({ organisationSlug, userId: member.userId, version: member.version });
      setOpen(false);
      announce(t("removed", { name: member.name }));
      router.refresh();
    } catch (error) {
      setProblem(apiProblem(error));
    }
  }

  const lastAdmin = problem?.code === "BAD_REQUEST" && problem.fieldErrors.some((e) => e.code === "membership.lastAdmin");
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
        {t("remove")}
        <span className="sr-only"> {member.name}</span>
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={t("removeTitle", { name: member.name })}
        description={<p>{t("removeBody", { name: member.name, email: member.email, organisation: organisationName })}</p>}
      >
        <div aria-live="assertive">
          {problem ? (
            <Alert tone="error" title={t("removeFailed")} className="mb-4">
              <p>{lastAdmin ? t("lastAdminRemove") : problemMessage(problem)}</p>
              {problem.code === "CONFLICT" ? (
                <Button
                  variant="secondary"
                  className="mt-2 py-1"
                  disabled={reloading}
                  onClick={() => {
                    setOpen(false);
                    startReload(() => router.refresh());
                  }}
                >
                  {t("reload")}
                </Button>
              ) : null}
            </Alert>
          ) : null}
        </div>
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            {t("cancel")}
          </Button>
          <Button variant="danger" onClick={confirm} disabled={remove.isPending}>
            {remove.isPending ? t("removing") : t("confirmRemove")}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
