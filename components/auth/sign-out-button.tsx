"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

/**
 * Ends the session and returns to the start page. Its border and text take the colour
 * around it, so it reads on the dark header and on a light panel alike.
 */
export function SignOutButton() {
  const t = useTranslations("SignOut");
  const [busy, setBusy] = useState(false);

  async function onClick() {
    if (busy) return;
    setBusy(true);
    await signOut({ callbackUrl: "/" }).catch(() => setBusy(false));
  }

  return (
    <button
      type="button"
      onClick={onClick}
      aria-disabled={busy}
      className="rounded border border-current px-3 py-1 text-sm hover:underline aria-disabled:opacity-70"
    >
      {busy ? t("signingOut") : t("button")}
    </button>
  );
}
