import { describe, expect, it } from "vitest";
import { useCaseListFilters } from "../domain/use-cases/schemas";
import { TRPCError } from "@trpc/server";
import { fileResponse, queryObject, refusedCallResponse, todayInSweden } from "./downloads";

describe("downloads", () => {
  it("reads the register's filters from an export address", () => {
    const params = new URLSearchParams("format=csv&q=chatt&lifecycleStage=IDEA&lifecycleStage=PILOT&published=true");
    const query = queryObject(params, ["format"]);
    expect(query).toEqual({ q: "chatt", lifecycleStage: ["IDEA", "PILOT"], published: "true" });
    expect(useCaseListFilters.parse(query)).toMatchObject({ q: "chatt", lifecycleStage: ["IDEA", "PILOT"], published: true });
  });

  it("names the file as an attachment, with today's date in Sweden", async () => {
    expect(todayInSweden(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    const response = fileResponse(new Uint8Array([1, 2]), "text/csv; charset=utf-8", "ai-register-exempelby-2026-11-23.csv");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="ai-register-exempelby-2026-11-23.csv"');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([1, 2]));
  });

  it("refuses an export address whose filters cannot be stored", () => {
    for (const search of ["q=a%00b", "businessArea=Socialtj%C3%A4nst%00", "supplier=%00"]) {
      expect(useCaseListFilters.safeParse(queryObject(new URLSearchParams(search))).success, search).toBe(false);
    }
  });

  it("answers a refused call with its status, a conflict with 409, and rethrows the unexpected", async () => {
    expect(refusedCallResponse(new TRPCError({ code: "BAD_REQUEST", message: "organisationSlug: bad" })).status).toBe(400);
    const conflict = refusedCallResponse(new TRPCError({ code: "CONFLICT", message: "Someone else made a change" }));
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toEqual({ error: "Someone else made a change" });
    expect(() => refusedCallResponse(new TRPCError({ code: "INTERNAL_SERVER_ERROR" }))).toThrow();
  });
});
