import { describe, expect, it } from "vitest";
import { CsvRecordCounter } from "./csv-progress";

describe("CsvRecordCounter", () => {
  it("counts records, not line ends inside quoted cells, across chunk boundaries", () => {
    const csv = 'phone,name,note\r\n+62811,"Ayu ""A""","line one\r\nline two"\r\n+62812,Budi,\r\n';
    for (const size of [1, 2, 5, csv.length]) {
      const counter = new CsvRecordCounter();
      for (let i = 0; i < csv.length; i += size) counter.push(csv.slice(i, i + size));
      expect(counter.records).toBe(3);
    }
  });
});
