import { describe, expect, it } from "vitest";
import { linkify, parseWhatsAppText } from "./whatsapp-format";

describe("parseWhatsAppText", () => {
  it("keeps plain text as one node", () => {
    expect(parseWhatsAppText("Hello there")).toEqual([{ type: "text", text: "Hello there" }]);
  });

  it("parses bold, italic and strike", () => {
    expect(parseWhatsAppText("a *b* _c_ ~d~")).toEqual([
      { type: "text", text: "a " },
      { type: "bold", children: [{ type: "text", text: "b" }] },
      { type: "text", text: " " },
      { type: "italic", children: [{ type: "text", text: "c" }] },
      { type: "text", text: " " },
      { type: "strike", children: [{ type: "text", text: "d" }] },
    ]);
  });

  it("nests styles", () => {
    expect(parseWhatsAppText("*_both_*")).toEqual([{ type: "bold", children: [{ type: "italic", children: [{ type: "text", text: "both" }] }] }]);
  });

  it("leaves markers inside words and unclosed markers literal", () => {
    expect(parseWhatsAppText("2*3*4 and snake_case_name")).toEqual([{ type: "text", text: "2*3*4 and snake_case_name" }]);
    expect(parseWhatsAppText("price * 2")).toEqual([{ type: "text", text: "price * 2" }]);
    expect(parseWhatsAppText("*not closed")).toEqual([{ type: "text", text: "*not closed" }]);
    expect(parseWhatsAppText("* spaced *")).toEqual([{ type: "text", text: "* spaced *" }]);
  });

  it("does not style across lines", () => {
    expect(parseWhatsAppText("*one\ntwo*")).toEqual([{ type: "text", text: "*one\ntwo*" }]);
  });

  it("keeps ``` blocks literal, across lines", () => {
    expect(parseWhatsAppText("see ```*a*\nb``` ok")).toEqual([
      { type: "text", text: "see " },
      { type: "mono", text: "*a*\nb" },
      { type: "text", text: " ok" },
    ]);
  });

  it("parses inline code", () => {
    expect(parseWhatsAppText("run `npm i`")).toEqual([{ type: "text", text: "run " }, { type: "mono", text: "npm i" }]);
  });

  it("links URLs inside styles", () => {
    expect(parseWhatsAppText("*https://a.example/x*")).toEqual([
      { type: "bold", children: [{ type: "link", href: "https://a.example/x", text: "https://a.example/x" }] },
    ]);
  });
});

describe("linkify", () => {
  it("links http(s) and www, without trailing punctuation", () => {
    expect(linkify("Go to https://x.example/a?b=1. Or www.y.example!")).toEqual([
      { type: "text", text: "Go to " },
      { type: "link", href: "https://x.example/a?b=1", text: "https://x.example/a?b=1" },
      { type: "text", text: ". Or " },
      { type: "link", href: "https://www.y.example", text: "www.y.example" },
      { type: "text", text: "!" },
    ]);
  });

  it("never links other schemes", () => {
    expect(linkify("javascript:alert(1) ftp://x")).toEqual([{ type: "text", text: "javascript:alert(1) ftp://x" }]);
  });

  it("does not link a www inside a word", () => {
    expect(linkify("foowww.example")).toEqual([{ type: "text", text: "foowww.example" }]);
  });
});
