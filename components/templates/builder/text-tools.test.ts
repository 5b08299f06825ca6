import { describe, expect, it } from "vitest";
import { insertAt, wrapSelection } from "./text-tools";

describe("wrapSelection", () => {
  it("wraps the selected word in the format's marks and keeps it selected", () => {
    expect(wrapSelection("Hello world", 6, 11, "bold")).toEqual({ text: "Hello *world*", selection: [7, 12] });
    expect(wrapSelection("code", 0, 4, "mono")).toEqual({ text: "```code```", selection: [3, 7] });
  });
  it("puts an empty pair at the caret when nothing is selected", () => {
    expect(wrapSelection("ab", 1, 1, "italic")).toEqual({ text: "a__b", selection: [2, 2] });
  });
});

describe("insertAt", () => {
  it("replaces the selection and leaves the caret after the insert", () => {
    expect(insertAt("Hi X!", 3, 4, "{{1}}")).toEqual({ text: "Hi {{1}}!", selection: [8, 8] });
  });
});
