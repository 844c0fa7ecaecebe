import Link from "next/link";
import { getTranslations } from "next-intl/server";

type Current = "useCases" | "organisations" | "notYetPublished" | "completeness" | "fields" | "api" | null;

/** The public register's own navigation (every page of it, no sign-in). */
export async function PublicNav({ current }: { current: Current }) {
  const t = await getTranslations("PublicRegister.nav");
  const items: { key: Exclude<Current, null>; href: string }[] = [
    { key: "useCases", href: "/register" },
    { key: "organisations", href: "/register/organisations" },
    { key: "notYetPublished", href: "/register/not-yet-published" },
    { key: "completeness", href: "/register/completeness" },
    { key: "fields", href: "/register/fields" },
    { key: "api", href: "/register/api" },
  ];
  return (
    <nav aria-label={t("label")} className="mb-6 border-b border-gray-300 pb-2">
      <ul className="flex flex-wrap gap-4">
        {items.map((item) => (
          <li key={item.key}>
            <Link
              href={item.href}
              aria-current={item.key === current ? "page" : undefined}
              className={`text-brand-700 underline-offset-4 ${item.key === current ? "font-semibold underline" : "hover:underline"}`}
            >
              {t(item.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
