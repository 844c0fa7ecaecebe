"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { apiProblem, useProblemMessage, useProblemText } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary, type SummaryError } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { asLocale } from "@/components/use-cases/fields";
import type { AiActRole, ValueChainHolderKind } from "@/server/db/generated/enums";
import { valueChainHolderKindLabels } from "@/server/domain/responsibilities/labels";
import { aiActRoleLabels } from "@/server/domain/use-cases/labels";

interface Row {
  role: AiActRole;
  version: number | null;
  holderKind: ValueChainHolderKind | "";
  supplierId: string;
  holderName: string;
}

const holderKinds: ValueChainHolderKind[] = ["OWN_ORGANISATION", "SUPPLIER", "OTHER_ORGANISATION"];

/**
 * Who holds the AI Act roles the organisation does not hold itself: our organisation, a
 * supplier from the catalogue, or another organisation by name. One save for all roles;
 * each sends the version it read, so a stale form gets a conflict.
 */
export function ValueChainForm({
  organisationSlug,
  useCaseId,
  roles,
  parties,
  suppliers,
}: {
  organisationSlug: string;
  useCaseId: string;
  /** The roles to ask about (those not in the use case's own roles). */
  roles: AiActRole[];
  parties: { role: AiActRole; holderKind: ValueChainHolderKind; supplier: { id: string; name: string } | null; holderName: string | null; version: number }[];
  suppliers: { id: string; name: string }[];
}) {
  const t = useTranslations("Responsibilities.valueChain");
  const common = useTranslations("Common");
  const locale = asLocale(useLocale());
  const trpc = useTRPC();
  const router = useRouter();
  const problemMessage = useProblemMessage();
  const problemText = useProblemText();
  const id = useId();
  const initial = (): Row[] =>
    roles.map((role) => {
      const party = parties.find((candidate) => candidate.role === role);
      return {
        role,
        version: party?.version ?? null,
        holderKind: party?.holderKind ?? "",
        supplierId: party?.supplier?.id ?? "",
        holderName: party?.holderName ?? "",
      };
    });
  const [rows, setRows] = useState<Row[]>(initial);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);
  const save = useMutation(trpc.responsibilities.setValueChain.mutationOptions());
  const supplierOptions = [...suppliers];
  for (const party of parties) {
    if (party.supplier && !supplierOptions.some((supplier) => supplier.id === party.supplier!.id)) supplierOptions.push(party.supplier);
  }
  const controlId = (index: number, field: string) => `${id}-${index}-${field}`;
  const update = (index: number, change: Partial<Row>) =>
    setRows((current) => current.map((row, at) => (at === index ? { ...row, ...change } : row)));

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    setFieldErrors({});
    setFormErrors([]);
    try {
      await save.mutateAsync({
        organisationSlug,
        useCaseId,
        parties: rows.map((row) => ({
          role: row.role,
          version: row.version,
          holderKind: row.holderKind === "" ? null : row.holderKind,
          supplierId: row.holderKind === "SUPPLIER" ? row.supplierId : null,
          holderName: row.holderKind === "OTHER_ORGANISATION" ? row.holderName : null,
        })),
      });
      setSaved(true);
      router.refresh();
    } catch (error) {
      const problem = apiProblem(error);
      const own: Record<string, string> = {};
      const rest: string[] = [];
      for (const fieldError of problem.fieldErrors) {
        const match = /^parties\.(\d+)\.(\w+)$/.exec(fieldError.field);
        if (match) own[controlId(Number(match[1]), match[2]!)] = problemText(fieldError);
        else rest.push(problemText(fieldError));
      }
      setFieldErrors(own);
      setFormErrors(problem.fieldErrors.length === 0 ? [problemMessage(problem)] : rest);
      setAttempt((count) => count + 1);
    }
  }

  const summary: SummaryError[] = [
    ...formErrors.map((message) => ({ fieldId: null, message })),
    ...Object.entries(fieldErrors).map(([fieldId, message]) => ({ fieldId, message })),
  ];

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-4">
      <ErrorSummary title={common("errorSummaryTitle")} errors={summary} focusKey={attempt} />
      <p role="status" className={saved ? "rounded border-l-4 border-green-700 bg-green-50 p-3" : "sr-only"}>
        {saved ? t("saved") : ""}
      </p>
      {rows.map((row, index) => {
        const roleLabel = aiActRoleLabels[row.role][locale];
        return (
          <fieldset key={row.role} className="flex flex-col gap-3 rounded border border-gray-300 p-3">
            <legend className="px-1 font-medium">{roleLabel}</legend>
            <Field id={controlId(index, "holderKind")} label={t("holder")} error={fieldErrors[controlId(index, "holderKind")]}>
              {(control) => (
                <Select
                  className="max-w-md"
                  value={row.holderKind}
                  onChange={(event) => update(index, { holderKind: event.target.value as Row["holderKind"] })}
                  options={[
                    { value: "", label: t("notGiven") },
                    ...holderKinds.map((kind) => ({ value: kind, label: valueChainHolderKindLabels[kind][locale] })),
                  ]}
                  {...control}
                />
              )}
            </Field>
            {row.holderKind === "SUPPLIER" ? (
              <Field
                id={controlId(index, "supplierId")}
                label={t("supplier")}
                hint={t("supplierHint")}
                error={fieldErrors[controlId(index, "supplierId")]}
              >
                {(control) => (
                  <Select
                    className="max-w-md"
                    value={row.supplierId}
                    onChange={(event) => update(index, { supplierId: event.target.value })}
                    options={[{ value: "", label: t("chooseSupplier") }, ...supplierOptions.map((supplier) => ({ value: supplier.id, label: supplier.name }))]}
                    {...control}
                  />
                )}
              </Field>
            ) : null}
            {row.holderKind === "OTHER_ORGANISATION" ? (
              <Field id={controlId(index, "holderName")} label={t("holderName")} error={fieldErrors[controlId(index, "holderName")]}>
                {(control) => (
                  <Input className="max-w-md" value={row.holderName} onChange={(event) => update(index, { holderName: event.target.value })} {...control} />
                )}
              </Field>
            ) : null}
          </fieldset>
        );
      })}
      <div>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? t("saving") : t("save")}
        </Button>
      </div>
    </form>
  );
}
