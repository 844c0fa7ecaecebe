import { getTranslations } from "next-intl/server";

/** A response time in words: minutes, hours or days. */
export async function responseTime(seconds: number): Promise<string> {
  const t = await getTranslations("PublicRegister.reports");
  if (seconds < 3600) return t("minutes", { count: Math.max(1, Math.round(seconds / 60)) });
  if (seconds < 2 * 86_400) return t("hours", { count: Math.round(seconds / 3600) });
  return t("days", { count: Math.round(seconds / 86_400) });
}
