"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useId, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { apiProblem, useProblemMessage, useProblemText } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { fieldMessage, summaryErrors } from "@/components/ui/form-errors";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { asLocale } from "@/components/use-cases/fields";
import { assessmentPhaseLabels } from "@/server/domain/assessments/labels";
import { startAssessmentInput } from "@/server/domain/assessments/schemas";
import type { TemplateKind } from "@/server/domain/assessments/template-definition";

/** The plan of a new assessment, validated with the schema the server uses for `start`. */
const planSchema = startAssessmentInput.shape.plan;
type PlanValues = z.input<typeof planSchema>;
type PlanField = "phase" | "ownerId" | "dueOn";
const planFields: readonly PlanField[] = ["phase", "ownerId", "dueOn"];
const phases = ["BEFORE_DEVELOPMENT", "DEVELOPMENT", "OPERATION", "FOLLOW_UP"] as const;

/**
 * "Start assessment" for one template of a use case: a dialog with the plan (phase,
 * owner, due date); on success, straight to the new assessment.
 */
export function StartAssessmentButton({
  organisationSlug,
  useCaseId,
  templateKind,
  templateLabel,
  members,
}: {
  organisationSlug: string;
  useCaseId: string;
  templateKind: TemplateKind;
  templateLabel: string;
  members: { id: string; name: string }[];
  /** An approved assessment exists: this starts a new one. */
}) {
  const t = useTranslations("Assessments.start");
  const common = useTranslations("Common");
  const locale = asLocale(useLocale());
  const trpc = useTRPC();
  const router = useRouter();
  const problemMessage = useProblemMessage();
  const problemText = useProblemText();
  const id = useId();
  const ids = { phase: `${id}-phase`, ownerId: `${id}-owner`, dueOn: `${id}-due` };
  const [open, setOpen] = useState(false);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const start = useMutation(trpc.assessments.start.mutationOptions());
  const form = useForm<PlanValues, unknown, z.output<typeof planSchema>>({
    resolver: zodResolver(planSchema),
    defaultValues: { phase: "BEFORE_DEVELOPMENT", ownerId: "", dueOn: "" },
    mode: "onTouched",
  });
  const { errors, submitCount, isSubmitting } = form.formState;
  const messages = { phase: t("phaseInvalid"), ownerId: t("ownerInvalid"), dueOn: t("dueOnInvalid") };
  const close = useCallback(() => setOpen(false), []);

  const onSubmit = form.handleSubmit(async (plan) => {
    setFormErrors([]);
    try {
      const created = await start.mutateAsync({ organisationSlug, useCaseId, templateKind, plan });
      router.push(`/${organisationSlug}/assessments/${created.id}`);
    } catch (error) {
      const problem = apiProblem(error);
      const rest: string[] = [];
      for (const fieldError of problem.fieldErrors) {
        const name = fieldError.field.replace(/^plan\./, "");
        const field = planFields.find((candidate) => candidate === name);
        if (field) form.setError(field, { type: "server", message: problemText(fieldError) });
        else rest.push(problemText(fieldError));
      }
      if (problem.fieldErrors.length === 0) setFormErrors([problemMessage(problem)]);
      else if (rest.length > 0) setFormErrors(rest);
    }
  });

  const summary = summaryErrors(
    errors,
    planFields.map((name) => ({ name, id: ids[name], message: messages[name] })),
    formErrors,
  );
  const busy = isSubmitting || start.isPending || start.isSuccess;

  return (
    <>
      <Button
        variant="secondary"
        className="py-1"
        onClick={() => {
          setFormErrors([]);
          form.reset();
          setOpen(true);
        }}
      >
        {t("button")}
        <span className="sr-only"> {t("buttonContext", { template: templateLabel })}</span>
      </Button>
      <Dialog open={open} onClose={close} title={t("title", { template: templateLabel })} description={<p>{t("intro")}</p>}>
        <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
          <ErrorSummary title={common("errorSummaryTitle")} errors={summary} focusKey={submitCount} />
          <Field id={ids.phase} label={t("phase")} hint={t("phaseHint")} error={fieldMessage(errors.phase, messages.phase)}>
            {(control) => (
              <Select
                options={phases.map((phase) => ({ value: phase, label: assessmentPhaseLabels[phase][locale] }))}
                {...control}
                {...form.register("phase")}
              />
            )}
          </Field>
          <Field id={ids.ownerId} label={t("owner")} hint={t("ownerHint")} error={fieldMessage(errors.ownerId, messages.ownerId)}>
            {(control) => (
              <Select
                options={[{ value: "", label: t("noOwner") }, ...members.map((member) => ({ value: member.id, label: member.name }))]}
                {...control}
                {...form.register("ownerId")}
              />
            )}
          </Field>
          <Field id={ids.dueOn} label={t("dueOn")} hint={t("dueOnHint")} error={fieldMessage(errors.dueOn, messages.dueOn)}>
            {(control) => <Input type="date" className="max-w-48" {...control} {...form.register("dueOn")} />}
          </Field>
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={close}>
              {t("cancel")}
            </Button>
            <Button type="submit" disabled={busy}>
              {busy ? t("submitting") : t("submit")}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
