"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { useAnnounce } from "@/components/ui/announcer";
import { ConfirmAction } from "@/components/ui/confirm-action";

/** Revoke a pending invitation, after a confirmation: its link stops working. */
export function RevokeInvitationButton({
  organisationSlug,
  invitation,
}: {
  organisationSlug: string;
  invitation: { id: string; email: string };
}) {
  const t = useTranslations("Members.invitations");
  const members = useTranslations("Members");
  const trpc = useTRPC();
  const router = useRouter();
  const announce = useAnnounce();
  const revoke = useMutation(trpc.invitations.revoke.mutationOptions());
  return (
    <ConfirmAction
      trigger={
        <>
          {t("revoke")}
          <span className="sr-only"> {invitation.email}</span>
        </>
      }
      triggerClassName="border-red-700 py-1 text-red-700 hover:bg-red-50"
      title={t("revokeTitle")}
      body={<p>{t("revokeBody", { email: invitation.email })}</p>}
      confirmLabel={t("confirmRevoke")}
      confirmVariant="danger"
      labels={{ cancel: t("cancel"), working: t("revoking"), failed: t("revokeFailed"), reload: members("reload") }}
      perform={async () => {
        await revoke.mutateAsync({ organisationSlug, invitationId: invitation.id });
      }}
      onDone={() => {
        announce(t("revoked", { email: invitation.email }));
        router.refresh();
      }}
    />
  );
}
