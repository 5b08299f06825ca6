import { describe, expect, it } from "vitest";
import { attachmentFilename } from "./filename";

describe("attachmentFilename", () => {
  it("keeps the name, with the extension of what the file really is", () => {
    expect(attachmentFilename("Invoice March.pdf", "application/pdf")).toBe("Invoice March.pdf");
    expect(attachmentFilename("photo.webp", "image/jpeg")).toBe("photo.jpg");
    expect(attachmentFilename("scan.pdf", "image/png")).toBe("scan.png");
    expect(attachmentFilename("voice", "audio/ogg")).toBe("voice.ogg");
    expect(attachmentFilename("orders.CSV", "text/plain")).toBe("orders.csv");
    expect(attachmentFilename("notes.exe", "text/plain")).toBe("notes.txt");
  });

  it("drops folders, control characters, quotes and leading dots", () => {
    expect(
      attachmentFilename(
        "C:\\Users\\siti\\Desktop\\laporan.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      ),
    ).toBe("laporan.docx");
    expect(attachmentFilename('../../etc/"pass\r\nwd".txt', "text/plain")).toBe("passwd.txt");
    expect(attachmentFilename("...hidden.txt", "text/plain")).toBe("hidden.txt");
  });

  it("names a nameless file, and caps long names", () => {
    expect(attachmentFilename("", "image/jpeg")).toBe("attachment.jpg");
    expect(attachmentFilename(".pdf", "application/pdf")).toBe("attachment.pdf");
    const long = attachmentFilename(`${"a".repeat(500)}.pdf`, "application/pdf");
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long.endsWith(".pdf")).toBe(true);
  });
});
