import { describe, expect, it } from "vitest";
import { makeGame, openFirstQuestion, withPlayers } from "./__fixtures__/live-game";
import type { RunnerOutput } from "./game-runner.server";
import type { GameState, PersistedAnswer } from "./game-state";
import { LiveRegistry } from "./live-registry.server";
import type { LiveStore } from "./live-store.server";

/** A store keeping the last snapshot in memory, as the database would between two processes. */
function memoryStore(initial: GameState) {
  let snapshot: GameState = JSON.parse(JSON.stringify(initial));
  const answers: PersistedAnswer[] = [];
  const store: LiveStore = {
    async insertPlayers() {},
    async writeAnswers(rows) {
      answers.push(...rows);
    },
    async writeSnapshot(state) {
      snapshot = JSON.parse(JSON.stringify(state));
    },
    async writeScores() {},
    async deletePlayer() {},
    async setHomePath() {},
    async setPlayAlongPaths() {},
    async loadSnapshot() {
      return JSON.parse(JSON.stringify(snapshot));
    },
    async loadAnswers() {
      return answers;
    },
  };
  return { store, current: () => snapshot };
}

const silentOutput: RunnerOutput = {
  connectedPlayers: () => [],
  toPlayer: () => undefined,
  toPlayers: () => undefined,
  toStaff: () => undefined,
  kick: () => undefined,
};

function registryAt(store: LiveStore, clock: { now: number }) {
  const registry = new LiveRegistry({ store, now: () => clock.now, log: () => undefined });
  registry.connect(() => silentOutput);
  return registry;
}

describe("LiveRegistry across a restart", () => {
  const game = openFirstQuestion(withPlayers(makeGame({ gameId: "g1" }), ["ann", "bao"]), 10_000);

  it("after a crash, brings a running question back paused for the host", async () => {
    const memory = memoryStore(game);
    const clock = { now: 12_000 };
    const first = registryAt(memory.store, clock);
    await first.get("g1");
    await first.abandon();

    clock.now = 60_000;
    const second = registryAt(memory.store, clock);
    const runner = await second.get("g1");
    expect(runner?.state.paused?.reason).toBe("restart");
    await second.close();
  });

  it("after a planned restart, carries on by itself with the time that was left", async () => {
    const memory = memoryStore(game);
    const clock = { now: 12_000 };
    const first = registryAt(memory.store, clock);
    const before = await first.get("g1");
    const deadline = before!.state.phase.name === "question" ? before!.state.phase.deadline : 0;
    await first.close({ resumeOnLoad: true });
    expect(memory.current().resumeOnLoad).toBe(true);

    clock.now = 20_000;
    const second = registryAt(memory.store, clock);
    const runner = await second.get("g1");
    expect(runner?.state.paused).toBeNull();
    expect(runner?.state.resumeOnLoad).toBeUndefined();
    // The clock stood still from the last moment the game was known alive (12 000 at the latest).
    const phase = runner!.state.phase;
    expect(phase.name).toBe("question");
    if (phase.name === "question") expect(phase.deadline).toBeGreaterThanOrEqual(deadline + 8_000);
    expect(await second.overview()).toEqual([{ gameId: "g1", phase: "question", paused: false, players: 2, connectedPlayers: 0 }]);
    await second.close();
  });
});

describe("LiveRegistry lets an ended game go", () => {
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  function lingeringRegistry(store: LiveStore, retired: string[]) {
    const registry = new LiveRegistry({ store, log: () => undefined, endedLingerMs: 30, onRetired: async (gameId) => void retired.push(gameId) });
    registry.connect(() => silentOutput);
    return registry;
  }

  it("leaves memory after the linger, its end stored; a later request loads it again, and it goes again", async () => {
    const memory = memoryStore(withPlayers(makeGame({ gameId: "g-end" }), ["ann"]));
    const retired: string[] = [];
    const registry = lingeringRegistry(memory.store, retired);
    const runner = (await registry.get("g-end"))!;
    await runner.dispatch({ type: "host-command", command: "end", step: runner.state.step }).done;
    expect(registry.has("g-end")).toBe(true);
    await wait(150);
    expect(registry.has("g-end")).toBe(false);
    expect(retired).toEqual(["g-end"]);
    expect(memory.current().phase.name).toBe("ended");

    const again = await registry.get("g-end");
    expect(again?.state.phase.name).toBe("ended");
    await wait(150);
    expect(registry.has("g-end")).toBe(false);
    expect(retired).toEqual(["g-end", "g-end"]);
  });

  it("keeps a play-along game until its end has aired on the most delayed path", async () => {
    const memory = memoryStore(withPlayers(makeGame({ gameId: "g-home" }), ["ann"]));
    const retired: string[] = [];
    const registry = lingeringRegistry(memory.store, retired);
    const runner = (await registry.get("g-home"))!;
    await runner.dispatch({ type: "play-along-configured", paths: [{ id: "fm", name: "FM", delayMs: 400 }] }).done;
    await runner.dispatch({ type: "host-command", command: "end", step: runner.state.step }).done;
    await wait(200);
    // The studio ended 200 ms ago; the radio's listeners see it 200 ms from now.
    expect(registry.has("g-home")).toBe(true);
    expect(retired).toEqual([]);
    await wait(500);
    expect(registry.has("g-home")).toBe(false);
    expect(retired).toEqual(["g-home"]);
  });
});
