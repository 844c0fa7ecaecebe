import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { defaultLocale, isLocale, localeCookieName, type Locale } from "./config";
import { loadMessages } from "./messages";

// Swedish first: the locale is the visitor's explicit choice (a cookie set by the
// language switch), never guessed from the browser, so shared links look the same.
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(localeCookieName)?.value;
  const locale: Locale = isLocale(chosen) ? chosen : defaultLocale;
  return {
    locale,
    // Swedish public sector: dates and times always in Swedish time, wherever the server runs.
    timeZone: "Europe/Stockholm",
    messages: await loadMessages(locale),
  };
});
