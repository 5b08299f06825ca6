/**
 * Canned replies are summoned by typing `/` at the start of the text or after a space: the word
 * after the slash, up to the caret, filters the list; choosing one replaces `/word` with its body.
 */
export interface CannedQuery {
  /** Index of the `/`. */
  start: number;
  /** What follows the slash up to the caret (may be empty). */
  query: string;
}

export function cannedQueryAt(text: string, caret: number): CannedQuery | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([\p{L}\p{N}_-]*)$/u.exec(before);
  if (!match) return null;
  return { start: before.length - match[2]!.length - 1, query: match[2]! };
}

/** The text with `/query` replaced by the reply's body, and where the caret goes after it. */
export function insertCanned(text: string, at: CannedQuery, body: string): { text: string; caret: number } {
  const end = at.start + 1 + at.query.length;
  return { text: text.slice(0, at.start) + body + text.slice(end), caret: at.start + body.length };
}
