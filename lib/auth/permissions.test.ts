import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { assignableRoles, authorize, can, PERMISSIONS, type Permission } from "./permissions";

const ROLES: Role[] = ["owner", "admin", "agent"];

describe("permission matrix", () => {
  it("gives the owner every permission", () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) expect(can("owner", permission), permission).toBe(true);
  });

  it("keeps owner-only permissions from admins", () => {
    expect(can("admin", "ownership:transfer")).toBe(false);
    expect(can("admin", "workspace:delete")).toBe(false);
  });

  it("keeps member and workspace management from agents, and lets them work the inbox", () => {
    const denied: Permission[] = [
      "workspace:update",
      "member:invite",
      "member:change_role",
      "member:remove",
      "ownership:transfer",
      "connection:view",
      "connection:manage",
      "contact:import",
      "contact:export",
      "template:manage",
      "campaign:launch",
      "api_key:manage",
      "audit:view",
    ];
    for (const permission of denied) expect(can("agent", permission), permission).toBe(false);
    const allowed: Permission[] = ["workspace:view", "member:view", "conversation:view", "conversation:reply", "conversation:assign", "contact:view", "contact:write"];
    for (const permission of allowed) expect(can("agent", permission), permission).toBe(true);
  });

  it("is monotonic: whatever an agent may do, an admin may; whatever an admin may do, the owner may", () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      if (can("agent", permission)) expect(can("admin", permission), permission).toBe(true);
      if (can("admin", permission)) expect(can("owner", permission), permission).toBe(true);
    }
  });
});

describe("authorize", () => {
  it("throws forbidden for a role without the permission, and passes otherwise", () => {
    let thrown: unknown;
    try {
      authorize({ role: "agent" }, "member:invite");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: "forbidden", messageKey: "forbidden", status: 403 });
    expect(() => authorize({ role: "admin" }, "member:invite")).not.toThrow();
  });
});

describe("assignableRoles", () => {
  it("never hands out owner, and agents hand out nothing", () => {
    for (const role of ROLES) expect(assignableRoles(role)).not.toContain("owner");
    expect(assignableRoles("owner")).toEqual(["admin", "agent"]);
    expect(assignableRoles("admin")).toEqual(["admin", "agent"]);
    expect(assignableRoles("agent")).toEqual([]);
  });
});
