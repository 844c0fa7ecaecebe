import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("hashes with Argon2id and OWASP's parameters", async () => {
    const hashed = await hashPassword("Tillit-demo-2026!");
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const hashed = await hashPassword("korrekt häst batteri häftklammer");
    expect(await verifyPassword(hashed, "korrekt häst batteri häftklammer")).toBe(true);
    expect(await verifyPassword(hashed, "korrekt häst batteri häftklammer ")).toBe(false);
    expect(await verifyPassword(hashed, "")).toBe(false);
  });

  it("salts every hash", async () => {
    const [first, second] = await Promise.all([hashPassword("samma lösenord"), hashPassword("samma lösenord")]);
    expect(first).not.toBe(second);
  });

  it("treats a malformed stored hash as a mismatch", async () => {
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
    expect(await verifyPassword("", "anything")).toBe(false);
  });
});
