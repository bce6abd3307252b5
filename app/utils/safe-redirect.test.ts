import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps paths of this app, with their query and fragment", () => {
    expect(safeRedirectPath("/rounds", "/")).toBe("/rounds");
    expect(safeRedirectPath("/rounds/abc?tab=results#top", "/")).toBe("/rounds/abc?tab=results#top");
    expect(safeRedirectPath("/r/CODE123", "/")).toBe("/r/CODE123");
    expect(safeRedirectPath("/search?q=%C4%91%E1%BB%8Ba", "/")).toBe("/search?q=%C4%91%E1%BB%8Ba");
  });

  it.each([
    "/%09/evil.example",
    "/\t/evil.example",
    "//evil.example",
    "//evil.example/path",
    "/\\evil.example",
    "/%5Cevil.example",
    "/%2F/evil.example",
    "https://evil.example/",
    "http:evil.example",
    "javascript:alert(1)",
    "evil.example",
    "/\n/evil.example",
    "/%0a/evil.example",
    "/%E0%A4%A",
  ])("refuses %j: the resolved origin is not the app's own", (value) => {
    expect(safeRedirectPath(value, "/home")).toBe("/home");
  });

  it("falls back on a missing value or a file", () => {
    expect(safeRedirectPath(null, "/me")).toBe("/me");
    expect(safeRedirectPath(undefined, "/me")).toBe("/me");
    expect(safeRedirectPath("", "/me")).toBe("/me");
    expect(safeRedirectPath(new File([""], "x"), "/me")).toBe("/me");
  });
});
