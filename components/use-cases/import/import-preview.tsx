import { useTranslations } from "next-intl";
import { useProblemText } from "@/components/trpc/errors";
import type { RouterOutputs } from "@/components/trpc/types";
import { Alert } from "@/components/ui/alert";
import { RowHeader, Table, Td, Th, Tr } from "@/components/ui/table";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/server/domain/use-cases/import-limits";

type Preview = RouterOutputs["useCaseFiles"]["previewImport"];
type FileError = Preview["fileErrors"][number];

/** The file's result: a summary of its errors, then every row with OK or its errors by column. */
export function ImportPreview({ fileName, preview }: { fileName: string; preview: Preview }) {
  const t = useTranslations("UseCaseFiles.import");
  const problemText = useProblemText();
  return (
    <div className="flex flex-col gap-4">
      <PreviewSummary preview={preview} />
      {preview.rows.length > 0 ? (
        <Table caption={t("previewCaption", { fileName })} captionVisible>
          <thead>
            <tr>
              <Th className="w-16">{t("rowNumber")}</Th>
              <Th>{t("title")}</Th>
              <Th>{t("result")}</Th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <Tr key={row.rowNumber}>
                <RowHeader>{row.rowNumber}</RowHeader>
                <Td>{row.title ?? <span className="text-muted">{t("noTitle")}</span>}</Td>
                <Td>
                  {row.ok ? (
                    <span className="font-medium text-green-800">{t("ok")}</span>
                  ) : (
                    <ul className="list-disc pl-5 text-red-800">
                      {row.errors.map((error, index) => (
                        <li key={index}>{t("cellError", { column: error.column, message: problemText(error) })}</li>
                      ))}
                    </ul>
                  )}
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </div>
  );
}

function PreviewSummary({ preview }: { preview: Preview }) {
  const t = useTranslations("UseCaseFiles.import");
  const fileErrorMessage = useFileErrorMessage();
  if (preview.fileErrors.length > 0) {
    return (
      <Alert tone="error" title={t("fileErrorsTitle")} live="assertive">
        <ul className="list-disc pl-5">
          {preview.fileErrors.map((error, index) => (
            <li key={index}>{fileErrorMessage(error)}</li>
          ))}
        </ul>
      </Alert>
    );
  }
  if (preview.errorCount > 0) {
    const bad = preview.rows.filter((row) => !row.ok);
    return (
      <Alert tone="error" title={t("rowErrorsTitle", { errors: preview.errorCount, total: preview.rows.length })} live="assertive">
        <p>{t("rowErrorsBody")}</p>
        <ul className="mt-2 list-disc pl-5">
          {bad.slice(0, 20).flatMap((row) =>
            row.errors.map((error, index) => (
              <li key={`${row.rowNumber}-${index}`}>{t("rowError", { row: row.rowNumber, column: error.column, message: error.message })}</li>
            )),
          )}
        </ul>
        {bad.length > 20 ? <p className="mt-2">{t("moreRowErrors", { count: bad.length - 20 })}</p> : null}
      </Alert>
    );
  }
  return (
    <Alert tone="success" title={t("allOk", { count: preview.validCount })} live="polite">
      {t("allOkBody")}
    </Alert>
  );
}

function useFileErrorMessage(): (error: FileError) => string {
  const t = useTranslations("UseCaseFiles.import.fileErrors");
  return (error) => t(error.code, { column: error.column ?? "", maxMb: MAX_IMPORT_BYTES / 1024 / 1024, maxRows: MAX_IMPORT_ROWS });
}
