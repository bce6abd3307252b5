import { describe, expect, it } from "vitest";
import { makeGame, withPlayers } from "./__fixtures__/live-game";
import { GameRunner, type RunnerOutput } from "./game-runner.server";
import type { GameState, PersistedAnswer } from "./game-state";
import type { LiveStore } from "./live-store.server";
import type { PlayerView } from "./player-view";

/** A store that records what reaches it, in order, and can be told to fail. */
function recordingStore() {
  const log: string[] = [];
  let failAnswers = false;
  const store: LiveStore = {
    async insertPlayers(rows) {
      log.push(`players:${rows.map((row) => row.id).join(",")}`);
    },
    async writeAnswers(rows: readonly PersistedAnswer[]) {
      await Promise.resolve();
      if (failAnswers) throw new Error("disk full");
      log.push(`answers:${rows.map((row) => row.playerId).join(",")}`);
    },
    async writeSnapshot(state: GameState) {
      log.push(`snapshot:${state.phase.name}`);
    },
    async writeScores() {
      log.push("scores");
    },
    async deletePlayer() {},
    async setHomePath() {},
    async setPlayAlongPaths() {},
    async loadSnapshot() {
      return null;
    },
    async loadAnswers() {
      return [];
    },
  };
  return { store, log, failNextAnswers: () => (failAnswers = true) };
}

function recordingOutput(log: string[]): RunnerOutput {
  return {
    connectedPlayers: () => ["ann", "bao", "chi"],
    toPlayer: (playerId: string, view: PlayerView) => log.push(`to:${playerId}:${view.phase}`),
    toPlayers: (common, personal) => {
      for (const [playerId] of personal) log.push(`to:${playerId}:${common.phase}`);
      if (personal.length < 3) log.push(`common:${common.phase}`);
    },
    toStaff: () => log.push("to:staff"),
    kick: () => undefined,
  };
}

async function runnerInQuestion() {
  const recorded = recordingStore();
  const game = withPlayers(makeGame({ countdownMs: 0 }), ["ann", "bao", "chi"]);
  const runner = new GameRunner(game, {
    store: recorded.store,
    output: recordingOutput(recorded.log),
    timing: { answerFlushMs: 5, staffIntervalMs: 1_000 },
    log: () => undefined,
  });
  await runner.dispatch({ type: "host-command", command: "start", step: runner.state.step }).done;
  while (runner.state.phase.name !== "question") await new Promise((resolve) => setTimeout(resolve, 1));
  recorded.log.length = 0;
  return { runner, ...recorded };
}

function answer(runner: GameRunner, playerId: string) {
  return runner.dispatch({ type: "answer-submitted", playerId, answerId: `${playerId}-0`, questionIndex: 0, optionIds: ["A"] });
}

describe("GameRunner", () => {
  it("commits answers in one batch and acknowledges none before the commit", async () => {
    const { runner, log } = await runnerInQuestion();
    let acknowledged = 0;
    const ann = answer(runner, "ann");
    const bao = answer(runner, "bao");
    void ann.stored.then(() => (acknowledged += 1));
    void bao.stored.then(() => (acknowledged += 1));
    expect([ann.code, bao.code]).toEqual(["accepted", "accepted"]);
    await Promise.resolve();
    expect(acknowledged).toBe(0);
    await Promise.all([ann.stored, bao.stored]);
    expect(log.filter((entry) => entry.startsWith("answers"))).toEqual(["answers:ann,bao"]);
    expect(acknowledged).toBe(2);
    runner.abandon();
  });

  it("writes the last answer before the snapshot of the reveal, and the snapshot before telling anyone", async () => {
    const { runner, log } = await runnerInQuestion();
    await Promise.all([answer(runner, "ann").done, answer(runner, "bao").done]);
    log.length = 0;
    await answer(runner, "chi").done;
    expect(runner.state.phase.name).toBe("reveal");
    expect(log.filter((entry) => entry !== "scores").slice(0, 3)).toEqual(["answers:chi", "snapshot:reveal", "to:ann:reveal"]);
    runner.abandon();
  });

  it("broadcasts the common part alone when no player's own part changed, and whole snapshots to those whose part did", async () => {
    const { runner, log } = await runnerInQuestion();
    // Everyone has seen the question: at the reveal each gets their own outcome, score and rank.
    await answer(runner, "ann").stored;
    await runner.dispatch({ type: "host-command", command: "next", step: runner.state.step }).done;
    expect(log.filter((entry) => entry.startsWith("to:") && entry.includes(":reveal"))).toEqual(["to:ann:reveal", "to:bao:reveal", "to:chi:reveal"]);
    log.length = 0;
    // The leaderboard and the next countdown change nobody's own part: one common message each.
    await runner.dispatch({ type: "host-command", command: "next", step: runner.state.step }).done;
    await runner.dispatch({ type: "host-command", command: "next", step: runner.state.step }).done;
    expect(log.filter((entry) => !entry.startsWith("snapshot") && entry !== "to:staff" && entry !== "scores")).toEqual(["common:leaderboard", "common:countdown"]);
    runner.abandon();
  });

  it("sends a whole snapshot in the middle of a question only to the players whose answer it must show", async () => {
    const { runner, log } = await runnerInQuestion();
    for (const playerId of ["ann", "bao", "chi"]) runner.viewFor(playerId);
    await answer(runner, "bao").stored;
    log.length = 0;
    await runner.dispatch({ type: "host-command", command: "pause", step: runner.state.step }).done;
    expect(log.filter((entry) => entry.startsWith("to:") || entry.startsWith("common:")).filter((entry) => entry !== "to:staff")).toEqual([
      "to:bao:question",
      "common:question",
    ]);
    runner.abandon();
  });

  it("applies the answers of one turn together, each with its own outcome, and never changes the state it started from", async () => {
    const { runner, log } = await runnerInQuestion();
    const before = runner.state;
    const frozen = JSON.stringify(before);
    const outcomes = await Promise.all([
      runner.submitAnswer({ type: "answer-submitted", playerId: "ann", answerId: "ann-0", questionIndex: 0, optionIds: ["A"] }),
      runner.submitAnswer({ type: "answer-submitted", playerId: "ann", answerId: "ann-0", questionIndex: 0, optionIds: ["A"] }),
      runner.submitAnswer({ type: "answer-submitted", playerId: "bao", answerId: "bao-0", questionIndex: 0, optionIds: ["Z"] }),
      runner.submitAnswer({ type: "answer-submitted", playerId: "bao", answerId: "bao-1", questionIndex: 0, optionIds: ["B"] }),
      // The last of the three closes the question; an answer after it in the same turn is too late.
      runner.submitAnswer({ type: "answer-submitted", playerId: "chi", answerId: "chi-0", questionIndex: 0, optionIds: ["C"] }),
      runner.submitAnswer({ type: "answer-submitted", playerId: "chi", answerId: "chi-9", questionIndex: 0, optionIds: ["D"] }),
    ]);
    expect(outcomes.map((outcome) => outcome.code)).toEqual(["accepted", "duplicate", "invalid-option", "accepted", "accepted", "too-late"]);
    await Promise.all(outcomes.map((outcome) => outcome.done));
    expect(JSON.stringify(before)).toBe(frozen);
    expect(before.players.every((player) => player.answer === null)).toBe(true);
    expect(runner.state.phase.name).toBe("reveal");
    expect(runner.state.lastResult?.answeredCount).toBe(3);
    expect(log.filter((entry) => entry.startsWith("answers"))).toEqual(["answers:ann,ann,bao,chi"]);
    runner.abandon();
  });

  it("refuses to acknowledge an answer whose write failed, and announces nothing after it", async () => {
    const { runner, log, failNextAnswers } = await runnerInQuestion();
    await Promise.all([answer(runner, "ann").done, answer(runner, "bao").done]);
    log.length = 0;
    failNextAnswers();
    const last = answer(runner, "chi");
    await expect(last.stored).rejects.toThrow("disk full");
    await last.done;
    expect(log.some((entry) => entry.startsWith("to:"))).toBe(false);
    runner.abandon();
  });
});
