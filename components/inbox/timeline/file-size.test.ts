import { describe, expect, it } from "vitest";
import { formatFileSize } from "./file-size";

describe("formatFileSize", () => {
  it("picks the unit and the locale's decimal mark", () => {
    expect(formatFileSize(512, "en")).toBe("512 B");
    expect(formatFileSize(1536, "en")).toBe("1.5 KB");
    expect(formatFileSize(1536, "id")).toBe("1,5 KB");
    expect(formatFileSize(25 * 1024 * 1024, "en")).toBe("25 MB");
  });
});
