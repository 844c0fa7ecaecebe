"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { type ApiProblem, apiProblem, useProblemMessage, useProblemText } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/provider";
import type { RouterOutputs } from "@/components/trpc/types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ImportPreview } from "./import-preview";
import { TemplateLinks } from "./template-links";

type Preview = RouterOutputs["useCaseFiles"]["previewImport"];
type Imported = RouterOutputs["useCaseFiles"]["import"];
interface ChosenFile {
  fileName: string;
  contentBase64: string;
}

/** The file as base64 (what the procedures take), read in the browser. */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
    reader.readAsDataURL(file);
  });
}

/**
 * Choose a file, see every row's result, then import all rows or none. Nothing is
 * written until the user confirms a file without errors.
 */
export function ImportPanel({ organisationSlug, maxBytes, maxRows }: { organisationSlug: string; maxBytes: number; maxRows: number }) {
  const t = useTranslations("UseCaseFiles.import");
  const trpc = useTRPC();
  const problemMessage = useProblemMessage();
  const problemText = useProblemText();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [imported, setImported] = useState<Imported | null>(null);
  const [error, setError] = useState<string | null>(null);
  const previewImport = useMutation(trpc.useCaseFiles.previewImport.mutationOptions());
  const importFile = useMutation(trpc.useCaseFiles.import.mutationOptions());
  const maxMb = maxBytes / 1024 / 1024;

  function reset() {
    setChosen(null);
    setPreview(null);
    setImported(null);
    setError(null);
  }

  async function onFileChosen(file: File | undefined) {
    reset();
    if (!file) return;
    if (file.size > maxBytes) {
      setError(t("tooLarge", { maxMb }));
      return;
    }
    try {
      const next = { fileName: file.name, contentBase64: await readAsBase64(file) };
      setChosen(next);
      setPreview(await previewImport.mutateAsync({ organisationSlug, ...next }));
    } catch (failure) {
      setError(problemMessage(apiProblem(failure)));
    }
  }

  async function onImport() {
    if (!chosen) return;
    setError(null);
    try {
      setImported(await importFile.mutateAsync({ organisationSlug, ...chosen }));
      setPreview(null);
      if (inputRef.current) inputRef.current.value = "";
    } catch (failure) {
      setError(importFailureMessage(apiProblem(failure)));
    }
  }

  /** The import names each refused row as `row.<number>.<column>` (server/domain/use-cases/import.ts). */
  function importFailureMessage(problem: ApiProblem): string {
    const rows = problem.fieldErrors.flatMap((error) => {
      const match = /^row\.(\d+)\.(.+)$/.exec(error.field);
      return match ? [t("rowError", { row: Number(match[1]), column: match[2] ?? "", message: problemText(error) })] : [];
    });
    return rows.length > 0 ? rows.join(" ") : problemMessage(problem);
  }

  const importable = preview !== null && preview.errorCount === 0 && preview.fileErrors.length === 0 && preview.validCount > 0;

  return (
    <div className="flex flex-col gap-6">
      <TemplateLinks organisationSlug={organisationSlug} />
      <section aria-labelledby={`${id}-choose`} className="flex flex-col gap-3">
        <h2 id={`${id}-choose`} className="text-xl font-semibold text-brand-900">
          {t("chooseHeading")}
        </h2>
        <Field id={`${id}-file`} label={t("fileLabel")} hint={t("fileHint", { maxMb, maxRows })}>
          {(control) => (
            <input
              ref={inputRef}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className="block w-full max-w-xl rounded border border-gray-500 bg-white p-2 text-sm file:mr-4 file:rounded file:border-0 file:bg-brand-700 file:px-3 file:py-1 file:text-white"
              disabled={previewImport.isPending || importFile.isPending}
              onChange={(event) => void onFileChosen(event.currentTarget.files?.[0])}
              {...control}
            />
          )}
        </Field>
      </section>
      <div aria-live="polite" className="flex flex-col gap-4">
        {previewImport.isPending ? <p role="status">{t("reading")}</p> : null}
        {error ? (
          <Alert tone="error" title={t("failedTitle")} live="assertive">
            {error}
          </Alert>
        ) : null}
        {imported ? <ImportSuccess organisationSlug={organisationSlug} imported={imported} onAnother={() => inputRef.current?.focus()} /> : null}
      </div>
      {preview && chosen ? (
        <section aria-labelledby={`${id}-preview`} className="flex flex-col gap-4">
          <h2 id={`${id}-preview`} className="text-xl font-semibold text-brand-900">
            {t("previewHeading")}
          </h2>
          <ImportPreview fileName={chosen.fileName} preview={preview} />
          <div className="flex flex-col gap-1">
            <div>
              <Button type="button" disabled={!importable || importFile.isPending} aria-describedby={`${id}-submit-hint`} onClick={() => void onImport()}>
                {importFile.isPending ? t("submitting") : t("submit", { count: preview.validCount })}
              </Button>
            </div>
            <p id={`${id}-submit-hint`} className="text-sm text-muted">
              {importable ? t("submitHint") : t("submitBlocked")}
            </p>
          </div>
        </section>
      ) : null}
    </div>
  );
}

function ImportSuccess({ organisationSlug, imported, onAnother }: { organisationSlug: string; imported: Imported; onAnother: () => void }) {
  const t = useTranslations("UseCaseFiles.import");
  const first = imported.references[0];
  const last = imported.references[imported.references.length - 1];
  return (
    <Alert tone="success" title={t("successTitle", { count: imported.created })}>
      {first && last ? <p>{t("successBody", { first, last })}</p> : null}
      <p className="mt-2 flex flex-wrap gap-4">
        <Link href={`/${organisationSlug}/register`} className="font-medium text-brand-700 underline">
          {t("toRegister")}
        </Link>
        <button type="button" className="text-brand-700 underline" onClick={onAnother}>
          {t("importAnother")}
        </button>
      </p>
    </Alert>
  );
}
