"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Controller, useForm, type FieldError } from "react-hook-form";
import { apiProblem, useProblemMessage, useProblemText } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { describedByIds, Field, FieldMessages, inputClasses } from "@/components/ui/field";
import { applyServerFieldErrors, summaryErrors } from "@/components/ui/form-errors";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { countryName, countryOptions } from "@/server/domain/suppliers/countries";
import { productFields, type ProductFields, type ProductFieldsInput } from "@/server/domain/suppliers/schemas";

type Values = ProductFieldsInput;
const fieldNames = ["name", "modelProvider", "model", "euDatabaseRegistrationNumber", "hostingLocations", "certifications"] as const;
type Name = (typeof fieldNames)[number];

export interface EditedProduct {
  id: string;
  version: number;
  name: string;
  modelProvider: string | null;
  model: string | null;
  euDatabaseRegistrationNumber: string | null;
  hostingLocations: string[];
  certifications: string[];
}

/**
 * Add a product to a supplier, or edit one the organisation added: name, the AI model and
 * who makes it, where it runs (countries), certifications (one per line).
 */
export function ProductForm({
  organisationSlug,
  supplierId,
  product,
  onDone,
}: {
  organisationSlug: string;
  supplierId: string;
  /** The product to edit; without it, the form adds one. */
  product?: EditedProduct;
  onDone?: () => void;
}) {
  const t = useTranslations("Suppliers.productForm");
  const formT = useTranslations("Suppliers.form");
  const common = useTranslations("Common");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const problemMessage = useProblemMessage();
  const problemText = useProblemText();
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [countryToAdd, setCountryToAdd] = useState("SE");
  const [certificationText, setCertificationText] = useState((product?.certifications ?? []).join("\n"));
  const create = useMutation(trpc.suppliers.createProduct.mutationOptions());
  const update = useMutation(trpc.suppliers.updateProduct.mutationOptions());
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const prefix = product ? `product-${product.id}` : "product-new";
  const fieldId = (name: string) => `${prefix}-${name}`;
  const headingId = `${prefix}-heading`;

  const form = useForm<Values, unknown, ProductFields>({
    resolver: zodResolver(productFields),
    defaultValues: {
      name: product?.name ?? "",
      modelProvider: product?.modelProvider ?? "",
      model: product?.model ?? "",
      euDatabaseRegistrationNumber: product?.euDatabaseRegistrationNumber ?? "",
      hostingLocations: product?.hostingLocations ?? [],
      certifications: product?.certifications ?? [],
    },
    mode: "onTouched",
    reValidateMode: "onChange",
  });
  const { errors, isSubmitting } = form.formState;

  const messages: Record<Name, string> = {
    name: t("errors.name"),
    modelProvider: t("errors.text"),
    model: t("errors.text"),
    euDatabaseRegistrationNumber: t("errors.text"),
    hostingLocations: t("errors.hostingLocations"),
    certifications: t("errors.certifications"),
  };
  const errorOf = (name: Name) => {
    const error = (Array.isArray(errors[name]) ? undefined : errors[name]) as FieldError | undefined;
    const nested = errors[name] ? messages[name] : undefined;
    if (!error) return nested;
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
        if (product) {
          await update.mutateAsync({ organisationSlug, id: product.id, version: product.version, fields });
          router.refresh();
          onDone?.();
        } else {
          const created = await create.mutateAsync({ organisationSlug, supplierId, fields });
          router.push(`/${organisationSlug}/suppliers/products/${created.id}`);
        }
      } catch (error) {
        const problem = apiProblem(error);
        const rest = applyServerFieldErrors(
          problem.fieldErrors.map((e) => ({ ...e, field: e.field.replace(/^fields\./, "").replace(/\.\d+$/, "") })),
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

  const hostingError = errorOf("hostingLocations");
  const hostingId = fieldId("hostingLocations");

  return (
    <form noValidate onSubmit={onSubmit} className="flex max-w-xl flex-col gap-4" aria-labelledby={headingId}>
      <h3 id={headingId} className="text-lg font-semibold text-brand-900">
        {product ? t("editHeading", { name: product.name }) : t("createHeading")}
      </h3>
      <ErrorSummary title={common("errorSummaryTitle")} errors={attempt > 0 ? summary : []} focusKey={attempt} />
      <Field id={fieldId("name")} label={t("name")} required requiredLabel={formT("required")} error={errorOf("name")}>
        {(control) => <Input {...control} {...form.register("name")} aria-required="true" />}
      </Field>
      <Field id={fieldId("modelProvider")} label={t("modelProvider")} hint={t("modelProviderHint")} error={errorOf("modelProvider")}>
        {(control) => <Input {...control} {...form.register("modelProvider")} />}
      </Field>
      <Field id={fieldId("model")} label={t("model")} hint={t("modelHint")} error={errorOf("model")}>
        {(control) => <Input {...control} {...form.register("model")} />}
      </Field>
      <Field
        id={fieldId("euDatabaseRegistrationNumber")}
        label={t("euDatabaseRegistrationNumber")}
        hint={t("euDatabaseRegistrationNumberHint")}
        error={errorOf("euDatabaseRegistrationNumber")}
      >
        {(control) => <Input {...control} {...form.register("euDatabaseRegistrationNumber")} />}
      </Field>
      <Controller
        control={form.control}
        name="hostingLocations"
        render={({ field }) => {
          const selected = field.value ?? [];
          return (
            <fieldset id={hostingId} tabIndex={-1} className="flex flex-col gap-2" aria-describedby={describedByIds(hostingId, t("hostingHint"), hostingError)}>
              <legend className="font-medium">{t("hostingLocations")}</legend>
              <FieldMessages id={hostingId} hint={t("hostingHint")} error={hostingError} />
              {selected.length === 0 ? (
                <p className="text-sm text-muted">{t("noCountries")}</p>
              ) : (
                <ul className="flex flex-wrap gap-2">
                  {selected.map((code) => (
                    <li key={code} className="flex items-center gap-1 rounded border border-gray-400 px-2 py-1 text-sm">
                      <span>{countryName(code, locale)}</span>
                      <Button
                        variant="quiet"
                        className="px-1 py-0"
                        aria-label={t("removeCountry", { country: countryName(code, locale) })}
                        onClick={() => field.onChange(selected.filter((other) => other !== code))}
                      >
                        ×
                      </Button>
                    </li>
                  ))}
                </ul>
              )}
              <div className="flex flex-wrap items-end gap-2">
                <div className="flex flex-col gap-1">
                  <label htmlFor={fieldId("countryToAdd")} className="text-sm font-medium">
                    {t("countryToAdd")}
                  </label>
                  <Select id={fieldId("countryToAdd")} value={countryToAdd} onChange={(event) => setCountryToAdd(event.target.value)} options={countries} />
                </div>
                <Button
                  variant="secondary"
                  onClick={() => {
                    if (!selected.includes(countryToAdd)) field.onChange([...selected, countryToAdd]);
                  }}
                >
                  {t("addCountry")}
                </Button>
              </div>
            </fieldset>
          );
        }}
      />
      <Controller
        control={form.control}
        name="certifications"
        render={({ field }) => (
          <Field id={fieldId("certifications")} label={t("certifications")} hint={t("certificationsHint")} error={errorOf("certifications")}>
            {(control) => (
              <textarea
                {...control}
                name={field.name}
                ref={field.ref}
                rows={3}
                className={inputClasses}
                value={certificationText}
                onBlur={field.onBlur}
                onChange={(event) => {
                  setCertificationText(event.target.value);
                  field.onChange(
                    event.target.value
                      .split("\n")
                      .map((line) => line.trim())
                      .filter((line) => line !== ""),
                  );
                }}
              />
            )}
          </Field>
        )}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? formT("saving") : product ? t("save") : t("create")}
        </Button>
        {onDone ? (
          <Button variant="secondary" onClick={onDone}>
            {formT("cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
