import { describe, expect, it } from "vitest";
import { ANSWER_GRACE_MS } from "./constants";
import type { Effect, GameState, PersistedAnswer } from "./game-state";
import { playerView } from "./player-view";
import { restoreAfterRestart } from "./restore";
import { pendingTimer, transition } from "./transition";
import { answer, fire, hostMust, makeGame, must, openFirstQuestion, playerById, rightKeys, withPlayers } from "./__fixtures__/live-game";

const OPEN = 10_000;

/** What the runner would have written to the answers table. */
function storedAnswers(effects: Effect[]): PersistedAnswer[] {
  return effects.flatMap((effect) => (effect.type === "persist-answer" ? [effect.answer] : []));
}

/** The snapshot as it comes back from the database. */
function fromDatabase(state: GameState): GameState {
  return JSON.parse(JSON.stringify(state));
}

describe("restoreAfterRestart", () => {
  it("brings a question back paused, with the answers the snapshot missed, and the time that was left", () => {
    const question = must(openFirstQuestion(withPlayers(makeGame(), ["ann", "bao", "chi"]), OPEN), { type: "host-connected" }, OPEN).state;
    const snapshot = fromDatabase(question); // written when the question opened
    const ann = answer(question, "ann", rightKeys(question, 0), OPEN + 1_000, "ann-0");
    const bao = answer(ann.state, "bao", rightKeys(question, 0), OPEN + 3_000, "bao-0");
    const table = [...storedAnswers(ann.effects), ...storedAnswers(bao.effects)];

    // The process dies, and is back a minute later.
    const restored = restoreAfterRestart(snapshot, 75_000, table);
    expect(restored.effects).toEqual([{ type: "persist-state", urgent: true }]);
    const state = restored.state;
    expect(state.paused).toEqual({ since: OPEN + 3_000, reason: "restart" });
    expect(state.hostConnected).toBe(false);
    expect(state.players.every((player) => !player.connected)).toBe(true);
    expect(state.phase).toMatchObject({ answeredCount: 2, expectedCount: 3 });
    expect(pendingTimer(state)).toBeNull();

    // A player back before the host sees the question frozen with 7 s left.
    const back = must(state, { type: "player-reconnected", playerId: "chi" }, 80_000).state;
    expect(playerView(back, "chi", 80_000)!.question?.remainingMs).toBe(7_000);
    // An answer retried across the restart counts once.
    expect(answer(back, "ann", rightKeys(back, 0), 80_001, "ann-0").code).toBe("duplicate");

    // The host resumes: 7 s to go, and the scores are what they would have been.
    const resumed = transition(back, { type: "host-command", command: "resume", step: back.step }, 90_000);
    expect(resumed.state.phase).toMatchObject({ deadline: 97_000 });
    expect(resumed.effects).toContainEqual({ type: "schedule", timer: { kind: "question-closed", questionIndex: 0 }, at: 97_000 + ANSWER_GRACE_MS });
    const revealed = fire(resumed.state, 97_000 + ANSWER_GRACE_MS).state;
    expect(playerById(revealed, "ann").score).toBe(974);
    expect(playerById(revealed, "bao").score).toBe(868);
  });

  it("restores a countdown paused, with the countdown left", () => {
    const counting = hostMust(withPlayers(makeGame(), ["ann"]), "start", 1_000);
    const restored = restoreAfterRestart(fromDatabase(counting), 50_000).state;
    expect(restored.paused).toEqual({ since: 1_000, reason: "restart" });
    expect(hostMust(restored, "resume", 60_000).phase).toMatchObject({ name: "countdown", endsAt: 63_000 });
  });

  it("keeps a game that was already paused paused since the same moment", () => {
    const paused = hostMust(openFirstQuestion(withPlayers(makeGame(), ["ann"]), OPEN), "pause", 12_000);
    const restored = restoreAfterRestart(fromDatabase(paused), 50_000).state;
    expect(restored.paused).toEqual({ since: 12_000, reason: "host" });
  });

  it("lets a game that died after the deadline close as soon as it is resumed", () => {
    const question = openFirstQuestion(withPlayers(makeGame(), ["ann", "bao"]), OPEN);
    const late = answer(question, "ann", rightKeys(question, 0), 20_400, "late");
    const restored = restoreAfterRestart(fromDatabase(question), 90_000, storedAnswers(late.effects)).state;
    expect(restored.paused?.since).toBe(20_400);
    const resumed = hostMust(restored, "resume", 100_000);
    expect(pendingTimer(resumed)?.at).toBe(100_100);
    expect(playerById(fire(resumed, 100_100).state, "ann").score).toBe(500);
  });

  it("leaves a reveal as it was, everyone disconnected until they come back", () => {
    let state = openFirstQuestion(withPlayers(makeGame(), ["ann", "bao"]), OPEN);
    state = fire(state, 20_500).state;
    const restored = restoreAfterRestart(fromDatabase(state), 30_000).state;
    expect(restored.phase).toEqual({ name: "reveal", questionIndex: 0 });
    expect(restored.paused).toBeNull();
    expect(restored.step).toBe(state.step);
    expect(restored.players.map((player) => player.connected)).toEqual([false, false]);
  });

  it("ignores stored answers of another game, another question or a player the snapshot does not know", () => {
    const question = openFirstQuestion(withPlayers(makeGame(), ["ann"]), OPEN);
    const base: PersistedAnswer = {
      gameId: "game-1",
      playerId: "ann",
      answerId: "x",
      questionIndex: 0,
      revisionId: "rev-1",
      optionIds: ["q1-right"],
      receivedAt: OPEN + 100,
      elapsedMs: 100,
    };
    const restored = restoreAfterRestart(fromDatabase(question), 50_000, [
      { ...base, gameId: "other-game" },
      { ...base, questionIndex: 1 },
      { ...base, playerId: "ghost" },
    ]).state;
    expect(restored.phase).toMatchObject({ answeredCount: 0 });
    expect(playerById(restored, "ann").answer).toBeNull();
  });
});

describe("epochs across a restart", () => {
  it("orders every view of the restored game after every view sent before the crash", () => {
    const question = must(openFirstQuestion(withPlayers(makeGame(), ["ann", "bao"]), OPEN), { type: "host-connected" }, OPEN).state;
    const snapshot = fromDatabase(question);
    // Answers moved the version on after the last stored snapshot: screens saw version + 2.
    const seenBeforeCrash = answer(answer(question, "ann", rightKeys(question, 0), OPEN + 500, "a").state, "bao", rightKeys(question, 0), OPEN + 600, "b").state;
    const beforeCrash = playerView(seenBeforeCrash, "ann", OPEN + 600)!;

    const restored = restoreAfterRestart(snapshot, 75_000).state;
    const afterRestart = playerView(restored, "ann", 75_000)!;
    expect(afterRestart.version).toBeLessThan(beforeCrash.version);
    expect(afterRestart.epoch).toBeGreaterThan(beforeCrash.epoch);
  });
});
