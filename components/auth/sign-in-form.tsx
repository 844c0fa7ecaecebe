"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary, type SummaryError } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { parseSignInError, type SignInError, signInCredentialsSchema } from "@/server/auth/sign-in-flow";

interface FieldErrors {
  email?: string;
  password?: string;
}

export interface SignInFormProps {
  /** Where to go after signing in: a path on this site (see safeCallbackPath). */
  callbackPath: string;
  /** An error next-auth sent back to the page, e.g. an OIDC identity without an account. */
  initialError: SignInError | null;
  /** The OpenID Connect button's label, or null when OIDC is not configured. */
  oidcProviderName: string | null;
}

/** Email and password sign-in, and the OpenID Connect button when configured. */
export function SignInForm({ callbackPath, initialError, oidcProviderName }: SignInFormProps) {
  const t = useTranslations("SignIn");
  const id = useId();
  const ids = { email: `${id}-email`, password: `${id}-password`, showPassword: `${id}-show-password` };
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [showPassword, setShowPassword] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [signInError, setSignInError] = useState<SignInError | null>(initialError);
  const [attempts, setAttempts] = useState(0);
  const [busy, setBusy] = useState(false);

  function signInErrorMessage(error: SignInError): string {
    return error.kind === "throttled" ? t("throttled", { minutes: error.retryAfterMinutes }) : t(error.kind);
  }

  function validate(): FieldErrors {
    const parsed = signInCredentialsSchema.safeParse({ email, password });
    if (parsed.success) return {};
    const problems = new Set(parsed.error.issues.map((issue) => issue.path[0]));
    return {
      email: problems.has("email") ? (email.trim() === "" ? t("emailRequired") : t("emailInvalid")) : undefined,
      password: problems.has("password") ? (password === "" ? t("passwordRequired") : t("passwordTooLong")) : undefined,
    };
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setAttempts((count) => count + 1);
    setSignInError(null);
    const errors = validate();
    setFieldErrors(errors);
    if (errors.email || errors.password) return;

    setBusy(true);
    const result = await signIn("credentials", { email, password, redirect: false, callbackUrl: callbackPath }).catch(() => null);
    if (result?.ok && !result.error) {
      // A full page load rather than a client-side push: the root layout's header and any
      // cached queries were rendered for an anonymous visitor and must be rendered again.
      window.location.assign(callbackPath);
      return;
    }
    setBusy(false);
    setSignInError(parseSignInError(result?.error) ?? { kind: "failed" });
  }

  const summary: SummaryError[] = [
    ...(fieldErrors.email ? [{ fieldId: ids.email, message: fieldErrors.email }] : []),
    ...(fieldErrors.password ? [{ fieldId: ids.password, message: fieldErrors.password }] : []),
    ...(signInError ? [{ fieldId: null, message: signInErrorMessage(signInError) }] : []),
  ];

  return (
    <div className="flex flex-col gap-6">
      <ErrorSummary title={signInError ? t("errorTitle") : t("formErrorTitle")} errors={summary} focusKey={attempts} />
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4" aria-busy={busy}>
        <Field id={ids.email} label={t("email")} error={fieldErrors.email}>
          {(control) => (
            <Input
              {...control}
              name="email"
              type="email"
              inputMode="email"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <Field id={ids.password} label={t("password")} error={fieldErrors.password}>
          {(control) => (
            <Input
              {...control}
              name="password"
              type={showPassword ? "text" : "password"}
              autoComplete="current-password"
              autoCapitalize="none"
              spellCheck={false}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        <div className="flex items-center gap-2">
          <input
            id={ids.showPassword}
            type="checkbox"
            className="h-4 w-4"
            aria-controls={ids.password}
            checked={showPassword}
            onChange={(event) => setShowPassword(event.target.checked)}
          />
          <label htmlFor={ids.showPassword}>{t("showPassword")}</label>
        </div>
        <div>
          <Button type="submit" aria-disabled={busy}>
            {busy ? t("submitting") : t("submit")}
          </Button>
        </div>
      </form>
      {oidcProviderName ? (
        <div className="flex flex-col gap-3 border-t border-gray-300 pt-6">
          <p className="text-muted">{t("orWithProvider")}</p>
          <div>
            <Button variant="secondary" onClick={() => void signIn("oidc", { callbackUrl: callbackPath })}>
              {oidcProviderName}
            </Button>
          </div>
        </div>
      ) : null}
      <p className="text-sm text-muted">{t("howToGetAccount")}</p>
    </div>
  );
}
