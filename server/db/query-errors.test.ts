import { describe, expect, it } from "vitest";
import { isConcurrentChangeError, isDatabaseError, isDatabaseUnavailable, sqlStateOf } from "./query-errors";

/** The shapes in which errors reach the API, as Prisma 7 with adapter-pg and pg raise them. */
function prismaError(code: string, cause: Record<string, unknown>) {
  return Object.assign(new Error("Invalid `tx.user.create()` invocation"), {
    name: "PrismaClientKnownRequestError",
    code,
    meta: { driverAdapterError: Object.assign(new Error("adapter"), { name: "DriverAdapterError", cause }) },
  });
}

describe("query errors", () => {
  it("find PostgreSQL's SQLSTATE inside Prisma's errors, not Prisma's own code", () => {
    const unique = prismaError("P2002", { originalCode: "23505", kind: "UniqueConstraintViolation" });
    expect(sqlStateOf(unique)).toBe("23505");
    expect(sqlStateOf(prismaError("P2010", { originalCode: "22003", kind: "ValueOutOfRange" }))).toBe("22003");
    expect(sqlStateOf(prismaError("P2039", { code: "22021", kind: "postgres" }))).toBe("22021");
    expect(sqlStateOf(Object.assign(new Error("pg"), { code: "40P01" }))).toBe("40P01");
  });

  it("do not take a network error code or an app error for a database error", () => {
    expect(sqlStateOf(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }))).toBeUndefined();
    expect(isDatabaseError(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseError(prismaError("P2028", {}))).toBe(true);
  });

  it("count a unique violation, a serialization failure and a deadlock as a concurrent change", () => {
    expect(isConcurrentChangeError(prismaError("P2002", { originalCode: "23505" }))).toBe(true);
    expect(isConcurrentChangeError(Object.assign(new Error("pg"), { code: "40001" }))).toBe(true);
    expect(isConcurrentChangeError(Object.assign(new Error("pg"), { code: "40P01" }))).toBe(true);
    expect(isConcurrentChangeError(prismaError("P2010", { originalCode: "22003" }))).toBe(false);
    expect(isConcurrentChangeError(prismaError("P2039", { code: "22021" }))).toBe(false);
  });

  it("tell a database that is not there (restarting, unreachable, full) from a query that failed", () => {
    expect(isDatabaseUnavailable(prismaError("P2010", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 }))).toBe(true);
    expect(isDatabaseUnavailable(prismaError("P2010", { kind: "ConnectionClosed" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("the database system is starting up"), { code: "57P03" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("connection failure"), { code: "08006" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(prismaError("P2002", { originalCode: "23505", kind: "UniqueConstraintViolation" }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("pg"), { code: "40001" }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
  });
});
