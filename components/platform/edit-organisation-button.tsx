"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { apiProblem, useProblemMessage, useProblemText, type ApiProblem } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/provider";
import type { RouterOutputs } from "@/components/trpc/types";
import { Alert } from "@/components/ui/alert";
import { useAnnounce } from "@/components/ui/announcer";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorSummary } from "@/components/ui/error-summary";
import { applyServerFieldErrors, fieldMessage, summaryErrors } from "@/components/ui/form-errors";
import { updateOrganisationInput } from "@/server/domain/organisations/schemas";
import {
  blankAsNull,
  OrganisationFieldset,
  organisationFieldNames,
  useOrganisationFieldMessages,
  type OrganisationFieldName,
} from "./organisation-fieldset";

type Organisation = RouterOutputs["organisations"]["adminList"][number];
type UpdateValues = z.input<typeof updateOrganisationInput>;

/** Edit an organisation in a dialog; a stale version gets the conflict message and a reload. */
export function EditOrganisationButton({ organisation }: { organisation: Organisation }) {
  const t = useTranslations("Platform.edit");
  const common = useTranslations("Common");
  const trpc = useTRPC();
  const router = useRouter();
  const announce = useAnnounce();
  const problemMessage = useProblemMessage();
  const problemText = useProblemText();
  const id = useId();
  const ids = Object.fromEntries(organisationFieldNames.map((name) => [name, `${id}-${name}`])) as Record<OrganisationFieldName, string>;
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const update = useMutation(trpc.organisations.update.mutationOptions());
  const messages = useOrganisationFieldMessages();
  const defaults: UpdateValues = {
    id: organisation.id,
    version: organisation.version,
    name: organisation.name,
    organisationNumber: organisation.organisationNumber,
    kind: organisation.kind,
    sector: organisation.sector,
    slug: organisation.slug,
    contactEmail: organisation.contactEmail,
    websiteUrl: organisation.websiteUrl,
    postalAddress: organisation.postalAddress,
  };
  const form = useForm<UpdateValues, unknown, z.output<typeof updateOrganisationInput>>({
    resolver: zodResolver(updateOrganisationInput),
    defaultValues: defaults,
    mode: "onTouched",
  });
  const { errors, submitCount, isSubmitting } = form.formState;
  const close = () => setOpen(false);

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(null);
    setFormErrors([]);
    try {
      const saved = await update.mutateAsync(values);
      setOpen(false);
      announce(t("saved", { name: saved.name }));
      router.refresh();
    } catch (error) {
      const parsed = apiProblem(error);
      if (parsed.code === "CONFLICT") {
        setProblem(parsed);
        return;
      }
      const rest = applyServerFieldErrors(parsed.fieldErrors, organisationFieldNames, form.setError, problemText);
      if (parsed.fieldErrors.length === 0) setFormErrors([problemMessage(parsed)]);
      else if (rest.length > 0) setFormErrors(rest.map((r) => `${r.field}: ${problemText(r)}`));
    }
  });

  const shownErrors = Object.fromEntries(
    organisationFieldNames.map((name) => [name, fieldMessage(errors[name], messages[name])]),
  ) as Partial<Record<OrganisationFieldName, string>>;
  const summary = summaryErrors(
    errors,
    organisationFieldNames.map((name) => ({ name, id: ids[name], message: messages[name] })),
    formErrors,
  );

  return (
    <>
      <Button
        variant="secondary"
        className="py-1"
        onClick={() => {
          setProblem(null);
          setFormErrors([]);
          form.reset(defaults);
          setOpen(true);
        }}
      >
        {t("open")}
        <span className="sr-only"> {organisation.name}</span>
      </Button>
      <Dialog open={open} onClose={close} title={t("title", { name: organisation.name })}>
        <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
          <ErrorSummary title={common("errorSummaryTitle")} errors={summary} focusKey={submitCount} />
          <div aria-live="assertive">
            {problem ? (
              <Alert tone="error" title={t("conflictTitle")}>
                <p>{problemMessage(problem)}</p>
                <Button
                  variant="secondary"
                  className="mt-2 py-1"
                  onClick={() => {
                    setOpen(false);
                    announce(t("reloaded", { name: organisation.name }));
                    router.refresh();
                  }}
                >
                  {t("reload")}
                </Button>
              </Alert>
            ) : null}
          </div>
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
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={close}>
              {t("cancel")}
            </Button>
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? t("saving") : t("save")}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
