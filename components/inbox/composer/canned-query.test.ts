import { describe, expect, it } from "vitest";
import { cannedQueryAt, insertCanned } from "./canned-query";

describe("cannedQueryAt", () => {
  it("finds a slash at the start or after a space, up to the caret", () => {
    expect(cannedQueryAt("/", 1)).toEqual({ start: 0, query: "" });
    expect(cannedQueryAt("/ship", 5)).toEqual({ start: 0, query: "ship" });
    expect(cannedQueryAt("hi /tha", 7)).toEqual({ start: 3, query: "tha" });
    expect(cannedQueryAt("line\n/x", 7)).toEqual({ start: 5, query: "x" });
  });

  it("ignores slashes inside words, URLs, and after the word ended", () => {
    expect(cannedQueryAt("and/or", 6)).toBeNull();
    expect(cannedQueryAt("https://x.example/a", 19)).toBeNull();
    expect(cannedQueryAt("/ship now", 9)).toBeNull();
  });
});

describe("insertCanned", () => {
  it("replaces /query with the body and puts the caret after it", () => {
    const text = "Hello /tha, bye";
    const at = cannedQueryAt(text, 10)!;
    expect(insertCanned(text, at, "Thank you!")).toEqual({ text: "Hello Thank you!, bye", caret: 16 });
  });
});
