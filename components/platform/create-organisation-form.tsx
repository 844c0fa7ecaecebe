"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { apiProblem, useProblemMessage, useProblemText } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/provider";
import type { RouterOutputs } from "@/components/trpc/types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { applyServerFieldErrors, fieldMessage, summaryErrors } from "@/components/ui/form-errors";
import { dateTimeFormat } from "@/components/ui/format";
import { Input } from "@/components/ui/input";
import { createOrganisationInput } from "@/server/domain/organisations/schemas";
import {
  blankAsNull,
  OrganisationFieldset,
  organisationFieldNames,
  useOrganisationFieldMessages,
  type OrganisationFieldName,
} from "./organisation-fieldset";

type CreateValues = z.input<typeof createOrganisationInput>;
type Created = RouterOutputs["organisations"]["create"];
const fieldNames = [...organisationFieldNames, "firstAdminEmail"] as const;

/** A platform administrator adds an organisation and names its first administrator. */
export function CreateOrganisationForm() {
  const t = useTranslations("Platform.create");
  const common = useTranslations("Common");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const problemMessage = useProblemMessage();
  const problemText = useProblemText();
  const id = useId();
  const ids = Object.fromEntries(fieldNames.map((name) => [name, `${id}-${name}`])) as Record<(typeof fieldNames)[number], string>;
  const [created, setCreated] = useState<Created | null>(null);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const create = useMutation(trpc.organisations.create.mutationOptions());
  const form = useForm<CreateValues, unknown, z.output<typeof createOrganisationInput>>({
    resolver: zodResolver(createOrganisationInput),
    defaultValues: { name: "", organisationNumber: "", slug: "", contactEmail: null, websiteUrl: null, postalAddress: null, firstAdminEmail: "" },
    mode: "onTouched",
  });
  const { errors, submitCount, isSubmitting } = form.formState;
  const fieldMessages = useOrganisationFieldMessages();
  const messages: Record<(typeof fieldNames)[number], string> = { ...fieldMessages, firstAdminEmail: t("firstAdminEmailInvalid") };

  const onSubmit = form.handleSubmit(async (values) => {
    setFormErrors([]);
    setCreated(null);
    try {
      const result = await create.mutateAsync(values);
      setCreated(result);
      form.reset();
      router.refresh();
    } catch (error) {
      const problem = apiProblem(error);
      const rest = applyServerFieldErrors(problem.fieldErrors, fieldNames, form.setError, problemText);
      if (problem.fieldErrors.length === 0) setFormErrors([problemMessage(problem)]);
      else if (rest.length > 0) setFormErrors(rest.map((r) => `${r.field}: ${problemText(r)}`));
    }
  });

  const shownErrors = Object.fromEntries(
    organisationFieldNames.map((name) => [name, fieldMessage(errors[name], messages[name])]),
  ) as Partial<Record<OrganisationFieldName, string>>;
  const summary = summaryErrors(
    errors,
    fieldNames.map((name) => ({ name, id: ids[name], message: messages[name] })),
    formErrors,
  );

  return (
    <div className="flex flex-col gap-4">
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
        <ErrorSummary title={common("errorSummaryTitle")} errors={summary} focusKey={submitCount} />
        <OrganisationFieldset
          ids={ids}
          errors={shownErrors}
          registered={{
            name: form.register("name"),
            organisationNumber: form.register("organisationNumber"),
            kind: form.register("kind"),
            sector: form.register("sector"),
            slug: form.register("slug"),
            contactEmail: form.register("contactEmail", { setValueAs: blankAsNull }),
            websiteUrl: form.register("websiteUrl", { setValueAs: blankAsNull }),
              postalAddress: form.register("postalAddress", { setValueAs: blankAsNull }),
          }}
        />
        <Field
          id={ids.firstAdminEmail}
          label={t("firstAdminEmail")}
          hint={t("firstAdminEmailHint")}
          error={fieldMessage(errors.firstAdminEmail, messages.firstAdminEmail)}
        >
          {(control) => <Input type="email" autoComplete="off" {...control} {...form.register("firstAdminEmail")} />}
        </Field>
        <div>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? t("submitting") : t("submit")}
          </Button>
        </div>
      </form>
      <div aria-live="polite">
        {created ? (
          <Alert tone="success" title={t("createdTitle", { name: created.organisation.name })}>
            {created.invitation.mailed ? (
              <p>
                {t("mailedBody", {
                  email: created.invitation.email,
                  expires: format.dateTime(created.invitation.expiresAt, dateTimeFormat),
                })}
              </p>
            ) : (
              <>
                <p>
                  {t("linkBody", {
                    email: created.invitation.email,
                    expires: format.dateTime(created.invitation.expiresAt, dateTimeFormat),
                  })}
                </p>
                <div className="mt-3">
                  <CopyField
                    label={t("linkLabel")}
                    value={created.invitation.link}
                    copyLabel={common("copy")}
                    copiedMessage={common("copied")}
                    copyFailedMessage={common("copyFailed")}
                  />
                </div>
              </>
            )}
          </Alert>
        ) : null}
      </div>
    </div>
  );
}
