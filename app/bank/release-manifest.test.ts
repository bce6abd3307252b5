import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { sampleQuestions } from "./__fixtures__/sample-questions";
import { checkBankFolder } from "./check";
import { countWarnings, qualityOfBank } from "./quality";
import { frozenReleaseToText, parseFrozenRelease, parseReleaseIndex, RELEASES_FOLDER, RELEASES_INDEX } from "./release-manifest";

const bankDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "question-bank");

describe("frozen release manifests", () => {
  it("read back exactly what was written, and refuse a file whose questions were edited", () => {
    const questions = sampleQuestions();
    const text = frozenReleaseToText("2026.9", questions);
    const read = parseFrozenRelease(text);
    expect(read.ok && read.value.questions).toEqual([...questions].sort((a, b) => a.id.localeCompare(b.id)));
    expect(parseFrozenRelease(text.replace("ASEAN ra đời", "ASEAN được thành lập"))).toEqual({
      ok: false,
      problem: "fingerprint mismatch: the file was edited",
    });
    expect(parseFrozenRelease("release: x\n")).toEqual({ ok: false, problem: "not a release manifest" });
  });
});

describe("question-bank/releases", () => {
  it("records each release's quality warnings, never more than the release before, and the files carry no more than the newest", async () => {
    const index = parseReleaseIndex(await readFile(path.join(bankDir, RELEASES_INDEX), "utf8"));
    const names = index.releases.map((release) => release.name);
    expect(names).toEqual([...new Set(names)]);
    for (const [position, release] of index.releases.entries()) {
      if (position > 0) expect(release.warnings).toBeLessThanOrEqual(index.releases[position - 1].warnings);
      if (release.frozen === undefined) {
        expect(position, "only the newest release may be the files as they are").toBe(index.releases.length - 1);
        continue;
      }
      const frozen = parseFrozenRelease(await readFile(path.join(bankDir, RELEASES_FOLDER, release.frozen), "utf8"));
      if (!frozen.ok) throw new Error(`${release.frozen}: ${frozen.problem}`);
      expect(frozen.value.release).toBe(release.name);
      const warnings = countWarnings(qualityOfBank(frozen.value.questions.map((question) => ({ question })))).total;
      expect(warnings, `warnings recorded for ${release.name}`).toBe(release.warnings);
    }
    const current = await checkBankFolder(bankDir);
    const newest = index.releases.at(-1)!;
    expect(countWarnings(current.quality).total, `the files may not carry more warnings than ${newest.name}`).toBeLessThanOrEqual(
      newest.warnings,
    );
  }, 60_000);
});
