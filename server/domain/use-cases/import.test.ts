import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { missingColumns } from "./columns";
import { exportUseCases } from "./export";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, parseUseCaseFile, importTemplate } from "./import";

const utf8 = (text: string) => new TextEncoder().encode(text);
const csv = (text: string, fileName = "register.csv") => parseUseCaseFile({ fileName, bytes: utf8(text) });

const svHeader = "Titel;Offentlig sammanfattning;Verksamhetsområde;Användning av resultat";

describe("the file format", () => {
  it("has a column for every field of the record", () => {
    expect(missingColumns).toEqual([]);
  });
});

describe("parseUseCaseFile: CSV", () => {
  it("reads semicolons with Swedish headers and labels", async () => {
    const result = await csv(`${svHeader};Livscykelstadium;AI-teknik\nTolk;Tolkning av samtal;Socialtjänst;Beslutsstöd;Pilot;"Tal till text; Översättning"\n`);
    expect(result.fileErrors).toEqual([]);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]).toMatchObject({ rowNumber: 2, errors: [] });
    expect(result.rows[0]!.fields).toMatchObject({
      title: "Tolk",
      outputUse: "DECISION_SUPPORT",
      lifecycleStage: "PILOT",
      techniques: ["SPEECH_TO_TEXT", "TRANSLATION"],
    });
  });

  it("reads commas with English headers in any case and spacing, English labels and codes", async () => {
    const result = await csv(
      `TITLE,  public   summary ,Business Area,Use of outputs,Risk class,Risk class justification,Data leaves EU/EEA\n` +
        `Chat,"Answers questions, politely",Contact centre,Information only,MINIMAL,Low impact,No\n`,
    );
    expect(result.fileErrors).toEqual([]);
    expect(result.rows[0]!.fields).toMatchObject({
      publicSummary: "Answers questions, politely",
      outputUse: "INFORMATION_ONLY",
      riskClass: "MINIMAL",
      dataLeavesEea: false,
    });
  });

  it("reads UTF-8 with a BOM", async () => {
    const result = await csv(`\uFEFF${svHeader}\nÖverförmyndarnämnden;Sammanfattning;Överförmyndare;Beslutsstöd\n`);
    expect(result.fileErrors).toEqual([]);
    expect(result.rows[0]!.fields?.title).toBe("Överförmyndarnämnden");
  });

  it("reads Windows-1252 as Excel writes it", async () => {
    const bytes = iconv.encode(`${svHeader}\r\nÖverförmyndarnämnden – årsräkningar;Granskning av årsräkningar;Överförmyndare;Beslutsstöd\r\n`, "win1252");
    const result = await parseUseCaseFile({ fileName: "register.csv", bytes: new Uint8Array(bytes) });
    expect(result.fileErrors).toEqual([]);
    expect(result.rows[0]!.fields).toMatchObject({ title: "Överförmyndarnämnden – årsräkningar", businessArea: "Överförmyndare" });
  });

  it("reads quoted cells with delimiters, quotes and line breaks", async () => {
    const result = await csv(`${svHeader}\n"Ett ""citerat"" namn";"Rad ett\nrad två; med semikolon";Skola;Beslutsstöd\n`);
    expect(result.rows[0]!.fields).toMatchObject({ title: 'Ett "citerat" namn', publicSummary: "Rad ett\nrad två; med semikolon" });
  });

  it("names unknown and missing columns as file errors", async () => {
    const result = await csv(`Titel;Färg\nA;röd\n`);
    expect(result.rows).toEqual([]);
    expect(result.fileErrors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "unknownColumn", column: "Färg" }),
        expect.objectContaining({ code: "missingColumn", column: "Offentlig sammanfattning" }),
        expect.objectContaining({ code: "missingColumn", column: "Verksamhetsområde" }),
      ]),
    );
  });

  it("reports each bad row by its number and the column's header as written", async () => {
    const result = await csv(
      `Title;Public summary;Business area;Use of outputs;Risk class;Started on\n` +
        `Good;Summary;Area;Decision support;;\n` +
        `;Summary;Area;Guesswork;High risk;\n`,
    );
    expect(result.rows[0]).toMatchObject({ rowNumber: 2, errors: [] });
    const bad = result.rows[1]!;
    expect(bad.rowNumber).toBe(3);
    expect(bad.fields).toBeUndefined();
    expect(bad.errors.map((e) => e.column)).toEqual(expect.arrayContaining(["Title", "Use of outputs"]));
  });

  it("keeps the spreadsheet's row numbers across empty lines", async () => {
    const result = await csv(`${svHeader}\nA;B;C;Beslutsstöd\n\n;B;C;Beslutsstöd\n`);
    expect(result.rows.map((row) => [row.rowNumber, row.errors.length])).toEqual([
      [2, 0],
      [4, 1],
    ]);
  });

  it("reports the register's rules by column", async () => {
    const result = await csv(`Titel;Offentlig sammanfattning;Verksamhetsområde;Användning av resultat;Riskklass;Motivering av riskklass\nA;B;C;Beslutsstöd;Hög risk;Därför\n`);
    expect(result.rows[0]!.errors).toEqual([
      { column: "Område enligt bilaga III", code: "useCase.highRiskNeedsArea", message: expect.stringMatching(/Annex III/) },
    ]);
  });

  it("reads lists, dates, booleans, legal references and withheld fields", async () => {
    const result = await csv(
      `${svHeader};Taggar;Startdatum;Bilaga I;Rättsliga hänvisningar;Undantagna fält;Riskklass;Motivering av riskklass\n` +
        `A;B;C;Beslutsstöd;"a; b";2026-01-31;Ja;"SFS 2017:900 | https://example.se/a; GDPR | https://example.eu/b";Leverantör: Säkerhetsskydd;Hög risk;Produkt\n`,
    );
    expect(result.rows[0]!.errors).toEqual([]);
    expect(result.rows[0]!.fields).toMatchObject({
      tags: ["a", "b"],
      startedOn: "2026-01-31",
      annexI: true,
      legalReferences: [
        { title: "SFS 2017:900", url: "https://example.se/a" },
        { title: "GDPR", url: "https://example.eu/b" },
      ],
      withheldFields: { supplierName: "Säkerhetsskydd" },
    });
  });

  it("refuses files that are too large, too long, empty or of another kind", async () => {
    const big = await parseUseCaseFile({ fileName: "a.csv", bytes: new Uint8Array(MAX_IMPORT_BYTES + 1) });
    expect(big.fileErrors[0]!.code).toBe("tooLarge");
    const long = await csv(`${svHeader}\n${"A;B;C;Beslutsstöd\n".repeat(MAX_IMPORT_ROWS + 1)}`);
    expect(long.fileErrors[0]!.code).toBe("tooManyRows");
    expect((await csv(`${svHeader}\n`)).fileErrors[0]!.code).toBe("empty");
    expect((await csv("A", "register.pdf")).fileErrors[0]!.code).toBe("unsupportedType");
  });

  it("refuses a corrupt workbook with a clear error", async () => {
    const result = await parseUseCaseFile({ fileName: "a.xlsx", bytes: utf8("PK\u0003\u0004 not really a zip") });
    expect(result.fileErrors).toEqual([expect.objectContaining({ code: "unreadable" })]);
  });
});

describe("parseUseCaseFile: XLSX", () => {
  it("reads the first sheet, with dates and booleans as Excel stores them", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Blad1");
    sheet.addRow(["Title", "Public summary", "Business area", "Use of outputs", "Started on", "Annex I", "Risk class", "Risk class justification"]);
    sheet.addRow(["Överförmyndarnämnden", "Summary", "Area", "Beslutsstöd", new Date(Date.UTC(2026, 0, 5)), true, "HIGH_RISK", "Annex I product"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await parseUseCaseFile({ fileName: "Register.XLSX", bytes });
    expect(result.fileErrors).toEqual([]);
    expect(result.rows[0]!.fields).toMatchObject({ title: "Överförmyndarnämnden", startedOn: "2026-01-05", annexI: true, riskClass: "HIGH_RISK" });
  });
});

describe("the template", () => {
  it.each(["csv", "xlsx"] as const)("%s reads back as one valid row, in both languages", async (format) => {
    for (const locale of ["sv", "en"] as const) {
      const bytes = await importTemplate(format, locale);
      const result = await parseUseCaseFile({ fileName: `mall.${format}`, bytes });
      expect(result.fileErrors).toEqual([]);
      expect(result.rows).toEqual([expect.objectContaining({ rowNumber: 2, errors: [] })]);
    }
  });
});

describe("round trip through the export", () => {
  it("gives back the same fields, including text that looks like a formula", async () => {
    const first = await csv(`${svHeader};Beskrivning\n=SUM(A1);-minus;@Område;Beslutsstöd;+plus\n`);
    const fields = first.rows[0]!.fields!;
    expect(fields.title).toBe("=SUM(A1)");
    for (const format of ["csv", "xlsx"] as const) {
      const file = await exportUseCases([{ reference: "AI-2026-001", ...fields }], format, "sv");
      const again = await parseUseCaseFile({ fileName: `export.${format}`, bytes: file.bytes });
      expect(again.rows[0]!.fields).toEqual(fields);
    }
  });
});
