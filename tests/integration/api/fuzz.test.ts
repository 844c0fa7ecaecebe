/**
 * Every procedure of the root router, fuzzed from its own input schema over HTTP (as a
 * browser or an API client calls it), as a signed-in member with the access it needs (the
 * ADMIN of a seeded organisation; a platform admin or oversight user for those procedures)
 * and anonymously. No call may answer 5xx; a refused call must change nothing (a fingerprint
 * of every row the app can see in both organisations, and the shared tables); a 400 must
 * say which field. Then each leaf of a full, plausible input is replaced in turn by a NUL,
 * an unpaired surrogate, a date PostgreSQL cannot store, a crafted cursor or a number out
 * of range: each must be a 400 that names that field. Seeded (FUZZ_SEED to vary) and bounded.
 */
import fc from "fast-check";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { appRouter } from "@/server/api/root";
import type { ProcedureMeta } from "@/server/api/trpc";
import { enterOrganisation, inScope } from "@/server/db/scope";
import { listUseCases } from "@/server/domain/use-cases/list";
import { useCaseListFilters } from "@/server/domain/use-cases/schemas";
import { type ApiAnswer, callApi } from "../../support/api-http";
import { createTestAssessment } from "../../support/assessments";
import { createTestDatabase } from "../../support/database";
import { arbitraryFor, craftedCursors, edgeDates, type FuzzPools, leavesOf, withLeaf } from "../../support/fuzz";
import { createTestDecision } from "../../support/procurement";
import { assignTestResponsibility } from "../../support/responsibilities";
import { createTestSupplier } from "../../support/suppliers";
import { createTenancyWorld, inviteTo, type TenancyWorld, type TestUser } from "../../support/tenancy";
import { createTestUseCase } from "../../support/use-cases";

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
/** Random inputs per procedure and caller. */
const RUNS = 5;

type Db = Awaited<ReturnType<typeof createTestDatabase>>;
interface ProcedureDef {
  _def: { meta?: ProcedureMeta; type: "query" | "mutation" | "subscription"; inputs: z.core.$ZodType[] };
}
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>);

let db: Db;
let world: TenancyWorld;
let pools: FuzzPools;

function call(path: string, type: ProcedureDef["_def"]["type"], input: unknown, as: TestUser | null): Promise<ApiAnswer> {
  return callApi(db.prisma, path, type, input, as, "fuzz-request");
}

let checksumSql: string | null = null;

/**
 * A fingerprint of every row the app can see: for each tenant table in both organisations the
 * row count and the sum of the rows' xmin (the transaction that wrote each row version, so any
 * insert, update or delete changes it), and ids and versions of the shared tables.
 */
async function snapshot(): Promise<string> {
  return inScope(db.prisma, { organisationId: world.orgA.id }, async (tx) => {
    if (!checksumSql) {
      const tables = await tx.$queryRaw<{ table_name: string }[]>`
        SELECT DISTINCT c.table_name::text FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = current_schema() AND c.column_name = 'organisationId' AND t.table_type = 'BASE TABLE' ORDER BY 1`;
      expect(tables.length).toBeGreaterThan(5);
      checksumSql = `SELECT concat_ws(' ', ${tables
        .map(({ table_name: name }) => `(SELECT count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) FROM "${name}")`)
        .join(", ")}) AS "sum"`;
    }
    const [a] = await tx.$queryRawUnsafe<{ sum: string }[]>(checksumSql);
    await enterOrganisation(tx, world.orgB.id);
    const [b] = await tx.$queryRawUnsafe<{ sum: string }[]>(checksumSql);
    const [shared] = await tx.$queryRaw<{ sum: string }[]>`SELECT concat_ws(' ',
      (SELECT count(*) || ':' || coalesce(sum(hashtext("id"::text || ':' || "version")::bigint), 0) FROM "Organisation"),
      (SELECT count(*) || ':' || coalesce(sum(hashtext("id"::text)::bigint), 0) FROM "User"),
      (SELECT count(*) || ':' || coalesce(sum(hashtext("id"::text || ':' || "version")::bigint), 0) FROM "Supplier"),
      (SELECT count(*) || ':' || coalesce(sum(hashtext("id"::text || ':' || "version")::bigint), 0) FROM "SupplierProduct")) AS "sum"`;
    return [a?.sum, b?.sum, shared?.sum].join(" | ");
  });
}

function callersFor(meta: ProcedureMeta): { name: string; user: TestUser | null; allowed: boolean }[] {
  const allowed =
    meta.access.kind === "platform" ? world.users.platformAdmin : meta.access.kind === "oversight" ? world.users.oversight : world.users.admin;
  return [
    { name: "member", user: allowed, allowed: true },
    { name: "anonymous", user: null, allowed: meta.access.kind === "public" },
  ];
}

/** The procedure's input: its guard's input and its own, merged as tRPC merges them. */
function inputSchemaOf(procedure: ProcedureDef): z.core.$ZodType | null {
  const inputs = procedure._def.inputs;
  if (inputs.length <= 1) return inputs[0] ?? null;
  const shapes = inputs.map((input) => (input._zod.def as { shape?: Record<string, z.core.$ZodType> }).shape);
  if (shapes.some((shape) => !shape)) return inputs.at(-1)!;
  return z.object(Object.assign({}, ...shapes) as Record<string, z.core.$ZodType>);
}

const describeInput = (input: unknown) => {
  const text = superjson.stringify(input);
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
};

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createTenancyWorld(db.prisma);
  const { admin, editor } = world.users;
  const useCases = [await createTestUseCase(db.prisma, world.orgA, admin), await createTestUseCase(db.prisma, world.orgA, admin)];
  const assessment = await createTestAssessment(db.prisma, world.orgA, { by: editor, status: "IN_REVIEW", comment: "Motivera.", useCaseId: useCases[0]!.id });
  const draft = await createTestAssessment(db.prisma, world.orgA, { by: editor, useCaseId: useCases[1]!.id });
  const decision = await createTestDecision(db.prisma, world.orgA, editor, { useCaseId: useCases[0]!.id });
  const { supplier, products } = await createTestSupplier(db.prisma, world.orgA, editor, { products: [{}] });
  await createTestSupplier(db.prisma, world.orgA, editor);
  const assignment = await assignTestResponsibility(db.prisma, world.orgA, editor, {
    useCaseId: useCases[0]!.id,
    role: "LEGAL",
    external: { name: "Jurist Extern" },
    validFrom: "2026-01-01",
  });
  const invitation = await inviteTo(db.prisma, world.orgA, admin, "fuzz-inbjuden@exempel.example");
  const comment = await inScope(db.prisma, { organisationId: world.orgA.id }, (tx) =>
    tx.assessmentComment.findFirstOrThrow({ where: { organisationId: world.orgA.id, assessmentId: assessment.id } }),
  );
  const cursors = await inScope(db.prisma, { organisationId: world.orgA.id }, async (tx) => {
    const found: string[] = [];
    for (const sort of ["updated", "title", "reference"] as const) {
      const page = await listUseCases(tx, world.orgA.id, useCaseListFilters.parse({ sort }), { limit: 1 });
      if (page.nextCursor) found.push(page.nextCursor);
    }
    return found;
  });
  expect(cursors.length).toBe(3);
  pools = {
    organisationSlug: world.orgA.slug,
    // Everything but the admin's own id, so that the fuzz cannot remove the caller it runs as.
    uuids: [
      ...useCases.map((u) => u.id),
      assessment.id,
      draft.id,
      decision.id,
      supplier.id,
      products[0]!.id,
      assignment.id,
      comment.id,
      invitation.id,
      world.orgA.id,
      world.orgB.id,
      world.users.editor.id,
      world.users.viewer.id,
      world.users.outsider.id,
    ],
    cursors: [...cursors, ...craftedCursors.slice(0, 4)],
    tokens: [invitation.token],
  };
});
afterAll(async () => db?.close());

describe("fuzzing every procedure from its input schema", () => {
  it("finds the procedures by walking the router", () => {
    expect(procedures.length).toBeGreaterThan(60);
  });

  for (const [path, procedure] of procedures) {
    const meta = procedure._def.meta;
    it(`${path}: no 5xx, refused calls change nothing, a 400 names its field`, async () => {
      expect(meta, `${path} has no access rule`).toBeDefined();
      const schema = inputSchemaOf(procedure);
      const input = schema
        ? fc.oneof(
            { arbitrary: arbitraryFor(schema, pools, { edgeWeight: 0 }), weight: 2 },
            { arbitrary: arbitraryFor(schema, pools, { edgeWeight: 1 }), weight: 3 },
            { arbitrary: arbitraryFor(schema, pools, { edgeWeight: 8 }), weight: 1 },
          )
        : fc.constant(undefined);
      const callers = callersFor(meta!);
      let before = await snapshot();
      await fc.assert(
        fc.asyncProperty(input, fc.constantFrom(...callers), async (value, caller) => {
          const answer = await call(path, procedure._def.type, value, caller.user);
          const after = await snapshot();
          const what = `${path} as ${caller.name} with ${describeInput(value)} answered ${answer.status} ${answer.code ?? ""} ${answer.message ?? ""}`;
          expect(answer.status, what).toBeLessThan(500);
          if (answer.status >= 400) expect(after, `${what}, and changed rows`).toBe(before);
          if (answer.status === 400) expect(answer.fieldErrors.length, `${what} without naming a field`).toBeGreaterThan(0);
          before = after;
        }),
        { seed: SEED, numRuns: RUNS * callers.length, endOnFailure: true },
      );
    });
  }
});

/** Replacements for one leaf of an input, by what the leaf holds. */
function mutationsOf(path: (string | number)[], value: unknown, index: number): unknown[] {
  const last = path.at(-1);
  if (last === "cursor") return [craftedCursors[index % 6]!, craftedCursors[6 + (index % 7)]!];
  if (value instanceof Date) return [edgeDates[index % edgeDates.length]!];
  if (typeof value === "number") return [1e39];
  if (typeof value !== "string") return [];
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) {
    const time = value.length > 10 ? "T00:00:00Z" : "";
    return [`0000-01-01${time}`, index % 2 === 0 ? `-005000-01-01${time}` : `+271821-01-01${time}`];
  }
  // NUL and unpaired surrogates in turn: every string leaf gets one of them.
  return [[`${value}\u0000`, `\uD800${value}`, `${value.slice(0, 1)}\u0000${value.slice(1)}`, `${value}\uDFFF`][index % 4]];
}

describe("each leaf of a plausible input, made unstorable", () => {
  for (const [path, procedure] of procedures) {
    const schema = inputSchemaOf(procedure);
    if (!schema) continue;
    it(`${path}: answers 400 naming the field`, async () => {
      const meta = procedure._def.meta!;
      const [sample] = fc.sample(arbitraryFor(schema, pools, { edgeWeight: 0, full: true }), { seed: SEED, numRuns: 1 });
      const leaves = leavesOf(sample);
      const before = await snapshot();
      let mutated = 0;
      for (const caller of callersFor(meta).filter((c) => c.allowed)) {
        for (const [index, leaf] of leaves.entries()) {
          for (const replacement of mutationsOf(leaf.path, leaf.value, index)) {
            const field = leaf.path.join(".");
            const input = withLeaf(sample, leaf.path, replacement);
            const answer = await call(path, procedure._def.type, input, caller.user);
            const what = `${path} with ${field} = ${describeInput(replacement)} answered ${answer.status} ${answer.code ?? ""} ${answer.message ?? ""}`;
            expect(answer.status, what).toBe(400);
            expect(answer.fieldErrors.map((error) => error.field), what).toContain(field);
            mutated += 1;
          }
        }
      }
      expect(await snapshot(), `${path}: a refused call changed rows`).toBe(before);
      if (leaves.length > 0) expect(mutated).toBeGreaterThan(0);
    });
  }
});
