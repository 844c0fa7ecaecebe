"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { useAnnounce } from "@/components/ui/announcer";
import { ConfirmAction } from "@/components/ui/confirm-action";

/**
 * Whether the use case is shared with DIGG's oversight, and (for an admin) the choice to
 * share it or stop: its own audited change, confirmed first.
 */
export function OversightSharing({
  organisationSlug,
  useCase,
  canChange,
}: {
  organisationSlug: string;
  useCase: { id: string; version: number; sharedWithOversight: boolean };
  canChange: boolean;
}) {
  const t = useTranslations("OversightSharing");
  const actions = useTranslations("UseCases.actions");
  const common = useTranslations("UseCases");
  const trpc = useTRPC();
  const router = useRouter();
  const announce = useAnnounce();
  const share = useMutation(trpc.useCases.shareWithOversight.mutationOptions());
  const shared = useCase.sharedWithOversight;
  return (
    <section aria-labelledby="oversight-sharing-heading" className="mt-8 flex flex-col gap-2 border-t border-gray-200 pt-4">
      <h2 id="oversight-sharing-heading" className="text-xl font-semibold text-brand-900">
        {t("heading")}
      </h2>
      <p>{shared ? t("shared") : t("notShared")}</p>
      {canChange ? (
        <div className="print:hidden">
          <ConfirmAction
            trigger={shared ? t("stopSharing") : t("share")}
            title={shared ? t("stopSharing") : t("share")}
            body={<p>{shared ? t("confirmStop") : t("confirmShare")}</p>}
            confirmLabel={shared ? t("stopSharing") : t("share")}
            labels={{ cancel: actions("cancel"), working: actions("working"), failed: actions("failed"), reload: common("reload") }}
            perform={async () => {
              await share.mutateAsync({ organisationSlug, id: useCase.id, version: useCase.version, shared: !shared });
            }}
            onDone={() => {
              announce(t("done"));
              router.refresh();
            }}
          />
        </div>
      ) : null}
    </section>
  );
}
