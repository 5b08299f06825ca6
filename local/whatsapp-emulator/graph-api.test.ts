/** Graph API basics: tokens, unknown ids and paths, versions, the phone number and WABA nodes. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "./index";
import { ACME_PHONE_NUMBER } from "./index";
import { type GraphErrorBody, graph, PHONE_ID, send, startEmulator, TOKEN, WABA_ID } from "./test-support";

const SECOND_NUMBER = {
  phoneNumberId: "100000000000002",
  wabaId: "200000000000002",
  displayPhoneNumber: "+62 811-0000-0002",
  verifiedName: "Toko Dua",
  accessToken: "second-token",
  throughputLevel: "HIGH" as const,
  qualityRating: "YELLOW" as const,
};

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator(undefined, { phoneNumbers: [ACME_PHONE_NUMBER, SECOND_NUMBER] });
});
afterAll(() => emulator.stop());

describe("access tokens", () => {
  it("answers 401 with OAuthException 190 without a token", async () => {
    const response = await send(emulator, { type: "text", text: { body: "hi" } }, { token: null });
    expect(response.status).toBe(401);
    expect(response.body.error).toMatchObject({
      type: "OAuthException",
      code: 190,
      message: expect.stringContaining("Invalid OAuth access token"),
    });
    expect(response.body.error.fbtrace_id).toMatch(/^[\w-]{10,}$/);
    expect(response.headers.get("www-authenticate")).toContain("invalid_token");
  });

  it("answers 190 for a wrong token", async () => {
    const response = await send(emulator, { type: "text", text: { body: "hi" } }, { token: "nope" });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe(190);
  });

  it("answers another number's token as Meta does: the object cannot be loaded (100, subcode 33)", async () => {
    const response = await send(emulator, { type: "text", text: { body: "hi" } }, { token: "second-token" });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 100, error_subcode: 33, type: "GraphMethodException" });
    expect(response.body.error.message).toContain("missing permissions");
  });

  it("accepts the token as ?access_token= too", async () => {
    const response = await graph(emulator, "GET", `/v23.0/${PHONE_ID}?access_token=${TOKEN}`, undefined, null);
    expect(response.status).toBe(200);
  });

  it("checks the token of the WABA's numbers for WABA endpoints", async () => {
    expect((await graph(emulator, "GET", `/v23.0/${WABA_ID}/message_templates`, undefined, "second-token")).status).toBe(400);
    expect((await graph(emulator, "GET", `/v23.0/${SECOND_NUMBER.wabaId}/message_templates`, undefined, "second-token")).status).toBe(200);
  });
});

describe("unknown objects and paths", () => {
  it("answers Meta's error 100 / subcode 33 for an unknown id", async () => {
    const response = await send(emulator, { type: "text", text: { body: "hi" } }, { phoneId: "999" });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: 100,
      error_subcode: 33,
      type: "GraphMethodException",
      message:
        "Unsupported post request. Object with ID '999' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api",
    });
  });

  it("says get / delete in the message of other methods", async () => {
    const get = await graph<GraphErrorBody>(emulator, "GET", "/v23.0/12345");
    expect(get.body.error.message).toMatch(/^Unsupported get request\. Object with ID '12345'/);
    const del = await graph<GraphErrorBody>(emulator, "DELETE", "/v23.0/12345");
    expect(del.body.error.message).toMatch(/^Unsupported delete request/);
  });

  it("still wants a valid token before looking the id up", async () => {
    const response = await send(emulator, { type: "text", text: { body: "hi" } }, { phoneId: "999", token: "nope" });
    expect(response.status).toBe(401);
  });

  it("answers 2500 for paths that are not Graph paths", async () => {
    const response = await graph<GraphErrorBody>(emulator, "GET", "/nothing/here/at/all");
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 2500, message: "Unknown path components: /nothing/here/at/all" });
  });

  it("answers #100 nonexisting field for an unknown edge", async () => {
    const response = await graph<GraphErrorBody>(emulator, "GET", `/v23.0/${PHONE_ID}/nonsense`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      "(#100) Tried accessing nonexisting field (nonsense) on node type (WhatsAppBusinessPhoneNumber)",
    );
  });
});

describe("versions", () => {
  it.each(["v19.0", "v23.0", "v24.0", "v25.0"])("accepts %s", async (version) => {
    const response = await send(
      emulator,
      { type: "template", template: { name: "hello_world", language: { code: "en_US" } } },
      { version },
    );
    expect(response.status).toBe(200);
  });
});

describe("GET /{phone-number-id}", () => {
  it("answers Meta's default fields", async () => {
    const response = await graph(emulator, "GET", `/v23.0/${PHONE_ID}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      verified_name: "Acme",
      code_verification_status: "VERIFIED",
      display_phone_number: "+1 555-010-0001",
      quality_rating: "GREEN",
      platform_type: "CLOUD_API",
      throughput: { level: "STANDARD" },
      webhook_configuration: { application: "" },
      id: PHONE_ID,
    });
  });

  it("answers only the fields asked for, plus id", async () => {
    const response = await graph(
      emulator,
      "GET",
      `/v23.0/${SECOND_NUMBER.phoneNumberId}?fields=display_phone_number,quality_rating,throughput,name_status`,
      undefined,
      "second-token",
    );
    expect(response.body).toEqual({
      display_phone_number: "+62 811-0000-0002",
      quality_rating: "YELLOW",
      throughput: { level: "HIGH" },
      name_status: "APPROVED",
      id: SECOND_NUMBER.phoneNumberId,
    });
  });

  it("refuses unknown fields as Meta does", async () => {
    const response = await graph<GraphErrorBody>(emulator, "GET", `/v23.0/${PHONE_ID}?fields=verified_name,shoe_size`);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: 100,
      message: "(#100) Tried accessing nonexisting field (shoe_size) on node type (WhatsAppBusinessPhoneNumber)",
    });
  });

  it("accepts POST /register", async () => {
    expect((await graph(emulator, "POST", `/v23.0/${PHONE_ID}/register`, { messaging_product: "whatsapp", pin: "123456" })).body).toEqual({
      success: true,
    });
  });
});

describe("the WABA", () => {
  it("answers GET /{waba-id}", async () => {
    const response = await graph(emulator, "GET", `/v23.0/${WABA_ID}`);
    expect(response.body).toMatchObject({ id: WABA_ID, name: "Acme", currency: "USD" });
  });

  it("lists its phone numbers", async () => {
    const response = await graph<{ data: { id: string; display_phone_number: string }[] }>(
      emulator,
      "GET",
      `/v23.0/${WABA_ID}/phone_numbers`,
    );
    expect(response.body.data).toEqual([expect.objectContaining({ id: PHONE_ID, display_phone_number: "+1 555-010-0001" })]);
  });

  it("subscribes and unsubscribes the app, remembering which WABAs are subscribed", async () => {
    expect((await graph<{ data: unknown[] }>(emulator, "GET", `/v23.0/${WABA_ID}/subscribed_apps`)).body.data).toHaveLength(0);
    expect((await graph(emulator, "POST", `/v23.0/${WABA_ID}/subscribed_apps`)).body).toEqual({ success: true });
    expect((await graph<{ data: unknown[] }>(emulator, "GET", `/v23.0/${WABA_ID}/subscribed_apps`)).body.data).toHaveLength(1);
    expect(emulator.subscribedWabas()).toEqual([WABA_ID]);
    expect((await graph(emulator, "DELETE", `/v23.0/${WABA_ID}/subscribed_apps`)).body).toEqual({ success: true });
    expect(emulator.subscribedWabas()).toEqual([]);
  });
});
