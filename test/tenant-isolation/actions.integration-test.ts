/**
 * Tenant isolation at the edge: every workspace server action, called by a member of workspace B
 * with A's slug and A's ids, answers "not found" and changes nothing of A. The signed-out get
 * "signed out", and a role without the permission gets "forbidden" — through the real action
 * clients (lib/actions/client.ts); only the session lookup and Next's cache are stood in for.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { createTenants, type Tenant } from "@/test/fixtures/tenants";
import { untouched } from "./helpers";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user, requireUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/i18n/request", () => ({ resolveRequestLocale: async () => "en" }));

const members = await import("@/app/actions/members");
const workspaces = await import("@/app/actions/workspaces");
const whatsapp = await import("@/app/actions/whatsapp");

const signInAs = (member: { userId: string; email: string; name: string }) => {
  session.user = { id: member.userId, email: member.email, name: member.name, locale: null };
};

interface Outcome {
  serverError?: { code: string };
  validationErrors?: unknown;
  data?: unknown;
}

/** Each workspace action, with input naming tenant A's workspace and rows. */
function callsAgainst(A: Tenant): [string, () => Promise<Outcome | undefined>][] {
  const slug = A.workspace.slug;
  return [
    ["updateWorkspaceAction", () => workspaces.updateWorkspaceAction({ slug, name: "Taken over", defaultCountry: "ID", timezone: "UTC" })],
    ["inviteMemberAction", () => members.inviteMemberAction({ slug, email: "intruder@example.com", role: "admin" })],
    ["revokeInvitationAction", () => members.revokeInvitationAction({ slug, invitationId: A.invitation.id })],
    ["changeRoleAction", () => members.changeRoleAction({ slug, membershipId: A.agent.membershipId, role: "admin" })],
    ["removeMemberAction", () => members.removeMemberAction({ slug, membershipId: A.agent.membershipId })],
    ["transferOwnershipAction", () => members.transferOwnershipAction({ slug, membershipId: A.admin.membershipId })],
    ["leaveWorkspaceAction", () => members.leaveWorkspaceAction({ slug })],
    [
      "saveConnectionAction",
      () =>
        whatsapp.saveConnectionAction({ slug, phoneNumberId: "999999999999", wabaId: "888888888888", accessToken: "x", appSecret: "", webhookVerifyToken: "intruder-token", throughputCap: 80 }),
    ],
    ["testConnectionAction", () => whatsapp.testConnectionAction({ slug })],
    ["clearAppSecretAction", () => whatsapp.clearAppSecretAction({ slug })],
    ["disconnectAction", () => whatsapp.disconnectAction({ slug })],
  ];
}

beforeEach(() => {
  session.user = null;
});

describe("workspace actions", () => {
  it("answer a member of B who names A's workspace with not found, and change nothing of A", async () => {
    const { A, B } = await createTenants();
    for (const intruder of [B.owner, B.admin, B.agent]) {
      signInAs(intruder);
      await untouched(A, async () => {
        for (const [name, call] of callsAgainst(A)) {
          const result = await call();
          expect({ name, code: result?.serverError?.code }).toEqual({ name, code: "not_found" });
        }
      });
    }
  });

  it("answer the signed-out with signed out", async () => {
    const { A } = await createTenants();
    await untouched(A, async () => {
      for (const [name, call] of callsAgainst(A)) {
        expect({ name, code: (await call())?.serverError?.code }).toEqual({ name, code: "unauthorized" });
      }
    });
  });

  it("refuse A's own agent what only managers may do", async () => {
    const { A } = await createTenants();
    signInAs(A.agent);
    const managerOnly = new Set(["updateWorkspaceAction", "inviteMemberAction", "revokeInvitationAction", "changeRoleAction", "removeMemberAction", "transferOwnershipAction", "saveConnectionAction", "testConnectionAction", "clearAppSecretAction", "disconnectAction"]);
    await untouched(A, async () => {
      for (const [name, call] of callsAgainst(A).filter(([n]) => managerOnly.has(n))) {
        expect({ name, code: (await call())?.serverError?.code }).toEqual({ name, code: "forbidden" });
      }
    });
  });

  it("still work for A's own owner (the refusals above are not a broken action)", async () => {
    const { A } = await createTenants();
    signInAs(A.owner);
    const result = await members.changeRoleAction({ slug: A.workspace.slug, membershipId: A.agent.membershipId, role: "admin" });
    expect(result?.serverError).toBeUndefined();
    const renamed = await workspaces.updateWorkspaceAction({ slug: A.workspace.slug, name: "Renamed by owner", defaultCountry: "ID", timezone: "Asia/Jakarta" });
    expect(renamed?.data).toEqual({ name: "Renamed by owner" });
    const retention = await workspaces.updateWorkspaceAction({ slug: A.workspace.slug, name: "Renamed by owner", defaultCountry: "ID", timezone: "Asia/Jakarta", mediaRetentionDays: "30" });
    expect(retention?.serverError).toBeUndefined();
    const { prisma } = await import("@/lib/db");
    expect((await prisma.workspace.findUniqueOrThrow({ where: { id: A.workspace.id } })).mediaRetentionDays).toBe(30);
  });

  it("turn a bad input into validation errors and write nothing", async () => {
    const { A } = await createTenants();
    signInAs(A.owner);
    await untouched(A, async () => {
      const result = await workspaces.updateWorkspaceAction({ slug: A.workspace.slug, name: "", defaultCountry: "Narnia", timezone: "Mars/Base" });
      expect(result?.validationErrors).toMatchObject({
        fieldErrors: { name: ["workspaceNameTooShort"], defaultCountry: ["countryInvalid"], timezone: ["timezoneInvalid"] },
      });
    });
  });
});
