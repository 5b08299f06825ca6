import { describe, expect, it } from "vitest";
import { parseInboundMessage } from "./inbound-message";
import { parseStatus } from "./status";
import { parseTemplateStatus } from "./template-status";

const base = { from: "16505551234", id: "wamid.1", timestamp: "1749416383" };

describe("parseInboundMessage", () => {
  it("normalises a text message", () => {
    const parsed = parseInboundMessage({ ...base, type: "text", text: { body: "  Hi\n\nthere " } });
    expect(parsed).toMatchObject({
      ok: true,
      message: {
        wamid: "wamid.1",
        type: "text",
        from: "16505551234",
        timestamp: new Date(1749416383000),
        content: { body: "  Hi\n\nthere " },
        previewText: "Hi there",
      },
    });
  });

  it("accepts a numeric timestamp and substitutes nothing for a bad one", () => {
    expect(parseInboundMessage({ ...base, timestamp: 1749416383, type: "text", text: { body: "x" } })).toMatchObject({
      message: { timestamp: new Date(1749416383000) },
    });
    expect(parseInboundMessage({ ...base, timestamp: "soon", type: "text", text: { body: "x" } })).toMatchObject({
      message: { timestamp: null },
    });
  });

  it("refuses what it cannot store, with the reason", () => {
    expect(parseInboundMessage({ ...base, type: "image", image: { caption: "no id" } })).toMatchObject({
      ok: false,
      wamid: "wamid.1",
      reason: /image: id/,
    });
    expect(parseInboundMessage({ ...base, type: "location", location: { latitude: "1.5", longitude: 2 } })).toMatchObject({
      ok: false,
      reason: /latitude/,
    });
    expect(parseInboundMessage({ ...base, id: 7, type: "text", text: { body: "x" } })).toMatchObject({ ok: false, wamid: null });
    expect(parseInboundMessage({ ...base, id: "wamid." + "x".repeat(600), type: "text", text: { body: "x" } })).toMatchObject({
      ok: false,
    });
    expect(parseInboundMessage({ ...base, from: "1".repeat(100), type: "text", text: { body: "x" } })).toMatchObject({ ok: false });
    expect(parseInboundMessage([base])).toMatchObject({ ok: false });
  });

  it("shortens a huge text's preview but keeps the whole body", () => {
    const body = "ab ".repeat(100_000);
    const parsed = parseInboundMessage({ ...base, type: "text", text: { body } });
    expect(parsed.ok && parsed.message.previewText?.length).toBe(500);
    expect(parsed.ok && parsed.message.content.body).toBe(body);
  });
});

describe("parseStatus", () => {
  it("reads a failed status's errors", () => {
    const parsed = parseStatus({
      id: "wamid.2",
      status: "failed",
      timestamp: "1749416405",
      recipient_id: "16505551234",
      errors: [{ code: 131047, title: "Re-engagement message", error_data: { details: "More than 24 hours" } }],
    });
    expect(parsed).toMatchObject({
      ok: true,
      status: { status: "failed", errors: [{ code: 131047, title: "Re-engagement message", details: "More than 24 hours" }] },
    });
  });

  it("tolerates an error code as a string and drops one too big for an integer column", () => {
    const parsed = parseStatus({ id: "w", status: "failed", errors: [{ code: "131026" }, { code: 99999999999 }] });
    expect(parsed.ok && parsed.status.errors.map((e) => e.code)).toEqual([131026, null]);
  });

  it("marks unknown status values as ignorable", () => {
    expect(parseStatus({ id: "w", status: "deleted" })).toMatchObject({ ok: false, ignorable: true });
    expect(parseStatus({ id: 1, status: "read" })).toMatchObject({ ok: false });
  });
});

describe("parseTemplateStatus", () => {
  it("reads Meta's numeric template id as a string and drops the reason NONE", () => {
    expect(
      parseTemplateStatus({
        event: "APPROVED",
        message_template_id: 1689556908129832,
        message_template_name: "n",
        message_template_language: "en_US",
        reason: "NONE",
      }),
    ).toEqual({
      ok: true,
      update: { event: "APPROVED", metaId: "1689556908129832", name: "n", language: "en_US", reason: null },
    });
  });

  it("needs an id or a name and language", () => {
    expect(parseTemplateStatus({ event: "APPROVED" })).toMatchObject({ ok: false });
    expect(parseTemplateStatus({ event: "APPROVED", message_template_id: "123" })).toMatchObject({ ok: true, update: { metaId: "123" } });
  });
});
