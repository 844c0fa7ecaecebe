import { z } from "zod";
import { pageCursor, text } from "../../domain/schema-parts";
import { euDatabaseRegistration } from "../../domain/use-cases/eu-database";
import { EXPORT_BATCH, exportBatch, exportRecords } from "../../domain/use-cases/export";
import { importUseCases, MAX_IMPORT_BYTES, type ParsedImport, parseUseCaseFile } from "../../domain/use-cases/import";
import { useCaseListFilters } from "../../domain/use-cases/schemas";
import { organisationChange } from "../change-context";
import { orgProcedure, router } from "../trpc";

/** Base64 takes four characters for every three bytes; a little room for padding. */
const MAX_BASE64_LENGTH = Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4;

export const importFileInput = z.object({
  fileName: text().trim().min(1, "choose a file").max(255, "the file name is too long"),
  contentBase64: z
    .string()
    .max(MAX_BASE64_LENGTH, `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "the file was not sent correctly"),
});

function parseInput(input: z.infer<typeof importFileInput>): Promise<ParsedImport> {
  return parseUseCaseFile({ fileName: input.fileName, bytes: new Uint8Array(Buffer.from(input.contentBase64, "base64")) });
}

/** What the preview shows: every row's title and result, without the parsed records. */
function preview(parsed: ParsedImport) {
  const rows = parsed.rows.map((row) => ({
    rowNumber: row.rowNumber,
    title: row.fields?.title ?? null,
    ok: row.errors.length === 0,
    errors: row.errors,
  }));
  const errorCount = rows.filter((row) => !row.ok).length;
  return { rows, validCount: rows.length - errorCount, errorCount, fileErrors: parsed.fileErrors };
}

const IMPORT_TRANSACTION_TIMEOUT_MS = 90_000;

export const useCaseFilesRouter = router({
  /** Reads and checks a file, writes nothing. A mutation only because the file travels in the body. */
  previewImport: orgProcedure("useCase.import")
    .input(importFileInput)
    .mutation(async ({ input }) => preview(await parseInput(input))),

  /**
   * All rows or none; refuses the whole file, with every row's errors, if any row is bad.
   * Up to MAX_IMPORT_ROWS use cases in one transaction: it may run longer than a request's usual limit.
   */
  import: orgProcedure("useCase.import", { transactionTimeoutMs: IMPORT_TRANSACTION_TIMEOUT_MS })
    .input(importFileInput)
    .mutation(async ({ ctx, input }) => importUseCases(ctx.tx, organisationChange(ctx), await parseInput(input))),

  exportRecords: orgProcedure("useCase.read")
    .input(z.object({ filters: useCaseListFilters.prefault({}) }))
    .query(({ ctx, input }) => exportRecords(ctx.tx, ctx.organisation.id, input.filters)),

  /**
   * One batch of the export, each in its own short scoped transaction: the file route reads
   * the register batch by batch with the cursor and streams it, so no transaction spans the file.
   */
  exportBatch: orgProcedure("useCase.read")
    .input(
      z.object({
        filters: useCaseListFilters.prefault({}),
        cursor: pageCursor().optional(),
        limit: z.number().int().min(1).max(EXPORT_BATCH).default(EXPORT_BATCH),
      }),
    )
    .query(({ ctx, input }) => exportBatch(ctx.tx, ctx.organisation.id, input.filters, { cursor: input.cursor, limit: input.limit })),

  /** The EU database registration (AI Act Annex VIII C) filled from the record: for those who prepare it. */
  euDatabaseRegistration: orgProcedure("useCase.update")
    .input(z.object({ useCaseId: z.uuid() }))
    .query(({ ctx, input }) => euDatabaseRegistration(ctx.tx, ctx.organisation.id, input.useCaseId)),
});
