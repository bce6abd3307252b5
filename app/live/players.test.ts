import { describe, expect, it } from "vitest";
import type { Player } from "./game-state";
import { findPlayer, findPlayerPosition, withEveryPlayer, withPlayerAdded, withPlayerReplaced } from "./players";

function player(id: string, score = 0): Player {
  return { id, name: id, unit: null, joinedAt: 0, connected: true, kicked: false, score, streak: 0, eliminatedAt: null, answer: null, lastOutcome: null };
}

describe("player lookup", () => {
  it("finds players through additions, replacements and whole-array updates", () => {
    let players = [player("a"), player("b")];
    expect(findPlayerPosition(players, "b")).toBe(1);
    players = withPlayerAdded(players, player("c"));
    players = withPlayerReplaced(players, 0, player("a", 10));
    players = withEveryPlayer(players, (each) => ({ ...each, score: each.score + 1 }));
    expect(findPlayer(players, "a")?.score).toBe(11);
    expect(findPlayerPosition(players, "c")).toBe(2);
    expect(findPlayerPosition(players, "nobody")).toBe(-1);
  });

  it("gives right answers on diverging histories sharing one cached index", () => {
    const base = [player("a")];
    findPlayerPosition(base, "a");
    const left = withPlayerAdded(base, player("left-1"));
    const right = withPlayerAdded(base, player("right-1"));
    const leftMore = withPlayerAdded(left, player("x"));
    const rightMore = withPlayerAdded(right, player("x"));
    expect(findPlayerPosition(left, "right-1")).toBe(-1);
    expect(findPlayerPosition(right, "right-1")).toBe(1);
    expect(findPlayerPosition(base, "left-1")).toBe(-1);
    expect(findPlayerPosition(leftMore, "x")).toBe(2);
    expect(findPlayerPosition(rightMore, "x")).toBe(2);
    expect(findPlayerPosition(rightMore, "left-1")).toBe(-1);
  });

  it("works on an array fresh from JSON, with no cached index", () => {
    const players: Player[] = JSON.parse(JSON.stringify([player("a"), player("b"), player("c")]));
    expect(findPlayer(players, "c")?.id).toBe("c");
  });
});
