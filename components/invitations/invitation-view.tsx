import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";
import type { CurrentUser } from "@/components/session/current-user";
import type { RouterOutputs } from "@/components/trpc/types";
import { signInUrl } from "@/components/trpc/sign-in-url";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { dateTimeFormat } from "@/components/ui/format";
import { AcceptInvitationButton } from "./accept-invitation-button";
import { NewAccountForm } from "./new-account-form";

type Preview = RouterOutputs["invitations"]["preview"];

/**
 * What the invitee sees: who invited them to what, and the one next step that fits
 * (join, sign in first, create an account), or why the link no longer works.
 */
export async function InvitationView({
  organisationSlug,
  token,
  preview,
  user,
}: {
  organisationSlug: string;
  token: string;
  preview: Preview;
  user: CurrentUser | null;
}) {
  const t = await getTranslations("Invitations");
  const roles = await getTranslations("Roles");
  const format = await getFormatter();
  const here = `/invitations/${organisationSlug}/${token}`;
  const signedInAsInvitee = user !== null && user.profile.email.toLowerCase() === preview.email.toLowerCase();
  const alreadyMember = user?.memberships.some((m) => m.organisationSlug === organisationSlug) ?? false;

  return (
    <section aria-labelledby="invitation-heading" className="max-w-2xl">
      <h1 id="invitation-heading" className="text-3xl font-bold text-brand-900">
        {t("heading", { organisation: preview.organisationName })}
      </h1>
      <p className="mt-4 text-lg">
        {t("intro", { organisation: preview.organisationName, role: roles(preview.role), email: preview.email })}
      </p>

      <div className="mt-6">
        {preview.status === "EXPIRED" ? (
          <Alert tone="warning" title={t("expiredTitle")}>
            {t("expiredBody", { date: format.dateTime(preview.expiresAt, dateTimeFormat) })}
          </Alert>
        ) : preview.status === "REVOKED" ? (
          <Alert tone="warning" title={t("revokedTitle")}>
            {t("revokedBody")}
          </Alert>
        ) : preview.status === "ACCEPTED" ? (
          <Alert tone="info" title={t("acceptedTitle")}>
            <p>{t("acceptedBody")}</p>
            {alreadyMember ? (
              <p className="mt-2">
                <Link href={`/${organisationSlug}`} className="text-brand-700 underline">
                  {t("openWorkspace", { organisation: preview.organisationName })}
                </Link>
              </p>
            ) : null}
          </Alert>
        ) : signedInAsInvitee ? (
          <>
            <p className="mb-4 text-muted">{t("expires", { date: format.dateTime(preview.expiresAt, dateTimeFormat) })}</p>
            <AcceptInvitationButton organisationSlug={organisationSlug} token={token} />
          </>
        ) : user !== null ? (
          <Alert tone="warning" title={t("wrongAccountTitle")}>
            <p>{t("wrongAccountBody", { invited: preview.email, current: user.profile.email })}</p>
            <div className="mt-3">
              <SignOutButton />
            </div>
          </Alert>
        ) : preview.accountExists ? (
          <>
            <p className="mb-4">{t("signInFirst", { email: preview.email })}</p>
            <Link href={signInUrl(here)} className={buttonClasses("primary")}>
              {t("signInToJoin")}
            </Link>
          </>
        ) : (
          <>
            <h2 className="text-xl font-semibold text-brand-900">{t("newAccount.heading")}</h2>
            <p className="mb-4 mt-2 text-muted">
              {t("newAccount.intro", { date: format.dateTime(preview.expiresAt, dateTimeFormat) })}
            </p>
            <NewAccountForm organisationSlug={organisationSlug} token={token} email={preview.email} />
          </>
        )}
      </div>
    </section>
  );
}
