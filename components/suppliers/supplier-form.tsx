"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useForm, useWatch, type FieldError } from "react-hook-form";
import { apiProblem, useProblemMessage, useProblemText } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { applyServerFieldErrors, summaryErrors } from "@/components/ui/form-errors";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { countryOptions } from "@/server/domain/suppliers/countries";
import { supplierFields, type SupplierFields, type SupplierFieldsInput } from "@/server/domain/suppliers/schemas";

type Values = SupplierFieldsInput;
const fieldNames = ["name", "country", "organisationNumber"] as const;
const fieldId = (name: string) => `supplier-${name}`;

/**
 * Add a supplier to the shared catalogue, or edit one the organisation added. Validates
 * as you type with the server's schema; the server's field errors land on their fields.
 */
export function SupplierForm({
  organisationSlug,
  supplier,
  onDone,
}: {
  organisationSlug: string;
  /** The supplier to edit; without it, the form adds one. */
  supplier?: { id: string; version: number; name: string; country: string; organisationNumber: string | null };
  /** Called after a cancel or a saved edit. */
  onDone?: () => void;
}) {
  const t = useTranslations("Suppliers.form");
  const common = useTranslations("Common");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const problemMessage = useProblemMessage();
  const problemText = useProblemText();
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const create = useMutation(trpc.suppliers.create.mutationOptions());
  const update = useMutation(trpc.suppliers.update.mutationOptions());
  const countries = useMemo(() => countryOptions(locale), [locale]);

  const form = useForm<Values, unknown, SupplierFields>({
    resolver: zodResolver(supplierFields),
    defaultValues: {
      name: supplier?.name ?? "",
      country: supplier?.country ?? "SE",
      organisationNumber: supplier?.organisationNumber ?? "",
    },
    mode: "onTouched",
    reValidateMode: "onChange",
  });
  const { errors, isSubmitting } = form.formState;
  const country = useWatch({ control: form.control, name: "country" });

  const messages: Record<(typeof fieldNames)[number], string> = {
    name: t("errors.name"),
    country: t("errors.country"),
    organisationNumber: country === "SE" ? t("errors.organisationNumber") : t("errors.foreignNumber"),
  };
  const errorOf = (name: (typeof fieldNames)[number]) => {
    const error = errors[name] as FieldError | undefined;
    if (!error) return undefined;
    return error.type === "server" && error.message ? error.message : messages[name];
  };
  const summary = summaryErrors(
    errors,
    fieldNames.map((name) => ({ name, id: fieldId(name), message: messages[name] })),
    formError ? [formError] : [],
  );

  const onSubmit = form.handleSubmit(
    async (fields) => {
      setFormError(null);
      try {
        if (supplier) {
          await update.mutateAsync({ organisationSlug, id: supplier.id, version: supplier.version, fields });
          router.refresh();
          onDone?.();
        } else {
          const created = await create.mutateAsync({ organisationSlug, fields });
          router.push(`/${organisationSlug}/suppliers/${created.id}`);
        }
      } catch (error) {
        const problem = apiProblem(error);
        const rest = applyServerFieldErrors(
          problem.fieldErrors.map((e) => ({ ...e, field: e.field.replace(/^fields\./, "") })),
          fieldNames,
          form.setError,
          problemText,
        );
        if (rest.length > 0 || problem.fieldErrors.length === 0) setFormError(problemMessage({ ...problem, fieldErrors: rest }));
        setAttempt((n) => n + 1);
      }
    },
    () => setAttempt((n) => n + 1),
  );

  return (
    <form noValidate onSubmit={onSubmit} className="flex max-w-xl flex-col gap-4" aria-labelledby="supplier-form-heading">
      <h2 id="supplier-form-heading" className="text-xl font-semibold text-brand-900">
        {supplier ? t("editHeading") : t("createHeading")}
      </h2>
      <ErrorSummary title={common("errorSummaryTitle")} errors={attempt > 0 ? summary : []} focusKey={attempt} />
      <Field id={fieldId("name")} label={t("name")} required requiredLabel={t("required")} error={errorOf("name")}>
        {(control) => <Input {...control} {...form.register("name")} autoComplete="organization" aria-required="true" />}
      </Field>
      <Field id={fieldId("country")} label={t("country")} required requiredLabel={t("required")} error={errorOf("country")}>
        {(control) => <Select {...control} {...form.register("country")} options={countries} aria-required="true" />}
      </Field>
      <Field
        id={fieldId("organisationNumber")}
        label={t("organisationNumber")}
        hint={t("organisationNumberHint")}
        error={errorOf("organisationNumber")}
      >
        {(control) => <Input {...control} {...form.register("organisationNumber")} inputMode={country === "SE" ? "numeric" : "text"} />}
      </Field>
      {formError && attempt === 0 ? <Alert tone="error" title={formError} live="assertive" /> : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : supplier ? t("save") : t("create")}
        </Button>
        {onDone ? (
          <Button variant="secondary" onClick={onDone}>
            {t("cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
