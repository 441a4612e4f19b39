import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLES, type Permission, type Role } from "@/server/auth/permissions";

// Every cell of the permission table, granted and refused, spelled out so a change to the table
// must be a deliberate change here too.
const EXPECTED: Record<Permission, Role[]> = {
  "console.view": ["admin", "responder", "communicator"],
  "token.manage_own": ["admin", "responder", "communicator"],
  "password.change_own": ["admin", "responder", "communicator"],
  "incident.create": ["responder", "communicator"],
  "incident.note": ["responder", "communicator"],
  "incident.set_impact": ["responder", "communicator"],
  "incident.set_components": ["responder", "communicator"],
  "incident.assign": ["responder", "communicator"],
  "incident.draft_update": ["responder", "communicator"],
  "incident.publish": ["communicator"],
  "incident.postmortem_edit": ["responder", "communicator"],
  "incident.postmortem_publish": ["communicator"],
  "template.manage": ["responder", "communicator"],
  "component.propose_status": ["responder", "communicator"],
  "component.override_status": ["communicator"],
  "maintenance.manage": ["communicator"],
  "component.manage": ["admin"],
  "page.manage": ["admin"],
  "user.manage": ["admin"],
  "token.manage_others": ["admin"],
  "subscriber.manage": ["admin"],
  "probe.manage": ["admin"],
  "audit.read": ["admin"],
};

describe("permission table", () => {
  it("has exactly the expected permissions", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [permission, allowed] of Object.entries(EXPECTED) as [Permission, Role[]][]) {
    for (const role of ROLES) {
      const verdict = allowed.includes(role);
      it(`${verdict ? "grants" : "refuses"} ${permission} to ${role}`, () => {
        expect(can([role], permission)).toBe(verdict);
      });
    }
  }

  it("refuses everything to a user with no role", () => {
    for (const permission of Object.keys(EXPECTED) as Permission[]) expect(can([], permission)).toBe(false);
  });

  it("grants the union to a user holding several roles", () => {
    expect(can(["admin", "communicator"], "incident.publish")).toBe(true);
    expect(can(["admin", "communicator"], "user.manage")).toBe(true);
    expect(can(["admin", "responder"], "incident.publish")).toBe(false);
  });
});
