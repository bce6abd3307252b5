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
// 22.5 s and on the stream from 30 s to 40.5 s. When the host closes it by hand, each path's
// window closes as that close airs there: what the viewers see on television.

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
    // The host closed the question in the studio at 10.5 s: each path's window closes as that airs there.
    expect(state.phase.name).toBe("reveal");
    state = homeAnswer(state, "tv-1", right, 12_100).state;
    state = airUntil(state, 12_500);
    expect(homeOf(state, "tv-1").score).toBe(1_000);
    expect(homeOf(state, "web-1").lastOutcome).toBeNull();
    expect(state.players.map((player) => player.id)).toEqual(["studio-1"]);

    state = airUntil(state, 30_000);
    state = homeAnswer(state, "web-1", wrongKey(state, 0), 30_200).state;
    state = airUntil(state, 30_500);
    expect(homeOf(state, "web-1").lastOutcome).toMatchObject({ answered: true, correct: false, points: 0 });

    const summary = playAlongSummary(state, true)!;
    expect(summary.players).toBe(6);
    expect(summary.result).toMatchObject({ questionIndex: 0, answeredCount: 2, correctCount: 1, pathsScored: 2 });
    expect(summary.leaderboard![0]).toMatchObject({ playerId: "tv-1", score: 1_000, pathName: "Truyền hình mặt đất" });
    // The studio's own board holds no home player.
    state = hostMust(state, "next", 31_000);
    expect(hostView(state, 31_000).leaderboard!.map((row) => row.playerId)).toEqual(["studio-1"]);
  });

  it("keeps a question open when every studio contestant has answered: the clock or the host closes it", () => {
    let state = airUntil(gameOnAir(), 12_000);
    const answered = must(state, { type: "answer-submitted", playerId: "studio-1", answerId: "s", questionIndex: 0, optionIds: [rightKeys(state, 0)[0]] }, 10_500);
    expect(answered.state.phase).toMatchObject({ name: "question", answeredCount: 1, expectedCount: 1 });
    expect(answered.effects.some((effect) => effect.type === "broadcast")).toBe(false);
    state = fire(answered.state, 20_500).state;
    expect(state.phase).toMatchObject({ name: "reveal", questionIndex: 0 });
  });

  it("closes each path's window when the host's close airs there, and airs its reveal then, never before", () => {
    let state = airUntil(gameOnAir(), 12_000);
    const right = rightKeys(state, 0)[0];
    // The host closes the question by hand at 10.5 s: on the terrestrial path at 12.5 s, on the stream at 30.5 s.
    state = studioAnswersAndHostCloses(state, right, 10_500);
    expect(state.phase).toMatchObject({ name: "reveal", questionIndex: 0 });

    expect(homePlayerView(state, "tv-1", 12_499)!.view).toMatchObject({ phase: "question", result: null });
    const last = homeAnswer(state, "tv-1", right, 12_499);
    expect(last.code).toBe("accepted");
    state = last.state;
    expect(homeOf(state, "tv-1").answer?.elapsedMs).toBe(499);
    // The reveal is on the path's television from 12.5 s: no answer counts from then, even though
    // the airing timer has not fired yet (a busy event loop).
    expect(airedState(state, "tv")!.phase.name).toBe("question");
    expect(homeAnswer(state, "tv-2", right, 12_500).code).toBe("too-late");
    expect(homeAnswer(state, "tv-2", right, 13_000).code).toBe("too-late");

    // The path's reveal airs at 12.5 s, not a millisecond before, with its players scored.
    expect(nextAiringAt(state)).toBe(12_500);
    expect(transition(state, { type: "paths-aired" }, 12_499).code).toBe("stale-timer");
    state = must(state, { type: "paths-aired" }, 12_500).state;
    expect(homePlayerView(state, "tv-1", 12_500)!.view).toMatchObject({ phase: "reveal", myOutcome: { answered: true, correct: true } });
    expect(homeOf(state, "tv-1").score).toBeGreaterThan(0);

    // The stream: open 30 s → 30.5 s.
    state = airUntil(state, 30_499);
    expect(airedState(state, "web")!.phase).toMatchObject({ name: "question", questionIndex: 0 });
    expect(homeAnswer(state, "web-1", right, 30_499).code).toBe("accepted");
    expect(homeAnswer(state, "web-1", right, 30_500).code).toBe("too-late");
    state = airUntil(state, 30_500);
    expect(airedState(state, "web")!.phase).toMatchObject({ name: "reveal", questionIndex: 0 });
  });

  it("airs each step on a path exactly its delay after the studio took it, whatever the host did", () => {
    let state = gameOnAir();
    const right = rightKeys(state, 0)[0];
    state = studioAnswersAndHostCloses(state, right, 10_500);
    state = hostMust(state, "next", 11_000);
    state = hostMust(state, "next", 11_500);
    state = fire(state, 14_500).state;
    state = hostMust(state, "next", 15_000);
    // Each release on each path, at the moment the timer asks for it.
    const studioAt = new Map(state.playAlong!.timeline.map((step) => [step.seq, step.at]));
    const delays = new Map(PATHS.map((path) => [path.id, path.delayMs]));
    let released = 0;
    for (let at = nextAiringAt(state); at !== null; at = nextAiringAt(state)) {
      const before = state.playAlong!.airing;
      state = must(state, { type: "paths-aired" }, at).state;
      for (const airing of state.playAlong!.airing) {
        if (airing.airedSeq === before.find((entry) => entry.pathId === airing.pathId)!.airedSeq) continue;
        expect(at).toBe(studioAt.get(airing.airedSeq)! + delays.get(airing.pathId)!);
        released += 1;
      }
    }
    // Countdown, question, reveal, leaderboard, countdown, question 1 and its reveal, on both paths.
    expect(released).toBe(14);
  });

  it("airs a studio pause on each path with its delay, and the resumed question keeps the studio's time left", () => {
    let state = airUntil(gameOnAir(), 12_000);
    const right = rightKeys(state, 0)[0];
    // Paused in the studio from 13 s to 17 s: the deadline moves from 20 s to 24 s.
    state = hostMust(state, "pause", 13_000);
    state = hostMust(state, "resume", 17_000);
    expect(homeAnswer(state, "tv-1", right, 14_999).code).toBe("accepted");
    expect(homeAnswer(state, "tv-1", right, 15_000).code).toBe("paused");
    const resumed = homeAnswer(state, "tv-1", right, 19_000);
    expect(resumed.code).toBe("accepted");
    // 3 s before the pause and none during it.
    expect(homeOf(resumed.state, "tv-1").answer?.elapsedMs).toBe(3_000);
    state = airUntil(state, 19_000);
    expect(airedState(state, "tv")!.phase).toMatchObject({ name: "question", deadline: 26_000 });
    expect(homeAnswer(state, "tv-2", right, 26_499).code).toBe("accepted");
    // A studio timer late by half a second gives no home player time the studio would not have.
    state = fire(state, 25_000).state;
    expect(homeAnswer(state, "tv-2", right, 26_501).code).toBe("too-late");
  });

  it("names, for a restart, every question whose home answers may still wait for a path's reveal", () => {
    let state = airUntil(gameOnAir(), 12_000);
    const right = rightKeys(state, 0)[0];
    state = studioAnswersAndHostCloses(state, right, 10_500);
    state = hostMust(state, "next", 11_000);
    state = hostMust(state, "next", 11_500);
    state = fire(state, 14_500).state;
    // The studio asks question 1; the terrestrial path has scored question 0, the stream not yet.
    state = airUntil(state, 14_500);
    expect(state.playAlong!.airing.map((airing) => airing.scoredThrough)).toEqual([0, -1]);
    expect(unscoredHomeQuestions(state)).toEqual([0, 1]);
    state = airUntil(state, 30_500);
    expect(unscoredHomeQuestions(state)).toEqual([1]);
  });

  it("shows on the home audience's overlay what the studio shows, with the home histogram as the paths are scored", () => {
    let state = airUntil(gameOnAir(), 12_000);
    const right = rightKeys(state, 0)[0];
    state = homeAnswer(state, "tv-1", right, 12_100).state;
    state = studioAnswersAndHostCloses(state, right, 10_500);
    // The overlay reveals when the studio does; aired on each path with its delay, that is when the
    // path's own window closes and its phones reveal.
    const studio = homeAudienceView(displayView(state, 10_500));
    expect(studio).toMatchObject({ phase: "reveal", result: { answeredCount: 0 } });
    state = airUntil(state, 12_500);
    expect(homeAudienceView(displayView(state, 12_500)).result).toMatchObject({ answeredCount: 1, correctCount: 1 });
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

  it("after a restart, scores a path's stored answers on a question the host closed before the path aired it", () => {
    let state = airUntil(gameOnAir(), 12_000);
    const right = rightKeys(state, 0)[0];
    state = studioAnswersAndHostCloses(state, right, 10_500);
    const answered = homeAnswer(state, "tv-1", right, 12_300);
    const row = answered.effects.find((effect) => effect.type === "persist-answer")!;
    if (row.type !== "persist-answer") throw new Error("no answer row");
    // The process died at 12.4 s with the snapshot from before the answer, and is back at 14 s.
    expect(unscoredHomeQuestions(state)).toEqual([0]);
    const restored = restoreAfterRestart(state, 14_000, [row.answer]);
    expect(restored.effects).toContainEqual({ type: "schedule-airing", at: 12_500 });
    // The terrestrial path's reveal was due at 12.5 s: no answer counts any more, and it airs at once.
    expect(homeAnswer(restored.state, "tv-2", right, 14_000).code).toBe("too-late");
    state = must(restored.state, { type: "paths-aired" }, 14_000).state;
    expect(homeOf(state, "tv-1").lastOutcome).toMatchObject({ questionIndex: 0, answered: true, correct: true });
    expect(airedState(state, "web")!.phase.name).not.toBe("reveal");
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
