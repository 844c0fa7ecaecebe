import { describe, expect, it } from "vitest";
import { changedFields } from "./audit";

describe("changedFields", () => {
  it("lists only the fields that changed, with before and after", () => {
    expect(changedFields({ role: "VIEWER", email: "a@x.se" }, { role: "EDITOR", email: "a@x.se" })).toEqual({
      role: { before: "VIEWER", after: "EDITOR" },
    });
  });

  it("treats a creation as every field going from null", () => {
    expect(changedFields(null, { name: "Exempelby kommun" })).toEqual({ name: { before: null, after: "Exempelby kommun" } });
  });

  it("compares dates by value and never logs secrets or timestamps of the row itself", () => {
    const at = new Date("2026-11-23T10:00:00Z");
    expect(
      changedFields(
        { expiresAt: new Date(at), passwordHash: "a", updatedAt: at },
        { expiresAt: new Date(at), passwordHash: "b", updatedAt: new Date() },
      ),
    ).toEqual({});
  });
});
