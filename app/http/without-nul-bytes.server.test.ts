import { PassThrough, type Writable } from "node:stream";
import { createElement } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { withoutNulBytes } from "./without-nul-bytes.server";

// Short Vietnamese attributes in a long list make React's 2 KB buffer end inside a character.
const page = createElement(
  "ul",
  null,
  Array.from({ length: 300 }, (_, index) => createElement("li", { key: index, "data-label": "Phường Võ Cường" }, "x")),
);

function render(into: (sink: Writable) => Writable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on("data", (chunk: Buffer) => chunks.push(chunk));
    sink.on("end", () => resolve(Buffer.concat(chunks)));
    const { pipe } = renderToPipeableStream(page, { onAllReady: () => pipe(into(sink)), onShellError: reject });
  });
}

describe("withoutNulBytes", () => {
  it("drops the NUL bytes React 18 leaves where a character did not fit its buffer, and nothing else", async () => {
    const raw = await render((sink) => sink);
    // The renderer of this React version does leave them (when it no longer does, this can go).
    expect(raw.includes(0)).toBe(true);
    const cleaned = await render((sink) => {
      const filter = withoutNulBytes();
      filter.pipe(sink);
      return filter;
    });
    expect(cleaned.includes(0)).toBe(false);
    expect(cleaned.equals(Buffer.from(raw.filter((byte) => byte !== 0)))).toBe(true);
    const text = cleaned.toString("utf8");
    expect(text).not.toContain("\uFFFD");
    expect(text.match(/data-label="Phường Võ Cường"/g)).toHaveLength(300);
  });
});
