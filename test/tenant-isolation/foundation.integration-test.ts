/**
 * Tenant isolation for the foundation's services: called with workspace B's context and workspace
 * A's ids, each reads nothing of A and changes nothing of A (DESIGN.md invariant 1). A member of
 * B gets "not found" for A's rows — never "forbidden", which would confirm they exist.
 */
import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import * as email from "@/lib/email/send";
import { resolveWorkspace } from "@/lib/auth/workspace";
import { listContacts } from "@/lib/services/contacts/list-contacts";
import { DEFAULT_SORT, encodeCursor } from "@/lib/services/contacts/filter/sort";
import { createInvitation, listPendingInvitations, revokeInvitation } from "@/lib/services/invitations/invitations";
import { changeMemberRole, leaveWorkspace, listMembers, removeMember, transferOwnership } from "@/lib/services/members/members";
import { listWorkspacesForUser } from "@/lib/services/workspaces/list-workspaces";
import { countConnections } from "@/lib/services/workspaces/overview";
import { updateWorkspace } from "@/lib/services/workspaces/update-workspace";
import { createTenants } from "@/test/fixtures/tenants";
import { snapshotWorkspace } from "@/test/fixtures/snapshot";
import { expectNothingOf, rejection, untouched } from "./helpers";

describe("resolveWorkspace", () => {
  it("gives B's members nothing for A's slug", async () => {
    const { A, B } = await createTenants();
    for (const member of [B.owner, B.admin, B.agent]) {
      expect(await resolveWorkspace(member.userId, A.workspace.slug)).toBeNull();
    }
  });
});

describe("listWorkspacesForUser", () => {
  it("lists only the user's own workspaces", async () => {
    const { A, B } = await createTenants();
    const listed = await listWorkspacesForUser(B.owner.userId);
    expect(listed.map((w) => w.id)).toEqual([B.workspace.id]);
    expectNothingOf(A, listed);
  });
});

describe("listMembers", () => {
  it("lists B's members only", async () => {
    const { A, B } = await createTenants();
    const members = await listMembers(B.agent.ctx);
    expect(members.map((m) => m.id).sort()).toEqual([B.owner.membershipId, B.admin.membershipId, B.agent.membershipId].sort());
    expectNothingOf(A, members);
  });
});

describe("listPendingInvitations", () => {
  it("lists B's invitations only", async () => {
    const { A, B } = await createTenants();
    const invitations = await listPendingInvitations(B.owner.ctx);
    expect(invitations.map((i) => i.id)).toEqual([B.invitation.id]);
    expectNothingOf(A, invitations);
  });
});

describe("revokeInvitation", () => {
  it("does not find A's invitation, which stays pending", async () => {
    const { A, B } = await createTenants();
    await untouched(A, async () => {
      expect(await rejection(revokeInvitation(B.owner.ctx, A.invitation.id))).toMatchObject({ code: "not_found", messageKey: "invitationNotFound" });
    });
  });
});

describe("createInvitation", () => {
  it("neither revokes A's pending invitation for the same address nor reveals A's members", async () => {
    const { A, B } = await createTenants();
    vi.spyOn(email, "sendEmail").mockResolvedValue();
    try {
      await untouched(A, async () => {
        await createInvitation(B.admin.ctx, { email: A.invitation.email, role: "agent" }, { locale: "en" });
        // An A member is not "already a member" of B: B learns nothing about A's team.
        await createInvitation(B.admin.ctx, { email: A.agent.email, role: "agent" }, { locale: "en" });
      });
    } finally {
      vi.restoreAllMocks();
    }
    expect(await prisma.invitation.count({ where: { workspaceId: B.workspace.id, email: { in: [A.invitation.email, A.agent.email] } } })).toBe(2);
  });
});

describe("changeMemberRole", () => {
  it("does not find A's memberships, the owner's included", async () => {
    const { A, B } = await createTenants();
    await untouched(A, async () => {
      for (const target of [A.agent, A.admin, A.owner]) {
        expect(await rejection(changeMemberRole(B.owner.ctx, target.membershipId, "admin"))).toMatchObject({
          code: "not_found",
          messageKey: "memberNotFound",
        });
      }
    });
  });
});

describe("removeMember", () => {
  it("does not find A's memberships, the owner's included, and releases none of A's assignments", async () => {
    const { A, B } = await createTenants();
    await untouched(A, async () => {
      for (const target of [A.agent, A.admin, A.owner]) {
        expect(await rejection(removeMember(B.admin.ctx, target.membershipId))).toMatchObject({ code: "not_found", messageKey: "memberNotFound" });
      }
    });
  });
});

describe("transferOwnership", () => {
  it("does not find A's membership, and B's owner stays owner", async () => {
    const { A, B } = await createTenants();
    const bBefore = await snapshotWorkspace(B.workspace.id);
    await untouched(A, async () => {
      expect(await rejection(transferOwnership(B.owner.ctx, A.agent.membershipId))).toMatchObject({ code: "not_found", messageKey: "memberNotFound" });
    });
    expect(await snapshotWorkspace(B.workspace.id)).toEqual(bBefore);
  });
});

describe("leaveWorkspace", () => {
  it("for someone in both workspaces, leaving B keeps their A membership and A assignments", async () => {
    const { A, B } = await createTenants();
    await prisma.membership.create({ data: { workspaceId: B.workspace.id, userId: A.agent.userId, role: "agent" } });
    await prisma.conversation.update({ where: { id: B.conversations[2]?.id }, data: { assigneeId: A.agent.userId } });

    await untouched(A, async () => {
      await leaveWorkspace({ workspaceId: B.workspace.id, userId: A.agent.userId, role: "agent" });
    });
    expect(await prisma.conversation.findUniqueOrThrow({ where: { id: B.conversations[2]?.id } })).toMatchObject({ assigneeId: null });
  });
});

describe("listContacts", () => {
  it("lists B's contacts only, even given a cursor from A", async () => {
    const { A, B } = await createTenants();
    const page = await listContacts(B.agent.ctx);
    expect(page.contacts.map((c) => c.id).sort()).toEqual(B.contacts.map((c) => c.id).sort());
    expect(page.total).toBe(B.contacts.length);
    expectNothingOf(A, page);

    // A cursor naming A's contact: B's page after that row's place, still only B's contacts.
    const foreign = await prisma.contact.findUniqueOrThrow({ where: { id: A.contacts[0]!.id } });
    const withForeignCursor = await listContacts(B.agent.ctx, { after: encodeCursor(DEFAULT_SORT, foreign) });
    expectNothingOf(A, withForeignCursor);
    expect(withForeignCursor.total).toBe(B.contacts.length);
  });
});

describe("countConnections", () => {
  it("counts B's connections only", async () => {
    const { A, B } = await createTenants();
    await prisma.whatsappConnection.create({
      data: { workspaceId: A.workspace.id, phoneNumberId: `${A.connection.phoneNumberId}-2`, wabaId: "w", accessTokenEncrypted: "v1:test:x", webhookVerifyToken: "t" },
    });
    expect(await countConnections(A.owner.ctx)).toBe(2);
    expect(await countConnections(B.owner.ctx)).toBe(1);
  });
});

describe("updateWorkspace", () => {
  it("changes B only, and audits in B only", async () => {
    const { A, B } = await createTenants();
    await untouched(A, async () => {
      await updateWorkspace(B.owner.ctx, { name: "B renamed", defaultCountry: "SG", timezone: "Asia/Singapore" });
    });
    expect(await prisma.workspace.findUniqueOrThrow({ where: { id: B.workspace.id } })).toMatchObject({ name: "B renamed", defaultCountry: "SG" });
  });
});

describe("listConversations", () => {
  it("lists B's conversations only", async () => {
    const { A, B } = await createTenants();
    const { listConversations } = await import("@/lib/services/inbox/list-conversations");
    const conversations = (await listConversations(B.agent.ctx, { filter: "all" })).items;
    expect(conversations.map((c) => c.id).sort()).toEqual(B.conversations.map((c) => c.id).sort());
    expectNothingOf(A, conversations);
  });
});
