"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { apiProblem, useProblemMessage, useProblemText } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { fieldMessage, summaryErrors } from "@/components/ui/form-errors";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { asLocale } from "@/components/use-cases/fields";
import type { ResponsibilityRole } from "@/server/db/generated/enums";
import { responsibilityRoleLabels, responsibilityRoles } from "@/server/domain/responsibilities/labels";
import { type AssignmentFields, type AssignmentFieldsInput, assignmentFields } from "@/server/domain/responsibilities/schemas";

type FieldName = "role" | "userId" | "externalName" | "externalEmail" | "externalRoleTitle" | "validFrom" | "validTo" | "note";
const fieldNames: readonly FieldName[] = ["role", "userId", "externalName", "externalEmail", "externalRoleTitle", "validFrom", "validTo", "note"];

/**
 * "Tilldela ansvar": role, a member or an external contact, from (today by default), to
 * (optional) and a note; validated as you go with the schema the server uses. With
 * `replaces`, the role is fixed and the replaced assignment ends the day before.
 */
export function AssignForm({
  organisationSlug,
  useCaseId,
  members,
  today,
  fixedRole,
  replacesId,
  onDone,
}: {
  organisationSlug: string;
  useCaseId: string;
  members: { id: string; name: string }[];
  /** YYYY-MM-DD in Stockholm: the default start. */
  today: string;
  fixedRole?: ResponsibilityRole;
  replacesId?: string;
  onDone?: () => void;
}) {
  const t = useTranslations("Responsibilities.assign");
  const common = useTranslations("Common");
  const locale = asLocale(useLocale());
  const trpc = useTRPC();
  const router = useRouter();
  const problemMessage = useProblemMessage();
  const problemText = useProblemText();
  const id = useId();
  const ids = Object.fromEntries(fieldNames.map((name) => [name, `${id}-${name}`])) as Record<FieldName, string>;
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const assign = useMutation(trpc.responsibilities.assign.mutationOptions());
  const defaults: AssignmentFieldsInput = {
    role: fixedRole ?? "ACCOUNTABLE_OWNER",
    personKind: "MEMBER",
    userId: "",
    externalName: "",
    externalEmail: "",
    externalRoleTitle: "",
    validFrom: today,
    validTo: "",
    note: "",
  };
  const form = useForm<AssignmentFieldsInput, unknown, AssignmentFields>({
    resolver: zodResolver(assignmentFields),
    defaultValues: defaults,
    mode: "onTouched",
  });
  const { errors, submitCount, isSubmitting } = form.formState;
  const personKind = useWatch({ control: form.control, name: "personKind" });
  const messages: Record<FieldName, string> = {
    role: t("roleInvalid"),
    userId: t("memberInvalid"),
    externalName: t("externalNameInvalid"),
    externalEmail: t("externalEmailInvalid"),
    externalRoleTitle: t("externalRoleTitleInvalid"),
    validFrom: t("validFromInvalid"),
    validTo: t("validToInvalid"),
    note: t("noteInvalid"),
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setFormErrors([]);
    setDone(null);
    try {
      await assign.mutateAsync({ organisationSlug, useCaseId, replacesId: replacesId ?? null, ...values });
      const role = responsibilityRoleLabels[values.role][locale];
      form.reset({ ...defaults, role: fixedRole ?? values.role });
      setDone(t("done", { role }));
      router.refresh();
      onDone?.();
    } catch (error) {
      const problem = apiProblem(error);
      const rest: string[] = [];
      for (const fieldError of problem.fieldErrors) {
        const field = fieldNames.find((name) => name === fieldError.field);
        if (field) form.setError(field, { type: "server", message: problemText(fieldError) });
        else rest.push(problemText(fieldError));
      }
      if (problem.fieldErrors.length === 0) setFormErrors([problemMessage(problem)]);
      else if (rest.length > 0) setFormErrors(rest);
    }
  });

  const visible = fieldNames.filter((name) =>
    personKind === "MEMBER" ? !name.startsWith("external") : name !== "userId",
  );
  const summary = summaryErrors(
    errors,
    visible.map((name) => ({ name, id: ids[name], message: messages[name] })),
    formErrors,
  );
  const busy = isSubmitting || assign.isPending;
  const optional = t("optional");

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
      <ErrorSummary title={common("errorSummaryTitle")} errors={summary} focusKey={submitCount} />
      <p role="status" className={done ? "rounded border-l-4 border-green-700 bg-green-50 p-3" : "sr-only"}>
        {done}
      </p>
      {fixedRole ? (
        <input type="hidden" {...form.register("role")} />
      ) : (
        <Field id={ids.role} label={t("role")} error={fieldMessage(errors.role, messages.role)}>
          {(control) => (
            <Select
              className="max-w-md"
              options={responsibilityRoles.map((role) => ({ value: role, label: responsibilityRoleLabels[role][locale] }))}
              {...control}
              {...form.register("role")}
            />
          )}
        </Field>
      )}
      <fieldset className="flex flex-col gap-2">
        <legend className="font-medium">{t("person")}</legend>
        <div className="flex flex-wrap gap-4">
          <label className="flex items-center gap-2">
            <input type="radio" value="MEMBER" className="size-4" {...form.register("personKind")} />
            {t("personMember")}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" value="EXTERNAL" className="size-4" {...form.register("personKind")} />
            {t("personExternal")}
          </label>
        </div>
      </fieldset>
      {personKind === "MEMBER" ? (
        <Field id={ids.userId} label={t("member")} error={fieldMessage(errors.userId, messages.userId)}>
          {(control) => (
            <Select
              className="max-w-md"
              options={[{ value: "", label: t("chooseMember") }, ...members.map((member) => ({ value: member.id, label: member.name }))]}
              {...control}
              {...form.register("userId")}
            />
          )}
        </Field>
      ) : (
        <>
          <Field id={ids.externalName} label={t("externalName")} error={fieldMessage(errors.externalName, messages.externalName)}>
            {(control) => <Input className="max-w-md" autoComplete="off" {...control} {...form.register("externalName")} />}
          </Field>
          <Field
            id={ids.externalEmail}
            label={`${t("externalEmail")} (${optional})`}
            error={fieldMessage(errors.externalEmail, messages.externalEmail)}
          >
            {(control) => <Input type="email" className="max-w-md" autoComplete="off" {...control} {...form.register("externalEmail")} />}
          </Field>
          <Field
            id={ids.externalRoleTitle}
            label={`${t("externalRoleTitle")} (${optional})`}
            hint={t("externalRoleTitleHint")}
            error={fieldMessage(errors.externalRoleTitle, messages.externalRoleTitle)}
          >
            {(control) => <Input className="max-w-md" {...control} {...form.register("externalRoleTitle")} />}
          </Field>
        </>
      )}
      <div className="flex flex-wrap gap-4">
        <Field id={ids.validFrom} label={t("validFrom")} error={fieldMessage(errors.validFrom, messages.validFrom)}>
          {(control) => <Input type="date" className="max-w-48" {...control} {...form.register("validFrom")} />}
        </Field>
        <Field
          id={ids.validTo}
          label={`${t("validTo")} (${optional})`}
          hint={t("validToHint")}
          error={fieldMessage(errors.validTo, messages.validTo)}
        >
          {(control) => <Input type="date" className="max-w-48" {...control} {...form.register("validTo")} />}
        </Field>
      </div>
      <Field id={ids.note} label={`${t("note")} (${optional})`} error={fieldMessage(errors.note, messages.note)}>
        {(control) => (
          <textarea rows={2} className="w-full max-w-2xl rounded border border-gray-500 bg-white px-3 py-2" {...control} {...form.register("note")} />
        )}
      </Field>
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
