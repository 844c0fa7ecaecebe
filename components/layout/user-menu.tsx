import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";

/** The signed-in user's corner: who they are, the platform or oversight pages when theirs, sign out. */
export async function UserMenu({ name, platformRole }: { name: string; platformRole: "PLATFORM_ADMIN" | "OVERSIGHT" | null }) {
  const t = await getTranslations("Header");
  return (
    <div className="flex flex-wrap items-center gap-3">
      {platformRole === "PLATFORM_ADMIN" ? (
        <Link href="/platform/organisations" className="text-white underline underline-offset-2 hover:no-underline">
          {t("platform")}
        </Link>
      ) : null}
      {platformRole === "OVERSIGHT" ? (
        <Link href="/oversight" className="text-white underline underline-offset-2 hover:no-underline">
          {t("oversight")}
        </Link>
      ) : null}
      <Link href="/responsibilities" className="text-white underline underline-offset-2 hover:no-underline">
        {t("myResponsibilities")}
      </Link>
      <p className="text-sm">
        <span className="sr-only">{t("signedInAs")} </span>
        {name}
      </p>
      <SignOutButton />
    </div>
  );
}
