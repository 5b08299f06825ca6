import { describe, expect, it } from "vitest";
import { StorageKeyError } from "./errors";
import { assertKey, extensionFor, keyBelongsTo, keyExtension, mediaKey, workspaceOfKey } from "./keys";

describe("mediaKey", () => {
  it("builds w/<workspaceId>/media/<mediaId>/<variant>.<ext>", () => {
    expect(mediaKey("cmws123", "cmmedia456", "original", "jpg")).toBe("w/cmws123/media/cmmedia456/original.jpg");
    expect(mediaKey("cmws123", "cmmedia456", "thumbnail", ".JPG")).toBe("w/cmws123/media/cmmedia456/thumbnail.jpg");
  });

  it.each([
    ["a workspace id with a slash", () => mediaKey("a/b", "m1", "original", "jpg")],
    ["a workspace id of ..", () => mediaKey("..", "m1", "original", "jpg")],
    ["an empty media id", () => mediaKey("ws1", "", "original", "jpg")],
    ["a media id with a dot", () => mediaKey("ws1", "../m1", "original", "jpg")],
    ["an extension with a slash", () => mediaKey("ws1", "m1", "original", "jpg/../../x")],
    ["an empty extension", () => mediaKey("ws1", "m1", "original", "")],
    ["an unknown variant", () => mediaKey("ws1", "m1", "huge" as "original", "jpg")],
  ])("refuses %s", (_label, build) => {
    expect(build).toThrow(StorageKeyError);
  });
});

describe("assertKey and friends", () => {
  it("accepts keys under w/<id>/ and tells their workspace", () => {
    expect(() => assertKey("w/ws_1-A/exports/2025-05.csv")).not.toThrow();
    expect(workspaceOfKey("w/ws1/media/m1/original.jpg")).toBe("ws1");
    expect(keyBelongsTo("w/ws1/media/m1/original.jpg", "ws1")).toBe(true);
    expect(keyBelongsTo("w/ws1/media/m1/original.jpg", "ws2")).toBe(false);
    expect(keyBelongsTo("w/ws1/../ws2/x", "ws1")).toBe(false);
  });

  it("refuses overly long keys", () => {
    const long = `w/ws1/${Array.from({ length: 6 }, () => "a".repeat(100)).join("/")}`;
    expect(long.length).toBeGreaterThan(512);
    expect(() => assertKey(long)).toThrow(StorageKeyError);
  });

  it("finds a key's extension", () => {
    expect(keyExtension("w/ws1/media/m1/thumbnail.JPG")).toBe("jpg");
    expect(keyExtension("w/ws1/media/m1/original")).toBeUndefined();
  });
});

describe("extensionFor", () => {
  it.each([
    ["image/jpeg", "jpg"],
    ["audio/ogg; codecs=opus", "ogg"],
    ["AUDIO/MPEG", "mp3"],
    ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"],
    ["application/x-unknown", "bin"],
    [null, "bin"],
  ])("%s → %s", (mimeType, ext) => {
    expect(extensionFor(mimeType)).toBe(ext);
  });
});
