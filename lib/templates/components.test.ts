/**
 * draft ⇄ Meta components, checked against the template examples on Meta's own pages (copied as
 * printed there; Meta writes enums in either case and always returns upper case) and by round
 * trips draft → components → draft.
 */
import { describe, expect, it } from "vitest";
import { componentsToDraft, draftToComponents, draftToDefinition, type MetaTemplateComponent } from "./components";
import { emptyDraft, templateDraftSchema, type TemplateDraft, type TemplateDraftInput } from "./draft";
import { lintTemplate } from "./lint";

const draft = (input: TemplateDraftInput): TemplateDraft => templateDraftSchema.parse(input);

/** Meta's pages write "marketing", "body", "quick_reply" …; compare in Meta's returned (upper) case. */
function upperEnums(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(upperEnums);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [
      key,
      ["type", "format", "category", "parameter_format", "otp_type"].includes(key) && typeof child === "string"
        ? child.toUpperCase()
        : upperEnums(child),
    ]),
  );
}

const sample = (handle: string) => ({ handle, fileName: "", mimeType: "", size: 0 });

describe("Meta's published examples", () => {
  it("Seasonal promotion (Template components): text header, positional body, footer, quick replies", () => {
    const meta = {
      name: "seasonal_promotion",
      language: "en_US",
      category: "MARKETING",
      components: [
        { type: "HEADER", format: "TEXT", text: "Our {{1}} is on!", example: { header_text: ["Summer Sale"] } },
        {
          type: "BODY",
          text: "Shop now through {{1}} and use code {{2}} to get {{3}} off of all merchandise.",
          example: { body_text: [["the end of August", "25OFF", "25%"]] },
        },
        { type: "FOOTER", text: "Use the buttons below to manage your marketing subscriptions" },
        {
          type: "BUTTONS",
          buttons: [
            { type: "QUICK_REPLY", text: "Unsubscribe from Promos" },
            { type: "QUICK_REPLY", text: "Unsubscribe from All" },
          ],
        },
      ],
    };
    const read = componentsToDraft({ ...meta, parameterFormat: null });
    expect(read).toMatchObject({
      name: "seasonal_promotion",
      category: "MARKETING",
      parameterFormat: "POSITIONAL",
      header: { format: "TEXT", text: "Our {{1}} is on!", examples: { "1": "Summer Sale" } },
      body: { examples: { "1": "the end of August", "2": "25OFF", "3": "25%" } },
      footer: "Use the buttons below to manage your marketing subscriptions",
    });
    expect(draftToComponents(read)).toEqual(meta.components);
    expect(lintTemplate(read)).toEqual([]);
  });

  it("welcome_discount_template (Custom marketing templates): image header, named body, URL, phone, quick reply", () => {
    const meta = {
      name: "welcome_discount_template",
      language: "en_US",
      category: "marketing",
      parameter_format: "named",
      components: [
        { type: "header", format: "image", example: { header_handle: ["4::aW..."] } },
        {
          type: "body",
          text: "Welcome to Lucky Shrub, {{first_name}}!\n\nUse code *{{discount_code}}* to get {{discount_amount}} off of your first purchase!",
          example: {
            body_text_named_params: [
              { param_name: "first_name", example: "Pablo" },
              { param_name: "discount_code", example: "WELCOME20" },
              { param_name: "discount_amount", example: "20%" },
            ],
          },
        },
        { type: "footer", text: "Lucky Shrub: Your gateway to succulents!" },
        {
          type: "buttons",
          buttons: [
            { type: "url", text: "View deals", url: "https://www.luckyshrub.com/deals" },
            { type: "phone_number", text: "Call us", phone_number: "+15550051310" },
            { type: "quick_reply", text: "Unsubscribe" },
          ],
        },
      ],
    };
    const read = componentsToDraft({ ...meta, parameterFormat: meta.parameter_format });
    expect(read.parameterFormat).toBe("NAMED");
    expect(read.header).toEqual({ format: "IMAGE", sample: sample("4::aW...") });
    expect(read.buttons).toEqual([
      { type: "URL", text: "View deals", url: "https://www.luckyshrub.com/deals", example: "" },
      { type: "PHONE_NUMBER", text: "Call us", phoneNumber: "+15550051310" },
      { type: "QUICK_REPLY", text: "Unsubscribe" },
    ]);
    const definition = draftToDefinition(read);
    const { parameter_format, ...rest } = definition;
    expect(parameter_format).toBe("NAMED");
    expect(upperEnums({ ...rest, parameter_format })).toEqual(upperEnums({ ...meta, allow_category_change: true }));
    // Meta's example number is a fictional +1 555 one: a warning, not an error.
    expect(lintTemplate(read)).toEqual([{ path: "buttons.1.phoneNumber", code: "buttons.phoneUnlikely", severity: "warning" }]);
  });

  it("order_confirmation (Named parameters): utility body with named params", () => {
    const components = [
      {
        type: "body",
        text: "Thank you, {{first_name}}! Your order number is {{order_number}}.",
        example: {
          body_text_named_params: [
            { param_name: "first_name", example: "Pablo" },
            { param_name: "order_number", example: "860198-230332" },
          ],
        },
      },
    ];
    const read = componentsToDraft({
      name: "order_confirmation",
      language: "en_US",
      category: "utility",
      parameterFormat: "named",
      components,
    });
    expect(read.body.examples).toEqual({ first_name: "Pablo", order_number: "860198-230332" });
    expect(upperEnums(draftToComponents(read))).toEqual(upperEnums(components));
    expect(lintTemplate(read)).toEqual([]);
  });

  it("order_delivery_update (Location templates): location header", () => {
    const components = [
      { type: "HEADER", format: "LOCATION" },
      {
        type: "BODY",
        text: "Good news {{customer_name}}! Your order #{{order_number}} is on its way to the location above. Thank you for your order!",
        example: {
          body_text_named_params: [
            { param_name: "customer_name", example: "Mark" },
            { param_name: "order_number", example: "566701" },
          ],
        },
      },
      { type: "FOOTER", text: "To stop receiving delivery updates, tap the button below." },
      { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "Stop Delivery Updates" }] },
    ];
    const read = componentsToDraft({
      name: "order_delivery_update",
      language: "en_US",
      category: "UTILITY",
      parameterFormat: "NAMED",
      components,
    });
    expect(read.header).toEqual({ format: "LOCATION" });
    expect(draftToComponents(read)).toEqual(components);
    expect(lintTemplate(read)).toEqual([]);
  });

  it("carousel_template_media_cards_v1 (Media card carousel templates)", () => {
    const card = (example: string) => ({
      components: [
        { type: "header", format: "image", example: { header_handle: ["4::an..."] } },
        {
          type: "buttons",
          buttons: [
            { type: "quick_reply", text: "Send me more like this!" },
            { type: "url", text: "Shop", url: "https://www.luckyshrub.com/rare-succulents/{{1}}", example: [example] },
          ],
        },
      ],
    });
    const components = [
      {
        type: "body",
        text: "Rare succulents for sale! {{1}}, add these unique plants to your collection. Each of these rare succulents are {{2}} if you checkout using code {{3}}. Shop now and add some unique and beautiful plants to your collection!",
        example: { body_text: [["Pablo", "30%", "30OFF"]] },
      },
      { type: "carousel", cards: [card("BLUE_ELF"), card("BUDDHA"), card("BLACK_PRINCE")] },
    ];
    const read = componentsToDraft({ name: "carousel_template_media_cards_v1", language: "en_US", category: "marketing", components });
    expect(read.carousel?.cards).toHaveLength(3);
    // Meta's page gives the variable's value alone; the draft keeps the whole example URL.
    expect(read.carousel?.cards[1]?.buttons[1]).toEqual({
      type: "URL",
      text: "Shop",
      url: "https://www.luckyshrub.com/rare-succulents/{{1}}",
      example: "https://www.luckyshrub.com/rare-succulents/BUDDHA",
    });
    expect(lintTemplate(read)).toEqual([]);
    const written = draftToComponents(read) as Array<Record<string, unknown>>;
    expect(written[0]).toEqual(upperEnums(components[0]));
    expect(written[1]).toMatchObject({
      type: "CAROUSEL",
      cards: [
        {
          components: [
            { type: "HEADER", format: "IMAGE", example: { header_handle: ["4::an..."] } },
            {
              type: "BUTTONS",
              buttons: [
                { type: "QUICK_REPLY", text: "Send me more like this!" },
                {
                  type: "URL",
                  url: "https://www.luckyshrub.com/rare-succulents/{{1}}",
                  example: ["https://www.luckyshrub.com/rare-succulents/BLUE_ELF"],
                },
              ],
            },
          ],
        },
        {},
        {},
      ],
    });
  });

  it("authentication_code_autofill_button (One-tap autofill authentication templates), in Meta's supported_apps shape", () => {
    const read = componentsToDraft({
      name: "authentication_code_autofill_button",
      language: "en_US",
      category: "authentication",
      components: [
        { type: "body", add_security_recommendation: true },
        { type: "footer", code_expiration_minutes: 10 },
        {
          type: "buttons",
          buttons: [
            {
              type: "otp",
              otp_type: "one_tap",
              text: "Copy Code",
              autofill_text: "Autofill",
              package_name: "com.example.luckyshrub",
              signature_hash: "K8a/AINcGX7",
            },
          ],
        },
      ],
    });
    expect(read.authentication).toEqual({ addSecurityRecommendation: true, codeExpirationMinutes: 10 });
    expect(read.buttons).toEqual([
      {
        type: "OTP",
        otpType: "ONE_TAP",
        text: "Copy Code",
        autofillText: "Autofill",
        packageName: "com.example.luckyshrub",
        signatureHash: "K8a/AINcGX7",
      },
    ]);
    expect(lintTemplate(read)).toEqual([]);
    // Written back with supported_apps (the top-level package_name/signature_hash are deprecated since v21).
    expect(draftToComponents(read)).toEqual([
      { type: "BODY", add_security_recommendation: true },
      { type: "FOOTER", code_expiration_minutes: 10 },
      {
        type: "BUTTONS",
        buttons: [
          {
            type: "OTP",
            otp_type: "ONE_TAP",
            text: "Copy Code",
            autofill_text: "Autofill",
            supported_apps: [{ package_name: "com.example.luckyshrub", signature_hash: "K8a/AINcGX7" }],
          },
        ],
      },
    ]);
  });

  it("reads an authentication template as GET returns it (body text, footer sentence, OTP as a URL button)", () => {
    const read = componentsToDraft({
      name: "auth_code",
      language: "en_US",
      category: "AUTHENTICATION",
      parameterFormat: "POSITIONAL",
      components: [
        {
          type: "BODY",
          text: "*{{1}}* is your verification code. For your security, do not share this code.",
          example: { body_text: [["123456"]] },
        },
        { type: "FOOTER", text: "This code expires in 5 minutes." },
        {
          type: "BUTTONS",
          buttons: [
            {
              type: "URL",
              text: "Copy code",
              url: "https://www.whatsapp.com/otp/code/?otp_type=ONE_TAP&cta_display_name=Autofill&package_name=com.example.app&signature_hash=K8a%2FAINcGX7&code=otp{{1}}",
              example: ["https://www.whatsapp.com/otp/code/?otp_type=ONE_TAP&code=otp123456"],
            },
          ],
        },
      ],
    });
    expect(read.authentication.codeExpirationMinutes).toBe(5);
    expect(read.buttons).toEqual([
      {
        type: "OTP",
        otpType: "ONE_TAP",
        text: "Copy code",
        autofillText: "Autofill",
        packageName: "com.example.app",
        signatureHash: "K8a/AINcGX7",
      },
    ]);
    expect(lintTemplate(read)).toEqual([]);
  });
});

describe("componentsToDraft tolerance", () => {
  it("skips unknown components and buttons, and survives garbage", () => {
    const read = componentsToDraft({
      name: "mixed",
      language: "id",
      category: "MARKETING",
      components: [
        { type: "LIMITED_TIME_OFFER", limited_time_offer: { text: "Expiring offer!" } },
        { type: "BODY", text: "Halo {{1}} apa kabar hari ini?", example: { body_text: "Budi" } },
        { type: "BUTTONS", buttons: [{ type: "FLOW", text: "Open" }, { type: "COPY_CODE", example: ["CARIBE25"] }, "nonsense", null] },
        42,
        { type: "HEADER", format: "PRODUCT" },
      ],
    });
    expect(read.body).toEqual({ text: "Halo {{1}} apa kabar hari ini?", examples: { "1": "Budi" } });
    expect(read.buttons).toEqual([{ type: "COPY_CODE", example: "CARIBE25" }]);
    expect(read.header).toEqual({ format: "NONE" });
    expect(componentsToDraft({ name: "x", language: "en", category: "weird", components: "not an array" })).toMatchObject({
      name: "x",
      category: "UTILITY",
      body: { text: "" },
    });
  });

  it("adds the + Meta's pages leave out of phone numbers, and guesses NAMED for old syncs without parameter_format", () => {
    const read = componentsToDraft({
      name: "x",
      language: "en_US",
      category: "UTILITY",
      components: [
        { type: "BODY", text: "Hi {{name}}, your receipt is ready now." },
        { type: "BUTTONS", buttons: [{ type: "PHONE_NUMBER", text: "Call", phone_number: "15550051310" }] },
      ],
    });
    expect(read.parameterFormat).toBe("NAMED");
    expect(read.buttons[0]).toEqual({ type: "PHONE_NUMBER", text: "Call", phoneNumber: "+15550051310" });
  });

  it("keeps only the examples of variables the text uses", () => {
    const read = componentsToDraft({
      name: "x",
      language: "en_US",
      category: "UTILITY",
      components: [{ type: "BODY", text: "Hi {{1}}, thanks for your order today.", example: { body_text: [["Pablo", "extra"]] } }],
    });
    expect(read.body.examples).toEqual({ "1": "Pablo" });
  });
});

describe("draftToComponents on half-written drafts", () => {
  it("never throws and leaves empty texts out", () => {
    expect(draftToComponents(emptyDraft())).toEqual([]);
    const half = draft({
      name: "",
      language: "en_US",
      category: "MARKETING",
      header: { format: "TEXT", text: "  " },
      body: { text: "Hi {{1}}" },
      footer: "",
      buttons: [{ type: "URL", text: "", url: "https://x.example/{{1}}" }],
    });
    expect(draftToComponents(half)).toEqual([
      { type: "BODY", text: "Hi {{1}}", example: { body_text: [[""]] } },
      { type: "BUTTONS", buttons: [{ type: "URL", text: "", url: "https://x.example/{{1}}" }] },
    ]);
  });

  it("sends a media header without its handle until the sample is uploaded", () => {
    const components = draftToComponents(
      draft({ name: "x", language: "en", category: "MARKETING", header: { format: "VIDEO" }, body: { text: "Watch this" } }),
    );
    expect(components[0]).toEqual({ type: "HEADER", format: "VIDEO" });
  });

  it("leaves the footer out of an authentication template without expiry, and sends copy-code OTP buttons bare", () => {
    const auth = draft({
      name: "otp",
      language: "en",
      category: "AUTHENTICATION",
      body: { text: "" },
      buttons: [{ type: "OTP", otpType: "COPY_CODE" }],
      authentication: { addSecurityRecommendation: false, codeExpirationMinutes: null },
    });
    expect(draftToComponents(auth)).toEqual([
      { type: "BODY", add_security_recommendation: false },
      { type: "BUTTONS", buttons: [{ type: "OTP", otp_type: "COPY_CODE" }] },
    ]);
  });

  it("writes the definition Meta's endpoint takes", () => {
    const definition = draftToDefinition(
      draft({ name: "hello", language: "id", category: "UTILITY", body: { text: "Halo semua, apa kabar?" }, allowCategoryChange: false }),
    );
    expect(definition).toEqual({
      name: "hello",
      language: "id",
      category: "UTILITY",
      parameter_format: "POSITIONAL",
      allow_category_change: false,
      components: [{ type: "BODY", text: "Halo semua, apa kabar?" }],
    });
  });
});

describe("round trips draft → components → draft", () => {
  const synced = (d: TemplateDraft, components: MetaTemplateComponent[]) =>
    componentsToDraft({ name: d.name, language: d.language, category: d.category, parameterFormat: d.parameterFormat, components });
  /** Meta keeps the handle of a sample, not Parley's file name, type and size. */
  const sampleAsMeta = (s: { handle: string } | null) => (s ? sample(s.handle) : null);
  const uploaded = { handle: "4::aW1hZ2U=", fileName: "shoe.jpg", mimeType: "image/jpeg", size: 120_000 };

  const drafts: Record<string, TemplateDraftInput> = {
    "positional, text header, every button kind": {
      name: "spring_sale",
      language: "en_US",
      category: "MARKETING",
      header: { format: "TEXT", text: "Spring sale for {{1}}", examples: { "1": "members" } },
      body: {
        text: "Hi {{1}}, use code {{2}} before {{3}} to save on every order.",
        examples: { "1": "Ana", "2": "SPRING", "3": "Friday" },
      },
      footer: "Reply STOP to opt out",
      buttons: [
        { type: "URL", text: "Shop", url: "https://shop.example/sale/{{1}}", example: "https://shop.example/sale/ana" },
        { type: "PHONE_NUMBER", text: "Call us", phoneNumber: "+6281234567890" },
        { type: "COPY_CODE", example: "SPRING" },
        { type: "QUICK_REPLY", text: "Not interested" },
      ],
    },
    "named, document header": {
      name: "invoice_ready",
      language: "id",
      category: "UTILITY",
      parameterFormat: "NAMED",
      header: { format: "DOCUMENT", sample: { ...uploaded, fileName: "invoice.pdf", mimeType: "application/pdf" } },
      body: {
        text: "Halo {{customer}}, tagihan {{invoice_no}} Anda sudah siap dibayar.",
        examples: { customer: "Budi", invoice_no: "INV-7" },
      },
      buttons: [{ type: "URL", text: "Lihat", url: "https://pay.example/invoice" }],
    },
    "named text header": {
      name: "sale_start",
      language: "en_US",
      category: "MARKETING",
      parameterFormat: "NAMED",
      header: { format: "TEXT", text: "Our new sale starts {{sale_start_date}}!", examples: { sale_start_date: "December 1st" } },
      body: { text: "Plenty of deals are coming your way soon." },
    },
    "authentication copy code": {
      name: "login_code",
      language: "en",
      category: "AUTHENTICATION",
      body: { text: "" },
      buttons: [{ type: "OTP", otpType: "COPY_CODE", text: "Copy code" }],
      authentication: { addSecurityRecommendation: true, codeExpirationMinutes: 15 },
    },
    "video carousel with bodies": {
      name: "new_arrivals",
      language: "en_US",
      category: "MARKETING",
      body: { text: "New arrivals for {{1}} this week, take a look!", examples: { "1": "Ana" } },
      carousel: {
        cards: [0, 1].map((index) => ({
          header: { format: "VIDEO", sample: { ...uploaded, mimeType: "video/mp4", handle: `4::v${index}` } },
          body: { text: `Model ${index} in {{1}} colours`, examples: { "1": "three" } },
          buttons: [{ type: "PHONE_NUMBER", text: "Call", phoneNumber: "+6281234567890" }],
        })),
      },
    },
  };

  for (const [label, input] of Object.entries(drafts)) {
    it(label, () => {
      const original = draft(input);
      const back = synced(original, draftToComponents(original));
      const expected: TemplateDraft = {
        ...original,
        header:
          original.header.format === "DOCUMENT" ? { format: "DOCUMENT", sample: sampleAsMeta(original.header.sample) } : original.header,
        carousel: original.carousel && {
          cards: original.carousel.cards.map((card) => ({ ...card, header: { ...card.header, sample: sampleAsMeta(card.header.sample) } })),
        },
      };
      expect(back).toEqual(expected);
      expect(lintTemplate(original)).toEqual([]);
    });
  }
});
