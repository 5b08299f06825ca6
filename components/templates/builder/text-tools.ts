/**
 * Edits of a textarea's text at its selection: wrap it in WhatsApp's formatting marks, or insert a
 * variable. Pure, so the builder's toolbar and its tests share them.
 */
export interface TextEdit {
  text: string;
  /** Where the selection goes after the edit. */
  selection: [number, number];
}

export const FORMATS = { bold: "*", italic: "_", strike: "~", mono: "```" } as const;
export type Format = keyof typeof FORMATS;

export function wrapSelection(text: string, start: number, end: number, format: Format): TextEdit {
  const mark = FORMATS[format];
  const selected = text.slice(start, end);
  const next = `${text.slice(0, start)}${mark}${selected}${mark}${text.slice(end)}`;
  return { text: next, selection: [start + mark.length, end + mark.length] };
}

export function insertAt(text: string, start: number, end: number, insert: string): TextEdit {
  const next = `${text.slice(0, start)}${insert}${text.slice(end)}`;
  return { text: next, selection: [start + insert.length, start + insert.length] };
}
