/**
 * The register export's file route against real PostgreSQL: it reads the register in batches
 * (each its own scoped transaction through the guard) and streams CSV and JSON, with every
 * row exactly once and in the list's order, byte for byte the file built in one piece; a
 * refusal keeps the status it had when the route read everything in one call.
 */
import { TRPCError } from "@trpc/server";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportRegister } from "@/app/api/organisations/[org]/use-cases/export/route";
import { EXPORT_BATCH, type ExportRecord, exportUseCases } from "@/server/domain/use-cases/export";
import { MAX_IMPORT_ROWS } from "@/server/domain/use-cases/import-limits";
import { createTestDatabase } from "../../support/database";
import {
  addMember,
  callerFor,
  createOrganisation,
  createTenancyWorld,
  createUser,
  nextOrganisationNumber,
  type TenancyWorld,
  type TestOrganisation,
  type TestUser,
} from "../../support/tenancy";

// The route's request context: who is signed in (the caller) and the language cookie.
const signedIn = vi.hoisted(() => ({ caller: null as unknown }));
vi.mock("@/server/api/caller", () => ({ api: async () => signedIn.caller }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined }),
  headers: async () => new Headers(),
}));

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let world: TenancyWorld;
let organisation: TestOrganisation;
let admin: TestUser;
const rowCount = EXPORT_BATCH + 7;

const header = "Titel;Offentlig sammanfattning;Verksamhetsområde;Användning av resultat;Ska publiceras;Offentlig kontakt";
const line = (n: number) => `Användningsfall ${n};Sammanfattning ${n};${n % 3 === 0 ? "Skola" : "Socialtjänst"};Beslutsstöd;Nej;`;

function csvFile(numbers: number[]) {
  const text = `\uFEFF${[header, ...numbers.map(line)].join("\r\n")}\r\n`;
  return { fileName: "register.csv", contentBase64: Buffer.from(text, "utf-8").toString("base64") };
}

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createTenancyWorld(db.prisma);
  organisation = await createOrganisation(db.prisma, nextOrganisationNumber());
  admin = await createUser(db.prisma);
  await addMember(db.prisma, organisation, admin, "ADMIN");
  const caller = await callerFor(db.prisma, admin);
  // More rows than one batch, in files the import accepts.
  const numbers = Array.from({ length: rowCount }, (_, i) => i + 1);
  for (let start = 0; start < numbers.length; start += MAX_IMPORT_ROWS) {
    await caller.useCaseFiles.import({ organisationSlug: organisation.slug, ...csvFile(numbers.slice(start, start + MAX_IMPORT_ROWS)) });
  }
}, 120_000);
afterAll(async () => db?.close());

async function download(as: TestUser | null, slug: string, search: string): Promise<Response> {
  signedIn.caller = await callerFor(db.prisma, as);
  return exportRegister(new Request(`http://localhost/api/organisations/${slug}/use-cases/export?${search}`), {
    params: Promise.resolve({ org: slug }),
  });
}

/** What the export read in one transaction: the records the file should hold, in order. */
async function recordsInOneRead(filters: Record<string, unknown> = {}): Promise<ExportRecord[]> {
  const caller = await callerFor(db.prisma, admin);
  return caller.useCaseFiles.exportRecords({ organisationSlug: organisation.slug, filters });
}

describe("the register export, read in batches and streamed", () => {
  it("streams a CSV of more rows than one batch with every row exactly once, in the list's order", async () => {
    const response = await download(admin, organisation.slug, "format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="ai-register-${organisation.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    expect(response.body).toBeInstanceOf(ReadableStream);
    const bytes = new Uint8Array(await response.arrayBuffer());

    const expected = await recordsInOneRead();
    expect(expected).toHaveLength(rowCount);
    const references = new TextDecoder().decode(bytes).trimEnd().split("\r\n").slice(1).map((row) => row.split(";")[0]);
    expect(references).toHaveLength(rowCount);
    expect(new Set(references).size).toBe(rowCount);
    expect(references).toEqual(expected.map((record) => record.reference));
    expect(bytes).toEqual((await exportUseCases(expected, "csv", "sv")).bytes);
  }, 60_000);

  it("streams JSON in the chosen order and with the filters, equal to the file built in one piece", async () => {
    const response = await download(admin, organisation.slug, "format=json&sort=title&businessArea=Socialtj%C3%A4nst");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/\.json"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const expected = await recordsInOneRead({ sort: "title", businessArea: ["Socialtjänst"] });
    expect(expected.length).toBeGreaterThan(EXPORT_BATCH / 2);
    const parsed = JSON.parse(new TextDecoder().decode(bytes)) as { reference: string; title: string }[];
    expect(parsed.map((record) => record.reference)).toEqual(expected.map((record) => record.reference));
    expect(bytes).toEqual((await exportUseCases(expected, "json", "sv")).bytes);
  }, 60_000);

  it("builds the XLSX from the batches with every row, in order", async () => {
    const response = await download(admin, organisation.slug, "format=xlsx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const references = workbook.worksheets[0]!.getColumn(1).values.slice(2);
    expect(references).toEqual((await recordsInOneRead()).map((record) => record.reference));
  }, 60_000);

  it("answers a member of another organisation, an unknown organisation and a signed-out visitor as before", async () => {
    const refusedBefore = async (as: TestUser | null, slug: string) => {
      const caller = await callerFor(db.prisma, as);
      const error = await caller.useCaseFiles.exportRecords({ organisationSlug: slug, filters: {} }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      return (error as TRPCError).code;
    };
    expect(await refusedBefore(world.users.outsider, organisation.slug)).toBe("FORBIDDEN");
    expect((await download(world.users.outsider, organisation.slug, "format=csv")).status).toBe(403);
    expect(await refusedBefore(admin, "finns-inte")).toBe("FORBIDDEN");
    expect((await download(admin, "finns-inte", "format=json")).status).toBe(403);
    expect(await refusedBefore(null, organisation.slug)).toBe("UNAUTHORIZED");
    expect((await download(null, organisation.slug, "format=csv")).status).toBe(401);
  });
});
