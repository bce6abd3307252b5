import { describe, expect, it } from "vitest";
import { displayView } from "./player-view";
import { previewGameOf, previewView, rundownOf, rundownPosition } from "./rundown";
import { hostMust, makeGame, makeQuestion, rightKeys, withPlayers } from "./__fixtures__/live-game";

describe("the rundown the staff prepare from", () => {
  it("lists every question in play order under the display's keys, with the correct ones and the explanation", () => {
    const game = makeGame();
    const rundown = rundownOf(game);
    expect(rundown.map((entry) => entry.revisionId)).toEqual(["rev-1", "rev-2", "rev-3"]);
    for (const entry of rundown) {
      expect(entry.options.map((option) => option.key)).toEqual(["A", "B", "C", "D"]);
      // makeQuestion writes the right option first; the key shows where the shuffle put it.
      const right = entry.options.find((option) => option.text.vi === "Đúng")!;
      expect(entry.correctKeys).toEqual([right.key]);
      expect(entry.correctKeys).toEqual(rightKeys(game, entry.index));
      expect(entry.explanation).toEqual({ vi: `Giải thích ${entry.index + 1}` });
    }
  });

  it("previews each question exactly as the display shows it when it opens, and holds no key", () => {
    let game = withPlayers(makeGame({ questions: [makeQuestion(1), makeQuestion(2, { type: "multiple" })] }), ["a"]);
    const rundown = rundownOf(game);
    game = hostMust(game, "start", 1_000);
    for (const entry of rundown) {
      const at = 2_000 * (entry.index + 1);
      game = hostMust(game, "next", at); // the countdown ends: the question opens
      const shown = displayView(game, at);
      const preview = previewView(previewGameOf(game), entry);
      expect(preview.question).toEqual({ ...shown.question, deadline: null, remainingMs: entry.timeLimitMs });
      expect(JSON.stringify(preview)).not.toContain("correct");
      game = hostMust(game, "next", at + 1); // reveal
      game = hostMust(game, "next", at + 2); // leaderboard
      if (entry.index + 1 < rundown.length) game = hostMust(game, "next", at + 3); // next countdown
    }
  });

  it("knows the current and next question from any staff view, the leaderboard included", () => {
    expect(rundownPosition({ phase: "lobby", question: null, countdown: null }, null, 3)).toEqual({ current: null, next: 0 });
    expect(rundownPosition({ phase: "countdown", question: null, countdown: { questionIndex: 1, endsAt: 0, remainingMs: 0 } }, 0, 3)).toEqual({ current: 1, next: 2 });
    expect(rundownPosition({ phase: "leaderboard", question: null, countdown: null }, 2, 3)).toEqual({ current: 2, next: null });
  });
});
