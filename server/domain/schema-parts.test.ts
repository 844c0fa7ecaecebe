import { describe, expect, it } from "vitest";
import { z } from "zod";
import { calendarDate, containsUnstorableText, instant, optionalCalendarDate, optionalText, pageCursor, requiredText, rowVersion, text } from "./schema-parts";

function issuesOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => ({ code: issue.code, message: issue.message }));
}

describe("schema parts", () => {
  it("refuse NUL and unpaired surrogates in text, and keep every other character", () => {
    for (const bad of ["a\u0000b", "\u0000", "x\uD800", "\uDFFFy", "\uDC00\uD800"]) {
      expect(issuesOf(text(), bad)).toEqual([{ code: "invalid_format", message: expect.stringContaining("cannot be stored") }]);
      expect(issuesOf(requiredText(100), ` ${bad} `)[0]?.code).toBe("invalid_format");
      expect(issuesOf(optionalText(100), bad)[0]?.code).toBe("invalid_format");
    }
    for (const good of ["Åsa Öberg", "emoji 😀 ok", "tab\tand\nnewline", "\u200b", "𝕏"]) expect(text().parse(good)).toBe(good);
    expect(optionalText(10).parse("  ")).toBeNull();
  });

  it("finds unstorable text anywhere in a parsed JSON value", () => {
    expect(containsUnstorableText({ a: [1, { b: "ok" }] })).toBe(false);
    expect(containsUnstorableText({ a: [1, { b: "no\u0000" }] })).toBe(true);
    expect(containsUnstorableText({ "\uD800": 1 })).toBe(true);
    expect(containsUnstorableText(JSON.parse('["\\ud800"]'))).toBe(true);
  });

  it("keep calendar days within 1900–2199, with too_small / too_big", () => {
    expect(calendarDate().parse("2026-12-02")).toBe("2026-12-02");
    expect(issuesOf(calendarDate(), "0000-01-01")).toEqual([{ code: "too_small", message: "must be 1900-01-01 or later" }]);
    expect(issuesOf(calendarDate(), "1899-12-31")[0]?.code).toBe("too_small");
    expect(issuesOf(calendarDate(), "2200-01-01")).toEqual([{ code: "too_big", message: "must be 2199-12-31 or earlier" }]);
    for (const bad of ["-005000-01-01", "+271821-01-01", "2026-02-30", "2026-1-1", "2026-01-01\u0000"]) {
      expect(issuesOf(calendarDate(), bad).map((issue) => issue.code)).toEqual(["invalid_format"]);
    }
    expect(optionalCalendarDate().parse("")).toBeNull();
    expect(optionalCalendarDate().parse(undefined)).toBeNull();
    expect(issuesOf(optionalCalendarDate(), "0000-01-01")[0]?.code).toBe("too_small");
  });

  it("reads instants from Dates and ISO strings, within 1900–2199", () => {
    expect(instant().parse("2026-11-23T09:30:00Z")).toEqual(new Date("2026-11-23T09:30:00Z"));
    expect(instant().parse("2026-11-23")).toEqual(new Date("2026-11-23T00:00:00Z"));
    expect(instant().parse(new Date("2026-11-23T09:30:00+01:00"))).toEqual(new Date("2026-11-23T08:30:00Z"));
    expect(issuesOf(instant(), "0000-01-01T00:00:00Z")[0]?.code).toBe("too_small");
    expect(issuesOf(instant(), new Date(-8.64e15))[0]?.code).toBe("too_small");
    expect(issuesOf(instant(), new Date("+271821-04-20T00:00:00Z"))[0]?.code).toBe("too_big");
    expect(issuesOf(instant(), new Date("-271821-04-20T00:00:00Z"))[0]?.code).toBe("too_small");
    expect(issuesOf(instant(), new Date(Number.NaN))[0]?.code).toBe("invalid_type");
    for (const bad of ["-005000-01-01", "+271821-01-01T00:00:00Z", "yesterday", 0, 1e39]) expect(issuesOf(instant(), bad)[0]?.code).toBe("invalid_type");
  });

  it("take versions that fit an integer column, and cursors as base64url tokens", () => {
    expect(rowVersion().parse(3)).toBe(3);
    expect(issuesOf(rowVersion(), 2 ** 31)[0]?.code).toBe("too_big");
    expect(issuesOf(rowVersion(), 0)[0]?.code).toBe("too_small");
    expect(pageCursor().parse("eyJhIjoxfQ")).toBe("eyJhIjoxfQ");
    for (const bad of ["", "a b", "abc=", "x\u0000", "a".repeat(501)]) expect(issuesOf(pageCursor(), bad).length).toBeGreaterThan(0);
  });
});
