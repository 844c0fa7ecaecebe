"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { useAnnounce } from "@/components/ui/announcer";

/** Refresh the overview's maintained aggregates now, then show the page with the new figures. */
export function RefreshFigures() {
  const t = useTranslations("OversightOverview");
  const trpc = useTRPC();
  const router = useRouter();
  const announce = useAnnounce();
  const refresh = useMutation(trpc.overview.refreshOversight.mutationOptions());
  return (
    <div className="flex flex-wrap items-center gap-3 print:hidden">
      <button
        type="button"
        className="rounded border border-brand-700 px-3 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-70"
        disabled={refresh.isPending}
        aria-disabled={refresh.isPending}
        onClick={() =>
          refresh.mutate(undefined, {
            onSuccess: () => {
              announce(t("refreshDone"));
              router.refresh();
            },
          })
        }
      >
        {refresh.isPending ? t("refreshing") : t("refresh")}
      </button>
      {refresh.isError ? (
        <p role="alert" className="text-sm text-red-800">
          {t("refreshFailed")}
        </p>
      ) : null}
    </div>
  );
}
