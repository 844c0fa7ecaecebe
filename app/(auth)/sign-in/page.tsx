import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { oidcSettings } from "@/server/auth/options";
import { getSessionUserId } from "@/server/auth/session";
import { parseSignInError, safeCallbackPath } from "@/server/auth/sign-in-flow";
import { env } from "@/server/env";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SignIn");
  return { title: t("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The app's own origin, so that next-auth's absolute callback URLs can be read as paths. */
function appOrigin(): string {
  const { NEXTAUTH_URL, HOSTNAME, PORT } = env();
  return new URL(NEXTAUTH_URL ?? `http://${HOSTNAME}:${PORT}`).origin;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(firstValue(params.callbackUrl), appOrigin());
  if (await getSessionUserId()) redirect(callbackPath);

  const t = await getTranslations("SignIn");
  return (
    <section aria-labelledby="sign-in-heading" className="mx-auto w-full max-w-md">
      <h1 id="sign-in-heading" className="text-3xl font-bold text-brand-900">
        {t("heading")}
      </h1>
      <p className="mt-2 mb-6 text-muted">{t("lead")}</p>
      <SignInForm
        callbackPath={callbackPath}
        initialError={parseSignInError(firstValue(params.error))}
        oidcProviderName={oidcSettings(env())?.name ?? null}
      />
    </section>
  );
}
