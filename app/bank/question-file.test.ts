import { describe, expect, it } from "vitest";
import { rawMultiple, rawSingle, rawTrueFalse, sampleQuestions, sampleTaxonomy } from "./__fixtures__/sample-questions";
import { formatIssue } from "./issues";
import { parseQuestionFile, parseTopicsFile, questionToYaml, validateQuestion, type BankQuestionInput } from "./question-file";

const FILE = "questions/economic/economic-0003.yaml";

function issuesOf(raw: unknown): string[] {
  const result = validateQuestion(raw, sampleTaxonomy);
  return result.ok ? [] : result.issues.map(formatIssue);
}

describe("validateQuestion", () => {
  it("accepts one valid question of each type and fills in the defaults", () => {
    for (const raw of [rawSingle(), rawMultiple(), rawTrueFalse()]) expect(issuesOf(raw)).toEqual([]);
    const result = validateQuestion(rawSingle(), sampleTaxonomy);
    if (!result.ok) throw new Error("expected a valid question");
    expect(result.value.status).toBe("active");
    expect(result.value.options.map((option) => option.correct)).toEqual([true, false, false]);
  });

  it("names every missing Vietnamese text, the explanation and the source", () => {
    const raw: Record<string, unknown> = {
      ...rawSingle(),
      prompt: { en: "Only English" },
      options: [{ vi: "  ", correct: true }, { vi: "Hai" }],
    };
    delete raw.explanation;
    delete raw.source;
    expect(issuesOf(raw)).toEqual([
      "prompt.vi: required",
      "options[0].vi: required",
      "explanation: required",
      "source: required",
    ]);
  });

  it("requires a source title and a document date of the form YYYY, YYYY-MM or YYYY-MM-DD", () => {
    expect(issuesOf(rawSingle({ source: { title: "", date: "8/8/1967" } }))).toEqual([
      "source.title: required",
      "source.date: invalid-format",
    ]);
    for (const date of ["1967", "1967-08", "1967-08-08"]) {
      expect(issuesOf(rawSingle({ source: { title: "Tuyên bố Bangkok", date } }))).toEqual([]);
    }
    expect(issuesOf(rawSingle({ source: { title: "T", date: "1967-00" } }))).toEqual(["source.date: invalid-format"]);
    expect(issuesOf(rawSingle({ source: { title: "T", date: "1967", url: "javascript:alert(1)" } }))).toEqual([
      "source.url: invalid-format",
    ]);
  });

  it("allows 2 to 6 options", () => {
    const option = (n: number) => ({ vi: `Phương án ${n}`, correct: n === 1 });
    expect(issuesOf(rawSingle({ options: [option(1)] }))).toEqual(["options: too-few (minimum: 2)"]);
    expect(issuesOf(rawSingle({ options: [1, 2, 3, 4, 5, 6, 7].map(option) }))).toEqual(["options: too-many (maximum: 6)"]);
    expect(issuesOf(rawSingle({ options: [1, 2, 3, 4, 5, 6].map(option) }))).toEqual([]);
  });

  it("wants exactly one correct option for single and true-false, at least one for multiple", () => {
    const options = rawSingle().options.map((option) => ({ ...option, correct: true }));
    expect(issuesOf(rawSingle({ options }))).toEqual(["options: needs-exactly-one-correct (correct: 3)"]);
    const none = rawSingle().options.map((option) => ({ ...option, correct: false }));
    expect(issuesOf(rawSingle({ options: none }))).toEqual(["options: needs-exactly-one-correct (correct: 0)"]);
    expect(issuesOf(rawMultiple({ options: none }))).toEqual(["options: needs-a-correct-option"]);
    expect(issuesOf(rawMultiple({ options }))).toEqual([]);
    const bothTrue = [
      { vi: "Đúng", correct: true },
      { vi: "Sai", correct: true },
    ];
    expect(issuesOf(rawTrueFalse({ options: bothTrue }))).toEqual(["options: needs-exactly-one-correct (correct: 2)"]);
  });

  it("wants a true-false question's options to be exactly Đúng / Sai, in that order", () => {
    expect(issuesOf(rawTrueFalse({ options: [{ vi: "Sai" }, { vi: "Đúng", correct: true }] }))).toEqual([
      "options: true-false-options",
    ]);
    expect(issuesOf(rawTrueFalse({ options: [{ vi: "Đúng", correct: true }, { vi: "Sai" }, { vi: "Không biết" }] }))).toEqual([
      "options: true-false-options",
    ]);
    expect(issuesOf(rawTrueFalse({ options: [{ vi: "Đúng", en: "Yes", correct: true }, { vi: "Sai" }] }))).toEqual([
      "options: true-false-options",
    ]);
    expect(issuesOf(rawTrueFalse({ options: [{ vi: "Đúng", correct: true }, { vi: "Sai" }] }))).toEqual([]);
  });

  it("checks the topic and the subtopic against the taxonomy, even when other fields are wrong", () => {
    expect(issuesOf(rawSingle({ topic: "sport" }))).toEqual(["topic: unknown-topic (topic: sport)"]);
    expect(issuesOf(rawSingle({ subtopic: "free-trade" }))).toEqual([
      "subtopic: unknown-subtopic (topic: asean-basics, subtopic: free-trade)",
    ]);
    expect(issuesOf(rawSingle({ topic: "sport", difficulty: "extreme" as BankQuestionInput["difficulty"] }))).toEqual([
      "difficulty: not-allowed-value (allowed: easy, medium, hard)",
      "topic: unknown-topic (topic: sport)",
    ]);
  });

  it("refuses unknown fields, bad ids, audiences, localities and image paths", () => {
    expect(issuesOf({ ...rawSingle(), explaination: { vi: "x" } })).toEqual(["explaination: unknown-field"]);
    expect(issuesOf(rawSingle({ id: "ASEAN 1" }))).toEqual(["id: invalid-format"]);
    expect(issuesOf(rawSingle({ audiences: [] }))).toEqual(["audiences: too-few (minimum: 1)"]);
    expect(issuesOf(rawSingle({ audiences: ["public", "public"] }))).toEqual(["audiences[1]: duplicate-value"]);
    expect(issuesOf(rawSingle({ audiences: ["adults" as "public"] }))).toEqual([
      "audiences[0]: not-allowed-value (allowed: lower-secondary, upper-secondary, university, young-workers, public)",
    ]);
    expect(issuesOf(rawSingle({ locality: "Bắc Giang" }))).toEqual(["locality: invalid-format"]);
    expect(issuesOf(rawSingle({ image: "../secret.png" }))).toEqual(["image: invalid-format"]);
    expect(issuesOf(rawSingle({ type: "essay" as "single" }))).toEqual([
      "type: not-allowed-value (allowed: single, multiple, true-false)",
    ]);
  });

  it("reports a field of the wrong type apart from a missing one", () => {
    expect(issuesOf(rawSingle({ options: "A, B" as unknown as BankQuestionInput["options"] }))).toEqual([
      "options: wrong-type (expected: array)",
    ]);
    expect(issuesOf("just text")).toEqual(["wrong-type (expected: object)"]);
  });
});

describe("parseQuestionFile", () => {
  it("names the file and the field path in every issue", () => {
    const text = questionToYaml(sampleQuestions()[1]).replace("- vi: NAFTA", "- en: NAFTA");
    const result = parseQuestionFile(FILE, text, sampleTaxonomy);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map(formatIssue)).toEqual([`${FILE}: options[2].vi: required`]);
  });

  it("reports a YAML syntax error with its line, and duplicate keys", () => {
    const text =
      "id: economic-0003\nsource:\n  title: Factsheet\n  locator: “Entry into force”; AANZFTA “Effective date: 2010”\n";
    const broken = parseQuestionFile(FILE, text, sampleTaxonomy);
    expect(broken.ok).toBe(false);
    if (!broken.ok)
      expect(broken.issues.map(formatIssue)).toEqual([`${FILE} line 4: unreadable (detail: BLOCK_AS_IMPLICIT_KEY)`]);
    const twice = parseQuestionFile(FILE, "id: a\nid: b\n", sampleTaxonomy);
    expect(twice.ok || twice.issues[0].code).toBe("unreadable");
  });

  it("keeps numbers and True/False typed without quotes as the text written", () => {
    const text = questionToYaml(sampleQuestions()[2])
      .replace('date: "1995"', "date: 1995")
      .replace('en: "True"', "en: True")
      .replace('en: "False"', "en: False")
      .replace("vi: Việt Nam gia nhập ASEAN năm 1995.", "vi: 1.50");
    expect(text).toContain("date: 1995\n");
    expect(text).toContain("en: True\n");
    const result = parseQuestionFile("questions/asean-basics/asean-basics-0002.yaml", text, sampleTaxonomy);
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join("\n"));
    expect(result.value.source.date).toBe("1995");
    expect(result.value.prompt.vi).toBe("1.50");
    expect(result.value.options).toEqual([
      { vi: "Đúng", en: "True", correct: true },
      { vi: "Sai", en: "False", correct: false },
    ]);
  });
});

describe("questionToYaml", () => {
  it("writes a file that reads back to the same question", () => {
    for (const question of sampleQuestions()) {
      const result = parseQuestionFile(
        `questions/${question.topic}/${question.id}.yaml`,
        questionToYaml(question),
        sampleTaxonomy,
      );
      expect(result.ok && result.value).toEqual(question);
    }
  });

  it("lays the file out like the README: flow audiences, correct only when true, no default status", () => {
    const [single, , trueFalse] = sampleQuestions();
    const text = questionToYaml(single);
    expect(
      text.startsWith(
        "id: asean-basics-0001\ntopic: asean-basics\ndifficulty: easy\naudiences: [ lower-secondary, public ]\ntype: single\n",
      ),
    ).toBe(true);
    expect(text.match(/correct:/g)).toHaveLength(1);
    expect(text).not.toContain("status:");
    expect(questionToYaml(trueFalse)).toContain("status: retired\n");
  });
});

describe("parseTopicsFile", () => {
  it("reads the taxonomy and refuses repeated ids", () => {
    const ok = parseTopicsFile("topics:\n  - id: a\n    vi: A\n    en: A\n    subtopics:\n      - { id: x, vi: X, en: X }\n");
    expect(ok.ok && ok.value.topics[0].subtopics?.[0].id).toBe("x");
    const repeated = parseTopicsFile("topics:\n  - { id: a, vi: A, en: A }\n  - { id: a, vi: B, en: B }\n");
    expect(repeated.ok ? [] : repeated.issues.map(formatIssue)).toEqual(["topics.yaml: topics[1].id: duplicate-value"]);
  });
});
