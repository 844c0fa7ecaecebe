"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { useAnnounce } from "@/components/ui/announcer";
import { buttonClasses } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";

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
  const archive = useMutation(trpc.useCases.archive.mutationOptions());
  const restore = useMutation(trpc.useCases.restore.mutationOptions());
  const remove = useMutation(trpc.useCases.delete.mutationOptions());
  const input = { organisationSlug, id: useCase.id, version: useCase.version };
  const mutations = { archive, restore, delete: remove };
  const labels = { cancel: t("cancel"), working: t("working"), failed: t("failed"), reload: common("reload") };

  const action = (name: Action) => (
    <ConfirmAction
      trigger={t(name)}
      triggerVariant={name === "delete" ? "danger" : "secondary"}
      title={t(`${name}Title`, { title: useCase.title })}
      body={<p>{t(`${name}Body`)}</p>}
      confirmLabel={t(`${name}Confirm`)}
      confirmVariant={name === "delete" ? "danger" : "primary"}
      labels={labels}
      perform={async () => {
        await mutations[name].mutateAsync(input);
      }}
      onDone={() => {
        announce(t(`${name}Done`, { title: useCase.title }));
        if (name === "delete") router.push(`/${organisationSlug}/register`);
        router.refresh();
      }}
    />
  );

  if (!allowed.edit && !allowed.archive && !allowed.restore && !allowed.delete) return null;
  return (
    <div className="flex flex-wrap gap-2 print:hidden">
      {allowed.edit ? (
        <Link href={`/${organisationSlug}/register/${useCase.id}/edit`} className={buttonClasses("primary")}>
          {t("edit")}
        </Link>
      ) : null}
      {allowed.archive ? action("archive") : null}
      {allowed.restore ? action("restore") : null}
      {allowed.delete ? action("delete") : null}
    </div>
  );
}
