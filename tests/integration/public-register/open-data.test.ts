/**
 * The open API (/api/open/v1) against a real PostgreSQL, through the same route functions
 * the app's route handlers call: only published snapshots and never an internal field;
 * ETag and 304; CORS; the rate limit across two app instances; keyset pages that hold
 * while others publish; updatedSince; 400 for bad queries; the OpenAPI description
 * validates and every response matches its schema; the mapped records and the dumps.
 */
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as routes from "@/server/api/open-data-routes";
import { createPrismaClient, type PrismaClient } from "@/server/db/client";
import { inScope } from "@/server/db/scope";
import { nlAlgoritmeregisterRecord } from "@/server/domain/public-register/mappings/nl-algoritmeregister";
import { ukAtrsRecord } from "@/server/domain/public-register/mappings/uk-atrs";
import { usInventoryRecord } from "@/server/domain/public-register/mappings/us-inventory";
import { dumpCsvColumns, dumpStream, swedishDay } from "@/server/domain/public-register/open-data/dump";
import { openApiDocument } from "@/server/domain/public-register/open-data/openapi";
import { openDumpRecord, responseKeys } from "@/server/domain/public-register/open-data/schemas";
import { retract } from "@/server/domain/public-register/service";
import { publicSnapshotKeys } from "@/server/domain/public-register/snapshot";
import { useCaseFields } from "@/server/domain/use-cases/schemas";
import { getUseCase, updateUseCase } from "@/server/domain/use-cases/service";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { changeFor, createPublishableUseCase, proposeAndPublish, publishTestUseCase } from "../../support/publication";
import { createTenancyWorld, type TenancyWorld } from "../../support/tenancy";
import { createTestUseCase } from "../../support/use-cases";

let db: TestDatabase;
let world: TenancyWorld;
let people: { editor: TenancyWorld["users"]["editor"]; admin: TenancyWorld["users"]["admin"] };

const SECRET = "HEMLIG-INTERN-UPPGIFT";
const ORIGIN = "http://tillit.test";
let address = 0;

/** A client with its own address, so that tests do not share a rate-limit window. */
function client() {
  address += 1;
  const ip = `198.51.100.${address}`;
  return (path: string, headers: Record<string, string> = {}) =>
    new Request(`${ORIGIN}/api/open/v1${path}`, { headers: { "x-tillit-client-address": ip, ...headers } });
}

const options = () => ({ db: db.prisma });

let published: { useCaseId: string; snapshotVersion: number; publicationVersion: number };
let withheld: { useCaseId: string };
let retracted: { useCaseId: string };
let unpublishedId: string;
let otherOrganisationUnpublishedId: string;

async function editTitle(id: string, title: string) {
  await inScope(db.prisma, { organisationId: world.orgA.id }, async (tx) => {
    const current = await getUseCase(tx, world.orgA.id, id);
    const { id: _id, reference: _reference, version, ...fields } = current as unknown as Record<string, unknown> & { version: number };
    await updateUseCase(tx, changeFor(world.orgA, people.admin, "ADMIN"), {
      id,
      version,
      fields: useCaseFields.parse({ ...fields, title }),
    });
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createTenancyWorld(db.prisma);
  people = { editor: world.users.editor, admin: world.users.admin };
  published = await publishTestUseCase(db.prisma, world.orgA, people, {
    title: "Sortering av inkommande post",
    registryNumber: "KS 2026/12",
    riskClass: "HIGH_RISK",
    annexIIIArea: "ESSENTIAL_SERVICES",
  });
  withheld = await publishTestUseCase(db.prisma, world.orgA, people, {
    title: "Upphandlad bildanalys",
    supplierName: SECRET,
    trainingData: SECRET,
    withheldFields: { supplierName: "Pågående upphandling", trainingData: "Säkerhetsskäl" },
  });
  retracted = await publishTestUseCase(db.prisma, world.orgA, people, { title: "Tillbakadragen prognosmodell" });
  await inScope(db.prisma, { organisationId: world.orgA.id }, async (tx) => {
    const publication = await tx.useCasePublication.findUniqueOrThrow({
      where: { organisationId_useCaseId: { organisationId: world.orgA.id, useCaseId: retracted.useCaseId } },
    });
    await retract(tx, changeFor(world.orgA, people.admin, "ADMIN"), {
      useCaseId: retracted.useCaseId,
      version: publication.version,
      reason: "Systemet används inte längre.",
    });
  });
  unpublishedId = (await createPublishableUseCase(db.prisma, world.orgA, people.admin, { title: `Opublicerad ${SECRET}` })).id;
  otherOrganisationUnpublishedId = (await createTestUseCase(db.prisma, world.orgB, world.users.outsider, { fields: { title: "B:s interna" } })).id;
  // An internal edit after publishing: the public must keep seeing the published title.
  await editTitle(published.useCaseId, `Ny intern titel ${SECRET}`);
}, 120_000);
afterAll(() => db?.close());

async function json(response: Response) {
  return (await response.json()) as Record<string, unknown> & { data: Record<string, unknown>[] };
}

/** Every key of an object tree, as dotted paths without array indexes. */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => keyPaths(item, prefix));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) => [`${prefix}${key}`, ...keyPaths(inner, `${prefix}${key}.`)]);
}

describe("what the open API shows", () => {
  it("lists only published, current use cases, with only allowed keys, and never an internal value", async () => {
    const get = client();
    const response = await routes.useCases(get("/use-cases?limit=100"), options());
    expect(response.status).toBe(200);
    const body = await json(response);
    const ids = body.data.map((item) => item.id);
    expect(ids).toEqual(expect.arrayContaining([published.useCaseId, withheld.useCaseId]));
    expect(ids).not.toContain(retracted.useCaseId);
    expect(ids).not.toContain(unpublishedId);
    expect(ids).not.toContain(otherOrganisationUnpublishedId);
    for (const item of body.data) expect(Object.keys(item).sort()).toEqual([...responseKeys.useCaseSummary].sort());
    expect(body.data.find((item) => item.id === published.useCaseId)?.title).toBe("Sortering av inkommande post");
    expect(JSON.stringify(body)).not.toContain(SECRET);
  });

  it("shows one use case as published, with its versions, and only the snapshot's public fields", async () => {
    const response = await routes.useCase(client()(`/use-cases/${published.useCaseId}`), options(), published.useCaseId);
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(Object.keys(body).sort()).toEqual([...responseKeys.useCaseDetail].sort());
    const useCase = body.useCase as Record<string, unknown>;
    expect(Object.keys(useCase).every((key) => (publicSnapshotKeys as string[]).includes(key))).toBe(true);
    expect(useCase.title).toBe("Sortering av inkommande post");
    expect(body.versions).toEqual([
      { version: 1, publishedAt: expect.any(String), supersededAt: null, links: { self: `${ORIGIN}/api/open/v1/use-cases/${published.useCaseId}/versions/1` } },
    ]);
    const paths = keyPaths(body);
    for (const internal of ["organisationId", "withheldFields", "intendedForPublication", "nextReviewOn", "dpiaRequired", "createdById", "archivedAt", "searchDocument"]) {
      expect(paths.some((path) => path.split(".").includes(internal)), internal).toBe(false);
    }
    expect(JSON.stringify(body)).not.toContain(SECRET);
  });

  it("says a withheld field is withheld, with its reason, in the API, the mappings and the dumps", async () => {
    const get = client();
    const detail = await json(await routes.useCase(get(`/use-cases/${withheld.useCaseId}`), options(), withheld.useCaseId));
    const useCase = detail.useCase as { supplierName: unknown; trainingData: unknown; withheld: { field: string }[] };
    expect(useCase.supplierName).toBeNull();
    expect(useCase.trainingData).toBeNull();
    expect(useCase.withheld.map((entry) => entry.field).sort()).toEqual(["supplierName", "trainingData"]);
    for (const format of ["uk-atrs.json", "nl-algoritmeregister.json", "us-inventory.json"]) {
      const text = await (await routes.useCaseAs(get(`/use-cases/${withheld.useCaseId}/${format}`), options(), withheld.useCaseId, format)).text();
      expect(text).not.toContain(SECRET);
    }
    const nl = await json(await routes.useCaseAs(get(""), options(), withheld.useCaseId, "nl-algoritmeregister.json"));
    expect(nl.provider).toMatch(/^Ej publicerad \(.+\): Pågående upphandling$/);
    for (const format of ["csv", "jsonl"] as const) {
      expect(await (await routes.dump(get(`/dump.${format}`), options(), format)).text()).not.toContain(SECRET);
    }
  });

  it("answers 404 for a use case never published and 410 with the public reason for a retracted one", async () => {
    const get = client();
    for (const id of [unpublishedId, otherOrganisationUnpublishedId, "not-a-uuid"]) {
      const response = await routes.useCase(get(`/use-cases/${id}`), options(), id);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain(SECRET);
    }
    const response = await routes.useCase(get(`/use-cases/${retracted.useCaseId}`), options(), retracted.useCaseId);
    expect(response.status).toBe(410);
    expect(await json(response)).toMatchObject({ status: "RETRACTED", title: "Tillbakadragen prognosmodell", retractionReason: "Systemet används inte längre." });
    const mapped = await routes.useCaseAs(get(""), options(), retracted.useCaseId, "uk-atrs.json");
    expect(mapped.status).toBe(404);
  });

  it("lists organisations with what they have published", async () => {
    const body = await json(await routes.organisations(client()("/organisations"), options()));
    const a = body.data.find((entry) => entry.id === world.orgA.id)!;
    const b = body.data.find((entry) => entry.id === world.orgB.id)!;
    expect(a).toMatchObject({ slug: world.orgA.slug, publishedCount: 2 });
    expect(b).toMatchObject({ publishedCount: 0, lastPublishedAt: null, completeness: null });
    for (const entry of body.data) expect(Object.keys(entry).sort()).toEqual([...responseKeys.organisation].sort());
    const unpublished = await json(await routes.organisations(client()("/organisations?published=false"), options()));
    expect(unpublished.data.map((entry) => entry.id)).toEqual([world.orgB.id]);
  });
});

describe("HTTP behaviour", () => {
  it("answers 304 to a matching If-None-Match, and 200 with a new ETag once something is published", async () => {
    const get = client();
    const first = await routes.useCases(get("/use-cases"), options());
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await routes.useCases(get("/use-cases", { "if-none-match": etag }), options());
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await routes.useCases(get("/use-cases", { "if-none-match": `W/${etag}, "other"` }), options())).status).toBe(304);

    await publishTestUseCase(db.prisma, world.orgA, people, { title: "Nyss publicerad" });
    const after = await routes.useCases(get("/use-cases", { "if-none-match": etag }), options());
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
  });

  it("is open to every origin for GET, also in a preflight", async () => {
    const get = client();
    const response = await routes.useCases(get("/use-cases", { origin: "https://data.example.org" }), options());
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-expose-headers")).toContain("ETag");
    const { preflightResponse } = await import("@/server/api/open-data");
    const preflight = preflightResponse();
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("GET");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("If-None-Match");
  });

  it("refuses the request over the limit with 429 and Retry-After, counted across two app instances", async () => {
    const instanceTwo: PrismaClient = createPrismaClient(db.url);
    try {
      const policy = { limit: 3, windowSeconds: 60 };
      const get = client();
      const statuses = [];
      for (const instance of [db.prisma, instanceTwo, db.prisma]) {
        statuses.push((await routes.organisations(get("/organisations"), { db: instance, rateLimit: policy })).status);
      }
      expect(statuses).toEqual([200, 200, 200]);
      const refused = await routes.organisations(get("/organisations"), { db: instanceTwo, rateLimit: policy });
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(refused.headers.get("access-control-allow-origin")).toBe("*");
      // Another client is not affected.
      expect((await routes.organisations(client()("/organisations"), { db: instanceTwo, rateLimit: policy })).status).toBe(200);
    } finally {
      await instanceTwo.$disconnect();
    }
  });

  it("answers a bad query with 400 naming the field, never 500", async () => {
    const get = client();
    const cases: [string, string][] = [
      ["/use-cases?riskClass=HUGE", "riskClass"],
      ["/use-cases?limit=0", "limit"],
      ["/use-cases?limit=abc", "limit"],
      ["/use-cases?updatedSince=yesterday", "updatedSince"],
      ["/use-cases?sort=random", "sort"],
      ["/use-cases?colour=blue", "colour"],
      ["/use-cases?cursor=garbage", "cursor"],
      ["/organisations?kind=VILLAGE", "kind"],
      ["/organisations?published=maybe", "published"],
    ];
    for (const [path, field] of cases) {
      const handler = path.startsWith("/organisations") ? routes.organisations : routes.useCases;
      const response = await handler(get(path), options());
      expect(response.status, path).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      const body = (await response.json()) as { errors: { field: string }[] };
      expect(body.errors.map((error) => error.field).join(","), path).toContain(field);
    }
  });
});

describe("paging and harvesting", () => {
  it("pages with a keyset cursor that neither repeats nor skips while others publish", async () => {
    const batch = [];
    for (let index = 0; index < 5; index += 1) batch.push(await publishTestUseCase(db.prisma, world.orgA, people, { title: `Sida ${index}` }));
    const get = client();
    const before = await json(await routes.useCases(get("/use-cases?limit=100"), options()));
    const expected = before.data.map((item) => item.id);

    const seen: string[] = [];
    let next: string | null = "/use-cases?limit=3";
    let pages = 0;
    while (next) {
      const body = await json(await routes.useCases(get(next), options()));
      seen.push(...body.data.map((item) => item.id as string));
      const link = (body.links as { next: string | null }).next;
      next = link ? link.replace(`${ORIGIN}/api/open/v1`, "") : null;
      if (pages === 0) {
        // Others publish while this client pages: a new use case, and a new version of one already seen.
        await publishTestUseCase(db.prisma, world.orgA, people, { title: "Publicerad under bläddring" });
        await editTitle(batch[4]!.useCaseId, "Sida 4, version 2");
        await proposeAndPublish(db.prisma, world.orgA, people, batch[4]!.useCaseId);
      }
      pages += 1;
    }
    expect(pages).toBeGreaterThan(2);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expected);
  });

  it("harvests what was published or republished since a moment", async () => {
    const get = client();
    const since = new Date().toISOString();
    const fresh = await publishTestUseCase(db.prisma, world.orgA, people, { title: "Efter skördetidpunkten" });
    await editTitle(published.useCaseId, "Sortering av inkommande post, version 2");
    await proposeAndPublish(db.prisma, world.orgA, people, published.useCaseId);
    const body = await json(await routes.useCases(get(`/use-cases?updatedSince=${encodeURIComponent(since)}&limit=100`), options()));
    expect(body.data.map((item) => item.id).sort()).toEqual([fresh.useCaseId, published.useCaseId].sort());
    const republished = body.data.find((item) => item.id === published.useCaseId)!;
    expect(republished.version).toBe(2);

    const detail = await json(await routes.useCase(get(""), options(), published.useCaseId));
    expect((detail.versions as { version: number }[]).map((entry) => entry.version)).toEqual([2, 1]);
    const first = await json(await routes.useCaseVersion(get(""), options(), published.useCaseId, "1"));
    expect((first.useCase as { title: string }).title).toBe("Sortering av inkommande post");
    expect((await routes.useCaseVersion(get(""), options(), published.useCaseId, "9")).status).toBe(404);
  });
});

describe("the OpenAPI description", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const response = await routes.openApiDescription(client()("/openapi.json"), options());
    const document = await response.json();
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("describes every real response: each validates against its schema", async () => {
    const document = openApiDocument() as { components: { schemas: Record<string, unknown> } };
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema({ $id: "openapi", components: document.components });
    const check = (schema: string, body: unknown) => {
      const validate = ajv.compile({ $ref: `openapi#/components/schemas/${schema}` });
      expect(validate(body) ? [] : validate.errors, schema).toEqual([]);
    };
    const get = client();
    check("UseCaseList", await json(await routes.useCases(get("/use-cases?limit=5"), options())));
    check("UseCaseList", await json(await routes.useCases(get("/use-cases?q=post&sort=relevance&riskClass=HIGH_RISK"), options())));
    check("OrganisationList", await json(await routes.organisations(get("/organisations"), options())));
    check("UseCaseDetail", await json(await routes.useCase(get(""), options(), published.useCaseId)));
    check("UseCaseDetail", await json(await routes.useCase(get(""), options(), withheld.useCaseId)));
    check("RetractedUseCase", await json(await routes.useCase(get(""), options(), retracted.useCaseId)));
    check("UseCaseVersion", await json(await routes.useCaseVersion(get(""), options(), published.useCaseId, "1")));
    check("UkAtrsRecord", await json(await routes.useCaseAs(get(""), options(), published.useCaseId, "uk-atrs.json")));
    check("NlAlgoritmeregisterRecord", await json(await routes.useCaseAs(get(""), options(), published.useCaseId, "nl-algoritmeregister.json")));
    check("UsInventoryRecord", await json(await routes.useCaseAs(get(""), options(), published.useCaseId, "us-inventory.json")));
    check("Problem", await json(await routes.useCases(get("/use-cases?limit=0"), options())));
    check("DailyDumpList", await json(await routes.dailyDumps(get("/dumps"), options())));
    const jsonl = await (await routes.dump(get("/dump.jsonl"), options(), "jsonl")).text();
    for (const line of jsonl.trim().split("\n")) check("DumpRecord", JSON.parse(line));
  });
});

describe("mapped records", () => {
  it("downloads each published use case in the UK, Dutch and US shapes", async () => {
    const get = client();
    const uk = ukAtrsRecord.parse(await json(await routes.useCaseAs(get(""), options(), withheld.useCaseId, "uk-atrs.json")));
    expect(uk.tier_1.name).toBe("Upphandlad bildanalys");
    expect(uk.tier_1.website).toBe(`${ORIGIN}/register/use-cases/${withheld.useCaseId}`);
    const nl = nlAlgoritmeregisterRecord.parse(await json(await routes.useCaseAs(get(""), options(), withheld.useCaseId, "nl-algoritmeregister.json")));
    expect(nl.organization).toBe(nl.organization.trim());
    expect(nl.url).toBe(`${ORIGIN}/api/open/v1/use-cases/${withheld.useCaseId}`);
    const us = usInventoryRecord.parse(await json(await routes.useCaseAs(get(""), options(), withheld.useCaseId, "us-inventory.json")));
    expect(us.use_case_name).toBe("Upphandlad bildanalys");
    expect((await routes.useCaseAs(get(""), options(), withheld.useCaseId, "xml.json")).status).toBe(404);
  });
});

describe("the dump", () => {
  it("streams every published use case once, as JSON Lines and as Excel-friendly CSV", async () => {
    const get = client();
    const list = await json(await routes.useCases(get("/use-cases?limit=100"), options()));
    const ids = list.data.map((item) => item.id).sort();

    const jsonl = await routes.dump(get("/dump.jsonl"), options(), "jsonl");
    expect(jsonl.headers.get("content-type")).toContain("application/x-ndjson");
    const records = (await jsonl.text()).trim().split("\n").map((line) => openDumpRecord.parse(JSON.parse(line)));
    expect(records.map((record) => record.id).sort()).toEqual(ids);

    const bytes = Buffer.from(await (await routes.dump(get("/dump.csv"), options(), "csv")).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString("utf8");
    expect(csv.startsWith("id;version;firstPublishedAt")).toBe(true);
    const lines = csv.split("\r\n").filter((line) => line !== "");
    expect(lines[0]!.split(";")).toEqual(dumpCsvColumns.map((column) => column.name));
    expect(lines.length - 1).toBe(ids.length);
    expect(csv).toContain(";Sortering av inkommande post");

    // Small batches give the same content: the keyset crosses batch boundaries cleanly.
    const small = await new Response(dumpStream(db.prisma, "jsonl", { batchSize: 2 })).text();
    expect(small.trim().split("\n").map((line) => (JSON.parse(line) as { id: string }).id).sort()).toEqual(ids);
  });

  it("writes the daily file once, dated, and serves the same file all day", async () => {
    const get = client();
    const first = await routes.dailyDumpFile(get("/dumps/daily.jsonl"), options(), "daily.jsonl");
    expect(first.status).toBe(200);
    expect(first.headers.get("x-dump-date")).toBe(swedishDay());
    expect(first.headers.get("content-disposition")).toContain(`tillit-ai-register-${swedishDay()}.jsonl`);
    const firstText = await first.text();
    expect(Number(first.headers.get("content-length"))).toBe(Buffer.byteLength(firstText));
    const count = firstText.trim().split("\n").length;

    await publishTestUseCase(db.prisma, world.orgA, people, { title: "Efter dagens fil" });
    const second = await routes.dailyDumpFile(get("/dumps/daily.jsonl"), options(), "daily.jsonl");
    expect(await second.text()).toBe(firstText);
    const live = await (await routes.dump(get("/dump.jsonl"), options(), "jsonl")).text();
    expect(live.trim().split("\n").length).toBe(count + 1);

    const byDate = await routes.dailyDumpFile(get(""), options(), `${swedishDay()}.jsonl`);
    expect(await byDate.text()).toBe(firstText);
    expect((await routes.dailyDumpFile(get(""), options(), "2001-01-01.csv")).status).toBe(404);
    expect((await routes.dailyDumpFile(get(""), options(), "whatever.txt")).status).toBe(404);

    const csv = await routes.dailyDumpFile(get(""), options(), "daily.csv");
    expect(Buffer.from(await csv.arrayBuffer()).subarray(0, 6).toString("utf8")).toBe("\uFEFFid;");
    const listing = await json(await routes.dailyDumps(get("/dumps"), options()));
    expect(listing.data.map((entry) => `${entry.day}.${entry.format}`).sort()).toEqual([`${swedishDay()}.csv`, `${swedishDay()}.jsonl`]);
    expect(listing.data.find((entry) => entry.format === "jsonl")).toMatchObject({ recordCount: count });
  });
});
