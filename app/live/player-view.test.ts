import { describe, expect, it } from "vitest";
import { LOBBY_NAMES_SHOWN } from "./constants";
import type { GameEvent, GameState } from "./game-state";
import { displayView, hostView, playerView, playerViews } from "./player-view";
import { seededRandom } from "./shuffle";
import { pendingTimer, transition } from "./transition";
import {
  answer,
  fire,
  hostMust,
  join,
  makeGame,
  makeQuestion,
  must,
  openFirstQuestion,
  rightKeys,
  school,
  withPlayers,
  wrongKey,
} from "./__fixtures__/live-game";

const OPEN = 10_000;

describe("what a player sees before the reveal (property)", () => {
  const playerIds = Array.from({ length: 6 }, (_, index) => `pl-${index}-x`);

  /** Drives a game with random but reproducible events, handing every state reached to `check`. */
  function randomGame(seed: string, check: (state: GameState, now: number) => void) {
    const random = seededRandom(seed);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const multiple = makeQuestion(2, { type: "multiple" });
    multiple.options[3] = { ...multiple.options[3], correct: true };
    let state = makeGame({
      seed,
      mode: random() < 0.5 ? "classic" : "elimination",
      rescues: 2,
      teamsBy: pick(["school", "area", null] as const),
      questions: [makeQuestion(1), multiple, makeQuestion(3), makeQuestion(4, { timeLimitMs: 5_000 })],
    });
    let now = 0;
    for (const [index, id] of playerIds.entries()) {
      state = must(state, { type: "player-joined", playerId: id, name: `Tên ${index}#`, unit: school(`s${index % 3}`, `d${index % 2}`) }, now).state;
    }
    check(state, now);

    for (let stepCount = 0; stepCount < 120 && state.phase.name !== "ended"; stepCount++) {
      now += Math.floor(random() * 2_500);
      const roll = random();
      let event: GameEvent;
      if (roll < 0.45) {
        const questionIndex = "questionIndex" in state.phase ? state.phase.questionIndex : 0;
        const keys = ["A", "B", "C", "D"].filter(() => random() < 0.4);
        event = { type: "answer-submitted", playerId: pick(playerIds), answerId: `a${stepCount}`, questionIndex, optionIds: keys.length ? keys : ["A"] };
      } else if (roll < 0.6) {
        const pending = pendingTimer(state);
        if (pending) now = Math.max(now, pending.at);
        event = pending ? { type: "timer-fired", timer: pending.timer } : { type: "host-connected" };
      } else if (roll < 0.85) {
        event = { type: "host-command", command: pick(["start", "next", "next", "next", "pause", "resume", "rescue", "skip"] as const), step: state.step };
      } else if (roll < 0.92) {
        event = { type: pick(["player-left", "player-reconnected"] as const), playerId: pick(playerIds) };
      } else if (roll < 0.96) {
        event = { type: pick(["host-disconnected", "host-connected"] as const) };
      } else {
        event = { type: "host-command", command: "kick", playerId: pick(playerIds) };
      }
      state = transition(state, event, now).state;
      check(state, now);
    }
  }

  it("never holds the correct option or another player's choice, in any reachable state", () => {
    let preRevealStatesChecked = 0;
    let revealsSeen = 0;
    for (let game = 0; game < 40; game++) {
      randomGame(`property-${game}`, (state, now) => {
        const revisionOptionIds = state.questions.flatMap((question) => question.options.map((option) => option.id));
        const views = playerViews(state, now);
        if (state.phase.name === "reveal") {
          revealsSeen += 1;
          // The check below is meaningful: the same serialisation does carry the answer once revealed.
          expect(JSON.stringify(hostView(state, now))).toContain('"correctOptionIds"');
          return;
        }
        if (!["lobby", "countdown", "question"].includes(state.phase.name)) return;
        preRevealStatesChecked += 1;

        for (const staff of [hostView(state, now), displayView(state, now)]) {
          const json = JSON.stringify(staff);
          expect(json).not.toMatch(/"correct/);
          for (const optionId of revisionOptionIds) expect(json).not.toContain(optionId);
        }
        for (const [playerId, view] of views) {
          const json = JSON.stringify(view);
          expect(json).not.toMatch(/"correct/);
          for (const optionId of revisionOptionIds) expect(json).not.toContain(optionId);
          for (const [index, other] of playerIds.entries()) {
            if (other === playerId) continue;
            expect(json).not.toContain(`"${other}"`);
            expect(json).not.toContain(`Tên ${index}#`);
          }
          const own = state.players.find((player) => player.id === playerId)!;
          if (view.myAnswer) expect(own.answer).not.toBeNull();
        }
      });
    }
    expect(preRevealStatesChecked).toBeGreaterThan(500);
    expect(revealsSeen).toBeGreaterThan(20);
  });
});

describe("playerView", () => {
  it("shows the question with options under display keys and the time left on the server's clock", () => {
    const question = openFirstQuestion(withPlayers(makeGame(), ["ann", "bao"]), OPEN);
    const view = playerView(question, "ann", OPEN + 2_500)!;
    expect(view.phase).toBe("question");
    expect(view.serverTime).toBe(OPEN + 2_500);
    expect(view.question).toMatchObject({ index: 0, type: "single", deadline: 20_000, remainingMs: 7_500, timeLimitMs: 10_000 });
    expect(view.question?.options.map((option) => option.id)).toEqual(["A", "B", "C", "D"]);
    expect(view.me).toMatchObject({ id: "ann", score: 0, rank: 1, playerCount: 2, eliminated: false });
  });

  it("gives a player who reconnects their score and the current question with the right time left", () => {
    let state = openFirstQuestion(withPlayers(makeGame(), ["ann", "bao"]), OPEN);
    state = answer(state, "ann", rightKeys(state, 0), OPEN + 500, "a0").state;
    state = fire(state, 20_500).state;
    state = fire(hostMust(hostMust(state, "next", 21_000), "next", 22_000), 25_000).state; // question 1 opens at 25 000
    state = must(state, { type: "player-left", playerId: "ann" }, 26_000).state;
    state = must(state, { type: "player-reconnected", playerId: "ann" }, 31_000).state;
    const view = playerView(state, "ann", 31_000)!;
    expect(view.me.score).toBe(1000);
    expect(view.question).toMatchObject({ index: 1, deadline: 35_000, remainingMs: 4_000 });
    expect(view.myAnswer).toBeNull();
  });

  it("shows the player's own answer, and freezes the clock while paused", () => {
    let state = openFirstQuestion(withPlayers(makeGame(), ["ann", "bao"]), OPEN);
    const key = wrongKey(state, 0);
    state = answer(state, "ann", [key], OPEN + 1_000).state;
    state = hostMust(state, "pause", OPEN + 4_000);
    const view = playerView(state, "ann", OPEN + 60_000)!;
    expect(view.paused).toBe("host");
    expect(view.question?.remainingMs).toBe(6_000);
    expect(view.myAnswer).toEqual({ optionIds: [key], elapsedMs: 1_000 });
    expect(playerView(state, "bao", OPEN + 60_000)!.myAnswer).toBeNull();
  });

  it("reveals the right option, the histogram and the player's own outcome", () => {
    let state = openFirstQuestion(withPlayers(makeGame(), ["ann", "bao", "chi"]), OPEN);
    const right = rightKeys(state, 0)[0];
    const wrong = wrongKey(state, 0);
    state = answer(state, "ann", [right], OPEN + 500).state;
    state = answer(state, "bao", [wrong], OPEN + 700).state;
    state = fire(state, 20_500).state;
    const view = playerView(state, "ann", 20_500)!;
    expect(view.result).toMatchObject({ correctOptionIds: [right], answeredCount: 2, correctCount: 1, explanation: { vi: "Giải thích 1" } });
    expect(view.result?.histogram).toEqual({ A: 0, B: 0, C: 0, D: 0, [right]: 1, [wrong]: 1 });
    expect(view.myOutcome).toEqual({ answered: true, correct: true, points: 1000, streakBonus: 0, eliminatedNow: false, rescued: false });
    expect(view.question?.deadline).toBeNull();
    expect(playerView(state, "chi", 20_500)!.myOutcome).toMatchObject({ answered: false, points: 0 });
    expect(playerView(state, "ann", 20_500)!.me.rank).toBe(1);
    expect(playerView(state, "bao", 20_500)!.me.rank).toBe(2);
    expect(playerView(state, "chi", 20_500)!.me.rank).toBe(2);
  });

  it("keeps an eliminated player watching", () => {
    let state = openFirstQuestion(withPlayers(makeGame({ mode: "elimination" }), ["ann", "bao", "chi"]), OPEN);
    state = answer(state, "ann", rightKeys(state, 0), OPEN + 500).state;
    state = answer(state, "bao", rightKeys(state, 0), OPEN + 500).state;
    state = fire(state, 20_500).state;
    state = fire(hostMust(hostMust(state, "next", 21_000), "next", 22_000), 25_000).state;
    const view = playerView(state, "chi", 26_000)!;
    expect(view.me.eliminated).toBe(true);
    expect(view.question?.index).toBe(1);
  });

  it("shows the player's team standing in a team game", () => {
    let state = makeGame({ teamsBy: "school" });
    state = join(state, "ann", 0, school("a"));
    state = join(state, "bao", 0, school("a"));
    state = join(state, "chi", 0, school("b"));
    state = openFirstQuestion(state, OPEN);
    state = answer(state, "ann", rightKeys(state, 0), OPEN + 500).state;
    state = answer(state, "chi", rightKeys(state, 0), OPEN + 5_250).state;
    state = answer(state, "bao", rightKeys(state, 0), 20_000).state; // everyone in: the question closes
    expect(state.players.map((player) => player.score)).toEqual([1000, 500, 750]);
    expect(playerView(state, "bao", 20_500)!.me.team).toEqual({ id: "a", name: "Trường a", rank: 1, averageScore: 750 });
    expect(playerView(state, "chi", 20_500)!.me.team).toEqual({ id: "b", name: "Trường b", rank: 1, averageScore: 750 });
    const board = hostView(hostMust(state, "next", 21_000), 21_000);
    expect(board.teams?.map((team) => [team.teamId, team.averageScore, team.rank])).toEqual([
      ["a", 750, 1],
      ["b", 750, 1],
    ]);
  });

  it("has nothing for a stranger or a kicked player", () => {
    const state = withPlayers(makeGame(), ["ann"]);
    expect(playerView(state, "nobody", 0)).toBeNull();
    const kicked = must(state, { type: "host-command", command: "kick", playerId: "ann" }, 1).state;
    expect(playerView(kicked, "ann", 1)).toBeNull();
  });
});

describe("hostView and displayView", () => {
  it("give the host the step and what next does; the display gets no controls", () => {
    const state = withPlayers(makeGame(), ["ann", "bao"]);
    expect(hostView(state, 0).controls).toEqual({ step: state.step, hostConnected: false, next: "start", rescuesLeft: 0, rescuable: 0 });
    expect(displayView(state, 0).controls).toBeNull();
    const question = openFirstQuestion(state, OPEN);
    expect(hostView(question, OPEN).controls?.next).toBe("close-question");
    expect(hostView(hostMust(question, "pause", OPEN), OPEN).controls?.next).toBeNull();
  });

  it("count answers during a question without showing what was chosen", () => {
    let state = openFirstQuestion(withPlayers(makeGame(), ["ann", "bao", "chi"]), OPEN);
    state = answer(state, "ann", rightKeys(state, 0), OPEN + 500).state;
    state = must(state, { type: "player-left", playerId: "chi" }, OPEN + 600).state;
    const view = displayView(state, OPEN + 1_000);
    expect(view.counts).toEqual({ players: 3, connected: 2, standing: 3, answered: 1 });
    expect(view.result).toBeNull();
  });

  it("list the newest joiners in the lobby, a bounded number of them", () => {
    const ids = Array.from({ length: LOBBY_NAMES_SHOWN + 5 }, (_, index) => `p${index}`);
    const view = displayView(withPlayers(makeGame(), ids), 0);
    expect(view.lobby).toHaveLength(LOBBY_NAMES_SHOWN);
    expect(view.lobby?.[0].id).toBe(`p${LOBBY_NAMES_SHOWN + 4}`);
    expect(view.counts.players).toBe(LOBBY_NAMES_SHOWN + 5);
  });

  it("show how many a rescue would bring back", () => {
    let state = openFirstQuestion(withPlayers(makeGame({ mode: "elimination", rescues: 1 }), ["ann", "bao", "chi"]), OPEN);
    state = answer(state, "ann", rightKeys(state, 0), OPEN + 500).state;
    state = fire(state, 20_500).state;
    expect(hostView(state, 20_500).controls).toMatchObject({ rescuesLeft: 1, rescuable: 2, next: "show-leaderboard" });
    const board = hostMust(state, "next", 21_000);
    expect(hostView(board, 21_000).controls?.next).toBe("show-podium");
    expect(hostView(hostMust(board, "rescue", 21_500), 21_500).controls).toMatchObject({ rescuesLeft: 0, rescuable: 0, next: "next-question" });
  });

  it("rank the leaderboard and the podium, survivors first in elimination", () => {
    let state = openFirstQuestion(withPlayers(makeGame({ mode: "elimination", rescues: 0 }), ["ann", "bao", "chi"]), OPEN);
    state = answer(state, "ann", rightKeys(state, 0), OPEN + 9_000).state;
    state = answer(state, "bao", [wrongKey(state, 0)], OPEN + 100).state;
    state = fire(state, 20_500).state;
    const podium = hostMust(hostMust(state, "next", 21_000), "next", 21_001);
    expect(podium.phase.name).toBe("podium");
    const view = displayView(podium, 21_001);
    expect(view.podium?.map((row) => [row.playerId, row.rank, row.eliminated])).toEqual([
      ["ann", 1, false],
      ["bao", 2, true],
      ["chi", 2, true],
    ]);
    expect(playerView(podium, "chi", 21_001)!.podium).toEqual(view.podium);
  });
});
