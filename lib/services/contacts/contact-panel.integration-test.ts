/** The inbox's contact panel shows contact-field values under their labels, in the fields' order. */
import { expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createTenant } from "@/test/fixtures/tenants";
import { getContactPanel } from "./contact-panel";

it("labels custom values by their field, in the fields' order, and hides a key with no field", async () => {
  const t = await createTenant("P");
  await prisma.customField.create({ data: { workspaceId: t.workspace.id, key: "tier", label: "Member tier", type: "select", options: ["Gold"], createdAt: new Date("2026-01-01") } });
  await prisma.customField.create({ data: { workspaceId: t.workspace.id, key: "vip", label: "VIP", type: "boolean", createdAt: new Date("2026-01-02") } });
  const contact = t.contacts[0]!;
  await prisma.contact.update({ where: { id: contact.id }, data: { customFields: { vip: true, ghost: "left from a deleted field", tier: "Gold" } } });
  const panel = await getContactPanel(t.agent.ctx, contact.id);
  expect(panel.fieldValues).toEqual([
    { key: "tier", label: "Member tier", value: "Gold" },
    { key: "vip", label: "VIP", value: true },
  ]);
});
