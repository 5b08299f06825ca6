/**
 * What a CSV file is, from its first bytes: the text encoding (a BOM says it; else strict UTF-8
 * when the bytes decode as such, else Windows-1252, what Excel writes on most Western systems),
 * the delimiter (papaparse's guess among , ; tab |), and whether it is text at all (NUL bytes or
 * control characters outside UTF-16 mean a spreadsheet, a zip or a picture, not a CSV).
 */
import Papa from "papaparse";

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export const SNIFF_BYTES = 64 * 1024;

export function detectEncoding(head: Uint8Array): CsvEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8";
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  try {
    // A multi-byte character cut by the sample's end is not an error: `stream: true`.
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return "utf-8";
  } catch {
    return "windows-1252";
  }
}

/** The sample as text (BOM dropped), or null when the bytes are not text. */
export function decodeSample(head: Uint8Array, encoding: CsvEncoding): string | null {
  const text = new TextDecoder(encoding).decode(head, { stream: true });
  // Controls other than tab, CR, LF (and form feed) do not occur in a CSV someone exported.
  return /[\u0000-\u0008\u000e-\u001f]/.test(text) ? null : text;
}

/**
 * The delimiter that cuts the sample's first lines into the same number of fields, the most
 * fields winning (quotes respected: each candidate is tried by papaparse itself); a comma when
 * none cuts anything (a one-column file).
 */
export function detectDelimiter(sample: string): string {
  let best = { delimiter: ",", fields: 1 };
  for (const delimiter of [",", ";", "\t", "|"]) {
    const rows = Papa.parse<string[]>(sample.slice(0, 16 * 1024), { delimiter, preview: 20, skipEmptyLines: "greedy" }).data;
    // The sample may end inside its last row: judge by the complete ones.
    const judged = rows.length > 2 ? rows.slice(0, -1) : rows;
    const counts = new Set(judged.map((r) => r.length));
    const fields = judged[0]?.length ?? 0;
    if (counts.size === 1 && fields > best.fields) best = { delimiter, fields };
  }
  return best.delimiter;
}

/** The first rows of the sample (header included), empty lines skipped. */
export function previewRows(sample: string, delimiter: string, rows = 6): string[][] {
  // The sample may end inside a row: drop what follows its last line break.
  const cut = sample.length >= SNIFF_BYTES / 2 ? sample.slice(0, sample.lastIndexOf("\n") + 1) : sample;
  return Papa.parse<string[]>(cut, { delimiter, preview: rows, skipEmptyLines: "greedy" }).data;
}
