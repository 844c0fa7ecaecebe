"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { apiProblem, useProblemMessage, useProblemText, type ApiProblem } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClasses } from "@/components/ui/field";
import { importAnswersInput } from "@/server/domain/assessments/schemas";

type ImportResult = { imported: number; unmatched: { identifier: string; reason: string; detail: string }[] };

/**
 * Reads answers from a JSON file (our export, or the trust model's own): says how many
 * were read, and lists what could not be matched, each with why.
 */
export function ImportPanel({ organisationSlug, assessment }: { organisationSlug: string; assessment: { id: string; version: number } }) {
  const t = useTranslations("Assessment.import");
  const trpc = useTRPC();
  const router = useRouter();
  const problemMessage = useProblemMessage();
  const problemText = useProblemText();
  const importAnswers = useMutation(trpc.assessments.importAnswers.mutationOptions());
  const fileRef = useRef<HTMLInputElement>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  async function run(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFieldError(undefined);
    setProblem(null);
    setResult(null);
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setFieldError(t("chooseFile"));
      fileRef.current?.focus();
      return;
    }
    let content: string;
    try {
      content = await file.text();
    } catch {
      setFieldError(t("unreadable"));
      fileRef.current?.focus();
      return;
    }
    const parsed = importAnswersInput.safeParse({ organisationSlug, id: assessment.id, version: assessment.version, content });
    if (!parsed.success) {
      setFieldError(content.length < 2 ? t("empty") : t("tooLarge"));
      fileRef.current?.focus();
      return;
    }
    try {
      const answer = await importAnswers.mutateAsync(parsed.data);
      setResult({ imported: answer.imported, unmatched: answer.unmatched });
      if (fileRef.current) fileRef.current.value = "";
      router.refresh();
    } catch (error) {
      const found = apiProblem(error);
      const own = found.fieldErrors.find((item) => item.field === "content");
      if (own) {
        setFieldError(problemText(own));
        fileRef.current?.focus();
      } else setProblem(found);
    }
  }

  const reasonText = (reason: string) => (t.has(`reasons.${reason}`) ? t(`reasons.${reason}`) : reason);

  return (
    <section aria-labelledby="import-heading" className="rounded border border-gray-300 p-4 print:hidden">
      <h2 id="import-heading" className="text-xl font-semibold text-brand-900">
        {t("heading")}
      </h2>
      <p className="mt-1 text-sm">{t("lead")}</p>
      <form onSubmit={run} noValidate className="mt-3 flex flex-col gap-3">
        <Field id="import-file" label={t("file")} hint={t("fileHint")} error={fieldError}>
          {(control) => <input {...control} ref={fileRef} type="file" accept=".json,application/json" className={`${inputClasses} py-1`} />}
        </Field>
        <div>
          <Button type="submit" variant="secondary" disabled={importAnswers.isPending}>
            {importAnswers.isPending ? t("working") : t("submit")}
          </Button>
        </div>
      </form>
      <div aria-live="polite" className="mt-3">
        {result ? (
          <Alert tone={result.unmatched.length > 0 ? "warning" : "success"} title={t("done", { count: result.imported })}>
            {result.unmatched.length > 0 ? (
              <>
                <p>{t("unmatchedLead", { count: result.unmatched.length })}</p>
                <ul className="mt-1 list-disc pl-5">
                  {result.unmatched.map((item, index) => (
                    <li key={`${item.identifier}-${index}`}>
                      <span className="font-medium break-words">{item.identifier}</span>: {reasonText(item.reason)}
                      {item.detail ? <span className="block break-words text-muted">{item.detail}</span> : null}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p>{t("allMatched")}</p>
            )}
          </Alert>
        ) : null}
      </div>
      {problem ? (
        <Alert tone="error" title={t("failed")} live="assertive" className="mt-3">
          <p>{problemMessage(problem)}</p>
          {problem.code === "CONFLICT" ? (
            <Button variant="secondary" className="mt-2 py-1" onClick={() => router.refresh()}>
              {t("reload")}
            </Button>
          ) : null}
        </Alert>
      ) : null}
    </section>
  );
}
