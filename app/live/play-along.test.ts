import { describe, expect, it } from "vitest";
import { fire, hostMust, join, makeGame, must, rightKeys, wrongKey } from "./__fixtures__/live-game";
import type { GameState } from "./game-state";
import { nextAiringAt, unscoredHomeQuestions } from "./play-along";
import type { DelayPath } from "./play-along-state";
import { airedState, homePlayerView } from "./play-along-views";
import { playAlongSummary } from "./play-along-summary";
import { hostView, playerView } from "./player-view";
import { homeAudienceView } from "./home-display";
import { restoreAfterRestart } from "./restore";
import { displayView } from "./player-view";
import { transition } from "./transition";

// TV play-along with a fake clock: two paths, a terrestrial one 2 s behind the studio and an
// internet stream 20 s behind. Question 0 opens in the studio at 10 s and closes at 20.5 s
// (10 s to answer and the 0.5 s grace), so it is open on the terrestrial path from 12 s to
// 22.5 s and on the stream from 30 s to 40.5 s.

const PATHS: DelayPath[] = [
  { id: "tv", name: "Truyền hình mặt đất", delayMs: 2_000 },
  { id: "web", name: "Internet", delayMs: 20_000 },
];

function homeJoin(state: GameState, playerId: string, pathId: string, now = 0): GameState {
  return must(state, { type: "home-player-joined", playerId, name: `Nhà ${playerId}`, unit: null, pathId }, now).state;
}

/** Fires the airing timer at every moment it is due up to `until`, as the runner would. */
function airUntil(state: GameState, until: number): GameState {
  let current = state;
  for (let at = nextAiringAt(current); at !== null && at <= until; at = nextAiringAt(current)) {
    current = must(current, { type: "paths-aired" }, at).state;
  }
  return current;
}

function homeAnswer(state: GameState, playerId: string, key: string, now: number, questionIndex = 0) {
  return transition(state, { type: "answer-submitted", playerId, answerId: `${playerId}-${now}`, questionIndex, optionIds: [key] }, now);
}

function homeOf(state: GameState, playerId: string) {
  return state.playAlong!.players.find((player) => player.id === playerId)!;
}

/**
 * The studio's only player answers; on a show played along at home that does not close the question
 * (the clock runs on for the home audience), so the host closes it by hand at the same moment.
 */
function studioAnswersAndHostCloses(state: GameState, key: string, now: number): GameState {
  const answered = must(state, { type: "answer-submitted", playerId: "studio-1", answerId: "s", questionIndex: 0, optionIds: [key] }, now).state;
  expect(answered.phase.name).toBe("question");
  return hostMust(answered, "next", now);
}

/** A game with one studio player and home players on both paths, question 0 open in the studio at 10 s. */
function gameOnAir(): GameState {
  let state = must(makeGame(), { type: "play-along-configured", paths: PATHS }, 0).state;
  state = join(state, "studio-1", 0);
  for (const [id, path] of [["tv-1", "tv"], ["tv-2", "tv"], ["tv-3", "tv"], ["web-1", "web"], ["web-2", "web"], ["web-3", "web"]]) {
    state = homeJoin(state, id, path);
  }
  state = hostMust(state, "start", 7_000);
  const opened = fire(state, 10_000);
  expect(opened.state.phase).toMatchObject({ name: "question", openedAt: 10_000, deadline: 20_000 });
  return opened.state;
}

describe("TV play-along: a window per distribution path", () => {
  it("opens each path's window when the question airs there and closes it the same time later", () => {
    let state = airUntil(gameOnAir(), 10_000);
    const right = rightKeys(state, 0)[0];

    // Terrestrial: one millisecond before its opening airs, then at the opening.
    expect(homeAnswer(state, "tv-1", right, 11_999).code).toBe("not-in-question");
    state = airUntil(state, 12_000);
    const tvAccepted = homeAnswer(state, "tv-1", right, 12_000);
    expect(tvAccepted.code).toBe("accepted");
    state = tvAccepted.state;
    expect(homeOf(state, "tv-1").answer).toMatchObject({ questionIndex: 0, elapsedMs: 0 });

    // The studio's window closes at 20.5 s; the studio's player never answered.
    state = airUntil(state, 20_000);
    state = fire(state, 20_500).state;
    expect(state.phase).toMatchObject({ name: "reveal", questionIndex: 0 });

    // Terrestrial closes at 22.5 s: the last millisecond counts, the closing moment does not.
    const lastMoment = homeAnswer(state, "tv-2", right, 22_499);
    expect(lastMoment.code).toBe("accepted");
    state = lastMoment.state;
    expect(homeOf(state, "tv-2").answer?.elapsedMs).toBe(10_000);
    expect(homeAnswer(state, "tv-3", right, 22_500).code).toBe("too-late");

    // The stream has not even shown the question yet.
    expect(homeAnswer(state, "web-1", right, 29_999).code).toBe("not-in-question");
    state = airUntil(state, 30_000);
    // Its time to answer is counted from the opening on its own screen: 4 s, not 24 s.
    const webAnswer = homeAnswer(state, "web-1", right, 34_000);
    expect(webAnswer.code).toBe("accepted");
    state = webAnswer.state;
    expect(homeOf(state, "web-1").answer?.elapsedMs).toBe(4_000);
    const webLast = homeAnswer(state, "web-2", wrongKey(state, 0), 40_499);
    expect(webLast.code).toBe("accepted");
    state = webLast.state;
    expect(homeAnswer(state, "web-3", right, 40_500).code).toBe("too-late");
  });

  it("scores each path when its reveal airs, on a board apart from the studio's", () => {
    let state = airUntil(gameOnAir(), 12_000);
    const right = rightKeys(state, 0)[0];
    state = studioAnswersAndHostCloses(state, right, 10_500);
    // The host closed the question in the studio at once; home windows run on.
    expect(state.phase.name).toBe("reveal");
    state = homeAnswer(state, "tv-1", right, 12_100).state;
    state = airUntil(state, 22_500);
    expect(homeOf(state, "tv-1").score).toBe(1_000);
    expect(homeOf(state, "web-1").lastOutcome).toBeNull();
    expect(state.players.map((player) => player.id)).toEqual(["studio-1"]);

    state = airUntil(state, 30_000);
    state = homeAnswer(state, "web-1", wrongKey(state, 0), 30_200).state;
    state = airUntil(state, 40_500);
    expect(homeOf(state, "web-1").lastOutcome).toMatchObject({ answered: true, correct: false, points: 0 });

    const summary = playAlongSummary(state, true)!;
    expect(summary.players).toBe(6);
    expect(summary.result).toMatchObject({ questionIndex: 0, answeredCount: 2, correctCount: 1, pathsScored: 2 });
    expect(summary.leaderboard![0]).toMatchObject({ playerId: "tv-1", score: 1_000, pathName: "Truyền hình mặt đất" });
    // The studio's own board holds no home player.
    state = hostMust(state, "next", 31_000);
    expect(hostView(state, 31_000).leaderboard!.map((row) => row.playerId)).toEqual(["studio-1"]);
  });

  it("keeps each path's window open the full time limit when the studio closes early, and airs its reveal after", () => {
    let state = airUntil(gameOnAir(), 12_000);
    const right = rightKeys(state, 0)[0];
    // The one studio contestant answers at once: the studio reveals at 10.5 s and moves on.
    state = studioAnswersAndHostCloses(state, right, 10_500);
    expect(state.phase).toMatchObject({ name: "reveal", questionIndex: 0 });
    state = hostMust(state, "next", 11_000);
    state = hostMust(state, "next", 11_500);
    expect(state.phase).toMatchObject({ name: "countdown", questionIndex: 1 });

    // Terrestrial: open 12 s → 22 s (+0.5 s grace), as if the studio had run the whole 10 s.
    state = airUntil(state, 22_499);
    expect(airedState(state, "tv")!.phase).toMatchObject({ name: "question", questionIndex: 0, deadline: 22_000 });
    expect(homePlayerView(state, "tv-1", 22_000)!.view.result).toBeNull();
    const late = homeAnswer(state, "tv-1", right, 22_499);
    expect(late.code).toBe("accepted");
    state = late.state;
    expect(homeOf(state, "tv-1").answer?.elapsedMs).toBe(10_000);
    expect(homeAnswer(state, "tv-2", right, 22_500).code).toBe("too-late");

    // Its reveal airs when its window closed, never before; then what the studio did meanwhile, in order.
    expect(nextAiringAt(state)).toBe(22_500);
    const phases: string[] = [];
    for (let at = nextAiringAt(state); at !== null && at <= 22_500; at = nextAiringAt(state)) {
      state = must(state, { type: "paths-aired" }, 22_500).state;
      phases.push(airedState(state, "tv")!.phase.name);
    }
    expect(phases).toEqual(["reveal", "leaderboard", "countdown"]);
    expect(homeOf(state, "tv-1").lastOutcome).toMatchObject({ questionIndex: 0, answered: true, correct: true, points: 500 });

    // The stream: open 30 s → 40.5 s, its reveal at 40.5 s.
    state = airUntil(state, 40_499);
    expect(airedState(state, "web")!.phase).toMatchObject({ name: "question", questionIndex: 0, deadline: 40_000 });
    state = homeAnswer(state, "web-1", right, 39_000).state;
    expect(homeOf(state, "web-1").answer?.elapsedMs).toBe(9_000);
    state = airUntil(state, 40_500);
    expect(airedState(state, "web")!.phase.name).not.toBe("question");
    expect(homeOf(state, "web-1").lastOutcome).toMatchObject({ questionIndex: 0, correct: true });
  });

  it("measures the next question on a path from its own opening when a held reveal delayed it", () => {
    let state = airUntil(gameOnAir(), 12_000);
    const right = rightKeys(state, 0)[0];
    state = studioAnswersAndHostCloses(state, right, 10_500);
    state = hostMust(state, "next", 11_000);
    state = hostMust(state, "next", 11_500);
    // Question 1 opens in the studio at 14.5 s; on the terrestrial path it cannot before 22.5 s.
    state = fire(state, 14_500).state;
    expect(state.phase).toMatchObject({ name: "question", questionIndex: 1, openedAt: 14_500 });
    state = airUntil(state, 22_500);
    expect(airedState(state, "tv")!.phase).toMatchObject({ name: "question", questionIndex: 1, openedAt: 22_500, deadline: 32_500 });
    const right1 = rightKeys(state, 1)[0];
    const answered = homeAnswer(state, "tv-2", right1, 25_500, 1);
    expect(answered.code).toBe("accepted");
    expect(homeOf(answered.state, "tv-2").answer?.elapsedMs).toBe(3_000);
    expect(homeAnswer(answered.state, "tv-3", right1, 32_999, 1).code).toBe("accepted");

    // A pause 1.5 s into the studio's question airs 1.5 s into the path's, and the resume keeps
    // the path's lag: the path loses none of its 10 s.
    let paused = hostMust(answered.state, "pause", 16_000);
    paused = hostMust(paused, "resume", 20_000);
    expect(homeAnswer(airUntil(paused, 27_999), "tv-1", right1, 27_999, 1).code).toBe("paused");
    paused = airUntil(paused, 28_000);
    expect(airedState(paused, "tv")!.phase).toMatchObject({ name: "question", questionIndex: 1, deadline: 36_500 });
    expect(homeAnswer(paused, "tv-1", right1, 36_999, 1).code).toBe("accepted");
    expect(homeAnswer(paused, "tv-1", right1, 37_000, 1).code).toBe("too-late");
  });

  it("names, for a restart, every question whose home answers may still wait for a path's reveal", () => {
    let state = airUntil(gameOnAir(), 12_000);
    const right = rightKeys(state, 0)[0];
    state = studioAnswersAndHostCloses(state, right, 10_500);
    state = hostMust(state, "next", 11_000);
    state = hostMust(state, "next", 11_500);
    state = fire(state, 14_500).state;
    // The studio asks question 1 while both paths still hold question 0 open.
    expect(unscoredHomeQuestions(state)).toEqual([0, 1]);
    state = airUntil(state, 40_500);
    expect(unscoredHomeQuestions(state)).toEqual([1]);
  });

  it("keeps the question running on the home audience's overlay to the full time after an early studio close", () => {
    let state = airUntil(gameOnAir(), 12_000);
    const right = rightKeys(state, 0)[0];
    state = studioAnswersAndHostCloses(state, right, 10_500);
    // The studio's own screen reveals at once; the overlay aired to the homes keeps the question,
    // its clock running to the studio's full time (on each path it airs that path's delay later).
    const studio = displayView(state, 15_000);
    expect(studio.phase).toBe("reveal");
    const overlay = homeAudienceView(studio);
    expect(overlay).toMatchObject({ phase: "question", result: null, question: { index: 0, deadline: 20_000, remainingMs: 5_000 } });
    expect(JSON.stringify(overlay)).not.toMatch(/correct/);
    // At the full time it reveals, with the home histogram as the paths are scored.
    expect(homeAudienceView(studio, 20_500).phase).toBe("reveal");
    state = airUntil(state, 40_500);
    expect(homeAudienceView(displayView(state, 40_500)).result).toMatchObject({ answeredCount: 0 });
  });

  it("airs every due step on a path, in order, when the airing timer fires late", () => {
    let state = airUntil(gameOnAir(), 12_000);
    state = airUntil(state, 20_000);
    state = fire(state, 20_500).state;
    state = hostMust(state, "next", 20_600);
    state = hostMust(state, "next", 20_700);
    // The terrestrial path's reveal (22.5 s), leaderboard (22.6 s) and countdown (22.7 s) are all
    // due when a busy event loop lets the timer fire at 23 s: none of them is skipped.
    const seen: { phase: string; broadcast: boolean }[] = [];
    for (let at = nextAiringAt(state); at !== null && at <= 23_000; at = nextAiringAt(state)) {
      const aired = must(state, { type: "paths-aired" }, 23_000);
      state = aired.state;
      seen.push({ phase: airedState(state, "tv")!.phase.name, broadcast: aired.effects.some((effect) => effect.type === "broadcast-path" && effect.pathId === "tv") });
    }
    expect(seen).toEqual([
      { phase: "reveal", broadcast: true },
      { phase: "leaderboard", broadcast: true },
      { phase: "countdown", broadcast: true },
    ]);
    expect(airedState(state, "web")!.phase.name).toBe("lobby");
  });

  it("asks for the home players' points to be written when their path is scored", () => {
    let state = airUntil(gameOnAir(), 12_000);
    const right = rightKeys(state, 0)[0];
    state = homeAnswer(state, "tv-1", right, 12_000).state;
    state = airUntil(state, 20_000);
    state = fire(state, 20_500).state;
    const aired = must(state, { type: "paths-aired" }, 22_500);
    expect(aired.effects).toContainEqual({ type: "persist-scores", pathIds: ["tv"] });
  });

  it("sends a path nothing of a question before it airs there", () => {
    let state = airUntil(gameOnAir(), 12_000);
    const prompt = state.questions[0].prompt.vi;
    const tvView = homePlayerView(state, "tv-1", 12_000)!.view;
    expect(tvView.question).toMatchObject({ index: 0, deadline: 22_000 });
    const webView = homePlayerView(state, "web-1", 12_000)!.view;
    expect(webView.phase).toBe("lobby");
    expect(JSON.stringify(webView)).not.toContain(prompt);
    // A home player gets nothing from the studio's own views either.
    expect(playerView(state, "web-1", 12_000)).toBeNull();

    state = airUntil(state, 30_000);
    expect(homePlayerView(state, "web-1", 30_000)!.view.question).toMatchObject({ index: 0, deadline: 40_000 });
    // Before any reveal on a path, nothing in its view tells which option is right.
    for (const pathId of ["tv", "web"]) {
      expect(airedState(state, pathId)!.phase.name).toBe("question");
      expect(JSON.stringify(homePlayerView(state, `${pathId}-1`, 30_000)!.view)).not.toMatch(/correct|-right|-wrong/);
    }
  });

  it("refuses a change of path once the game has started, allows it in the lobby", () => {
    let state = must(makeGame(), { type: "play-along-configured", paths: PATHS }, 0).state;
    state = homeJoin(state, "h", "tv");
    const moved = must(state, { type: "home-path-changed", playerId: "h", pathId: "web" }, 100);
    expect(homeOf(moved.state, "h").pathId).toBe("web");
    expect(transition(moved.state, { type: "home-path-changed", playerId: "h", pathId: "nowhere" }, 200).code).toBe("unknown-path");

    // A game with only home players may start.
    const started = hostMust(moved.state, "start", 1_000);
    const refused = transition(started, { type: "home-path-changed", playerId: "h", pathId: "tv" }, 1_500);
    expect(refused).toMatchObject({ ok: false, code: "path-locked" });
    expect(refused.state).toBe(started);
    expect(transition(started, { type: "play-along-configured", paths: PATHS }, 1_500).code).toBe("path-locked");
  });

  it("voids a skipped question on every path and lets the next one be answered", () => {
    let state = airUntil(gameOnAir(), 12_000);
    state = hostMust(state, "skip", 13_000);
    expect(state.phase).toMatchObject({ name: "countdown", questionIndex: 1 });
    state = fire(state, 16_000).state;
    state = airUntil(state, 36_000);
    const right = rightKeys(state, 1)[0];
    const answered = homeAnswer(state, "web-1", right, 36_500, 1);
    expect(answered.code).toBe("accepted");
    expect(homeAnswer(answered.state, "web-2", right, 36_500, 0).code).toBe("too-late");
  });

  it("puts a stored home answer back after a restart, and airs on", () => {
    let state = airUntil(gameOnAir(), 12_000);
    const right = rightKeys(state, 0)[0];
    const answered = homeAnswer(state, "tv-1", right, 12_300);
    const row = answered.effects.find((effect) => effect.type === "persist-answer")!;
    if (row.type !== "persist-answer") throw new Error("no answer row");
    // The process died with the snapshot from before the answer; the row is in the answers table.
    const restored = restoreAfterRestart(state, 13_000, [row.answer]);
    expect(homeOf(restored.state, "tv-1").answer).toMatchObject({ questionIndex: 0, elapsedMs: 300 });
    expect(homeOf(restored.state, "tv-1").connected).toBe(false);
    expect(restored.effects).toContainEqual({ type: "schedule-airing", at: 27_000 });
  });

  it("shows the display the home audience's histogram and top ten on request", () => {
    let state = airUntil(gameOnAir(), 12_000);
    const right = rightKeys(state, 0)[0];
    state = homeAnswer(state, "tv-1", right, 12_000).state;
    state = homeAnswer(state, "tv-2", wrongKey(state, 0), 13_000).state;
    state = fire(state, 20_500).state;
    state = airUntil(state, 22_500);
    const studio = displayView(state, 22_500);
    expect(studio.result!.answeredCount).toBe(0);
    const home = homeAudienceView(studio);
    expect(home.result).toMatchObject({ answeredCount: 2, correctCount: 1 });
    expect(home.result!.histogram[right]).toBe(1);
    state = hostMust(state, "next", 23_000);
    const board = homeAudienceView(displayView(state, 23_000)).leaderboard!;
    expect(board.map((row) => row.playerId).slice(0, 2)).toEqual(["tv-1", "tv-2"]);
    expect(board[0].unitName).toBe("Truyền hình mặt đất");
  });
});
