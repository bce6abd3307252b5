import { describe, expect, it } from "vitest";
import { cuesBetween, type CueMoment } from "./sound-cues";

const question = (index: number, secondsLeft: number, paused = false): CueMoment => ({ phase: "question", questionIndex: index, secondsLeft, paused });
const countdown: CueMoment = { phase: "countdown", questionIndex: null, secondsLeft: null, paused: false };
const reveal = (index: number): CueMoment => ({ phase: "reveal", questionIndex: index, secondsLeft: null, paused: false });

/** Plays a sequence of moments as the display would see them, collecting the cues. */
function played(moments: CueMoment[]): string[] {
  return moments.flatMap((moment, index) => cuesBetween(index === 0 ? null : moments[index - 1], moment));
}

describe("sound cues on the display", () => {
  it("chimes when a question opens, ticks through the last five seconds, and sounds the reveal", () => {
    const seconds = [20, 19, 6, 5, 5, 4, 3, 2, 1, 0];
    expect(played([countdown, ...seconds.map((left) => question(0, left)), reveal(0)])).toEqual([
      "question-start",
      "tick",
      "tick",
      "tick",
      "tick",
      "last-tick",
      "reveal",
    ]);
  });

  it("plays nothing for the first snapshot a display receives, even mid-question", () => {
    expect(played([question(2, 3), question(2, 3)])).toEqual([]);
  });

  it("stays quiet while paused and does not tick again after a resume at the same second", () => {
    expect(played([countdown, question(0, 6), question(0, 4, true), question(0, 4), question(0, 3)])).toEqual(["question-start", "tick"]);
  });

  it("chimes for the next question even without a countdown between (a skipped one)", () => {
    expect(played([countdown, question(0, 9), question(1, 10)])).toEqual(["question-start", "question-start"]);
  });

  it("plays the reveal once, whatever snapshots repeat it", () => {
    expect(played([question(0, 2), reveal(0), reveal(0), { ...reveal(0), phase: "leaderboard", questionIndex: null }])).toEqual(["reveal"]);
  });
});
