import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "./language-switcher";

export async function SiteHeader() {
  const t = await getTranslations("Layout");
  return (
    <header className="bg-brand-900 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link href="/" aria-label={t("homeLink")} className="text-xl font-semibold tracking-tight">
          Tillit
        </Link>
        <nav aria-label={t("mainNavigation")} className="flex items-center gap-4">
          <LanguageSwitcher />
        </nav>
      </div>
    </header>
  );
}
