import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/components/session/current-user";
import { LanguageSwitcher } from "./language-switcher";
import { OrganisationSwitcher } from "./organisation-switcher";
import { UserMenu } from "./user-menu";

export async function SiteHeader() {
  const t = await getTranslations("Layout");
  const header = await getTranslations("Header");
  const user = await currentUser();
  return (
    <header className="bg-brand-900 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link href="/" aria-label={t("homeLink")} className="text-xl font-semibold tracking-tight">
          Tillit
        </Link>
        <nav aria-label={t("mainNavigation")} className="flex flex-wrap items-center gap-4">
          <Link href="/register" className="text-white underline underline-offset-2 hover:no-underline">
            {header("publicRegister")}
          </Link>
          {user ? (
            <>
              <OrganisationSwitcher
                memberships={user.memberships.map(({ organisationSlug, organisationName }) => ({ organisationSlug, organisationName }))}
              />
              <UserMenu name={user.profile.name} platformRole={user.profile.platformRole} />
            </>
          ) : (
            <Link href="/sign-in" className="text-white underline underline-offset-2 hover:no-underline">
              {header("signIn")}
            </Link>
          )}
          <LanguageSwitcher />
        </nav>
      </div>
    </header>
  );
}
