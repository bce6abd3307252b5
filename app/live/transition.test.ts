import { describe, expect, it } from "vitest";
import { ANSWER_GRACE_MS } from "./constants";
import { createGame } from "./create-game";
import type { GameState } from "./game-state";
import { pendingTimer, transition } from "./transition";
import {
  answer,
  fire,
  host,
  hostMust,
  join,
  makeGame,
  makeQuestion,
  must,
  openFirstQuestion,
  playerById,
  rightKeys,
  withPlayers,
  wrongKey,
} from "./__fixtures__/live-game";

// Question 0 opens at 10 000 ms and has a 10 s limit: deadline 20 000, closes for good at 20 500.
const OPEN = 10_000;
const DEADLINE = 20_000;

function classicWith(ids: string[] = ["ann", "bao"], overrides: Parameters<typeof makeGame>[0] = {}): GameState {
  return withPlayers(makeGame(overrides), ids);
}

/** Answers, closes question 0 by its timer and returns the revealed state. */
function revealAfter(state: GameState, answers: Array<[playerId: string, keys: string[], at: number]>): GameState {
  let game = state;
  for (const [playerId, keys, at] of answers) {
    const result = answer(game, playerId, keys, at, `${playerId}-${at}`);
    expect(result.code).toBe("accepted");
    game = result.state;
  }
  if (game.phase.name !== "question") return game;
  return fire(game, DEADLINE + ANSWER_GRACE_MS).state;
}

describe("createGame", () => {
  it("refuses a time limit outside 5–120 s", () => {
    for (const timeLimitMs of [4_999, 120_001]) {
      const result = createGame({ gameId: "g", mode: "classic", seed: "s", questions: [makeQuestion(1, { timeLimitMs })] }, 0);
      expect(result).toEqual({ ok: false, issue: "time-limit-out-of-range", questionIndex: 0 });
    }
    for (const timeLimitMs of [5_000, 120_000]) {
      expect(createGame({ gameId: "g", mode: "classic", seed: "s", questions: [makeQuestion(1, { timeLimitMs })] }, 0).ok).toBe(true);
    }
  });

  it("refuses a game without questions and a single-answer question with two right options", () => {
    expect(createGame({ gameId: "g", mode: "classic", seed: "s", questions: [] }, 0)).toMatchObject({ ok: false, issue: "no-questions" });
    const twoRight = makeQuestion(1);
    twoRight.options[1] = { ...twoRight.options[1], correct: true };
    expect(createGame({ gameId: "g", mode: "classic", seed: "s", questions: [makeQuestion(0), twoRight] }, 0)).toEqual({
      ok: false,
      issue: "wrong-number-of-correct-options",
      questionIndex: 1,
    });
  });

  it("shuffles options once per game, the same way for the same seed", () => {
    const questions = Array.from({ length: 8 }, (_, index) => makeQuestion(index));
    const first = makeGame({ questions, seed: "2026-broadcast-7" });
    const again = makeGame({ questions, seed: "2026-broadcast-7" });
    const other = makeGame({ questions, seed: "another game" });
    expect(again.optionOrders).toEqual(first.optionOrders);
    expect(other.optionOrders).not.toEqual(first.optionOrders);
    // The author's order (right answer first) does not survive for every question.
    expect(first.optionOrders.some((order) => !order[0].endsWith("-right"))).toBe(true);
  });

  it("keeps true/false in its order", () => {
    const trueFalse = makeQuestion(1, {
      type: "true-false",
      options: [
        { id: "t", text: { vi: "Đúng", en: "True" }, correct: false },
        { id: "f", text: { vi: "Sai", en: "False" }, correct: true },
      ],
    });
    expect(makeGame({ questions: [trueFalse] }).optionOrders).toEqual([["t", "f"]]);
  });

  it("starts in the lobby with a plain-JSON state", () => {
    const state = makeGame();
    expect(state.phase).toEqual({ name: "lobby" });
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });
});

describe("lobby and start", () => {
  it("lets players join and tells the player and the staff screens", () => {
    const result = must(makeGame(), { type: "player-joined", playerId: "ann", name: "  An  ", unit: null }, 5);
    expect(result.code).toBe("joined");
    expect(result.state.players).toMatchObject([{ id: "ann", name: "An", score: 0, connected: true, joinedAt: 5 }]);
    expect(result.effects).toEqual([
      { type: "persist-state", urgent: false },
      { type: "send", to: { role: "player", playerId: "ann" } },
      { type: "refresh-staff" },
    ]);
  });

  it("refuses an empty or over-long name", () => {
    expect(transition(makeGame(), { type: "player-joined", playerId: "p", name: "   ", unit: null }, 0).code).toBe("invalid-name");
    expect(transition(makeGame(), { type: "player-joined", playerId: "p", name: "x".repeat(41), unit: null }, 0).code).toBe("invalid-name");
  });

  it("starts a countdown, snapshotting before arming the timer and announcing", () => {
    const state = classicWith();
    const result = host(state, "start", 1_000);
    expect(result.ok).toBe(true);
    expect(result.state.phase).toEqual({ name: "countdown", questionIndex: 0, endsAt: 4_000 });
    expect(result.effects).toEqual([
      { type: "persist-state", urgent: true },
      { type: "schedule", timer: { kind: "countdown-ended", questionIndex: 0 }, at: 4_000 },
      { type: "broadcast" },
    ]);
  });

  it("will not start without players", () => {
    expect(host(makeGame(), "start", 0).code).toBe("no-players");
  });

  it("refuses a host command issued at an older step, but not because players joined", () => {
    const state = makeGame();
    const step = state.step;
    const crowded = withPlayers(state, ["a", "b", "c"]);
    expect(crowded.version).toBeGreaterThan(state.version);
    const started = must(crowded, { type: "host-command", command: "start", step }, 0).state;
    // A second click of the same button arrives after the game moved on.
    const again = transition(started, { type: "host-command", command: "next", step }, 1);
    expect(again).toMatchObject({ ok: false, code: "stale-step" });
    expect(again.state).toBe(started);
  });
});

describe("countdown and question", () => {
  it("opens the question when the countdown ends, with the deadline held by the server", () => {
    const counting = hostMust(classicWith(), "start", 7_000);
    const result = fire(counting, OPEN);
    expect(result.state.phase).toEqual({
      name: "question",
      questionIndex: 0,
      openedAt: OPEN,
      deadline: DEADLINE,
      answeredCount: 0,
      expectedCount: 2,
    });
    expect(result.effects).toContainEqual({
      type: "schedule",
      timer: { kind: "question-closed", questionIndex: 0 },
      at: DEADLINE + ANSWER_GRACE_MS,
    });
  });

  it("waits when a timer fires a moment early", () => {
    const counting = hostMust(classicWith(), "start", 7_000);
    const early = fire(counting, OPEN - 1);
    expect(early.state).toBe(counting);
    expect(early.effects).toEqual([{ type: "schedule", timer: { kind: "countdown-ended", questionIndex: 0 }, at: OPEN }]);
  });

  it("ignores a timer that is not the one pending", () => {
    const question = openFirstQuestion(classicWith(), OPEN);
    const stale = transition(question, { type: "timer-fired", timer: { kind: "countdown-ended", questionIndex: 0 } }, 30_000);
    expect(stale).toMatchObject({ ok: false, code: "stale-timer", effects: [] });
    expect(stale.state).toBe(question);
  });

  it("lets the host open the question before the countdown ends", () => {
    const counting = hostMust(classicWith(), "start", 0);
    expect(hostMust(counting, "next", 1_000).phase).toMatchObject({ name: "question", openedAt: 1_000, deadline: 11_000 });
  });
});

describe("answers", () => {
  it("accepts an answer, measures its time on the server and asks the runner to store it", () => {
    const question = openFirstQuestion(classicWith(), OPEN);
    const keys = rightKeys(question, 0);
    const result = answer(question, "ann", keys, OPEN + 2_345, "ann-q0");
    expect(result).toMatchObject({ ok: true, code: "accepted" });
    expect(result.effects).toEqual([
      {
        type: "persist-answer",
        answer: {
          gameId: "game-1",
          playerId: "ann",
          answerId: "ann-q0",
          questionIndex: 0,
          revisionId: "rev-1",
          optionIds: ["q1-right"],
          receivedAt: OPEN + 2_345,
          elapsedMs: 2_345,
        },
      },
      { type: "refresh-staff" },
    ]);
    expect(result.state.phase).toMatchObject({ answeredCount: 1 });
  });

  it("scores 1000 within half a second and 500 at the deadline", () => {
    const question = openFirstQuestion(classicWith(), OPEN);
    const revealed = revealAfter(question, [
      ["ann", rightKeys(question, 0), OPEN + 500],
      ["bao", rightKeys(question, 0), DEADLINE],
    ]);
    expect(playerById(revealed, "ann").score).toBe(1000);
    expect(playerById(revealed, "bao").score).toBe(500);
  });

  it("scores linearly in between", () => {
    const question = openFirstQuestion(classicWith(), OPEN);
    const revealed = revealAfter(question, [
      ["ann", rightKeys(question, 0), OPEN + 5_250],
      ["bao", rightKeys(question, 0), OPEN + 2_400],
    ]);
    expect(playerById(revealed, "ann").score).toBe(750);
    expect(playerById(revealed, "bao").score).toBe(900);
  });

  it("accepts an answer within the grace window, at deadline points", () => {
    const question = openFirstQuestion(classicWith(), OPEN);
    const result = answer(question, "ann", rightKeys(question, 0), DEADLINE + ANSWER_GRACE_MS);
    expect(result.code).toBe("accepted");
    expect(playerById(revealAfter(result.state, []), "ann").score).toBe(500);
  });

  it("refuses an answer after the grace window, even before the timer fires", () => {
    const question = openFirstQuestion(classicWith(), OPEN);
    const result = answer(question, "ann", rightKeys(question, 0), DEADLINE + ANSWER_GRACE_MS + 1);
    expect(result).toMatchObject({ ok: false, code: "too-late", effects: [] });
    expect(result.state).toBe(question);
  });

  it("counts a retried answer once and acknowledges the retry", () => {
    const question = openFirstQuestion(classicWith(), OPEN);
    const first = answer(question, "ann", rightKeys(question, 0), OPEN + 1_000, "same-id");
    const retry = answer(first.state, "ann", rightKeys(question, 0), OPEN + 1_500, "same-id");
    expect(retry).toMatchObject({ ok: true, code: "duplicate" });
    expect(retry.state).toBe(first.state);
    // The same row again, with the first arrival time: writing it twice changes nothing.
    expect(retry.effects).toEqual([first.effects[0]]);
    expect(retry.state.phase).toMatchObject({ answeredCount: 1 });
    // Even once the question is over, the retry is still recognised rather than called late.
    const revealed = revealAfter(first.state, []);
    expect(answer(revealed, "ann", rightKeys(question, 0), 25_000, "same-id").code).toBe("duplicate");
  });

  it("keeps the first answer: a second one with a new id is refused", () => {
    const question = openFirstQuestion(classicWith(), OPEN);
    const first = answer(question, "ann", [wrongKey(question, 0)], OPEN + 1_000).state;
    expect(answer(first, "ann", rightKeys(question, 0), OPEN + 2_000).code).toBe("already-answered");
  });

  it("refuses options that are not on screen, several for a single-answer question, or none", () => {
    const question = openFirstQuestion(classicWith(), OPEN);
    expect(answer(question, "ann", ["Z"], OPEN + 1).code).toBe("invalid-option");
    expect(answer(question, "ann", ["q1-right"], OPEN + 1).code).toBe("invalid-option");
    expect(answer(question, "ann", ["A", "B"], OPEN + 1).code).toBe("invalid-option");
    expect(answer(question, "ann", [], OPEN + 1).code).toBe("invalid-option");
  });

  it("needs every right option of a multiple-answer question", () => {
    const multiple = makeQuestion(1, { type: "multiple" });
    multiple.options[2] = { ...multiple.options[2], correct: true };
    const question = openFirstQuestion(classicWith(["ann", "bao"], { questions: [multiple] }), OPEN);
    const keys = rightKeys(question, 0);
    expect(keys).toHaveLength(2);
    const revealed = revealAfter(question, [
      ["ann", keys.slice().reverse(), OPEN + 500],
      ["bao", keys.slice(0, 1), OPEN + 500],
    ]);
    expect(playerById(revealed, "ann").score).toBe(1000);
    expect(playerById(revealed, "bao").score).toBe(0);
  });

  it("binds an answer to its question: early is refused, a late retry never counts for the next one", () => {
    const counting = hostMust(classicWith(), "start", 0);
    expect(answer(counting, "ann", ["A"], 1).code).toBe("not-in-question");
    const question = openFirstQuestion(classicWith(), OPEN);
    const onFuture = transition(question, { type: "answer-submitted", playerId: "ann", answerId: "x", questionIndex: 1, optionIds: ["A"] }, OPEN + 1);
    expect(onFuture.code).toBe("not-in-question");
    const secondOpen = fire(hostMust(hostMust(revealAfter(question, []), "next", 21_000), "next", 22_000), 25_000).state;
    const lateRetry = transition(secondOpen, { type: "answer-submitted", playerId: "ann", answerId: "y", questionIndex: 0, optionIds: ["A"] }, 25_001);
    expect(lateRetry.code).toBe("too-late");
  });

  it("refuses answers from strangers", () => {
    const question = openFirstQuestion(classicWith(), OPEN);
    expect(answer(question, "nobody", ["A"], OPEN + 1).code).toBe("unknown-player");
  });

  it("closes the question as soon as everyone has answered", () => {
    const question = openFirstQuestion(classicWith(), OPEN);
    const one = answer(question, "ann", rightKeys(question, 0), OPEN + 1_000).state;
    const both = answer(one, "bao", [wrongKey(question, 0)], OPEN + 2_000);
    expect(both.code).toBe("accepted");
    expect(both.state.phase).toEqual({ name: "reveal", questionIndex: 0 });
    expect(both.effects.map((effect) => effect.type)).toEqual(["persist-answer", "persist-state", "cancel-timer", "broadcast"]);
  });
});

describe("reveal, leaderboard, podium", () => {
  it("reveals the histogram and the correct option", () => {
    const state = classicWith(["ann", "bao", "chi", "dan"]);
    const question = openFirstQuestion(state, OPEN);
    const right = question.questions[0].options[0].id;
    const wrong = question.questions[0].options[1].id;
    const revealed = revealAfter(question, [
      ["ann", rightKeys(question, 0), OPEN + 1_000],
      ["bao", rightKeys(question, 0), OPEN + 2_000],
      ["chi", [wrongKey(question, 0)], OPEN + 3_000],
    ]);
    expect(revealed.phase).toEqual({ name: "reveal", questionIndex: 0 });
    expect(revealed.lastResult).toMatchObject({
      questionIndex: 0,
      correctOptionIds: [right],
      answeredCount: 3,
      correctCount: 2,
      eliminatedCount: 0,
    });
    expect(revealed.lastResult?.histogram).toMatchObject({ [right]: 2, [wrong]: 1 });
    expect(playerById(revealed, "dan").lastOutcome).toMatchObject({ answered: false, correct: false, points: 0 });
  });

  it("walks reveal → leaderboard → next countdown → … → podium → ended", () => {
    let state = revealAfter(openFirstQuestion(classicWith(), OPEN), []);
    state = hostMust(state, "next", 21_000);
    expect(state.phase).toEqual({ name: "leaderboard", questionIndex: 0 });
    state = hostMust(state, "next", 22_000);
    expect(state.phase).toEqual({ name: "countdown", questionIndex: 1, endsAt: 25_000 });
    for (const questionIndex of [1, 2]) {
      if (state.phase.name === "countdown") state = fire(state, state.phase.endsAt).state;
      state = hostMust(state, "next", state.updatedAt + 1_000); // close early
      expect(state.phase).toEqual({ name: "reveal", questionIndex });
      state = hostMust(hostMust(state, "next", state.updatedAt + 1), "next", state.updatedAt + 2);
    }
    expect(state.phase).toEqual({ name: "podium" });
    state = hostMust(state, "next", state.updatedAt + 1);
    expect(state.phase).toEqual({ name: "ended", reason: "finished" });
    expect(host(state, "next", state.updatedAt + 1).code).toBe("not-allowed-in-phase");
  });

  it("adds a streak bonus that grows by 100 and stops at 500", () => {
    const questions = Array.from({ length: 8 }, (_, index) => makeQuestion(index));
    let state = openFirstQuestion(classicWith(["ann"], { questions }), OPEN);
    const gains: number[] = [];
    for (let questionIndex = 0; questionIndex < 8; questionIndex++) {
      const before = playerById(state, "ann").score;
      const opened = state.phase.name === "question" ? state.phase.openedAt : 0;
      state = answer(state, "ann", rightKeys(state, questionIndex), opened + 400).state; // everyone answered: reveal
      gains.push(playerById(state, "ann").score - before);
      if (questionIndex < 7) {
        state = hostMust(hostMust(state, "next", opened + 500), "next", opened + 600);
        state = fire(state, opened + 3_600).state;
      }
    }
    expect(gains).toEqual([1000, 1100, 1200, 1300, 1400, 1500, 1500, 1500]);
  });

  it("ends a streak on a wrong answer", () => {
    let state = openFirstQuestion(classicWith(["ann"]), OPEN);
    state = answer(state, "ann", rightKeys(state, 0), OPEN + 100).state;
    state = fire(hostMust(hostMust(state, "next", 11_000), "next", 11_001), 14_001).state;
    state = answer(state, "ann", [wrongKey(state, 1)], 14_101).state;
    expect(playerById(state, "ann")).toMatchObject({ score: 1000, streak: 0 });
    state = fire(hostMust(hostMust(state, "next", 15_000), "next", 15_001), 18_001).state;
    state = answer(state, "ann", rightKeys(state, 2), 18_101).state;
    expect(playerById(state, "ann")).toMatchObject({ score: 2000, streak: 1 });
  });
});

describe("pause and resume", () => {
  it("stops the clock and extends the deadline by the paused time", () => {
    const question = openFirstQuestion(classicWith(), OPEN);
    const paused = host(question, "pause", 14_000);
    expect(paused.state.paused).toEqual({ since: 14_000, reason: "host" });
    expect(paused.effects).toEqual([{ type: "persist-state", urgent: true }, { type: "cancel-timer" }, { type: "broadcast" }]);
    expect(answer(paused.state, "ann", rightKeys(question, 0), 15_000).code).toBe("paused");

    const resumed = host(paused.state, "resume", 19_000);
    expect(resumed.state.paused).toBeNull();
    expect(resumed.state.phase).toMatchObject({ openedAt: OPEN + 5_000, deadline: DEADLINE + 5_000 });
    expect(resumed.effects).toContainEqual({
      type: "schedule",
      timer: { kind: "question-closed", questionIndex: 0 },
      at: DEADLINE + 5_000 + ANSWER_GRACE_MS,
    });
    // 4 s before the pause and 1 s after it: 5 s of answering time, scored as such.
    const late = answer(resumed.state, "ann", rightKeys(question, 0), 20_000);
    expect(late.effects[0]).toMatchObject({ type: "persist-answer", answer: { elapsedMs: 5_000 } });
    // The old deadline has passed, the extended one has not.
    expect(answer(resumed.state, "bao", rightKeys(question, 0), 24_999).code).toBe("accepted");
  });

  it("extends a paused countdown too", () => {
    const counting = hostMust(classicWith(), "start", 0);
    const resumed = hostMust(hostMust(counting, "pause", 1_000), "resume", 3_000);
    expect(resumed.phase).toMatchObject({ name: "countdown", endsAt: 5_000 });
  });

  it("refuses pause outside a timed phase, a second pause, and resume when running", () => {
    expect(host(classicWith(), "pause", 0).code).toBe("not-allowed-in-phase");
    const question = openFirstQuestion(classicWith(), OPEN);
    expect(host(question, "resume", OPEN).code).toBe("not-paused");
    expect(host(hostMust(question, "pause", OPEN), "pause", OPEN).code).toBe("already-paused");
    expect(host(hostMust(question, "pause", OPEN), "next", OPEN).code).toBe("paused");
  });

  it("ignores the timer of a paused question", () => {
    const paused = hostMust(openFirstQuestion(classicWith(), OPEN), "pause", 12_000);
    expect(transition(paused, { type: "timer-fired", timer: { kind: "question-closed", questionIndex: 0 } }, 30_000).code).toBe("stale-timer");
  });

  it("pauses when the host disconnects, and waits for the host to resume", () => {
    const question = must(openFirstQuestion(classicWith(), OPEN), { type: "host-connected" }, OPEN).state;
    const gone = must(question, { type: "host-disconnected" }, 12_000).state;
    expect(gone).toMatchObject({ hostConnected: false, paused: { since: 12_000, reason: "host-disconnected" } });
    expect(pendingTimer(gone)).toBeNull();
    const back = must(gone, { type: "host-connected" }, 15_000);
    expect(back.state.paused).not.toBeNull();
    expect(back.effects).toEqual([{ type: "send", to: { role: "host" } }]);
    expect(hostMust(back.state, "resume", 16_000).phase).toMatchObject({ deadline: DEADLINE + 4_000 });
  });

  it("does not pause a lobby when the host drops", () => {
    expect(must(classicWith(), { type: "host-disconnected" }, 0).state.paused).toBeNull();
  });
});

describe("skip", () => {
  it("voids the question: nobody scores, streaks stay, the next question comes", () => {
    let state = openFirstQuestion(classicWith(), OPEN);
    state = answer(state, "ann", rightKeys(state, 0), OPEN + 100).state;
    const skipped = host(state, "skip", 12_000);
    expect(skipped.effects).toContainEqual({ type: "schedule", timer: { kind: "countdown-ended", questionIndex: 1 }, at: 15_000 });
    expect(skipped.state.phase).toEqual({ name: "countdown", questionIndex: 1, endsAt: 15_000 });
    expect(skipped.state.voidedQuestions).toEqual([0]);
    expect(playerById(skipped.state, "ann")).toMatchObject({ score: 0, streak: 0, answer: null });
  });

  it("goes to the podium when the last question is skipped", () => {
    const state = openFirstQuestion(classicWith(["ann"], { questions: [makeQuestion(1)] }), OPEN);
    expect(hostMust(state, "skip", 12_000).phase).toEqual({ name: "podium" });
  });
});

describe("kick", () => {
  it("removes a player for good and disconnects them", () => {
    const state = classicWith(["ann", "bao"]);
    const kicked = must(state, { type: "host-command", command: "kick", playerId: "bao" }, 1);
    expect(kicked.effects).toContainEqual({ type: "disconnect", playerId: "bao", reason: "kicked" });
    expect(playerById(kicked.state, "bao").kicked).toBe(true);
    expect(transition(kicked.state, { type: "player-joined", playerId: "bao", name: "Bảo", unit: null }, 2).code).toBe("kicked");
    expect(transition(kicked.state, { type: "player-reconnected", playerId: "bao" }, 2).code).toBe("kicked");
    const question = openFirstQuestion(kicked.state, OPEN);
    expect(question.phase).toMatchObject({ expectedCount: 1 });
    expect(answer(question, "bao", ["A"], OPEN + 1).code).toBe("kicked");
  });

  it("closes the question if the kicked player was the last one not to answer", () => {
    let state = openFirstQuestion(classicWith(["ann", "bao"]), OPEN);
    state = answer(state, "ann", rightKeys(state, 0), OPEN + 100).state;
    const kicked = must(state, { type: "host-command", command: "kick", playerId: "bao" }, OPEN + 200);
    expect(kicked.state.phase).toEqual({ name: "reveal", questionIndex: 0 });
  });
});

describe("connections", () => {
  it("keeps a player's score across a disconnect and a reconnect", () => {
    let state = openFirstQuestion(classicWith(), OPEN);
    state = revealAfter(state, [["ann", rightKeys(state, 0), OPEN + 500]]);
    const left = must(state, { type: "player-left", playerId: "ann" }, 21_000);
    expect(playerById(left.state, "ann")).toMatchObject({ connected: false, score: 1000 });
    expect(left.effects).toEqual([{ type: "refresh-staff" }]);
    const back = must(left.state, { type: "player-reconnected", playerId: "ann" }, 22_000);
    expect(playerById(back.state, "ann")).toMatchObject({ connected: true, score: 1000 });
    expect(back.effects).toContainEqual({ type: "send", to: { role: "player", playerId: "ann" } });
  });

  it("treats a second join with the same id as a reconnect", () => {
    const state = must(classicWith(), { type: "player-left", playerId: "ann" }, 1).state;
    const again = transition(state, { type: "player-joined", playerId: "ann", name: "Other", unit: null }, 2);
    expect(again).toMatchObject({ ok: true, code: "already-joined" });
    expect(playerById(again.state, "ann")).toMatchObject({ name: "Bạn ann", connected: true });
  });

  it("lets a latecomer join a classic game mid-question", () => {
    const question = openFirstQuestion(classicWith(), OPEN);
    const late = join(question, "chi", OPEN + 3_000);
    expect(late.phase).toMatchObject({ expectedCount: 3 });
    expect(answer(late, "chi", rightKeys(late, 0), OPEN + 4_000).code).toBe("accepted");
  });
});

describe("elimination", () => {
  function eliminationWith(ids: string[], overrides: Parameters<typeof makeGame>[0] = {}): GameState {
    return withPlayers(makeGame({ mode: "elimination", rescues: 1, ...overrides }), ids);
  }

  it("eliminates a wrong or missing answer; the eliminated keep watching but cannot answer", () => {
    let state = openFirstQuestion(eliminationWith(["ann", "bao", "chi", "dan"]), OPEN);
    state = revealAfter(state, [
      ["ann", rightKeys(state, 0), OPEN + 500],
      ["bao", [wrongKey(state, 0)], OPEN + 500],
      ["dan", rightKeys(state, 0), OPEN + 600],
    ]);
    expect(state.players.map((player) => player.eliminatedAt)).toEqual([null, 0, 0, null]);
    expect(state.lastResult?.eliminatedCount).toBe(2);
    expect(playerById(state, "bao").lastOutcome).toMatchObject({ eliminatedNow: true });

    state = fire(hostMust(hostMust(state, "next", 21_000), "next", 21_001), 24_001).state;
    expect(state.phase).toMatchObject({ name: "question", questionIndex: 1, expectedCount: 2 });
    expect(answer(state, "bao", rightKeys(state, 1), 24_500).code).toBe("eliminated");
  });

  it("refuses latecomers once the game has started", () => {
    const counting = hostMust(eliminationWith(["ann", "bao"]), "start", 0);
    expect(transition(counting, { type: "player-joined", playerId: "chi", name: "Chi", unit: null }, 1).code).toBe("game-started");
  });

  it("ends with the podium when one player stands, questions left or not", () => {
    let state = openFirstQuestion(eliminationWith(["ann", "bao", "chi"]), OPEN);
    state = revealAfter(state, [["ann", rightKeys(state, 0), OPEN + 500]]);
    state = hostMust(state, "next", 21_000);
    expect(state.phase.name).toBe("leaderboard");
    expect(hostMust(state, "next", 21_001).phase).toEqual({ name: "podium" });
  });

  it("goes on while two or more stand, and ends when the questions run out", () => {
    let state = openFirstQuestion(eliminationWith(["ann", "bao"], { questions: [makeQuestion(1), makeQuestion(2)] }), OPEN);
    state = answer(state, "ann", rightKeys(state, 0), OPEN + 100).state;
    state = answer(state, "bao", rightKeys(state, 0), OPEN + 200).state;
    state = hostMust(hostMust(state, "next", 11_000), "next", 11_001);
    expect(state.phase).toMatchObject({ name: "countdown", questionIndex: 1 });
    state = fire(state, 14_001).state;
    state = answer(state, "ann", rightKeys(state, 1), 14_100).state;
    state = answer(state, "bao", rightKeys(state, 1), 14_200).state;
    expect(hostMust(hostMust(state, "next", 15_000), "next", 15_001).phase).toEqual({ name: "podium" });
  });

  it("lets the host rescue the players the last question eliminated, as often as allowed", () => {
    const questions = [makeQuestion(1), makeQuestion(2), makeQuestion(3)];
    let state = openFirstQuestion(eliminationWith(["ann", "bao", "chi", "dan"], { questions, rescues: 1 }), OPEN);
    state = revealAfter(state, [
      ["ann", rightKeys(state, 0), OPEN + 500],
      ["bao", rightKeys(state, 0), OPEN + 500],
      ["chi", [wrongKey(state, 0)], OPEN + 500],
    ]);
    // Question 1: dan fell on 0 and stays out; bao falls now.
    state = fire(hostMust(hostMust(state, "next", 21_000), "next", 21_001), 24_001).state;
    expect(state.phase).toMatchObject({ name: "question", expectedCount: 2 });
    state = answer(state, "ann", rightKeys(state, 1), 24_500).state;
    state = answer(state, "bao", [wrongKey(state, 1)], 24_600).state;
    expect(state.phase).toEqual({ name: "reveal", questionIndex: 1 });

    const rescued = host(state, "rescue", 25_000);
    expect(rescued.ok).toBe(true);
    expect(rescued.state.players.map((player) => [player.id, player.eliminatedAt])).toEqual([
      ["ann", null],
      ["bao", null],
      ["chi", 0],
      ["dan", 0],
    ]);
    expect(playerById(rescued.state, "bao").lastOutcome).toMatchObject({ eliminatedNow: false, rescued: true });
    expect(rescued.state.rescuesUsed).toBe(1);
    expect(host(rescued.state, "rescue", 25_001).code).toBe("no-rescue-left");
    // With two standing again the game goes on instead of ending.
    expect(hostMust(hostMust(rescued.state, "next", 25_002), "next", 25_003).phase).toMatchObject({ name: "countdown", questionIndex: 2 });
  });

  it("refuses a rescue when nobody fell, before a question, or in a classic game", () => {
    let state = openFirstQuestion(eliminationWith(["ann", "bao"]), OPEN);
    expect(host(state, "rescue", OPEN).code).toBe("not-allowed-in-phase");
    state = answer(state, "ann", rightKeys(state, 0), OPEN + 100).state;
    state = answer(state, "bao", rightKeys(state, 0), OPEN + 200).state;
    expect(host(state, "rescue", OPEN + 300).code).toBe("nobody-to-rescue");
    const classic = revealAfter(openFirstQuestion(classicWith(), OPEN), []);
    expect(host(classic, "rescue", 21_000).code).toBe("not-elimination");
  });

  it("allows a set number of rescues per game", () => {
    let state = openFirstQuestion(eliminationWith(["ann", "bao"], { rescues: 2 }), OPEN);
    for (const questionIndex of [0, 1]) {
      const openedAt = state.phase.name === "question" ? state.phase.openedAt : NaN;
      state = answer(state, "ann", rightKeys(state, questionIndex), openedAt + 100).state;
      state = answer(state, "bao", [wrongKey(state, questionIndex)], openedAt + 100).state;
      state = hostMust(state, "rescue", openedAt + 200);
      state = fire(hostMust(hostMust(state, "next", openedAt + 300), "next", openedAt + 400), openedAt + 3_400).state;
    }
    expect(state.rescuesUsed).toBe(2);
    expect(state.phase).toMatchObject({ name: "question", questionIndex: 2 });
    const openedAt = state.updatedAt;
    state = answer(state, "ann", rightKeys(state, 2), openedAt + 100).state;
    state = answer(state, "bao", [wrongKey(state, 2)], openedAt + 100).state;
    expect(host(state, "rescue", openedAt + 200).code).toBe("no-rescue-left");
  });
});

describe("end", () => {
  it("ends the game from any phase and stops its timer", () => {
    const result = host(openFirstQuestion(classicWith(), OPEN), "end", 12_000);
    expect(result.state.phase).toEqual({ name: "ended", reason: "host-ended" });
    expect(result.effects).toEqual([
      { type: "persist-state", urgent: true },
      { type: "cancel-timer" },
      { type: "broadcast" },
    ]);
    expect(transition(result.state, { type: "player-joined", playerId: "z", name: "Z", unit: null }, 13_000).code).toBe("game-ended");
  });
});

describe("purity", () => {
  it("never changes the state it is given, and bumps the version on every change", () => {
    const state = openFirstQuestion(classicWith(), OPEN);
    const before = structuredClone(state);
    const result = answer(state, "ann", rightKeys(state, 0), OPEN + 100);
    expect(state).toEqual(before);
    expect(result.state.version).toBe(state.version + 1);
    expect(result.state.step).toBe(state.step);
  });

  it("gives the same result for the same events and times", () => {
    const run = () => revealAfter(openFirstQuestion(classicWith(["ann", "bao", "chi"]), OPEN), [["bao", ["C"], OPEN + 777]]);
    expect(run()).toEqual(run());
  });
});
