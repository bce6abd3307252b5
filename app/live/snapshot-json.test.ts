import { describe, expect, it } from "vitest";
import { snapshotEncoder } from "./snapshot-json";
import { transition } from "./transition";
import { answer, makeGame, openFirstQuestion, rightKeys, withPlayers } from "./__fixtures__/live-game";

describe("the snapshot's JSON", () => {
  it("is the same value as JSON.stringify of the state, before and after players change", () => {
    const snapshotJson = snapshotEncoder();
    const opened = openFirstQuestion(withPlayers(makeGame(), ["ann", "bao", "chi"]), 10_000);
    expect(JSON.parse(snapshotJson(opened))).toEqual(JSON.parse(JSON.stringify(opened)));
    // Encoded once, the players that did not change are reused; the one that answered is new.
    const answered = answer(opened, "bao", rightKeys(opened, 0), 11_000).state;
    expect(JSON.parse(snapshotJson(answered))).toEqual(JSON.parse(JSON.stringify(answered)));
    expect(JSON.parse(snapshotJson(answered)).players[1].answer.questionIndex).toBe(0);
    // A state older than the last one encoded (another history) is encoded as it is.
    expect(JSON.parse(snapshotJson(opened))).toEqual(JSON.parse(JSON.stringify(opened)));
  });

  it("holds a game with no players", () => {
    const snapshotJson = snapshotEncoder();
    const empty = makeGame();
    expect(JSON.parse(snapshotJson(empty))).toEqual(JSON.parse(JSON.stringify(empty)));
  });

  it("holds a play-along game's home players the same way", () => {
    const snapshotJson = snapshotEncoder();
    let state = transition(withPlayers(makeGame(), ["ann"]), { type: "play-along-configured", paths: [{ id: "tv", name: "TV", delayMs: 2_000 }] }, 0).state;
    state = transition(state, { type: "home-player-joined", playerId: "home-1", name: "Nhà", unit: null, pathId: "tv" }, 10).state;
    expect(JSON.parse(snapshotJson(state))).toEqual(JSON.parse(JSON.stringify(state)));
    const again = transition(state, { type: "home-player-joined", playerId: "home-2", name: "Nhà 2", unit: null, pathId: "tv" }, 20).state;
    expect(JSON.parse(snapshotJson(again))).toEqual(JSON.parse(JSON.stringify(again)));
  });
});
