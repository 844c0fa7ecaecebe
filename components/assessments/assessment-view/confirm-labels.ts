"use client";

import { useTranslations } from "next-intl";
import type { ConfirmActionLabels } from "@/components/ui/confirm-action";

/** The confirm dialog's own words, from this page's namespace. */
export function useConfirmLabels(): ConfirmActionLabels {
  const t = useTranslations("Assessment.confirm");
  return { cancel: t("cancel"), working: t("working"), failed: t("failed"), reload: t("reload") };
}
