import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { type ExportRecord, exportChunks, exportUseCases, neutraliseFormula } from "./export";
import { useCaseFields } from "./schemas";

const record: ExportRecord = {
  reference: "AI-2026-007",
  ...useCaseFields.parse({
    title: "Överförmyndarnämnden; granskning",
    publicSummary: 'Säger "hej"\noch hejdå',
    businessArea: "Överförmyndare",
    outputUse: "DECISION_SUPPORT",
    techniques: ["LANGUAGE_PROCESSING", "TRANSLATION"],
    dataLeavesEea: true,
    riskClass: "MINIMAL",
    riskClassJustification: "=HYPERLINK(\"http://evil.example\")",
    startedOn: "2026-02-01",
    legalReferences: [{ title: "Förvaltningslagen", url: "https://example.se/fl" }],
    withheldFields: { supplierName: "Säkerhetsskydd" },
  }),
};

const text = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

describe("exportUseCases: CSV", () => {
  it("writes a BOM, semicolons, CRLF and Swedish labels under sv", async () => {
    const file = await exportUseCases([record], "csv", "sv");
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const content = text(file.bytes);
    const [header] = content.slice(1).split("\r\n");
    expect(header!.startsWith("Referens;Titel;Offentlig sammanfattning;")).toBe(true);
    expect(content).toContain("AI-2026-007;\"Överförmyndarnämnden; granskning\";\"Säger \"\"hej\"\"\noch hejdå\"");
    expect(content).toContain(";Beslutsstöd;");
    expect(content).toContain("Språkteknologi; Översättning");
    expect(content).toContain(";Ja;");
    expect(content).toContain("Förvaltningslagen | https://example.se/fl");
    expect(content).toContain("Leverantör: Säkerhetsskydd");
    expect(content.endsWith("\r\n")).toBe(true);
  });

  it("writes commas and English labels under en", async () => {
    const content = text((await exportUseCases([record], "csv", "en")).bytes);
    expect(content.slice(1).startsWith("Reference,Title,Public summary,")).toBe(true);
    expect(content).toContain(",Decision support,");
    expect(content).toContain(",Yes,");
    expect(content).toContain(",Language processing; Translation,");
  });

  it("neutralises formula injection", async () => {
    const content = text((await exportUseCases([record], "csv", "sv")).bytes);
    expect(content).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    for (const start of ["=", "+", "-", "@"]) expect(neutraliseFormula(`${start}1`)).toBe(`'${start}1`);
    expect(neutraliseFormula("Vanlig text")).toBe("Vanlig text");
  });
});

describe("exportUseCases: XLSX", () => {
  it("writes a bold, frozen header row and the values", async () => {
    const file = await exportUseCases([record], "xlsx", "sv");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Referens");
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getRow(2).getCell(2).value).toBe("Överförmyndarnämnden; granskning");
    expect(sheet.getColumn(2).width).toBeGreaterThan(20);
  });
});

describe("exportUseCases: JSON", () => {
  it("writes an array of records with enum codes in the schema's field order", async () => {
    const file = await exportUseCases([record], "json", "sv");
    const parsed = JSON.parse(text(file.bytes)) as Record<string, unknown>[];
    expect(parsed).toHaveLength(1);
    expect(Object.keys(parsed[0]!)).toEqual(["reference", ...Object.keys(useCaseFields.shape)]);
    expect(parsed[0]).toMatchObject({ outputUse: "DECISION_SUPPORT", techniques: ["LANGUAGE_PROCESSING", "TRANSLATION"] });
  });
});

describe("exportChunks: the streamed CSV and JSON", () => {
  const many = Array.from({ length: 5 }, (_, i) => ({ ...record, reference: `AI-2026-${100 + i}`, title: `Nummer ${i}` }));

  async function* inBatches(batches: ExportRecord[][]) {
    for (const batch of batches) yield batch;
  }

  async function streamed(batches: ExportRecord[][], format: "csv" | "json", locale: "sv" | "en"): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    for await (const chunk of exportChunks(inBatches(batches), format, locale)) chunks.push(chunk);
    return new Uint8Array(Buffer.concat(chunks));
  }

  it.each([
    ["csv", "sv"],
    ["csv", "en"],
    ["json", "sv"],
  ] as const)("gives the same bytes as the whole file (%s, %s), batch by batch", async (format, locale) => {
    const whole = await exportUseCases(many, format, locale);
    expect(await streamed([many.slice(0, 2), [], many.slice(2, 3), many.slice(3)], format, locale)).toEqual(whole.bytes);
    expect(await streamed([many], format, locale)).toEqual(whole.bytes);
  });

  it.each(["csv", "json"] as const)("gives the same bytes as the whole file for no records (%s)", async (format) => {
    const whole = await exportUseCases([], format, "sv");
    expect(await streamed([[]], format, "sv")).toEqual(whole.bytes);
  });
});
