"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("Error");
  return (
    <section aria-labelledby="error-heading" role="alert" className="max-w-2xl">
      <h1 id="error-heading" className="text-2xl font-bold text-brand-900">{t("heading")}</h1>
      <p className="mt-4">{t("body")}</p>
      {error.digest ? <p className="mt-2 text-sm text-muted">{t("reference", { id: error.digest })}</p> : null}
      <button type="button" onClick={reset} className="mt-6 rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-900">
        {t("retry")}
      </button>
    </section>
  );
}
