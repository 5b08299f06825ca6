/**
 * WhatsApp's text formatting, parsed into a tree React can render without innerHTML:
 * *bold*, _italic_, ~strike~, ```monospace``` (may span lines) and `inline code`, plus links.
 *
 * The rules follow the app's behaviour: a marker opens after a non-letter (or at the start) when the
 * next character is not a space, and closes before a non-letter (or at the end) after a non-space,
 * on the same line. Anything that does not close stays literal text. Only http(s) URLs (and bare
 * `www.` hosts, as https) become links, so a message can never produce a `javascript:` href.
 */
export type FormatNode =
  | { type: "text"; text: string }
  | { type: "link"; href: string; text: string }
  | { type: "mono"; text: string }
  | { type: "bold" | "italic" | "strike"; children: FormatNode[] };

const STYLE_OF = { "*": "bold", _: "italic", "~": "strike" } as const;
type Marker = keyof typeof STYLE_OF;

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (c: string | undefined) => c !== undefined && WORD_CHAR.test(c);
const isSpace = (c: string | undefined) => c === undefined || /\s/u.test(c);

// The URL ends before trailing punctuation a sentence puts after it ("see https://x.com.").
const URL_PATTERN = /(?:https?:\/\/|www\.)[^\s<>"]*[^\s<>".,:;'!?)\]}]/giu;

/** Splits plain text into text and link nodes. */
export function linkify(text: string): FormatNode[] {
  const nodes: FormatNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    // "foowww.x" is not a link: a URL starts at a word boundary.
    if (isWordChar(text[start - 1])) continue;
    if (start > last) nodes.push({ type: "text", text: text.slice(last, start) });
    const raw = match[0];
    nodes.push({ type: "link", href: raw.toLowerCase().startsWith("www.") ? `https://${raw}` : raw, text: raw });
    last = start + raw.length;
  }
  if (last < text.length) nodes.push({ type: "text", text: text.slice(last) });
  return nodes;
}

function findClose(text: string, marker: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    const c = text[j];
    if (c === "\n") return -1;
    if (c === marker && !isSpace(text[j - 1]) && j > from && !isWordChar(text[j + 1])) return j;
  }
  return -1;
}

function parseInline(text: string): FormatNode[] {
  const nodes: FormatNode[] = [];
  let plain = "";
  const flush = () => {
    if (plain) nodes.push(...linkify(plain));
    plain = "";
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const opens = !isWordChar(text[i - 1]) && !isSpace(text[i + 1]);
    if (opens && (c === "*" || c === "_" || c === "~")) {
      const close = findClose(text, c, i + 1);
      if (close > i + 1) {
        flush();
        nodes.push({ type: STYLE_OF[c as Marker], children: parseInline(text.slice(i + 1, close)) });
        i = close + 1;
        continue;
      }
    }
    if (c === "`" && text[i + 1] !== "`") {
      const close = text.indexOf("`", i + 1);
      if (close > i + 1 && !text.slice(i + 1, close).includes("\n")) {
        flush();
        nodes.push({ type: "mono", text: text.slice(i + 1, close) });
        i = close + 1;
        continue;
      }
    }
    plain += c;
    i++;
  }
  flush();
  return nodes;
}

/** The whole message body: ```blocks``` first (their content is literal), then inline styles. */
export function parseWhatsAppText(text: string): FormatNode[] {
  const nodes: FormatNode[] = [];
  let last = 0;
  for (const match of text.matchAll(/```([\s\S]+?)```/g)) {
    if (match.index > last) nodes.push(...parseInline(text.slice(last, match.index)));
    nodes.push({ type: "mono", text: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(...parseInline(text.slice(last)));
  return nodes;
}
