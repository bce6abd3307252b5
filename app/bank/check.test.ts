import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { sampleQuestions } from "./__fixtures__/sample-questions";
import { checkBankFiles, checkBankFolder, formatSummary, readBankFolder } from "./check";
import { formatIssue } from "./issues";
import { questionToYaml } from "./question-file";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "__fixtures__");

describe("checkBankFolder", () => {
  it("passes a valid bank and counts it per topic and difficulty", async () => {
    const result = await checkBankFolder(path.join(fixtures, "valid-bank"));
    expect(result.issues).toEqual([]);
    expect(result.questions.map((entry) => entry.file)).toEqual([
      "questions/asean-basics/asean-basics-0001.yaml",
      "questions/asean-basics/asean-basics-0002.yaml",
      "questions/economic/economic-0001.yaml",
    ]);
    expect(result.summary).toEqual({
      total: 3,
      active: 2,
      retired: 1,
      byTopic: [
        { topic: "asean-basics", byDifficulty: { easy: 1, medium: 0, hard: 0 }, total: 1 },
        { topic: "economic", byDifficulty: { easy: 0, medium: 0, hard: 1 }, total: 1 },
      ],
    });
    expect(formatSummary(result.summary).split("\n")).toEqual([
      "topic         easy  medium  hard  total",
      "asean-basics     1       0     0      1",
      "economic         0       0     1      1",
      "all active       1       0     1      2",
      "3 questions: 2 active, 1 retired",
    ]);
  });

  it("reports every problem of a broken bank, each naming its file and field", async () => {
    const result = await checkBankFolder(path.join(fixtures, "invalid-bank"));
    const basics = "questions/asean-basics";
    expect(result.issues.map(formatIssue)).toEqual([
      "questions/economic/notes.txt: unexpected-file",
      `${basics}/asean-basics-0001.yaml: options[2].vi: required`,
      `${basics}/asean-basics-0002.yaml: options: true-false-options`,
      `${basics}/asean-basics-0002.yaml: id: id-not-file-name (expected: asean-basics-0099.yaml)`,
      `${basics}/asean-basics-0003.yaml: difficulty: not-allowed-value (allowed: easy, medium, hard)`,
      `${basics}/asean-basics-0003.yaml: explanation: required`,
      `${basics}/asean-basics-0003.yaml: source: required`,
      `${basics}/asean-basics-0003.yaml: explaination: unknown-field`,
      `${basics}/asean-basics-0003.yaml: options: needs-a-correct-option`,
      `${basics}/asean-basics-0003.yaml: subtopic: unknown-subtopic (topic: economic, subtopic: tourism)`,
      `${basics}/asean-basics-0003.yaml: topic: topic-not-folder (expected: questions/economic/)`,
      `${basics}/asean-basics-0003.yaml: image: image-missing`,
      "questions/economic/economic-0001.yaml line 10: unreadable (detail: MISSING_CHAR)",
      "questions/economic/economic-0002.yaml: audiences[1]: duplicate-value",
      "questions/economic/economic-0002.yaml: source.url: invalid-format",
      "questions/economic/economic-0002.yaml: source.date: invalid-format",
      "questions/economic/economic-0002.yaml: options: needs-exactly-one-correct (correct: 2)",
      "questions/economic/economic-0004.yaml: id: id-not-file-name (expected: economic-0003.yaml)",
      "questions/economic/economic-0004.yaml: id: duplicate-id (other: questions/economic/economic-0003.yaml)",
      "questions/economic/economic-0004.yaml: prompt.vi: duplicate-prompt (other: questions/economic/economic-0003.yaml)",
    ]);
  });
});

describe("checkBankFiles", () => {
  const topics = `topics:\n  - { id: asean-basics, vi: A, en: A }\n  - id: economic\n    vi: E\n    en: E\n    subtopics:\n      - { id: free-trade, vi: F, en: F }\n`;
  const files = (questions: { path: string; text: string }[], topicsText: string | null = topics) => ({
    topics: topicsText,
    questions,
    otherFiles: [],
    images: new Set(["images/flag.png"]),
  });
  const asFile = (question: ReturnType<typeof sampleQuestions>[number]) => ({
    path: `questions/${question.topic}/${question.id}.yaml`,
    text: questionToYaml(question),
  });

  it("needs a readable topics.yaml before anything else", () => {
    const questions = sampleQuestions().map(asFile);
    expect(checkBankFiles(files(questions, null)).issues.map(formatIssue)).toEqual(["topics.yaml: required"]);
    expect(checkBankFiles(files(questions, "topics: [")).issues[0]).toMatchObject({ file: "topics.yaml", code: "unreadable" });
  });

  it("refuses a topic that topics.yaml does not list", () => {
    const [single] = sampleQuestions();
    const result = checkBankFiles(
      files([{ path: "questions/sport/asean-basics-0001.yaml", text: questionToYaml({ ...single, topic: "sport" }) }]),
    );
    expect(result.issues.map(formatIssue)).toEqual([
      "questions/sport/asean-basics-0001.yaml: topic: unknown-topic (topic: sport)",
    ]);
  });

  it("catches an English duplicate prompt too, whatever its case and punctuation", () => {
    const [single, multiple] = sampleQuestions();
    const copy = { ...multiple, prompt: { vi: "Một câu khác hẳn", en: `  ${single.prompt.en?.toUpperCase()}!!` } };
    const result = checkBankFiles(files([asFile(single), asFile(copy)]));
    expect(result.issues.map(formatIssue)).toEqual([
      "questions/economic/economic-0001.yaml: prompt.en: duplicate-prompt (other: questions/asean-basics/asean-basics-0001.yaml)",
    ]);
  });

  it("checks 1,000 files well within the time the CLI is allowed", () => {
    const [single] = sampleQuestions();
    const many = Array.from({ length: 1000 }, (_, index) => {
      const id = `asean-basics-${String(index).padStart(4, "0")}`;
      return asFile({ ...single, id, prompt: { vi: `Câu hỏi số ${index}: ASEAN được thành lập khi nào?` } });
    });
    const started = performance.now();
    const result = checkBankFiles(files(many));
    const elapsed = performance.now() - started;
    expect(result.issues).toEqual([]);
    expect(result.summary.active).toBe(1000);
    expect(elapsed).toBeLessThan(5000);
  });
});

describe("readBankFolder", () => {
  it("reads the topics, the question files, stray files and the images", async () => {
    const files = await readBankFolder(path.join(fixtures, "invalid-bank"));
    expect(files.topics).toContain("topics:");
    expect(files.questions.map((file) => file.path).sort()).toHaveLength(7);
    expect(files.otherFiles).toEqual(["questions/economic/notes.txt"]);
    expect(await readBankFolder(path.join(fixtures, "valid-bank")).then((bank) => [...bank.images])).toEqual(["images/flag.png"]);
  });
});
