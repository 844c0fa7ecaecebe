"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { type ApiFieldError, apiProblem, useProblemMessage, useProblemText } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { applyServerFieldErrors, fieldMessage, summaryErrors } from "@/components/ui/form-errors";
import { Input } from "@/components/ui/input";
import { passwordMessages } from "@/server/auth/password-policy";
import { acceptAsNewUserInput } from "@/server/domain/access/schemas";

/** The server's input for invitations.acceptAsNewUser, plus the repeated password only the form needs. */
const newAccountForm = acceptAsNewUserInput
  .extend({ passwordAgain: z.string() })
  .refine((values) => values.password === values.passwordAgain, { path: ["passwordAgain"], message: "passwords differ" });

type NewAccountValues = z.input<typeof newAccountForm>;

/** No account yet: create one with the invited address, join, sign in and open the workspace. */
export function NewAccountForm({ organisationSlug, token, email }: { organisationSlug: string; token: string; email: string }) {
  const t = useTranslations("Invitations.newAccount");
  const common = useTranslations("Common");
  const trpc = useTRPC();
  const problemMessage = useProblemMessage();
  const problemText = useProblemText();
  const id = useId();
  const ids = { name: `${id}-name`, password: `${id}-password`, passwordAgain: `${id}-password-again` };
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [signInFailed, setSignInFailed] = useState(false);
  const [navigating, setNavigating] = useState(false);
  const acceptAsNewUser = useMutation(trpc.invitations.acceptAsNewUser.mutationOptions());
  const form = useForm<NewAccountValues, unknown, z.output<typeof newAccountForm>>({
    resolver: zodResolver(newAccountForm),
    defaultValues: { organisationSlug, token, name: "", password: "", passwordAgain: "" },
    mode: "onTouched",
  });
  const { errors, submitCount, isSubmitting } = form.formState;
  // The password rules' messages are exported constants, from the browser and the server alike.
  const passwordProblems: Record<string, string> = {
    [passwordMessages.tooShort]: t("passwordTooShort"),
    [passwordMessages.tooLong]: t("passwordTooLong"),
    [passwordMessages.tooGuessable]: t("passwordTooGuessable"),
    [passwordMessages.containsPersonalInformation]: t("passwordPersonal"),
  };
  const passwordError = errors.password?.message ? passwordProblems[errors.password.message] : undefined;
  const messages = {
    name: t("nameInvalid"),
    password: passwordError ?? t("passwordInvalid"),
    passwordAgain: t("passwordAgainInvalid"),
  };

  const onSubmit = form.handleSubmit(async ({ passwordAgain: _again, ...input }) => {
    setFormErrors([]);
    setSignInFailed(false);
    try {
      const account = await acceptAsNewUser.mutateAsync(input);
      const signedIn = await signIn("credentials", { email: account.email, password: input.password, redirect: false });
      if (!signedIn?.ok) {
        setSignInFailed(true);
        return;
      }
      setNavigating(true);
      // A full page load (not a client-side push), so the root layout's header is
      // rendered again with the new session.
      window.location.assign(new URL(`/${account.organisationSlug}`, window.location.href));
    } catch (error) {
      const problem = apiProblem(error);
      const text = (e: ApiFieldError) => passwordProblems[e.message] ?? problemText(e);
      const rest = applyServerFieldErrors(problem.fieldErrors, ["name", "password"] as const, form.setError, text);
      if (problem.fieldErrors.length === 0) setFormErrors([problemMessage(problem)]);
      else if (rest.length > 0) setFormErrors(rest.map(text));
    }
  });

  if (signInFailed) {
    return (
      <Alert tone="warning" title={t("createdTitle")} live="polite">
        <p>{t("createdSignInFailed")}</p>
        <p className="mt-2">
          <a href={`/sign-in?callbackUrl=${encodeURIComponent(`/${organisationSlug}`)}`} className="text-brand-700 underline">
            {t("signIn")}
          </a>
        </p>
      </Alert>
    );
  }

  const summary = summaryErrors(
    errors,
    [
      { name: "name", id: ids.name, message: messages.name },
      { name: "password", id: ids.password, message: messages.password },
      { name: "passwordAgain", id: ids.passwordAgain, message: messages.passwordAgain },
    ],
    formErrors,
  );
  const busy = isSubmitting || navigating;

  return (
    <form noValidate onSubmit={onSubmit} className="flex max-w-lg flex-col gap-4">
      <ErrorSummary title={common("errorSummaryTitle")} errors={summary} focusKey={submitCount} />
      <Field id={`${id}-email`} label={t("email")} hint={t("emailHint")}>
        {(control) => <Input type="email" autoComplete="username" readOnly value={email} {...control} />}
      </Field>
      <Field id={ids.name} label={t("name")} error={fieldMessage(errors.name, messages.name)}>
        {(control) => <Input autoComplete="name" {...control} {...form.register("name")} />}
      </Field>
      <Field id={ids.password} label={t("password")} hint={t("passwordHint")} error={passwordError ?? fieldMessage(errors.password, messages.password)}>
        {(control) => <Input type="password" autoComplete="new-password" {...control} {...form.register("password")} />}
      </Field>
      <Field
        id={ids.passwordAgain}
        label={t("passwordAgain")}
        error={fieldMessage(errors.passwordAgain, messages.passwordAgain)}
      >
        {(control) => <Input type="password" autoComplete="new-password" {...control} {...form.register("passwordAgain")} />}
      </Field>
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
