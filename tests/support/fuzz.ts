/**
 * Inputs for fuzzing the API, generated from the procedures' own zod schemas: a walker over
 * zod 4's schema definitions that builds fast-check arbitraries of plausible values (so that
 * calls get past validation and into the services and the database), with edge values mixed
 * in at every node (NUL, unpaired surrogates, dates PostgreSQL cannot store, crafted cursors,
 * numbers out of every column's range, values of the wrong type).
 */
import fc from "fast-check";
import type { z } from "zod";

/** Values taken from the seeded database, so that ids, slugs and cursors can hit real rows. */
export interface FuzzPools {
  uuids: string[];
  organisationSlug: string;
  /** Cursors the lists handed out. */
  cursors: string[];
  /** Invitation tokens that exist. */
  tokens: string[];
}

export interface FuzzOptions {
  /** Relative weight of an edge value at each node (0: plausible values only). */
  edgeWeight: number;
  /** Give every optional field a value (for samples whose leaves are then mutated one by one). */
  full?: boolean;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
const someId = "00000000-0000-4000-8000-000000000000";

/** Cursors a client could craft: well-formed base64url, hostile content. */
export const craftedCursors = [
  base64url({ sort: "relevance", key: 1e39, id: someId }),
  base64url({ sort: "relevance", key: -1e39, id: someId }),
  base64url({ sort: "relevance", key: 1e-50, id: someId }),
  base64url({ sort: "updated", key: "0000-01-01T00:00:00Z", id: someId }),
  base64url({ sort: "updated", key: "-005000-01-01T00:00:00Z", id: someId }),
  base64url({ sort: "updated", key: "+271821-01-01T00:00:00Z", id: someId }),
  base64url({ sort: "title", key: "a\u0000b", id: someId }),
  base64url({ sort: "title", key: "\uD800", id: someId }),
  base64url({ sort: "title", key: "x", id: "not-a-uuid" }),
  base64url({ updatedAt: "0000-01-01T00:00:00.000Z", id: someId }),
  base64url({ updatedAt: "-271821-04-20T00:00:00.000Z", id: someId }),
  base64url({ createdAt: "+271821-01-01T00:00:00.000Z", id: someId }),
  base64url({ createdAt: -8.64e15, id: someId }),
  base64url(["\u0000", someId]),
  base64url(["x", "'; DROP TABLE \"Supplier\"; --"]),
  base64url(null),
  base64url([]),
  Buffer.from("{not json", "utf8").toString("base64url"),
  "bm90IGpzb24",
  "!!!",
  "",
];

export const edgeStrings = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "x\uDFFFy",
  "\uDBFF",
  "0000-01-01",
  "-005000-01-01",
  "+271821-01-01",
  "0000-01-01T00:00:00Z",
  "-271821-04-20T00:00:00.000Z",
  "+275760-09-13T00:00:00.000Z",
  "2026-02-30",
  "1e39",
  "NaN",
  "Infinity",
  "-1",
  "null",
  "'; DROP TABLE \"UseCase\"; --",
  "%00",
  "\\u0000",
  "😀👍🏽",
  "\u202Eevil",
  "a".repeat(257),
  "ö".repeat(1_001),
  ...craftedCursors,
];

export const edgeNumbers = [0, -0, -1, 1, 0.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, -(2 ** 53), 1e39, -1e39, 1e-50, Number.MAX_VALUE, Number.NaN, Infinity, -Infinity];

export const edgeDates = [
  new Date(8.64e15),
  new Date(-8.64e15),
  new Date("0000-01-01T00:00:00Z"),
  new Date("-005000-01-01T00:00:00Z"),
  new Date("+271821-01-01T00:00:00Z"),
  new Date(Number.NaN),
];

const wrongTypes: unknown[] = [null, true, 42, "x", [], {}, ["x"], { a: 1 }, new Date(0)];

const anything = fc.oneof(fc.constantFrom(...edgeStrings), fc.constantFrom(...edgeNumbers), fc.constantFrom(...edgeDates), fc.constantFrom(...wrongTypes));

type Def = z.core.$ZodTypeDef & Record<string, unknown>;
interface Check {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number | Date;
}

function defOf(schema: z.core.$ZodType): Def {
  return schema._zod.def as Def;
}

function checksOf(def: Def): Check[] {
  return ((def.checks as { _zod: { def: Check } }[] | undefined) ?? []).map((check) => check._zod.def);
}

/** Plausible text of the length the schema asks for. */
function plausibleText(min: number, max: number): fc.Arbitrary<string> {
  const upper = Math.max(min, Math.min(max, min + 30));
  return fc.oneof(
    fc.string({ unit: "grapheme", minLength: min, maxLength: upper }),
    fc.constantFrom("Chattbot för e-tjänster", "Åsa Öberg", "Kommunstyrelsen", "AB").filter((s) => s.length >= min && s.length <= max),
  );
}

function plausibleString(def: Def, key: string | undefined, pools: FuzzPools): fc.Arbitrary<string> {
  const format = def.format as string | undefined;
  const checks = checksOf(def);
  const min = Math.max(0, ...checks.filter((c) => c.check === "min_length").map((c) => c.minimum ?? 0));
  const max = Math.min(10_000, ...checks.filter((c) => c.check === "max_length").map((c) => c.maximum ?? 10_000));
  switch (format) {
    case "uuid":
    case "guid":
      return fc.oneof({ arbitrary: fc.constantFrom(...pools.uuids), weight: 3 }, { arbitrary: fc.uuid({ version: 4 }), weight: 1 });
    case "email":
      return fc.constantFrom("fuzz@exempel.example", "registrator@kommun.example", "Ny.Person@Exempel.Example");
    case "url":
      return fc.constantFrom("https://exempel.se/beslut", "http://www.kommun.example/ai");
    case "date":
      return fc.constantFrom("2026-06-01", "1900-01-01", "2199-12-31", "2027-02-28", "2024-02-29");
    case "datetime":
      return fc.constantFrom("2026-06-01T10:00:00Z", "2026-11-23T09:30:00.000+01:00");
    default:
      break;
  }
  if (key === "organisationSlug") return fc.constant(pools.organisationSlug);
  if (key === "cursor") return fc.constantFrom(...pools.cursors);
  if (key === "token" && pools.tokens.length > 0) return fc.constantFrom(...pools.tokens);
  const patterns = checks
    .filter((c) => c.check === "string_format" && c.format === "regex" && c.pattern && !c.pattern.source.includes("\\u0000"))
    .map((c) => c.pattern!);
  if (patterns.length > 0) {
    const pattern = patterns[0]!;
    return fc.stringMatching(pattern).filter((s) => s.length >= min && s.length <= max && patterns.every((p) => p.test(s)));
  }
  return plausibleText(min, max);
}

function plausibleNumber(def: Def): fc.Arbitrary<number> {
  const checks = checksOf(def);
  const isInt = checks.some((c) => c.check === "number_format" && (c.format === "safeint" || c.format === "int32"));
  const lower = Math.max(-1e9, ...checks.filter((c) => c.check === "greater_than").map((c) => Number(c.value)));
  const upper = Math.min(1e9, ...checks.filter((c) => c.check === "less_than").map((c) => Number(c.value)));
  if (isInt) {
    // Versions and counts are small in practice: mostly near the lower bound.
    return fc.oneof({ arbitrary: fc.integer({ min: Math.ceil(lower), max: Math.min(upper, Math.ceil(lower) + 3) }), weight: 3 }, { arbitrary: fc.integer({ min: Math.ceil(lower), max: Math.floor(upper) }), weight: 1 });
  }
  return fc.double({ min: lower, max: upper, noNaN: true, noDefaultInfinity: true });
}

/** A plausible string with a NUL or an unpaired surrogate put somewhere in it. */
function unstorable(plausible: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(plausible, fc.constantFrom("\u0000", "\uD800", "\uDFFF"), fc.nat()).map(([value, bad, at]) => {
    if (typeof value !== "string") return bad;
    const index = value.length === 0 ? 0 : at % (value.length + 1);
    return `${value.slice(0, index)}${bad}${value.slice(index)}`;
  });
}

function edgesFor(type: string, plausible: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  switch (type) {
    case "string":
      return fc.oneof(unstorable(plausible), fc.constantFrom(...edgeStrings), anything);
    case "number":
      return fc.oneof(fc.constantFrom(...edgeNumbers), anything);
    case "date":
      return fc.oneof(fc.constantFrom(...edgeDates), fc.constantFrom(...edgeStrings));
    default:
      return anything;
  }
}

/** A fast-check arbitrary for values of `schema`: plausible ones, with edge values at every node. */
export function arbitraryFor(schema: z.core.$ZodType, pools: FuzzPools, options: FuzzOptions, key?: string): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const plausible = plausibleFor(def, pools, options, key);
  if (options.edgeWeight === 0) return plausible;
  return fc.oneof({ arbitrary: plausible, weight: 20 }, { arbitrary: edgesFor(def.type, plausible), weight: options.edgeWeight });
}

function plausibleFor(def: Def, pools: FuzzPools, options: FuzzOptions, key: string | undefined): fc.Arbitrary<unknown> {
  const inner = (schema: unknown, innerKey = key) => arbitraryFor(schema as z.core.$ZodType, pools, options, innerKey);
  const orMissing = (value: unknown, schema: unknown) =>
    options.full ? inner(schema) : fc.oneof({ arbitrary: inner(schema), weight: 3 }, { arbitrary: fc.constant(value), weight: 1 });
  switch (def.type) {
    case "string":
      return plausibleString(def, key, pools);
    case "number":
      return plausibleNumber(def);
    case "boolean":
      return fc.boolean();
    case "date":
      return fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true });
    case "enum":
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]));
    case "null":
      return fc.constant(null);
    case "undefined":
    case "void":
      return fc.constant(undefined);
    case "optional":
      return orMissing(undefined, def.innerType);
    case "nullable":
      return orMissing(null, def.innerType);
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return options.full ? inner(def.innerType) : fc.oneof({ arbitrary: inner(def.innerType), weight: 3 }, { arbitrary: fc.constant(undefined), weight: 1 });
    case "object": {
      const shape = def.shape as Record<string, z.core.$ZodType>;
      const fields = Object.fromEntries(Object.entries(shape).map(([name, field]) => [name, inner(field, name)]));
      return fc.record(fields);
    }
    case "array": {
      const checks = checksOf(def);
      const min = Math.max(0, ...checks.filter((c) => c.check === "min_length").map((c) => c.minimum ?? 0));
      const max = Math.min(...checks.filter((c) => c.check === "max_length").map((c) => c.maximum ?? 3), min + 3);
      return fc.array(inner(def.element, key), { minLength: options.full ? Math.max(min, 1) : min, maxLength: Math.max(max, options.full ? 1 : 0) });
    }
    case "tuple":
      return fc.tuple(...(def.items as unknown[]).map((item) => inner(item)));
    case "union": {
      const unionOptions = (def.options as unknown[]).map((option) => inner(option));
      return options.full ? unionOptions[unionOptions.length - 1]! : fc.oneof(...unionOptions);
    }
    case "record": {
      const keyDef = defOf(def.keyType as z.core.$ZodType);
      const keys = keyDef.type === "enum" ? fc.constantFrom(...Object.values(keyDef.entries as Record<string, string>)) : plausibleText(1, 20);
      return fc.dictionary(keys, inner(def.valueType), { maxKeys: 3 });
    }
    case "pipe": {
      // A preprocess or transform feeds the schema after it: generate what that one takes.
      const from = defOf(def.in as z.core.$ZodType);
      return from.type === "transform" ? inner(def.out) : inner(def.in);
    }
    case "lazy":
      return inner((def.getter as () => unknown)());
    default:
      return anything;
  }
}

// --- Leaves of a sample, for mutating one at a time --------------------------------------------

export interface Leaf {
  path: (string | number)[];
  value: unknown;
}

export function leavesOf(value: unknown, path: (string | number)[] = []): Leaf[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => leavesOf(item, [...path, index]));
  if (value instanceof Date || value === null || typeof value !== "object") return value === undefined ? [] : [{ path, value }];
  return Object.entries(value).flatMap(([key, inner]) => leavesOf(inner, [...path, key]));
}

export function withLeaf(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, index) => (index === head ? withLeaf(item, rest, replacement) : item));
  const record = value as Record<string, unknown>;
  return { ...record, [head!]: withLeaf(record[head!], rest, replacement) };
}
