import { describe, expect, it } from "vitest";
import { parsed, rawSingle, sampleTaxonomy } from "./__fixtures__/sample-questions";
import { canonicalJson, contentHash } from "./content-hash";
import { parseQuestionFile, questionSchema, questionToYaml } from "./question-file";

describe("canonicalJson", () => {
  it("sorts keys at every level, drops undefined members and normalises line endings", () => {
    expect(canonicalJson({ b: 1, a: { d: "x\r\ny", c: undefined, b: [2, { z: 1, y: 2 }] } })).toBe(
      '{"a":{"b":[2,{"y":2,"z":1}],"d":"x\\ny"},"b":1}',
    );
  });
});

describe("contentHash", () => {
  const base = parsed(rawSingle());

  it("is a fixed sha-256 for the same content", () => {
    expect(contentHash(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash(parsed(rawSingle()))).toBe(contentHash(base));
  });

  it("ignores key order, implicit defaults, CRLF, NFD input and surrounding spaces", () => {
    const reordered = Object.fromEntries(Object.entries(rawSingle()).reverse());
    expect(contentHash(questionSchema.parse(reordered))).toBe(contentHash(base));

    const spelledOut = rawSingle({
      status: "active",
      options: rawSingle().options.map((option) => ({ ...option, correct: option.correct ?? false })),
    });
    expect(contentHash(parsed(spelledOut))).toBe(contentHash(base));

    const messy = rawSingle({ prompt: { vi: `  ${base.prompt.vi.normalize("NFD")}\r\n`, en: base.prompt.en } });
    expect(contentHash(parsed(messy))).toBe(contentHash(base));
  });

  it("changes with any content a reader could see, retiring included", () => {
    const changes = [
      rawSingle({ prompt: { vi: "ASEAN được thành lập vào năm nào?", en: base.prompt.en } }),
      rawSingle({ status: "retired" }),
      rawSingle({ difficulty: "hard" }),
      rawSingle({ options: [...rawSingle().options].reverse() }),
    ];
    for (const change of changes) expect(contentHash(parsed(change))).not.toBe(contentHash(base));
  });

  it("survives writing the question as a file and reading it back", () => {
    const reread = parseQuestionFile("questions/asean-basics/asean-basics-0001.yaml", questionToYaml(base), sampleTaxonomy);
    expect(reread.ok).toBe(true);
    if (reread.ok) expect(contentHash(reread.value)).toBe(contentHash(base));
  });
});
