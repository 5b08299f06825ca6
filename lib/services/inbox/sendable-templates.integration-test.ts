/**
 * The picker's list: approved templates to send, paused and disabled ones listed but flagged with
 * Meta's reason, carousels flagged (not sent from the inbox), every other status left out.
 */
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { TemplateStatus } from "@/lib/generated/prisma/enums";
import { createTenant } from "@/test/fixtures/tenants";
import { listSendableTemplates } from "./sendable-templates";

describe("listSendableTemplates", () => {
  it("lists approved templates as sendable, paused and disabled ones flagged, and no other status nor another workspace's", async () => {
    const T = await createTenant("L");
    const other = await createTenant("M");
    const body = [{ type: "BODY", text: "Hi {{1}}", example: { body_text: [["Sari"]] } }];
    const rows: [string, TemplateStatus, unknown[], string | null][] = [
      ["a_approved", "APPROVED", body, null],
      ["b_paused", "PAUSED", body, "Low quality: customers blocked this template"],
      ["c_disabled", "DISABLED", body, null],
      ["d_carousel", "APPROVED", [...body, { type: "CAROUSEL", cards: [{ components: [{ type: "HEADER", format: "IMAGE" }] }] }], null],
      ["e_pending", "PENDING", body, null],
      ["f_rejected", "REJECTED", body, "INVALID_FORMAT"],
      ["g_draft", "DRAFT", body, null],
    ];
    for (const [name, status, components, rejectedReason] of rows) {
      await prisma.template.create({ data: { workspaceId: T.workspace.id, name, language: "en_US", category: "UTILITY", status, components: components as object[], rejectedReason } });
    }

    // Another workspace's templates of the same statuses never appear.
    for (const status of ["APPROVED", "PAUSED", "DISABLED"] as const) {
      await prisma.template.create({ data: { workspaceId: other.workspace.id, name: `other_${status.toLowerCase()}`, language: "en_US", category: "UTILITY", status, components: body } });
    }

    const listed = await listSendableTemplates(T.agent.ctx);
    expect(listed.map(({ name, status, sendable, blockedBy, reason }) => ({ name, status, sendable, blockedBy, reason }))).toEqual([
      { name: "a_approved", status: "APPROVED", sendable: true, blockedBy: null, reason: null },
      { name: "b_paused", status: "PAUSED", sendable: false, blockedBy: "paused", reason: "Low quality: customers blocked this template" },
      { name: "c_disabled", status: "DISABLED", sendable: false, blockedBy: "disabled", reason: null },
      { name: "d_carousel", status: "APPROVED", sendable: false, blockedBy: "carousel", reason: null },
    ]);
    expect(listed[0]).toMatchObject({ components: body, variables: [{ key: "body.1", example: "Sari" }] });
  });
});
