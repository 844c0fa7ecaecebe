import { describe, expect, it } from "vitest";
import { runtimePassword, urlWithLogin } from "./roles";

describe("the runtime login's password", () => {
  const owner = "postgresql://tillit:s%C3%A4ker%20l%C3%B6sen@db.internal:5432/tillit";

  it("is the same for the same owner, so every instance and restart agrees, and is not the owner's", () => {
    expect(runtimePassword(owner)).toBe(runtimePassword(owner));
    expect(runtimePassword(owner)).not.toContain("säker");
    expect(runtimePassword(owner)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("differs for another owner password", () => {
    expect(runtimePassword(owner)).not.toBe(runtimePassword(owner.replace("s%C3%A4ker", "annan")));
  });

  it("is random on each call when the owner's URL carries no password", () => {
    const passwordless = "postgresql://tillit@db.internal:5432/tillit";
    expect(runtimePassword(passwordless)).not.toBe(runtimePassword(passwordless));
  });
});

describe("the runtime login's URL", () => {
  it("swaps user and password and keeps host, port, database and parameters", () => {
    const url = urlWithLogin("postgresql://tillit:x@db.internal:6432/tillit?sslmode=require", "tillit_runtime", "a/b+c");
    const parsed = new URL(url);
    expect(parsed.username).toBe("tillit_runtime");
    expect(decodeURIComponent(parsed.password)).toBe("a/b+c");
    expect(`${parsed.host}${parsed.pathname}${parsed.search}`).toBe("db.internal:6432/tillit?sslmode=require");
  });
});
