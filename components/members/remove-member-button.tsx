"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { useAnnounce } from "@/components/ui/announcer";
import { ConfirmAction } from "@/components/ui/confirm-action";

const dangerTrigger = "border-red-700 py-1 text-red-700 hover:bg-red-50";

/** Remove a member, after a confirmation in a modal dialog; their responsibilities are flagged for reassignment. */
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
  const remove = useMutation(trpc.members.remove.mutationOptions());
  return (
    <ConfirmAction
      trigger={
        <>
          {t("remove")}
          <span className="sr-only"> {member.name}</span>
        </>
      }
      triggerClassName={dangerTrigger}
      title={t("removeTitle", { name: member.name })}
      body={
        <>
          <p>{t("removeBody", { name: member.name, email: member.email, organisation: organisationName })}</p>
          <p className="mt-2">{t("removeResponsibilities", { name: member.name })}</p>
        </>
      }
      confirmLabel={t("confirmRemove")}
      confirmVariant="danger"
      labels={{ cancel: t("cancel"), working: t("removing"), failed: t("removeFailed"), reload: t("reload") }}
      perform={async () => {
        await remove.mutateAsync({ organisationSlug, userId: member.userId, version: member.version });
      }}
      onDone={() => {
        announce(t("removed", { name: member.name }));
        router.refresh();
      }}
    />
  );
}
