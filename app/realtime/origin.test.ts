import { describe, expect, it } from "vitest";
import { isOriginAllowed } from "./origin";

describe("Socket.IO origin check", () => {
  it("accepts the app's own origin and configured ones", () => {
    expect(isOriginAllowed("http://localhost:3000", "localhost:3000", [])).toBe(true);
    expect(isOriginAllowed("https://obs.example", "localhost:3000", ["https://obs.example"])).toBe(true);
  });

  it("refuses another site and malformed origins", () => {
    expect(isOriginAllowed("https://evil.example", "localhost:3000", [])).toBe(false);
    expect(isOriginAllowed("not a url", "localhost:3000", [])).toBe(false);
  });

  it("lets through clients that send no Origin", () => {
    expect(isOriginAllowed(undefined, "localhost:3000", [])).toBe(true);
  });
});
