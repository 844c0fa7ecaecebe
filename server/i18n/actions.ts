"use server";

import { cookies } from "next/headers";
import { isLocale, localeCookieName } from "./config";

/** The language switch: a plain form post, so it works without JavaScript. */
export async function chooseLocale(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(localeCookieName, locale, {
    path: "/",
    sameSite: "lax",
    httpOnly: false,
    maxAge: 60 * 60 * 24 * 365,
  });
}
