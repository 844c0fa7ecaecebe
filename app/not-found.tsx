import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("NotFound");
  return (
    <section aria-labelledby="not-found-heading" className="max-w-2xl">
      <h1 id="not-found-heading" className="text-2xl font-bold text-brand-900">{t("heading")}</h1>
      <p className="mt-4">{t("body")}</p>
      <p className="mt-6">
        <Link href="/" className="text-brand-700 underline">{t("back")}</Link>
      </p>
    </section>
  );
}
