"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Controller, useFieldArray, useForm, useWatch, type DefaultValues, type FieldError, type Path } from "react-hook-form";
import { z } from "zod";
import { apiProblem, useProblemMessage, useProblemText, type ApiProblem } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/provider";
import type { RouterOutputs } from "@/components/trpc/types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ErrorSummary, type SummaryError } from "@/components/ui/error-summary";
import { describedByIds, Field, FieldMessages, inputClasses, selectClasses } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { asLocale, enumOptions, fieldGroups, fieldOrder, isoDay, longTextFields, type FieldGroupKey, type UseCaseField } from "@/components/use-cases/fields";
import {
  acquisitionMethodLabels,
  affectedGroupLabels,
  aiActRoleLabels,
  aiTechniqueLabels,
  annexIIIAreaLabels,
  hostingLabels,
  lifecycleStageLabels,
  outputUseLabels,
  personalDataLabels,
  riskClassLabels,
  type Labels,
} from "@/server/domain/use-cases/labels";
import { brokenUseCaseRules } from "@/server/domain/use-cases/rules";
import { publishableFields, useCaseFields } from "@/server/domain/use-cases/schemas";
import { useUnsavedGuard } from "./use-unsaved-guard";

type Values = z.input<typeof useCaseFields>;
type Output = z.output<typeof useCaseFields>;
type UseCaseRecord = RouterOutputs["useCases"]["get"];
type PublishableField = (typeof publishableFields)[number];

/**
 * The form's schema: the server's record schema plus the register's rules across fields.
 * A rule's issue carries the rule's code as its message, which the form translates.
 */
const formSchema = useCaseFields.superRefine((value, ctx) => {
  for (const problem of brokenUseCaseRules(value)) {
    ctx.addIssue({ code: "custom", path: [problem.field], message: problem.code });
  }
});

const fieldId = (field: string) => `uc-${field}`;
const textOrEmpty = (value: string | null | undefined) => value ?? "";

function emptyValues(): DefaultValues<Values> {
  return {
    title: "",
    publicSummary: "",
    description: "",
    registryNumber: "",
    tags: [],
    businessArea: "",
    problemAndBenefit: "",
    intendedUsers: "",
    affectedGroups: [],
    humanOversight: "",
    appealProcess: "",
    legalBasis: "",
    legalReferences: [],
    necessity: "",
    subsidiarity: "",
    proportionality: "",
    alternativesConsidered: "",
    consequenceOfNotDeploying: "",
    techniques: [],
    modelsAndVersions: "",
    acquisitionMethod: null,
    supplierName: "",
    hosting: null,
    dataLeavesEea: null,
    dataSources: "",
    personalData: [],
    trainingData: "",
    lifecycleStage: "IDEA",
    startedOn: "",
    inUseSince: "",
    retiredOn: "",
    nextReviewOn: "",
    aiActRoles: [],
    riskClass: "UNDETERMINED",
    annexIIIArea: null,
    annexI: false,
    riskClassJustification: "",
    dpiaRequired: null,
    dpiaDone: false,
    friaRequired: null,
    friaDone: false,
    intendedForPublication: false,
    publicContactEmail: "",
    withheldFields: {},
  };
}

/** The record as the form edits it: empty strings for missing text, dates as YYYY-MM-DD. */
function recordValues(record: UseCaseRecord): Values {
  return {
    title: record.title,
    publicSummary: record.publicSummary,
    description: textOrEmpty(record.description),
    registryNumber: textOrEmpty(record.registryNumber),
    tags: [...record.tags],
    businessArea: record.businessArea,
    problemAndBenefit: textOrEmpty(record.problemAndBenefit),
    intendedUsers: textOrEmpty(record.intendedUsers),
    affectedGroups: [...record.affectedGroups],
    outputUse: record.outputUse,
    humanOversight: textOrEmpty(record.humanOversight),
    appealProcess: textOrEmpty(record.appealProcess),
    legalBasis: textOrEmpty(record.legalBasis),
    legalReferences: record.legalReferences.map((reference) => ({ title: reference.title, url: reference.url })),
    necessity: textOrEmpty(record.necessity),
    subsidiarity: textOrEmpty(record.subsidiarity),
    proportionality: textOrEmpty(record.proportionality),
    alternativesConsidered: textOrEmpty(record.alternativesConsidered),
    consequenceOfNotDeploying: textOrEmpty(record.consequenceOfNotDeploying),
    techniques: [...record.techniques],
    modelsAndVersions: textOrEmpty(record.modelsAndVersions),
    acquisitionMethod: record.acquisitionMethod,
    supplierName: textOrEmpty(record.supplierName),
    hosting: record.hosting,
    dataLeavesEea: record.dataLeavesEea,
    dataSources: textOrEmpty(record.dataSources),
    personalData: [...record.personalData],
    trainingData: textOrEmpty(record.trainingData),
    lifecycleStage: record.lifecycleStage,
    startedOn: isoDay(record.startedOn),
    inUseSince: isoDay(record.inUseSince),
    retiredOn: isoDay(record.retiredOn),
    nextReviewOn: isoDay(record.nextReviewOn),
    aiActRoles: [...record.aiActRoles],
    riskClass: record.riskClass,
    annexIIIArea: record.annexIIIArea,
    annexI: record.annexI,
    riskClassJustification: textOrEmpty(record.riskClassJustification),
    dpiaRequired: record.dpiaRequired,
    dpiaDone: record.dpiaDone,
    friaRequired: record.friaRequired,
    friaDone: record.friaDone,
    intendedForPublication: record.intendedForPublication,
    publicContactEmail: textOrEmpty(record.publicContactEmail),
    withheldFields: { ...record.withheldFields },
  };
}

const requiredFields = new Set<UseCaseField>(["title", "publicSummary", "businessArea", "outputUse", "lifecycleStage"]);


/**
 * Create or edit a use case, grouped as the record is. Validates as you type with the
 * server's schema and the register's rules; the server's field errors land on their
 * fields; a stale save explains who changed it and offers to reload.
 */
export function UseCaseForm({
  organisationSlug,
  record,
  businessAreas,
}: {
  organisationSlug: string;
  /** The use case to edit; without it, the form creates one. */
  record?: UseCaseRecord;
  businessAreas: string[];
}) {
  const t = useTranslations("UseCases");
  const common = useTranslations("Common");
  const locale = asLocale(useLocale());
  const trpc = useTRPC();
  const router = useRouter();
  const problemMessage = useProblemMessage();
  const problemText = useProblemText();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [newTag, setNewTag] = useState("");
  const create = useMutation(trpc.useCases.create.mutationOptions());
  const update = useMutation(trpc.useCases.update.mutationOptions());

  const form = useForm<Values, unknown, Output>({
    resolver: zodResolver(formSchema),
    defaultValues: record ? recordValues(record) : emptyValues(),
    mode: "onTouched",
    reValidateMode: "onChange",
  });
  const { errors, isDirty, isSubmitting } = form.formState;
  const references = useFieldArray({ control: form.control, name: "legalReferences" });
  const guard = useUnsavedGuard(isDirty, t("form.leaveConfirm"));
  const values = useWatch({ control: form.control });

  const liveRules = brokenUseCaseRules({
    lifecycleStage: values.lifecycleStage ?? "IDEA",
    riskClass: values.riskClass ?? "UNDETERMINED",
    annexIIIArea: values.annexIIIArea ?? null,
    annexI: values.annexI ?? false,
    riskClassJustification: values.riskClassJustification?.trim() || null,
    intendedForPublication: values.intendedForPublication ?? false,
    publicSummary: values.publicSummary ?? "",
    publicContactEmail: values.publicContactEmail?.trim() || null,
    startedOn: values.startedOn || null,
    inUseSince: values.inUseSince || null,
    retiredOn: values.retiredOn || null,
  });

  const label = (field: string) => t(`fields.${field}`);
  const errorText = (error: FieldError | undefined): string | undefined => {
    if (!error) return undefined;
    // The server's errors are translated when set; a rule's issue has its code as message.
    if (error.type === "server" && error.message) return error.message;
    if (error.type === "custom" && error.message) return problemText({ code: error.message, message: error.message });
    switch (error.type) {
      case "too_big":
        return t("errors.tooLong");
      case "too_small":
      case "invalid_type":
        return t("errors.required");
      case "invalid_format":
        return t("errors.format");
      default:
        return t("errors.invalid");
    }
  };
  const fieldError = (field: UseCaseField) => errorText(errors[field] as FieldError | undefined);
  const ruleHint = (field: UseCaseField): ReactNode => {
    if (errors[field]) return null;
    const live = liveRules.find((rule) => rule.field === field);
    return live ? (
      <span className="mt-1 block font-medium text-amber-900">
        {t("form.ruleHint")} {problemText(live)}
      </span>
    ) : null;
  };
  const hintFor = (field: UseCaseField): ReactNode => {
    const own = t.has(`hints.${field}`) ? t(`hints.${field}`) : null;
    const rule = ruleHint(field);
    return own || rule ? (
      <>
        {own}
        {rule}
      </>
    ) : undefined;
  };

  const summary: SummaryError[] = [...formErrors.map((message) => ({ fieldId: null, message }))];
  for (const field of fieldOrder) {
    if (field === "legalReferences") {
      (errors.legalReferences ?? []).forEach?.((item, index) => {
        if (!item) return;
        for (const part of ["title", "url"] as const) {
          const message = errorText(item[part]);
          if (message) summary.push({ fieldId: fieldId(`legalReferences-${index}-${part}`), message: `${label("legalReferences")} ${index + 1}, ${t(`form.reference.${part}`)}: ${message}` });
        }
      });
    } else if (field === "withheldFields") {
      for (const key of publishableFields) {
        const message = errorText(errors.withheldFields?.[key]);
        if (message) summary.push({ fieldId: fieldId(`withheld-${key}-reason`), message: `${t("form.withheldReasonFor", { field: label(key) })}: ${message}` });
      }
    } else {
      const message = fieldError(field);
      if (message) summary.push({ fieldId: fieldId(field), message: `${label(field)}: ${message}` });
    }
  }

  const onSubmit = form.handleSubmit(
    async (output) => {
      setProblem(null);
      setFormErrors([]);
      try {
        const id = record
          ? (await update.mutateAsync({ organisationSlug, id: record.id, version: record.version, useCase: output })).id
          : (await create.mutateAsync({ organisationSlug, useCase: output })).id;
        guard.allowLeave();
        router.push(`/${organisationSlug}/register/${id}`);
        router.refresh();
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

  // --- controls ---------------------------------------------------------------------

  const textControl = (field: UseCaseField & Path<Values>, options: { type?: string; list?: string; autoComplete?: string } = {}) => (
    <Field
      key={field}
      id={fieldId(field)}
      label={label(field)}
      hint={hintFor(field)}
      error={fieldError(field)}
      required={requiredFields.has(field)}
      requiredLabel={t("form.required")}
    >
      {(control) =>
        longTextFields.has(field) ? (
          <textarea rows={field === "publicSummary" || field === "modelsAndVersions" ? 3 : 5} className={inputClasses} {...control} {...form.register(field)} />
        ) : (
          <Input type={options.type ?? "text"} list={options.list} autoComplete={options.autoComplete ?? "off"} {...control} {...form.register(field)} />
        )
      }
    </Field>
  );

  const selectControl = (
    field: "outputUse" | "lifecycleStage" | "riskClass" | "acquisitionMethod" | "hosting" | "annexIIIArea",
    labels: Labels<string>,
    empty: string | null,
  ) => (
    <Field
      key={field}
      id={fieldId(field)}
      label={label(field)}
      hint={hintFor(field)}
      error={fieldError(field)}
      required={requiredFields.has(field)}
      requiredLabel={t("form.required")}
    >
      {(control) => (
        <select
          className={selectClasses}
          {...control}
          {...form.register(field, {
            setValueAs: (value: string) => (value === "" ? (field === "outputUse" ? undefined : null) : value),
          })}
        >
          {empty !== null ? <option value="">{empty}</option> : null}
          {enumOptions(labels, locale).map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  const triStateControl = (field: "dataLeavesEea" | "dpiaRequired" | "friaRequired") => (
    <Controller
      key={field}
      control={form.control}
      name={field}
      render={({ field: controller }) => (
        <Field id={fieldId(field)} label={label(field)} hint={hintFor(field)} error={fieldError(field)}>
          {(control) => (
            <select
              className={selectClasses}
              {...control}
              name={controller.name}
              ref={controller.ref}
              onBlur={controller.onBlur}
              value={controller.value === true ? "true" : controller.value === false ? "false" : ""}
              onChange={(event) => controller.onChange(event.target.value === "" ? null : event.target.value === "true")}
            >
              <option value="">{t("form.unknown")}</option>
              <option value="true">{t("yes")}</option>
              <option value="false">{t("no")}</option>
            </select>
          )}
        </Field>
      )}
    />
  );

  const checkboxControl = (field: "annexI" | "dpiaDone" | "friaDone" | "intendedForPublication") => {
    const hint = hintFor(field);
    const error = fieldError(field);
    return (
      <div key={field} className="flex flex-col gap-1">
        <div className="flex items-start gap-2">
          <input
            id={fieldId(field)}
            type="checkbox"
            className="mt-1 size-4"
            aria-describedby={describedByIds(fieldId(field), hint, error)}
            aria-invalid={error ? true : undefined}
            {...form.register(field)}
          />
          <label htmlFor={fieldId(field)} className="font-medium">
            {label(field)}
          </label>
        </div>
        <FieldMessages id={fieldId(field)} hint={hint} error={error} />
      </div>
    );
  };

  const checkboxGroup = (field: "affectedGroups" | "techniques" | "personalData" | "aiActRoles", labels: Labels<string>) => {
    const error = fieldError(field);
    const hint = hintFor(field);
    return (
      <fieldset
        key={field}
        className="flex flex-col gap-1"
        aria-describedby={describedByIds(fieldId(field), hint, error)}
      >
        <legend className="font-medium">{label(field)}</legend>
        <FieldMessages id={fieldId(field)} hint={hint} error={error} />
        <ul className="grid gap-1 sm:grid-cols-2">
          {enumOptions(labels, locale).map((option, index) => {
            const id = index === 0 ? fieldId(field) : `${fieldId(field)}-${option.value}`;
            return (
              <li key={option.value} className="flex items-start gap-2">
                <input id={id} type="checkbox" value={option.value} className="mt-1 size-4" {...form.register(field)} />
                <label htmlFor={id}>{option.label}</label>
              </li>
            );
          })}
        </ul>
      </fieldset>
    );
  };

  const tags = values.tags ?? [];
  const addTag = () => {
    const tag = newTag.trim();
    if (!tag) return;
    form.setValue("tags", [...new Set([...tags, tag])], { shouldDirty: true, shouldValidate: true });
    setNewTag("");
  };
  const tagsControl = () => (
    <fieldset key="tags" className="flex flex-col gap-2">
      <legend className="font-medium">{label("tags")}</legend>
      <FieldMessages id={fieldId("tags")} error={fieldError("tags")} />
      {tags.length > 0 ? (
        <ul className="flex flex-wrap gap-2">
          {tags.map((tag) => (
            <li key={tag} className="flex items-center gap-1 rounded border border-gray-300 px-2 py-1 text-sm">
              {tag}
              <Button
                variant="quiet"
                className="px-1 py-0"
                onClick={() =>
                  form.setValue(
                    "tags",
                    tags.filter((other) => other !== tag),
                    { shouldDirty: true, shouldValidate: true },
                  )
                }
              >
                {t("form.remove")}
                <span className="sr-only"> {tag}</span>
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={fieldId("tags")} className="text-sm">
            {t("form.newTag")}
          </label>
          <Input
            id={fieldId("tags")}
            value={newTag}
            maxLength={50}
            onChange={(event) => setNewTag(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                addTag();
              }
            }}
          />
        </div>
        <Button variant="secondary" onClick={addTag}>
          {t("form.addTag")}
        </Button>
      </div>
    </fieldset>
  );

  const referencesControl = () => (
    <fieldset key="legalReferences" className="flex flex-col gap-2">
      <legend className="font-medium">{label("legalReferences")}</legend>
      <p className="text-sm text-muted">{t("hints.legalReferences")}</p>
      {references.fields.length > 0 ? (
        <ol className="flex flex-col gap-3">
          {references.fields.map((item, index) => (
            <li key={item.id} className="grid gap-2 rounded border border-gray-300 p-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
              <Field
                id={fieldId(`legalReferences-${index}-title`)}
                label={`${t("form.reference.title")} ${index + 1}`}
                error={errorText(errors.legalReferences?.[index]?.title)}
              >
                {(control) => <Input {...control} {...form.register(`legalReferences.${index}.title`)} />}
              </Field>
              <Field
                id={fieldId(`legalReferences-${index}-url`)}
                label={`${t("form.reference.url")} ${index + 1}`}
                error={errorText(errors.legalReferences?.[index]?.url)}
              >
                {(control) => <Input type="url" inputMode="url" {...control} {...form.register(`legalReferences.${index}.url`)} />}
              </Field>
              <Button variant="secondary" onClick={() => references.remove(index)}>
                {t("form.remove")}
                <span className="sr-only"> {t("form.reference.item", { number: index + 1 })}</span>
              </Button>
            </li>
          ))}
        </ol>
      ) : null}
      <div>
        <Button variant="secondary" onClick={() => references.append({ title: "", url: "" })}>
          {t("form.addReference")}
        </Button>
      </div>
    </fieldset>
  );

  const withheld = values.withheldFields ?? {};
  const withheldControl = () => (
    <fieldset key="withheldFields" className="flex flex-col gap-2">
      <legend className="font-medium">{label("withheldFields")}</legend>
      <p className="text-sm text-muted">{t("hints.withheldFields")}</p>
      <ul className="flex flex-col gap-2">
        {publishableFields.map((key: PublishableField) => {
          const checked = withheld[key] !== undefined;
          return (
            <li key={key} className="flex flex-col gap-1">
              <div className="flex items-start gap-2">
                <input
                  id={fieldId(`withheld-${key}`)}
                  type="checkbox"
                  className="mt-1 size-4"
                  checked={checked}
                  onChange={(event) => {
                    if (event.target.checked) {
                      form.setValue(`withheldFields.${key}`, "", { shouldDirty: true });
                    } else {
                      const next = { ...withheld };
                      delete next[key];
                      form.setValue("withheldFields", next, { shouldDirty: true, shouldValidate: true });
                    }
                  }}
                />
                <label htmlFor={fieldId(`withheld-${key}`)}>{t("form.withhold", { field: label(key) })}</label>
              </div>
              {checked ? (
                <Field
                  id={fieldId(`withheld-${key}-reason`)}
                  label={t("form.withheldReasonFor", { field: label(key) })}
                  error={errorText(errors.withheldFields?.[key])}
                  required
                  requiredLabel={t("form.required")}
                  className="ml-6"
                >
                  {(control) => <Input {...control} {...form.register(`withheldFields.${key}`)} />}
                </Field>
              ) : null}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );

  const controlFor = (field: UseCaseField): ReactNode => {
    switch (field) {
      case "tags":
        return tagsControl();
      case "legalReferences":
        return referencesControl();
      case "withheldFields":
        return withheldControl();
      case "affectedGroups":
        return checkboxGroup(field, affectedGroupLabels);
      case "techniques":
        return checkboxGroup(field, aiTechniqueLabels);
      case "personalData":
        return checkboxGroup(field, personalDataLabels);
      case "aiActRoles":
        return checkboxGroup(field, aiActRoleLabels);
      case "outputUse":
        return selectControl(field, outputUseLabels, t("form.choose"));
      case "lifecycleStage":
        return selectControl(field, lifecycleStageLabels, null);
      case "riskClass":
        return selectControl(field, riskClassLabels, null);
      case "acquisitionMethod":
        return selectControl(field, acquisitionMethodLabels, t("form.notGiven"));
      case "hosting":
        return selectControl(field, hostingLabels, t("form.notGiven"));
      case "annexIIIArea":
        return selectControl(field, annexIIIAreaLabels, t("form.notApplicable"));
      case "dataLeavesEea":
      case "dpiaRequired":
      case "friaRequired":
        return triStateControl(field);
      case "annexI":
      case "dpiaDone":
      case "friaDone":
      case "intendedForPublication":
        return checkboxControl(field);
      case "startedOn":
      case "inUseSince":
      case "retiredOn":
      case "nextReviewOn":
        return textControl(field, { type: "date" });
      case "publicContactEmail":
        return textControl(field, { type: "email", autoComplete: "email" });
      case "businessArea":
        return textControl(field, { list: "uc-business-areas" });
      default:
        return textControl(field);
    }
  };

  const saving = isSubmitting || create.isPending || update.isPending;
  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-6">
      <p className="text-muted">{t("form.intro")}</p>
      <ErrorSummary title={common("errorSummaryTitle")} errors={attempt > 0 ? summary : []} focusKey={attempt} />
      <div aria-live="assertive">
        {problem ? (
          <Alert tone="error" title={t("form.conflictTitle")}>
            <p>{problemMessage(problem)}</p>
            <Button
              variant="secondary"
              className="mt-2 py-1"
              onClick={() => {
                guard.allowLeave();
                window.location.reload();
              }}
            >
              {t("reload")}
            </Button>
          </Alert>
        ) : null}
      </div>
      <datalist id="uc-business-areas">
        {businessAreas.map((area) => (
          <option key={area} value={area} />
        ))}
      </datalist>
      {fieldGroups.map((group) => (
        <fieldset key={group.key} className="flex flex-col gap-4 rounded border border-gray-300 p-4">
          <legend className="px-1 text-xl font-semibold text-brand-900">{t(`groups.${group.key satisfies FieldGroupKey}`)}</legend>
          {group.fields.map((field) => controlFor(field))}
        </fieldset>
      ))}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={saving}>
          {saving ? t("form.saving") : record ? t("form.save") : t("form.create")}
        </Button>
      </div>
    </form>
  );
}
