"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useDeferredValue, useState, type ReactNode } from "react";
import { useFieldArray, useForm, useWatch, type FieldError, type Path } from "react-hook-form";
import type { z } from "zod";
import { apiProblem, useProblemMessage, useProblemText, type ApiProblem } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ErrorSummary, type SummaryError } from "@/components/ui/error-summary";
import { Field, FieldMessages, describedByIds, inputClasses } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { asLocale } from "@/components/use-cases/fields";
import { useUnsavedGuard } from "@/components/use-cases/use-case-form/use-unsaved-guard";
import type { OrganisationKind } from "@/server/db/generated/enums";
import { today } from "@/server/domain/assessments/dates";
import { frameworkAgreements, frameworkFits } from "@/server/domain/procurement/framework-agreements";
import { frameworkBodyLabels, organisationKindLabels, procurementRouteLabels } from "@/server/domain/procurement/labels";
import { decisionRuleProblems, thresholdDay, thresholdsOf } from "@/server/domain/procurement/rules";
import { decisionFields, sekValue } from "@/server/domain/procurement/schemas";
import { ThresholdPanel } from "./threshold-panel";

type Values = z.input<typeof decisionFields>;
type Output = z.output<typeof decisionFields>;

/** The decision as the form edits it (the decision page passes the stored one). */
export interface DecisionFormRecord {
  id: string;
  version: number;
  values: Values;
  supplier: { id: string; name: string; products: { id: string; name: string }[] } | null;
}

const fieldOrder = [
  "route",
  "supplierId",
  "productId",
  "frameworkAgreementKey",
  "estimatedValueSek",
  "legalException",
  "legalExceptionJustification",
  "contractStartOn",
  "contractEndOn",
  "registryNumber",
  "decidedOn",
  "decisionMaker",
  "rationale",
  "documentLinks",
  "sharedWithOtherOrganisations",
] as const satisfies readonly Path<Values>[];
type FormField = (typeof fieldOrder)[number];

const fieldId = (field: string) => `pd-${field}`;
const isDay = (value: unknown): value is string => typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
const textOrNull = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);

function emptyValues(): Values {
  return {
    route: "FRAMEWORK_CALL_OFF",
    supplierId: "",
    productId: "",
    frameworkAgreementKey: "",
    estimatedValueSek: "",
    contractStartOn: "",
    contractEndOn: "",
    registryNumber: "",
    decidedOn: "",
    decisionMaker: "",
    rationale: "",
    documentLinks: [],
    legalException: "",
    legalExceptionJustification: "",
    sharedWithOtherOrganisations: false,
  };
}

/**
 * The schema the server uses, plus the decision's rules across fields (the direct-award
 * limit among them), so a direct award above the limit is refused before anything is sent.
 * A rule's issue carries its code as message; the form translates it with the rule's figures.
 */
function formSchema(organisationKind: OrganisationKind) {
  return decisionFields.superRefine((value, ctx) => {
    for (const problem of decisionRuleProblems(value, { organisationKind, today: today() })) {
      ctx.addIssue({ code: "custom", path: [problem.field], message: problem.code });
    }
  });
}

/**
 * Create or edit a procurement decision. Shows the threshold check live as the value, the
 * route and the date change (the same pure check the server runs), validates as you type
 * with the server's schema, puts the server's field errors on their fields, and explains a
 * stale save.
 */
export function DecisionForm({
  organisationSlug,
  useCaseId,
  organisationKind,
  record,
  onCancel,
  onSaved,
}: {
  organisationSlug: string;
  useCaseId: string;
  organisationKind: OrganisationKind;
  record?: DecisionFormRecord;
  onCancel?: () => void;
  onSaved?: () => void;
}) {
  const t = useTranslations("Procurement");
  const common = useTranslations("Common");
  const locale = asLocale(useLocale());
  const trpc = useTRPC();
  const router = useRouter();
  const problemText = useProblemText();
  const problemMessage = useProblemMessage();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [supplierQuery, setSupplierQuery] = useState("");
  const deferredQuery = useDeferredValue(supplierQuery.trim());
  const [chosenSupplier, setChosenSupplier] = useState(record?.supplier ?? null);
  const create = useMutation(trpc.procurement.create.mutationOptions());
  const update = useMutation(trpc.procurement.update.mutationOptions());
  const suppliers = useQuery(trpc.suppliers.search.queryOptions({ organisationSlug, ...(deferredQuery ? { q: deferredQuery } : {}) }));

  const form = useForm<Values, unknown, Output>({
    resolver: zodResolver(formSchema(organisationKind)),
    defaultValues: record?.values ?? emptyValues(),
    mode: "onTouched",
    reValidateMode: "onChange",
  });
  const { errors, isDirty, isSubmitting } = form.formState;
  const links = useFieldArray({ control: form.control, name: "documentLinks" });
  const guard = useUnsavedGuard(isDirty, t("form.leaveConfirm"));
  const values = useWatch({ control: form.control });

  // The live check and rules, from what is typed so far.
  const parsedValue = sekValue.safeParse(values.estimatedValueSek ?? null);
  const ruleFields = {
    route: values.route ?? "FRAMEWORK_CALL_OFF",
    estimatedValueSek: parsedValue.success ? parsedValue.data : null,
    decidedOn: isDay(values.decidedOn) ? values.decidedOn : null,
    frameworkAgreementKey: textOrNull(values.frameworkAgreementKey),
    contractStartOn: isDay(values.contractStartOn) ? values.contractStartOn : null,
    contractEndOn: isDay(values.contractEndOn) ? values.contractEndOn : null,
    legalException: textOrNull(values.legalException),
    legalExceptionJustification: textOrNull(values.legalExceptionJustification),
  };
  const context = { organisationKind, today: today() };
  const liveThresholds = thresholdsOf(ruleFields, context);
  const liveProblems = decisionRuleProblems(ruleFields, context);
  const refusal = liveProblems.find((rule) => rule.code === "procurement.directAwardAboveLimit");
  const isDirectAward = ruleFields.route === "DIRECT_AWARD";

  const label = (field: string) => t(`fields.${field}`);
  const errorText = (field: string, error: FieldError | undefined): string | undefined => {
    if (!error) return undefined;
    if (error.type === "server" && error.message) return error.message;
    if (error.type === "custom" && error.message?.includes(".")) {
      const live = liveProblems.find((rule) => rule.code === error.message && rule.field === field);
      return problemText(live ?? { code: error.message, message: error.message });
    }
    switch (error.type) {
      case "too_big":
        return t("errors.tooLong");
      case "too_small":
      case "invalid_type":
        return t("errors.required");
      case "invalid_format":
        return field.endsWith("url") ? t("errors.url") : field.endsWith("On") ? t("errors.date") : t("errors.format");
      case "custom":
        return field === "estimatedValueSek" ? t("errors.sek") : t("errors.invalid");
      default:
        return field === "estimatedValueSek" ? t("errors.sek") : t("errors.invalid");
    }
  };
  const fieldError = (field: FormField) => errorText(field, errors[field] as FieldError | undefined);

  const summary: SummaryError[] = [...formErrors.map((message) => ({ fieldId: null, message }))];
  for (const field of fieldOrder) {
    if (field === "documentLinks") {
      (errors.documentLinks ?? []).forEach?.((item, index) => {
        if (!item) return;
        for (const part of ["title", "url"] as const) {
          const message = errorText(part, item[part]);
          if (message) summary.push({ fieldId: fieldId(`link-${index}-${part}`), message: `${t("form.linkNumber", { number: index + 1 })}, ${label(part === "title" ? "linkTitle" : "linkUrl")}: ${message}` });
        }
      });
      continue;
    }
    const message = fieldError(field);
    if (message) summary.push({ fieldId: fieldId(field), message: `${label(field)}: ${message}` });
  }

  const onSubmit = form.handleSubmit(
    async (output) => {
      setProblem(null);
      setFormErrors([]);
      try {
        if (record) {
          await update.mutateAsync({ organisationSlug, id: record.id, version: record.version, fields: output });
          guard.allowLeave();
          onSaved?.();
          router.refresh();
        } else {
          const { id } = await create.mutateAsync({ organisationSlug, useCaseId, fields: output });
          guard.allowLeave();
          router.push(`/${organisationSlug}/procurement/${id}`);
        }
      } catch (error) {
        const failed = apiProblem(error);
        const rest = failed.fieldErrors.filter((fieldProblem) => {
          const [top = ""] = fieldProblem.field.split(".");
          if (!(fieldOrder as readonly string[]).includes(top)) return true;
          form.setError(fieldProblem.field as Path<Values>, { type: "server", message: problemText(fieldProblem) });
          return false;
        });
        if (failed.code === "CONFLICT") setProblem(failed);
        else if (failed.fieldErrors.length === 0) setFormErrors([problemMessage(failed)]);
        else if (rest.length > 0) setFormErrors(rest.map(problemText));
        setAttempt((n) => n + 1);
      }
    },
    () => setAttempt((n) => n + 1),
  );

  const text = (field: FormField & Path<Values>, options: { type?: string; long?: boolean; hint?: ReactNode; inputMode?: "numeric" } = {}) => (
    <Field id={fieldId(field)} label={label(field)} hint={options.hint ?? (t.has(`hints.${field}`) ? t(`hints.${field}`) : undefined)} error={fieldError(field)}>
      {(control) =>
        options.long ? (
          <textarea rows={4} className={inputClasses} {...control} {...form.register(field)} />
        ) : (
          <Input type={options.type ?? "text"} inputMode={options.inputMode} autoComplete="off" {...control} {...form.register(field)} />
        )
      }
    </Field>
  );

  const supplierOptions = [
    ...(chosenSupplier && !(suppliers.data?.items ?? []).some((item) => item.id === chosenSupplier.id) ? [chosenSupplier] : []),
    ...(suppliers.data?.items ?? []),
  ];
  const supplierRegister = form.register("supplierId");
  const frameworkKey = ruleFields.frameworkAgreementKey;
  const framework = frameworkKey ? frameworkAgreements.find((candidate) => candidate.key === frameworkKey) : undefined;
  const fits = framework ? frameworkFits(framework, organisationKind, thresholdDay(ruleFields, context.today)) : null;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={record ? t("actions.edit") : t("tab.newHeading")}>
      <ErrorSummary title={common("errorSummaryTitle")} errors={summary} focusKey={attempt} />
      {problem ? (
        <Alert tone="error" title={t("form.failed")} live="assertive">
          <p>{problemMessage(problem)}</p>
          <Button variant="secondary" className="mt-2 py-1" onClick={() => router.refresh()}>
            {t("form.reload")}
          </Button>
        </Alert>
      ) : null}

      <Field id={fieldId("route")} label={label("route")} error={fieldError("route")} required requiredLabel={t("form.required")}>
        {(control) => (
          <Select
            {...control}
            {...form.register("route")}
            options={Object.entries(procurementRouteLabels).map(([value, labels]) => ({ value, label: labels[locale] }))}
          />
        )}
      </Field>

      <fieldset className="flex flex-col gap-3 rounded border border-gray-300 p-4">
        <legend className="px-1 font-semibold">{label("supplierId")}</legend>
        <Field id={fieldId("supplierSearch")} label={label("supplierSearch")} hint={t("hints.supplierSearch")}>
          {(control) => <Input type="search" autoComplete="off" {...control} value={supplierQuery} onChange={(event) => setSupplierQuery(event.target.value)} />}
        </Field>
        <p role="status" className="text-sm text-muted">
          {suppliers.isFetching ? t("form.searching") : t("form.supplierResults", { count: suppliers.data?.items.length ?? 0 })}
        </p>
        <Field id={fieldId("supplierId")} label={label("supplierId")} error={fieldError("supplierId")}>
          {(control) => (
            <Select
              {...control}
              {...supplierRegister}
              onChange={(event) => {
                void supplierRegister.onChange(event);
                setChosenSupplier(supplierOptions.find((item) => item.id === event.target.value) ?? null);
                form.setValue("productId", "", { shouldDirty: true });
              }}
              options={[{ value: "", label: t("form.noSupplier") }, ...supplierOptions.map((item) => ({ value: item.id, label: item.name }))]}
            />
          )}
        </Field>
        <Field id={fieldId("productId")} label={label("productId")} error={fieldError("productId")}>
          {(control) => (
            <Select
              {...control}
              {...form.register("productId")}
              disabled={!chosenSupplier}
              options={[{ value: "", label: t("form.noProduct") }, ...(chosenSupplier?.products ?? []).map((product) => ({ value: product.id, label: product.name }))]}
            />
          )}
        </Field>
      </fieldset>

      <Field
        id={fieldId("frameworkAgreementKey")}
        label={label("frameworkAgreementKey")}
        hint={
          <>
            {t("hints.frameworkAgreementKey")}
            {framework ? (
              <span className="mt-1 block">
                {t("form.frameworkFor", { body: framework.bodyName, from: framework.validFrom, to: framework.validTo, scope: framework.scope })}
              </span>
            ) : null}
            {fits && !fits.inForce ? <span className="mt-1 block font-medium text-amber-900">{t("form.frameworkNotInForce")}</span> : null}
            {fits && !fits.forOrganisation ? (
              <span className="mt-1 block font-medium text-amber-900">{t("form.frameworkNotForKind", { kind: organisationKindLabels[organisationKind][locale].toLowerCase() })}</span>
            ) : null}
          </>
        }
        error={fieldError("frameworkAgreementKey")}
        required={ruleFields.route === "FRAMEWORK_CALL_OFF"}
        requiredLabel={t("form.required")}
      >
        {(control) => (
          <Select
            {...control}
            {...form.register("frameworkAgreementKey")}
            options={[
              { value: "", label: t("form.noFramework") },
              ...frameworkAgreements.map((agreement) => ({ value: agreement.key, label: `${agreement.name} (${frameworkBodyLabels[agreement.body][locale]})` })),
            ]}
          />
        )}
      </Field>

      {text("estimatedValueSek", { inputMode: "numeric" })}
      {refusal ? (
        <Alert tone="error" title={t("form.directAwardRefusedTitle")} live="polite">
          <p>{problemText(refusal)}</p>
        </Alert>
      ) : null}
      <ThresholdPanel id="pd-thresholds" live check={liveThresholds.check} noPeriodOn={liveThresholds.noPeriodOn} route={ruleFields.route} />

      {isDirectAward || ruleFields.legalException || ruleFields.legalExceptionJustification ? (
        <fieldset className="flex flex-col gap-3 rounded border border-gray-300 p-4">
          <legend className="px-1 font-semibold">{t("form.exceptionHeading")}</legend>
          {text("legalException")}
          {text("legalExceptionJustification", { long: true })}
        </fieldset>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-2">
        {text("contractStartOn", { type: "date" })}
        {text("contractEndOn", { type: "date" })}
        {text("registryNumber")}
        {text("decidedOn", { type: "date" })}
        {text("decisionMaker")}
      </div>
      {text("rationale", { long: true })}

      <fieldset className="flex flex-col gap-3">
        <legend className="font-semibold">{label("documentLinks")}</legend>
        {links.fields.map((link, index) => {
          const titleError = errorText("title", errors.documentLinks?.[index]?.title);
          const urlError = errorText("url", errors.documentLinks?.[index]?.url);
          return (
            <div key={link.id} className="flex flex-wrap items-end gap-2 rounded border border-gray-200 p-3">
              <Field id={fieldId(`link-${index}-title`)} label={`${t("form.linkNumber", { number: index + 1 })}: ${label("linkTitle")}`} error={titleError} className="min-w-48 flex-1">
                {(control) => <Input {...control} {...form.register(`documentLinks.${index}.title`)} />}
              </Field>
              <Field id={fieldId(`link-${index}-url`)} label={label("linkUrl")} error={urlError} className="min-w-64 flex-[2]">
                {(control) => <Input type="url" {...control} {...form.register(`documentLinks.${index}.url`)} />}
              </Field>
              <Button variant="quiet" onClick={() => links.remove(index)}>
                {t("form.removeLink", { title: values.documentLinks?.[index]?.title || t("form.linkNumber", { number: index + 1 }) })}
              </Button>
            </div>
          );
        })}
        <div>
          <Button variant="secondary" onClick={() => links.append({ title: "", url: "" })}>
            {t("form.addLink")}
          </Button>
        </div>
      </fieldset>

      <div className="flex items-start gap-2">
        <input
          id={fieldId("sharedWithOtherOrganisations")}
          type="checkbox"
          className="mt-1 h-4 w-4"
          aria-describedby={describedByIds(fieldId("sharedWithOtherOrganisations"), null, fieldError("sharedWithOtherOrganisations"))}
          {...form.register("sharedWithOtherOrganisations")}
        />
        <div>
          <label htmlFor={fieldId("sharedWithOtherOrganisations")}>{label("sharedWithOtherOrganisations")}</label>
          <FieldMessages id={fieldId("sharedWithOtherOrganisations")} error={fieldError("sharedWithOtherOrganisations")} />
        </div>
      </div>

      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting} aria-disabled={isSubmitting || undefined}>
          {isSubmitting ? t("form.saving") : record ? t("form.save") : t("form.create")}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t("form.cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
