"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { apiProblem, useProblemMessage, useProblemText } from "@/components/trpc/errors";
import { dateTimeFormat } from "@/components/ui/format";
import { useTRPC } from "@/components/trpc/provider";
import type { RouterOutputs } from "@/components/trpc/types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { applyServerFieldErrors, fieldMessage, summaryErrors } from "@/components/ui/form-errors";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { inviteMemberInput } from "@/server/domain/access/schemas";
import { organisationRoles } from "@/server/domain/access/permissions";

type InviteValues = z.input<typeof inviteMemberInput>;
type CreatedInvitation = RouterOutputs["invitations"]["create"];

/** Invite someone by email with a role; shows the link to pass on when no mail went out. */
export function InviteMemberForm({ organisationSlug }: { organisationSlug: string }) {
  const t = useTranslations("Members.invite");
  const common = useTranslations("Common");
  const roles = useTranslations("Roles");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const problemMessage = useProblemMessage();
  const problemText = useProblemText();
  const id = useId();
  const ids = { email: `${id}-email`, role: `${id}-role` };
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const invite = useMutation(trpc.invitations.create.mutationOptions());
  const form = useForm<InviteValues, unknown, z.output<typeof inviteMemberInput>>({
    resolver: zodResolver(inviteMemberInput),
    defaultValues: { organisationSlug, email: "", role: "VIEWER" },
    mode: "onTouched",
  });
  const { errors, submitCount, isSubmitting } = form.formState;
  const messages = { email: t("emailInvalid"), role: t("roleInvalid") };

  const onSubmit = form.handleSubmit(async (values) => {
    setFormErrors([]);
    setCreated(null);
    try {
      const invitation = await invite.mutateAsync(values);
      setCreated(invitation);
      form.reset({ organisationSlug, email: "", role: values.role });
      router.refresh();
    } catch (error) {
      const problem = apiProblem(error);
      const rest = applyServerFieldErrors(problem.fieldErrors, ["email", "role"] as const, form.setError, problemText);
      if (problem.fieldErrors.length === 0) setFormErrors([problemMessage(problem)]);
      else if (rest.length > 0) setFormErrors(rest.map(problemText));
    }
  });

  const summary = summaryErrors(
    errors,
    [
      { name: "email", id: ids.email, message: messages.email },
      { name: "role", id: ids.role, message: messages.role },
    ],
    formErrors,
  );

  return (
    <div className="flex flex-col gap-4">
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4" aria-describedby={`${id}-intro`}>
        <p id={`${id}-intro`} className="text-muted">
          {t("intro")}
        </p>
        <ErrorSummary title={common("errorSummaryTitle")} errors={summary} focusKey={submitCount} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={ids.email} label={t("email")} hint={t("emailHint")} error={fieldMessage(errors.email, messages.email)}>
            {(control) => <Input type="email" autoComplete="off" spellCheck={false} {...control} {...form.register("email")} />}
          </Field>
          <Field id={ids.role} label={t("role")} hint={t("roleHint")} error={fieldMessage(errors.role, messages.role)}>
            {(control) => (
              <Select
                options={organisationRoles.map((role) => ({ value: role, label: roles(role) }))}
                {...control}
                {...form.register("role")}
              />
            )}
          </Field>
        </div>
        <div>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? t("submitting") : t("submit")}
          </Button>
        </div>
      </form>
      <div aria-live="polite">
        {created ? (
          created.mailed ? (
            <Alert tone="success" title={t("mailedTitle")}>
              {t("mailedBody", { email: created.email, expires: format.dateTime(created.expiresAt, dateTimeFormat) })}
            </Alert>
          ) : (
            <Alert tone="info" title={t("linkTitle")}>
              <p>{t("linkBody", { email: created.email, expires: format.dateTime(created.expiresAt, dateTimeFormat) })}</p>
              <div className="mt-3">
                <CopyField
                  label={t("linkLabel")}
                  value={created.link}
                  copyLabel={common("copy")}
                  copiedMessage={common("copied")}
                  copyFailedMessage={common("copyFailed")}
                />
              </div>
            </Alert>
          )
        ) : null}
      </div>
    </div>
  );
}
