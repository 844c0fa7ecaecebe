"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { apiProblem, useProblemMessage, type ApiProblem } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { useAnnounce } from "@/components/ui/announcer";
import { Button, buttonClasses } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

type Action = "archive" | "restore" | "delete";

/**
 * What the reader may do with the use case, by permission: edit, archive (after a
 * confirmation), restore an archived one, delete an idea for good (after a confirmation).
 */
export function UseCaseActions({
  organisationSlug,
  useCase,
  allowed,
}: {
  organisationSlug: string;
  useCase: { id: string; title: string; version: number };
  allowed: { edit: boolean; archive: boolean; restore: boolean; delete: boolean };
}) {
  const t = useTranslations("UseCases.actions");
  const common = useTranslations("UseCases");
  const trpc = useTRPC();
  const router = useRouter();
  const announce = useAnnounce();
  const problemMessage = useProblemMessage();
  const [open, setOpen] = useState<Action | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const archive = useMutation(trpc.useCases.archive.mutationOptions());
  const restore = useMutation(trpc.useCases.restore.mutationOptions());
  const remove = useMutation(trpc.useCases.delete.mutationOptions());
  const close = useCallback(() => setOpen(null), []);
  const input = { organisationSlug, id: useCase.id, version: useCase.version };
  const pending = archive.isPending || restore.isPending || remove.isPending;

  async function confirm(action: Action) {
    setProblem(null);
    try {
      if (action === "archive") await archive.mutateAsync(input);
      if (action === "restore") await restore.mutateAsync(input);
      if (action === "delete") await remove.mutateAsync(input);
      setOpen(null);
      announce(t(`${action}Done`, { title: useCase.title }));
      if (action === "delete") router.push(`/${organisationSlug}/register`);
      router.refresh();
    } catch (error) {
      setProblem(apiProblem(error));
    }
  }

  const start = (action: Action) => {
    setProblem(null);
    setOpen(action);
  };

  if (!allowed.edit && !allowed.archive && !allowed.restore && !allowed.delete) return null;
  return (
    <div className="flex flex-wrap gap-2 print:hidden">
      {allowed.edit ? (
        <Link href={`/${organisationSlug}/register/${useCase.id}/edit`} className={buttonClasses("primary")}>
          {t("edit")}
        </Link>
      ) : null}
      {allowed.archive ? (
        <Button variant="secondary" onClick={() => start("archive")}>
          {t("archive")}
        </Button>
      ) : null}
      {allowed.restore ? (
        <Button variant="secondary" onClick={() => start("restore")}>
          {t("restore")}
        </Button>
      ) : null}
      {allowed.delete ? (
        <Button variant="danger" onClick={() => start("delete")}>
          {t("delete")}
        </Button>
      ) : null}
      <Dialog
        open={open !== null}
        onClose={close}
        title={open ? t(`${open}Title`, { title: useCase.title }) : ""}
        description={open ? <p>{t(`${open}Body`)}</p> : null}
      >
        <div aria-live="assertive">
          {problem ? (
            <Alert tone="error" title={t("failed")} className="mb-4">
              <p>{problemMessage(problem)}</p>
              {problem.code === "CONFLICT" ? (
                <Button
                  variant="secondary"
                  className="mt-2 py-1"
                  onClick={() => {
                    setOpen(null);
                    router.refresh();
                  }}
                >
                  {common("reload")}
                </Button>
              ) : null}
            </Alert>
          ) : null}
        </div>
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            {t("cancel")}
          </Button>
          {open ? (
            <Button variant={open === "delete" ? "danger" : "primary"} onClick={() => confirm(open)} disabled={pending}>
              {pending ? t("working") : t(`${open}Confirm`)}
            </Button>
          ) : null}
        </div>
      </Dialog>
    </div>
  );
}
