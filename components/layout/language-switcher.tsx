import { getLocale, getTranslations } from "next-intl/server";
import { locales } from "@/server/i18n/config";
import { chooseLocale } from "@/server/i18n/actions";

/** A form per language, so switching works with or without JavaScript. */
export async function LanguageSwitcher() {
  const current = await getLocale();
  const t = await getTranslations("Layout");
  const names = await getTranslations("Languages");
  const others = locales.filter((locale) => locale !== current);
  return (
    <div className="flex items-center gap-2">
      {others.map((locale) => (
        <form key={locale} action={chooseLocale}>
          <input type="hidden" name="locale" value={locale} />
          <button
            type="submit"
            lang={locale}
            aria-label={t("switchTo", { language: names(locale) })}
            className="rounded border border-white/60 px-3 py-1 text-sm text-white hover:bg-white/10"
          >
            {names(locale)}
          </button>
        </form>
      ))}
    </div>
  );
}
