import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("Layout");
  return (
    <footer className="mt-16 border-t border-gray-200 bg-gray-50">
      <div className="mx-auto flex max-w-6xl flex-wrap justify-between gap-4 px-4 py-6 text-sm text-muted">
        <p>{t("footerText")}</p>
        <Link href="/api/health" prefetch={false} className="underline hover:text-ink">
          {t("health")}
        </Link>
      </div>
    </footer>
  );
}
