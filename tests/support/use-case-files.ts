/** Import files for integration tests, written with the register's own export. */
import { exportUseCases } from "@/server/domain/use-cases/export";
import { type UseCaseFieldsInput, useCaseFields } from "@/server/domain/use-cases/schemas";
import { sampleUseCaseFields } from "./use-cases";

/** The import procedures' file input: a CSV (Swedish) of the given use cases, by default one minimal one. */
export async function registerFileUpload(useCases: UseCaseFieldsInput[] = [sampleUseCaseFields()]) {
  const records = useCases.map((input, index) => ({ reference: `AI-2026-${String(index + 1).padStart(3, "0")}`, ...useCaseFields.parse(input) }));
  const file = await exportUseCases(records, "csv", "sv");
  return { fileName: "register.csv", contentBase64: Buffer.from(file.bytes).toString("base64") };
}
