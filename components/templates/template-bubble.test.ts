/**
 * The one renderer's drawing, server-rendered in English and Indonesian: the WhatsApp bubble (media
 * header or placeholder, formatted body, footer, buttons as list items with what they do, carousel
 * cards), its themes, and a sent template in the timeline drawn from Message.content.rendered —
 * or, for messages sent before, from the stored preview.
 */
import { createElement, type ComponentProps, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { MessageBody } from "@/components/inbox/timeline/message-body";
import type { ViewMessage } from "@/components/inbox/timeline/types";
import { renderTemplate } from "@/lib/templates/render";
import en from "@/messages/en.json";
import id from "@/messages/id.json";
import { TemplateBubble } from "./template-bubble";

function inContext(locale: "en" | "id", element: ReactElement): string {
  const onError = (error: Error) => {
    throw error;
  };
  return renderToString(
    createElement(
      NextIntlClientProvider,
      { locale, messages: locale === "en" ? en : id, timeZone: "Asia/Jakarta", onError } as unknown as ComponentProps<typeof NextIntlClientProvider>,
      element,
    ),
  );
}

const offer = [
  { type: "HEADER", format: "IMAGE" },
  { type: "BODY", text: "Hi *{{1}}*, use code ```{{2}}``` for _25%_ off." },
  { type: "FOOTER", text: "Reply STOP to opt out" },
  {
    type: "BUTTONS",
    buttons: [
      { type: "QUICK_REPLY", text: "Not interested" },
      { type: "URL", text: "Shop", url: "https://shop.example/{{1}}" },
      { type: "PHONE_NUMBER", text: "Call us", phone_number: "+6221555010" },
      { type: "COPY_CODE", example: "BALI25" },
    ],
  },
];
const values = { "body.1": "Sari", "body.2": "BALI25", "button.1": "bali", "button.3": "BALI25" };

describe("TemplateBubble", () => {
  it("draws the header picture with alt text, the formatted body, the footer and the buttons as list items", () => {
    const html = inContext("en", createElement(TemplateBubble, { rendered: renderTemplate(offer, values, { media: { header: { url: "/api/media/m1" } } }), theme: "light", time: "10:42" }));
    expect(html).toContain('aria-label="WhatsApp message preview"');
    expect(html).toContain('<img src="/api/media/m1" alt="The message&#x27;s header image"');
    expect(html).toContain('<strong class="font-semibold">Sari</strong>');
    expect(html).toMatch(/<code[^>]*>BALI25<\/code>/);
    expect(html).toContain("<em>25%</em>");
    expect(html).toContain("Reply STOP to opt out");
    expect(html).toContain("10:42");
    expect(html).toContain('<ul aria-label="Buttons"');
    expect(html).not.toMatch(/<button/);
    expect(html.match(/<li /g)).toHaveLength(4);
    for (const text of ["Not interested", "Quick reply", "Opens a link: https://shop.example/bali", "Calls a number: +6221555010", "Copy offer code", "Copies a code: BALI25"]) expect(html).toContain(text);
    // WhatsApp's light chat: cream wallpaper, white bubble, whatever the app's theme.
    expect(html).toContain("bg-[#efeae2]");
    expect(html).not.toContain("dark:bg-[#");
    // A button's row: the bubble's background, the action's colour (no competing text colour).
    expect(html).toContain("bg-white text-[#027eb5]");
    expect(html).not.toMatch(/text-\[#111b21\] text-\[#027eb5\]/);
  });

  it("draws a neutral placeholder for a header without a picture, a document's file name, and WhatsApp's dark theme", () => {
    const placeholder = inContext("id", createElement(TemplateBubble, { rendered: renderTemplate(offer, {}), theme: "dark" }));
    expect(placeholder).toContain('role="img" aria-label="Gambar"');
    expect(placeholder).toContain("bg-[#0b141a]");
    expect(placeholder).toContain("Balasan cepat");
    expect(placeholder).not.toContain("<img");
    const document = inContext("en", createElement(TemplateBubble, { rendered: renderTemplate([{ type: "HEADER", format: "DOCUMENT" }, { type: "BODY", text: "Your invoice" }], {}, { media: { header: { url: null, fileName: "invoice-42.pdf" } } }) }));
    expect(document).toContain("invoice-42.pdf");
    // "auto" follows the app's dark class.
    expect(document).toContain("dark:bg-[#0b141a]");
  });

  it("draws carousel cards in a focusable horizontal scroller, each with its media, body and buttons", () => {
    const carousel = [
      { type: "BODY", text: "Summer is here!" },
      {
        type: "CAROUSEL",
        cards: [0, 1].map((i) => ({
          components: [
            { type: "HEADER", format: "IMAGE" },
            { type: "BODY", text: `Card ${i} {{1}}` },
            { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: `More ${i}` }] },
          ],
        })),
      },
    ];
    const html = inContext("en", createElement(TemplateBubble, { rendered: renderTemplate(carousel, { "card.1.body.1": "lemons" }, { media: { cards: [{ url: "https://cdn.example/0.jpg" }] } }) }));
    expect(html).toContain('role="region" aria-label="Cards" tabindex="0"');
    expect(html).toContain('aria-label="Card 1 of 2"');
    expect(html).toContain('alt="Image of card 1"');
    expect(html).toContain("Card 1 lemons");
    expect(html).toContain("Card 0 {{1}}");
    expect(html).toContain("More 1");
  });
});

describe("a sent template in the timeline", () => {
  const message = (content: Record<string, unknown>, previewText: string | null): ViewMessage => ({
    id: "m1",
    direction: "outbound",
    type: "template",
    content,
    previewText,
    status: "sent",
    timestamp: new Date("2026-03-01T10:00:00Z"),
    errorCode: null,
    errorTitle: null,
    author: null,
    media: null,
    reactions: [],
    quoted: null,
  });
  const draw = (m: ViewMessage) => inContext("en", createElement(MessageBody, { message: m, onRetryDownload: async () => {} }));

  it("shows header, body, footer and buttons as sent, from content.rendered", () => {
    const rendered = JSON.parse(JSON.stringify(renderTemplate([{ type: "HEADER", format: "TEXT", text: "Order {{1}}" }, ...offer.slice(1)], { ...values, "header.1": "#42" })));
    const html = draw(message({ name: "summer_offer", language: { code: "en_US" }, components: [], rendered }, "📋 Hi *Sari*…"));
    for (const text of ["Template summer_offer", "Order #42", "Sari", "Reply STOP to opt out", "Not interested", "Call us", "Opens a link: https://shop.example/bali"]) expect(html).toContain(text);
  });

  it("falls back to the stored preview for templates sent before (no rendered parts), and for a rendered copy that is not the shape", () => {
    for (const content of [{ name: "order_shipped", language: { code: "en_US" } }, { name: "order_shipped", rendered: { body: 5 } }]) {
      const html = draw(message(content, "📋 Hi Sheena, your order #1042 is on its way."));
      expect(html).toContain("Template order_shipped");
      expect(html).toContain("Hi Sheena, your order #1042 is on its way.");
      expect(html).not.toContain("📋");
    }
  });
});
