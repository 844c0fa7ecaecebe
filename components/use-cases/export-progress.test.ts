import { describe, expect, it } from "vitest";
import { exportUseCases } from "@/server/domain/use-cases/export";
import { useCaseFields } from "@/server/domain/use-cases/schemas";
import { exportRowCounter } from "./export-progress";

const records = Array.from({ length: 7 }, (_, i) => ({
  reference: `AI-2026-${100 + i}`,
  ...useCaseFields.parse({
    title: `Nummer ${i}`,
    publicSummary: 'Säger "hej";\r\noch {hejdå}\n  {',
    businessArea: "Skola",
    outputUse: "DECISION_SUPPORT",
    legalReferences: [{ title: "Lag", url: "https://example.se/lag" }],
    withheldFields: { supplierName: "Sekretess" },
  }),
}));

/** The counts after each chunk when the file arrives in pieces of `size` characters. */
function countsInChunks(text: string, format: "csv" | "json", size: number): number[] {
  const count = exportRowCounter(format);
  const counts: number[] = [];
  for (let start = 0; start < text.length; start += size) counts.push(count(text.slice(start, start + size)));
  return counts;
}

describe("exportRowCounter", () => {
  it.each([
    ["csv", 1],
    ["csv", 5],
    ["csv", 100_000],
    ["json", 1],
    ["json", 2],
    ["json", 7],
    ["json", 100_000],
  ] as const)("counts every record of a %s export once, whatever the chunks (%i characters)", async (format, size) => {
    const text = new TextDecoder().decode((await exportUseCases(records, format, "sv")).bytes);
    const counts = countsInChunks(text, format, size);
    expect(counts.at(-1)).toBe(records.length);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
  });

  it("counts nothing for an export without records", async () => {
    for (const format of ["csv", "json"] as const) {
      const text = new TextDecoder().decode((await exportUseCases([], format, "sv")).bytes);
      expect(countsInChunks(text, format, 3).at(-1)).toBe(0);
    }
  });
});
