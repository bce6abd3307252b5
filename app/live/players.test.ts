import { describe, expect, it } from "vitest";
import type { Player } from "./game-state";
import { findPlayer, findPlayerPosition, presentCount, standingsOf, withEveryPlayer, withPlayerAdded, withPlayerReplaced } from "./players";

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

describe("standings and counts carried from array to array", () => {
  it("keeps the standings through changes that move nobody, and starts new ones when a score or a kick does", () => {
    const players = [player("a", 5), player("b", 3)];
    const reconnected = withPlayerReplaced(players, 1, { ...player("b", 3), connected: false });
    expect(standingsOf(reconnected)).toBe(standingsOf(players));
    const answersCleared = withEveryPlayer(reconnected, (each) => ({ ...each, answer: null }));
    expect(standingsOf(answersCleared)).toBe(standingsOf(players));
    const scored = withPlayerReplaced(answersCleared, 1, player("b", 9));
    expect(standingsOf(scored)).toBe(scored);
    const kicked = withPlayerReplaced(scored, 0, { ...player("a", 5), kicked: true });
    expect(standingsOf(kicked)).toBe(kicked);
    expect(standingsOf(withPlayerAdded(kicked, player("c")))).not.toBe(standingsOf(kicked));
  });

  it("counts the players who are not kicked, as a recount would", () => {
    let players = [player("a"), player("b")];
    expect(presentCount(players)).toBe(2);
    players = withPlayerAdded(players, player("c"));
    players = withPlayerReplaced(players, 1, { ...player("b"), kicked: true });
    expect(presentCount(players)).toBe(2);
    players = withPlayerReplaced(players, 1, { ...player("b"), kicked: true, connected: false });
    expect(presentCount(players)).toBe(2);
    expect(presentCount(JSON.parse(JSON.stringify(players)))).toBe(2);
  });
});
