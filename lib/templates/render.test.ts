/**
 * renderTemplate against Meta's component shapes: Meta's own published examples (marketing with an
 * image header and buttons, named parameters, authentication, a media-card carousel), the shapes
 * GET /message_templates answers with, and junk.
 */
import { describe, expect, it } from "vitest";
import { renderTemplate } from "./render";

// Meta's "create template" example (limited_time_offer_tuscan_getaway_2023): image header, positional
// body, footer, phone and URL buttons.
const tuscanGetaway = [
  { type: "HEADER", format: "IMAGE", example: { header_handle: ["4::aW1hZ2UvanBlZw==:ARZ…"] } },
  {
    type: "BODY",
    text: "Hi {{1}}! For a limited time only you can get our {{2}} for as low as {{3}}. Tap the Offer Details button for more information.",
    example: { body_text: [["Mark", "Tuscan Getaway package", "800"]] },
  },
  { type: "FOOTER", text: "Offer valid until May 31, 2023" },
  {
    type: "BUTTONS",
    buttons: [
      { type: "PHONE_NUMBER", text: "Call", phone_number: "15550051310" },
      { type: "URL", text: "Shop Now", url: "https://www.examplesite.com/shop?promo={{1}}", example: ["summer2023"] },
    ],
  },
];

// Meta's media card carousel example (summer_carousel_promo_2023), two cards.
const summerCarousel = [
  {
    type: "BODY",
    text: "Summer is here, and we have the freshest produce around! Use code {{1}} to get {{2}} off your next order.",
    example: { body_text: [["15OFF", "15%"]] },
  },
  {
    type: "CAROUSEL",
    cards: [
      {
        components: [
          { type: "HEADER", format: "IMAGE", example: { header_handle: ["4::an…"] } },
          { type: "BODY", text: "Rare lemons for unique lemon Tea. Use code {{1}} to get {{2}} off all produce.", example: { body_text: [["15OFFLEMON", "15%"]] } },
          {
            type: "BUTTONS",
            buttons: [
              { type: "QUICK_REPLY", text: "Send more like this" },
              { type: "URL", text: "Buy now", url: "https://www.luckyshrub.com/shop?promo={{1}}", example: ["https://www.luckyshrub.com/shop?promo=summer_lemons_2023"] },
            ],
          },
        ],
      },
      {
        components: [
          { type: "HEADER", format: "IMAGE", example: { header_handle: ["4::bW…"] } },
          { type: "BODY", text: "Exotic fruit for unique fruit Tea. Use code {{1}} to get {{2}} off all exotic produce.", example: { body_text: [["30OFFEXOTIC", "30%"]] } },
          {
            type: "BUTTONS",
            buttons: [
              { type: "QUICK_REPLY", text: "Send more like this" },
              { type: "URL", text: "Buy now", url: "https://www.luckyshrub.com/shop?promo={{1}}", example: ["https://www.luckyshrub.com/shop?promo=exotic_produce_2023"] },
            ],
          },
        ],
      },
    ],
  },
];

describe("renderTemplate: marketing with an image header and buttons", () => {
  it("fills the agent's values and the URL's suffix, keeps the phone number, draws the header from the given media", () => {
    const rendered = renderTemplate(
      tuscanGetaway,
      { "body.1": "Sari", "body.2": "Bali package", "body.3": "Rp 8.000.000", "button.1": "bali25" },
      { media: { header: { url: "/api/media/m1" } } },
    );
    expect(rendered).toEqual({
      header: { kind: "image", url: "/api/media/m1", fileName: null },
      body: "Hi Sari! For a limited time only you can get our Bali package for as low as Rp 8.000.000. Tap the Offer Details button for more information.",
      footer: "Offer valid until May 31, 2023",
      buttons: [
        { type: "phone_number", text: "Call", value: "15550051310" },
        { type: "url", text: "Shop Now", value: "https://www.examplesite.com/shop?promo=bali25" },
      ],
      cards: [],
    });
  });

  it("shows Meta's examples with useExamples (a suffix-only URL example goes into the URL), else leaves {{n}}", () => {
    const examples = renderTemplate(tuscanGetaway, {}, { useExamples: true });
    expect(examples.body).toBe("Hi Mark! For a limited time only you can get our Tuscan Getaway package for as low as 800. Tap the Offer Details button for more information.");
    expect(examples.buttons[1]).toEqual({ type: "url", text: "Shop Now", value: "https://www.examplesite.com/shop?promo=summer2023" });
    expect(examples.header).toEqual({ kind: "image", url: null, fileName: null });

    const unfilled = renderTemplate(tuscanGetaway, { "body.1": "Sari" });
    expect(unfilled.body).toBe("Hi Sari! For a limited time only you can get our {{2}} for as low as {{3}}. Tap the Offer Details button for more information.");
    expect(unfilled.buttons[1]?.value).toBe("https://www.examplesite.com/shop?promo={{1}}");
  });

  it("takes an https link given as the header's value as its picture, never an upload id", () => {
    expect(renderTemplate(tuscanGetaway, { "header.media": "https://cdn.example/bali.jpg" }).header).toEqual({ kind: "image", url: "https://cdn.example/bali.jpg", fileName: null });
    expect(renderTemplate(tuscanGetaway, { "header.media": "cmedia123" }).header).toEqual({ kind: "image", url: null, fileName: null });
  });

  it("renders a document header with its file name, a video (and GIF) header, and a location header", () => {
    const body = { type: "BODY", text: "Your invoice" };
    expect(renderTemplate([{ type: "HEADER", format: "DOCUMENT" }, body], {}, { media: { header: { url: null, fileName: "invoice-42.pdf" } } }).header).toEqual({
      kind: "document",
      url: null,
      fileName: "invoice-42.pdf",
    });
    expect(renderTemplate([{ type: "header", format: "video" }, body]).header).toMatchObject({ kind: "video" });
    expect(renderTemplate([{ type: "HEADER", format: "GIF" }, body]).header).toMatchObject({ kind: "video" });
    expect(renderTemplate([{ type: "HEADER", format: "LOCATION" }, body]).header).toEqual({ kind: "location", name: null, address: null });
  });

  it("renders quick replies, copy-code (with its coupon or example) and other buttons by their text", () => {
    const components = [
      { type: "BODY", text: "Good news, {{1}}! Use code {{2}} to get 25% off all Caribbean Destination packages!", example: { body_text: [["Pablo", "CARIBE25"]] } },
      {
        type: "BUTTONS",
        buttons: [
          { type: "COPY_CODE", example: "CARIBE25" },
          { type: "QUICK_REPLY", text: "Unsubscribe" },
          { type: "FLOW", text: "Book now", flow_id: "123" },
          { type: "CATALOG" },
        ],
      },
    ];
    expect(renderTemplate(components, { "button.0": "BALI10" }).buttons).toEqual([
      { type: "copy_code", text: "Copy offer code", value: "BALI10" },
      { type: "quick_reply", text: "Unsubscribe" },
      { type: "other", text: "Book now" },
    ]);
    expect(renderTemplate(components, {}, { useExamples: true }).buttons[0]).toEqual({ type: "copy_code", text: "Copy offer code", value: "CARIBE25" });
    expect(renderTemplate(components).buttons[0]).toEqual({ type: "copy_code", text: "Copy offer code", value: null });
  });
});

describe("renderTemplate: named parameters (utility)", () => {
  // Meta's named-parameter examples: a header ("Our new sale starts {{sale_start_date}}!") and an
  // order confirmation body with body_text_named_params.
  const orderConfirmation = [
    { type: "HEADER", format: "TEXT", text: "Our new sale starts {{sale_start_date}}!", example: { header_text_named_params: [{ param_name: "sale_start_date", example: "December 1st" }] } },
    {
      type: "BODY",
      text: "Thank you, {{first_name}}! Your order number is {{order_number}}.",
      example: {
        body_text_named_params: [
          { param_name: "first_name", example: "Pablo" },
          { param_name: "order_number", example: "860198-230332" },
        ],
      },
    },
    { type: "FOOTER", text: "Lucky Shrub" },
  ];

  it("fills named values by name, examples for the rest with useExamples", () => {
    expect(renderTemplate(orderConfirmation, { "body.first_name": "Budi", "header.sale_start_date": "1 Juni" })).toMatchObject({
      header: { kind: "text", text: "Our new sale starts 1 Juni!" },
      body: "Thank you, Budi! Your order number is {{order_number}}.",
      footer: "Lucky Shrub",
    });
    expect(renderTemplate(orderConfirmation, { "body.first_name": "Budi" }, { useExamples: true })).toMatchObject({
      header: { kind: "text", text: "Our new sale starts December 1st!" },
      body: "Thank you, Budi! Your order number is 860198-230332.",
    });
  });

  it("fills positional header examples (header_text) and body examples by number, not by order of appearance", () => {
    const components = [
      { type: "HEADER", format: "TEXT", text: "Our {{1}} is on!", example: { header_text: ["Summer Sale"] } },
      { type: "BODY", text: "Use {{2}} before {{1}}.", example: { body_text: [["31 May", "SUMMER10"]] } },
    ];
    expect(renderTemplate(components, {}, { useExamples: true })).toMatchObject({
      header: { kind: "text", text: "Our Summer Sale is on!" },
      body: "Use SUMMER10 before 31 May.",
    });
  });
});

describe("renderTemplate: authentication", () => {
  // Meta's copy-code authentication template as POSTed: options only, Meta writes the texts.
  const copyCode = [
    { type: "body", add_security_recommendation: true },
    { type: "footer", code_expiration_minutes: 10 },
    { type: "buttons", buttons: [{ type: "otp", otp_type: "copy_code" }] },
  ];

  it("writes Meta's fixed body and footer, and the OTP button copies the code", () => {
    expect(renderTemplate(copyCode, { "body.1": "482913" })).toEqual({
      header: null,
      body: "482913 is your verification code. For your security, do not share this code.",
      footer: "This code expires in 10 minutes.",
      buttons: [{ type: "otp", text: "Copy code", value: "482913" }],
      cards: [],
    });
  });

  it("leaves the security line and the expiry out when not asked for; keeps the button's own text", () => {
    expect(renderTemplate([{ type: "BODY", add_security_recommendation: false }, { type: "BUTTONS", buttons: [{ type: "OTP", otp_type: "COPY_CODE", text: "Copy" }] }])).toEqual({
      header: null,
      body: "{{1}} is your verification code.",
      footer: null,
      buttons: [{ type: "otp", text: "Copy", value: null }],
      cards: [],
    });
  });

  it("previews with an example code, and reads the synced shape (texts stored, OTP button as a whatsapp.com/otp URL)", () => {
    expect(renderTemplate(copyCode, {}, { useExamples: true }).body).toBe("123456 is your verification code. For your security, do not share this code.");
    const synced = [
      { type: "BODY", text: "*{{1}}* is your verification code. For your security, do not share this code.", add_security_recommendation: true },
      { type: "FOOTER", text: "This code expires in 5 minutes.", code_expiration_minutes: 5 },
      { type: "BUTTONS", buttons: [{ type: "URL", text: "Copy code", url: "https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp{{1}}" }] },
    ];
    expect(renderTemplate(synced, { "body.1": "771204" })).toEqual({
      header: null,
      body: "*771204* is your verification code. For your security, do not share this code.",
      footer: "This code expires in 5 minutes.",
      buttons: [{ type: "otp", text: "Copy code", value: "771204" }],
      cards: [],
    });
  });
});

describe("renderTemplate: carousel", () => {
  it("renders the body above the cards, each card's media header, body and buttons with the card's own keys", () => {
    const rendered = renderTemplate(
      summerCarousel,
      { "body.1": "SUMMER", "body.2": "20%", "card.0.body.1": "LEMON20", "card.1.button.1": "exotic_2024" },
      { media: { cards: [{ url: "/api/media/lemons" }] } },
    );
    expect(rendered.body).toBe("Summer is here, and we have the freshest produce around! Use code SUMMER to get 20% off your next order.");
    expect(rendered.cards).toEqual([
      {
        header: { kind: "image", url: "/api/media/lemons" },
        body: "Rare lemons for unique lemon Tea. Use code LEMON20 to get {{2}} off all produce.",
        buttons: [
          { type: "quick_reply", text: "Send more like this" },
          { type: "url", text: "Buy now", value: "https://www.luckyshrub.com/shop?promo={{1}}" },
        ],
      },
      {
        header: { kind: "image", url: null },
        body: "Exotic fruit for unique fruit Tea. Use code {{1}} to get {{2}} off all exotic produce.",
        buttons: [
          { type: "quick_reply", text: "Send more like this" },
          { type: "url", text: "Buy now", value: "https://www.luckyshrub.com/shop?promo=exotic_2024" },
        ],
      },
    ]);
  });

  it("fills each card from its own examples with useExamples (the full example URL as Meta stores it)", () => {
    const rendered = renderTemplate(summerCarousel, {}, { useExamples: true });
    expect(rendered.body).toBe("Summer is here, and we have the freshest produce around! Use code 15OFF to get 15% off your next order.");
    expect(rendered.cards.map((card) => card.body)).toEqual([
      "Rare lemons for unique lemon Tea. Use code 15OFFLEMON to get 15% off all produce.",
      "Exotic fruit for unique fruit Tea. Use code 30OFFEXOTIC to get 30% off all exotic produce.",
    ]);
    expect(rendered.cards[1]?.buttons[1]?.value).toBe("https://www.luckyshrub.com/shop?promo=exotic_produce_2023");
  });

  it("draws a video card header, and a card without a media header as none", () => {
    const rendered = renderTemplate([{ type: "BODY", text: "x" }, { type: "CAROUSEL", cards: [{ components: [{ type: "HEADER", format: "VIDEO" }] }, { components: [] }, "junk"] }]);
    expect(rendered.cards).toEqual([
      { header: { kind: "video", url: null }, body: "", buttons: [] },
      { header: null, body: "", buttons: [] },
      { header: null, body: "", buttons: [] },
    ]);
  });
});

describe("renderTemplate: the inbox picker's cases and junk", () => {
  const components = [
    { type: "HEADER", format: "TEXT", text: "Order {{1}}" },
    { type: "BODY", text: "Hi {{1}}, your order {{2}} ships {{ 3 }}." },
    { type: "FOOTER", text: "Reply STOP to opt out" },
    { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "Thanks" }, { type: "URL", text: "Track", url: "https://x.example/{{1}}" }] },
  ];

  it("fills the values typed so far (trimmed; blank counts as unfilled) and leaves the rest as placeholders", () => {
    expect(renderTemplate(components, { "header.1": "#42", "body.1": " Ana ", "body.2": " " })).toEqual({
      header: { kind: "text", text: "Order #42" },
      body: "Hi Ana, your order {{2}} ships {{ 3 }}.",
      footer: "Reply STOP to opt out",
      buttons: [
        { type: "quick_reply", text: "Thanks" },
        { type: "url", text: "Track", value: "https://x.example/{{1}}" },
      ],
      cards: [],
    });
  });

  it("reads lower-case types and a header without a format as text", () => {
    expect(renderTemplate([{ type: "header", text: "Hello {{1}}" }, { type: "body", text: "Hi {{first_name}}" }], { "header.1": "there", "body.first_name": "Budi" })).toMatchObject({
      header: { kind: "text", text: "Hello there" },
      body: "Hi Budi",
    });
  });

  it("never throws on junk: not an array, wrong types, unknown components and formats", () => {
    const empty = { header: null, body: "", footer: null, buttons: [], cards: [] };
    expect(renderTemplate(null)).toEqual(empty);
    expect(renderTemplate("BODY")).toEqual(empty);
    expect(renderTemplate({ type: "BODY", text: "x" })).toEqual(empty);
    expect(renderTemplate([null, 3, [], { type: "BODY", text: 5 }, { type: 7 }, { type: "HEADER", format: "PRODUCT" }, { type: "LIMITED_TIME_OFFER", limited_time_offer: { text: "Expiring!" } }])).toEqual(empty);
    expect(
      renderTemplate(
        [
          { type: "BODY", text: "Hi {{1}}", example: { body_text: "nope" } },
          { type: "FOOTER", text: ["x"] },
          { type: "BUTTONS", buttons: [null, { type: "URL" }, { type: "PHONE_NUMBER" }, { type: "QUICK_REPLY", text: 3 }, { type: "URL", url: "https://a.example" }] },
          { type: "CAROUSEL", cards: "x" },
        ],
        { "body.1": 5 } as unknown as Record<string, string>,
        { useExamples: true },
      ),
    ).toEqual({ header: null, body: "Hi {{1}}", footer: null, buttons: [{ type: "url", text: "https://a.example", value: "https://a.example" }], cards: [] });
    expect(renderTemplate([{ type: "BODY", text: "Hi {{1}}" }], null as unknown as Record<string, string>).body).toBe("Hi {{1}}");
  });
});
