/** Authentication templates: one code, sent where Meta wants it (the body and the passcode button). */
import { describe, expect, it } from "vitest";
import { buildTemplateSend } from "./template-send";
import { templateVariables } from "./template-variables";

const noMedia = async () => null;

// As Parley submits an authentication template (draftToComponents), and as Meta lists it back.
const created = [
  { type: "BODY", add_security_recommendation: true },
  { type: "FOOTER", code_expiration_minutes: 10 },
  { type: "BUTTONS", buttons: [{ type: "OTP", otp_type: "COPY_CODE", text: "Copy code" }] },
];
const listed = [
  { type: "BODY", text: "*{{1}}* is your verification code. For your security, do not share this code." },
  { type: "FOOTER", text: "This code expires in 10 minutes." },
  { type: "BUTTONS", buttons: [{ type: "URL", text: "Copy code", url: "https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code_expiration_minutes=10&code=otp{{1}}" }] },
];

describe("authentication templates", () => {
  it("ask for the code once, whichever way the template was stored", () => {
    for (const components of [created, listed]) {
      expect(templateVariables(components).map((v) => v.key)).toEqual(["body.1"]);
    }
  });

  it("send the code in the body and in the passcode button", async () => {
    for (const components of [created, listed]) {
      const { send } = await buildTemplateSend({ name: "login_code", language: "en_US", components }, { "body.1": "482913" }, noMedia);
      expect(send.components).toEqual([
        { type: "body", parameters: [{ type: "text", text: "482913" }] },
        { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "482913" }] },
      ]);
    }
  });

  it("refuse a send without the code, naming the variable", async () => {
    await expect(buildTemplateSend({ name: "login_code", language: "en_US", components: created }, {}, noMedia)).rejects.toMatchObject({
      messageKey: "templateVariableMissing",
      field: "variables.body.1",
    });
  });
});
