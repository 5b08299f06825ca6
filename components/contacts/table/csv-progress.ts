/**
 * Counts the records of a CSV as it streams in, chunk by chunk: a line end outside quotes ends a
 * record (a quoted cell may hold line ends; `""` inside quotes toggles twice and changes nothing).
 */
export class CsvRecordCounter {
  private quoted = false;
  records = 0;

  push(chunk: string): void {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 34) this.quoted = !this.quoted;
      else if (c === 10 && !this.quoted) this.records++;
    }
  }
}
