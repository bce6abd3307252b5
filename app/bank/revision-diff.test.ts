import { describe, expect, it } from "vitest";
import { parsed, rawSingle } from "./__fixtures__/sample-questions";
import { diffRevisions, diffWords } from "./revision-diff";

describe("diffWords", () => {
  it("marks removed words on the left and added words on the right", () => {
    expect(diffWords("ASEAN có 10 thành viên", "ASEAN có 11 quốc gia thành viên")).toEqual({
      before: [
        { text: "ASEAN có ", changed: false },
        { text: "10", changed: true },
        { text: " thành viên", changed: false },
      ],
      after: [
        { text: "ASEAN có ", changed: false },
        { text: "11 quốc gia", changed: true },
        { text: " thành viên", changed: false },
      ],
    });
  });

  it("gives back each side's exact text when its segments are joined", () => {
    const before = "Hiệp định  ATIGA\nký năm 2009.";
    const after = "Hiệp định ATIGA được ký\nnăm 2009 tại Thái Lan.";
    const diff = diffWords(before, after);
    expect(diff.before.map((segment) => segment.text).join("")).toBe(before);
    expect(diff.after.map((segment) => segment.text).join("")).toBe(after);
  });

  it("shows a very long text as replaced whole", () => {
    const long = Array.from({ length: 600 }, (_, index) => `w${index}`).join(" ");
    expect(diffWords(long, `${long} thêm`)).toEqual({
      before: [{ text: long, changed: true }],
      after: [{ text: `${long} thêm`, changed: true }],
    });
  });
});

describe("diffRevisions", () => {
  const first = parsed(rawSingle());

  it("reports nothing changed between equal revisions", () => {
    const diff = diffRevisions(first, parsed(rawSingle()));
    expect(diff.changed).toBe(false);
    expect(diff.fields.every((field) => field.kind === "unchanged")).toBe(true);
    expect(diff.fields.map((field) => field.path).slice(0, 8)).toEqual([
      "id",
      "topic",
      "difficulty",
      "audiences",
      "type",
      "prompt.vi",
      "prompt.en",
      "options[0].vi",
    ]);
  });

  it("shows changed, added and removed fields, each at its place", () => {
    const options = rawSingle()
      .options.slice(0, 2)
      .map((option, index) => ({ ...option, correct: index === 1 }));
    const second = parsed(
      rawSingle({
        prompt: { vi: "ASEAN được thành lập vào năm nào?" },
        options,
        source: { title: "The ASEAN Declaration (Bangkok Declaration)", date: "1967-08-08" },
        status: "retired",
      }),
    );
    const diff = diffRevisions(first, second);
    const byPath = Object.fromEntries(diff.fields.map((field) => [field.path, field]));
    expect(diff.changed).toBe(true);
    expect(byPath["prompt.vi"]).toMatchObject({
      kind: "changed",
      before: [
        { text: "ASEAN được thành lập vào ", changed: false },
        { text: "ngày", changed: true },
        { text: " nào?", changed: false },
      ],
      after: [
        { text: "ASEAN được thành lập vào ", changed: false },
        { text: "năm", changed: true },
        { text: " nào?", changed: false },
      ],
    });
    expect(byPath["prompt.en"]).toMatchObject({ kind: "removed", after: [] });
    expect(byPath["options[0].correct"]).toMatchObject({ kind: "changed" });
    expect(byPath["options[2].vi"]).toMatchObject({ kind: "removed" });
    expect(byPath["source.url"].kind).toBe("removed");
    expect(byPath.status).toMatchObject({ kind: "changed", after: [{ text: "retired", changed: true }] });
    const paths = diff.fields.map((field) => field.path);
    expect(paths.indexOf("prompt.en")).toBe(paths.indexOf("prompt.vi") + 1);
    expect(paths.indexOf("options[2].vi")).toBeGreaterThan(paths.indexOf("options[1].correct"));
  });

  it("shows every field of a first revision as added", () => {
    const diff = diffRevisions(null, first);
    expect(diff.fields.every((field) => field.kind === "added" && field.before.length === 0)).toBe(true);
  });
});
