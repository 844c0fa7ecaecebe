"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { useAnnounce } from "@/components/ui/announcer";
import { ConfirmAction, confirmFieldId, LocalFieldProblems } from "@/components/ui/confirm-action";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select, type SelectOption } from "@/components/ui/select";
import { updateAssessmentPlanInput } from "@/server/domain/assessments/schemas";
import { useConfirmLabels } from "./confirm-labels";

export interface PlanMember {
  userId: string;
  name: string;
}

interface PlanValues {
  phase: string;
  ownerId: string;
  dueOn: string;
  nextReviewOn: string;
}

const planFields = ["plan.phase", "plan.ownerId", "plan.dueOn", "plan.nextReviewOn"] as const;

/** "Ändra": phase, owner (a member), due date and next review, checked with the server's schema. */
export function PlanDialog({
  organisationSlug,
  assessment,
  members,
  phases,
}: {
  organisationSlug: string;
  assessment: {
    id: string;
    version: number;
    phase: string;
    ownerId: string | null;
    dueOn: string | null;
    nextReviewOn: string | null;
    approved: boolean;
  };
  members: PlanMember[];
  phases: SelectOption[];
}) {
  const t = useTranslations("Assessment.plan");
  const labels = useConfirmLabels();
  const trpc = useTRPC();
  const router = useRouter();
  const announce = useAnnounce();
  const updatePlan = useMutation(trpc.assessments.updatePlan.mutationOptions());
  const initial = (): PlanValues => ({
    phase: assessment.phase,
    ownerId: assessment.ownerId ?? "",
    dueOn: assessment.dueOn ?? "",
    nextReviewOn: assessment.nextReviewOn ?? "",
  });
  const [values, setValues] = useState<PlanValues>(initial);
  const set = (key: keyof PlanValues) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));

  const localMessage: Record<string, string> = {
    "plan.phase": t("invalidPhase"),
    "plan.ownerId": t("invalidOwner"),
    "plan.dueOn": t("invalidDate"),
    "plan.nextReviewOn": t("invalidDate"),
  };

  async function perform() {
    const parsed = updateAssessmentPlanInput.safeParse({
      organisationSlug,
      id: assessment.id,
      version: assessment.version,
      plan: values,
    });
    if (!parsed.success) {
      throw new LocalFieldProblems(
        parsed.error.issues.map((issue) => {
          const field = issue.path.join(".");
          return { field, code: "local", message: localMessage[field] ?? issue.message };
        }),
      );
    }
    await updatePlan.mutateAsync(parsed.data);
  }

  const ownerOptions: SelectOption[] = [{ value: "", label: t("noOwner") }, ...members.map((member) => ({ value: member.userId, label: member.name }))];
  if (assessment.ownerId && !members.some((member) => member.userId === assessment.ownerId)) {
    ownerOptions.push({ value: assessment.ownerId, label: t("formerMember") });
  }

  return (
    <ConfirmAction
      trigger={
        <>
          {t("edit")}
          <span className="sr-only"> {t("heading")}</span>
        </>
      }
      title={t("editTitle")}
      confirmLabel={t("save")}
      labels={labels}
      fields={planFields}
      onOpen={() => setValues(initial())}
      perform={perform}
      onDone={() => {
        announce(t("saved"));
        router.refresh();
      }}
    >
      {({ error }) => (
        <div className="flex flex-col gap-4">
          <Field id={confirmFieldId("plan.phase")} label={t("phase")} error={error("plan.phase")}>
            {(control) => <Select {...control} options={phases} value={values.phase} onChange={set("phase")} />}
          </Field>
          <Field id={confirmFieldId("plan.ownerId")} label={t("owner")} error={error("plan.ownerId")}>
            {(control) => <Select {...control} options={ownerOptions} value={values.ownerId} onChange={set("ownerId")} />}
          </Field>
          <Field id={confirmFieldId("plan.dueOn")} label={t("dueOn")} hint={t("dateHint")} error={error("plan.dueOn")}>
            {(control) => <Input {...control} type="date" value={values.dueOn} onChange={set("dueOn")} />}
          </Field>
          <Field
            id={confirmFieldId("plan.nextReviewOn")}
            label={t("nextReviewOn")}
            hint={assessment.approved ? t("dateHint") : t("nextReviewHint")}
            error={error("plan.nextReviewOn")}
          >
            {(control) => <Input {...control} type="date" value={values.nextReviewOn} onChange={set("nextReviewOn")} />}
          </Field>
        </div>
      )}
    </ConfirmAction>
  );
}
