import { describe, expect, it } from "vitest";
import { allPermissions, canGrantRole, organisationRoles, roleHasPermission, rolePermissions } from "./permissions";

describe("role → permission table", () => {
  it("gives every member read access to their organisation and its members", () => {
    for (const role of organisationRoles) {
      expect(roleHasPermission(role, "organisation.read")).toBe(true);
      expect(roleHasPermission(role, "member.read")).toBe(true);
    }
  });

  it("keeps member administration and the audit log to admins", () => {
    for (const permission of ["member.invite", "member.update", "member.remove", "audit.read"] as const) {
      expect(organisationRoles.filter((role) => roleHasPermission(role, permission))).toEqual(["ADMIN"]);
    }
  });

  it("lets registrars and admins keep the register, and only admins restore or delete", () => {
    for (const permission of ["useCase.create", "useCase.update", "useCase.archive", "useCase.import"] as const) {
      expect(organisationRoles.filter((role) => roleHasPermission(role, permission))).toEqual(["ADMIN", "EDITOR"]);
    }
    for (const permission of ["useCase.restore", "useCase.delete"] as const) {
      expect(organisationRoles.filter((role) => roleHasPermission(role, permission))).toEqual(["ADMIN"]);
    }
    for (const role of organisationRoles) expect(roleHasPermission(role, "useCase.read")).toBe(true);
  });

  it("lets registrars start and answer assessments, reviewers answer, comment and approve, viewers only read", () => {
    const holders = (permission: Parameters<typeof roleHasPermission>[1]) => organisationRoles.filter((role) => roleHasPermission(role, permission));
    expect(holders("assessment.read")).toEqual(["ADMIN", "EDITOR", "REVIEWER", "VIEWER"]);
    expect(holders("assessment.create")).toEqual(["ADMIN", "EDITOR"]);
    expect(holders("assessment.answer")).toEqual(["ADMIN", "EDITOR", "REVIEWER"]);
    expect(holders("assessment.review")).toEqual(["ADMIN", "REVIEWER"]);
    expect(holders("assessment.comment")).toEqual(["ADMIN", "REVIEWER"]);
    expect(holders("assessment.resolve")).toEqual(["ADMIN", "EDITOR", "REVIEWER"]);
    expect(holders("assessment.delete")).toEqual(["ADMIN", "EDITOR"]);
  });

  it("grants only permissions that exist", () => {
    for (const permissions of Object.values(rolePermissions)) {
      for (const permission of permissions) expect(allPermissions).toContain(permission);
    }
  });

  it("lets nobody grant a role above their own", () => {
    expect(canGrantRole("ADMIN", "ADMIN")).toBe(true);
    expect(canGrantRole("EDITOR", "VIEWER")).toBe(true);
    expect(canGrantRole("EDITOR", "ADMIN")).toBe(false);
    expect(canGrantRole("VIEWER", "REVIEWER")).toBe(false);
  });
});
