import { describe, expect, it } from "vitest";
import { MAX_NAME_LENGTH } from "./constants";
import { displayView, playerView } from "./player-view";
import { transition } from "./transition";
import { uniqueDisplayName } from "./unique-name";
import { makeGame, must } from "./__fixtures__/live-game";
import type { GameState, Player } from "./game-state";

function playerNamed(id: string, name: string): Player {
  return { id, name, unit: null, joinedAt: 0, connected: true, kicked: false, score: 0, streak: 0, eliminatedAt: null, answer: null, lastOutcome: null };
}

const joinAs = (state: GameState, playerId: string, name: string, now = 1) =>
  must(state, { type: "player-joined", playerId, name, unit: null }, now).state;

const namesOf = (state: GameState) => state.players.map((player) => player.name);

describe("duplicate names on screen", () => {
  it("suffixes a second and a third player of the same name, and the screens show the suffixed names", () => {
    let game = makeGame();
    game = joinAs(game, "a", "Minh");
    game = joinAs(game, "b", "Minh");
    game = joinAs(game, "c", "Minh");
    expect(namesOf(game)).toEqual(["Minh", "Minh (2)", "Minh (3)"]);
    expect(playerView(game, "b", 2)?.me.name).toBe("Minh (2)");
    expect(displayView(game, 2).lobby?.map((entry) => entry.name)).toEqual(["Minh (3)", "Minh (2)", "Minh"]);
  });

  it("compares without case and spacing but keeps tone marks apart", () => {
    let game = makeGame();
    game = joinAs(game, "a", "Lan Anh");
    game = joinAs(game, "b", "  lan   ANH ");
    game = joinAs(game, "c", "Mính");
    game = joinAs(game, "d", "Minh");
    expect(namesOf(game)).toEqual(["Lan Anh", "lan ANH (2)", "Mính", "Minh"]);
  });

  it("skips a suffix someone already typed as their name", () => {
    let game = makeGame();
    game = joinAs(game, "a", "Hà");
    game = joinAs(game, "b", "Hà (2)");
    game = joinAs(game, "c", "Hà");
    expect(namesOf(game)).toEqual(["Hà", "Hà (2)", "Hà (3)"]);
  });

  it("keeps a removed player's name taken, so one name on screen always means one person", () => {
    let game = joinAs(makeGame(), "a", "Tuấn");
    game = must(game, { type: "host-command", command: "kick", playerId: "a" }, 2).state;
    game = joinAs(game, "b", "Tuấn", 3);
    expect(namesOf(game)).toEqual(["Tuấn", "Tuấn (2)"]);
  });

  it("shortens a long name so the suffixed one still fits the length limit", () => {
    const long = "Nguyễn Thị Phương Thảo Trường THCS Yên Thế";
    const name = long.slice(0, MAX_NAME_LENGTH);
    let game = joinAs(makeGame(), "a", name);
    game = joinAs(game, "b", name);
    const second = game.players[1].name;
    expect(second.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
    expect(second).toMatch(/^Nguyễn Thị Phương Thảo Trường THCS.* \(2\)$/);
  });

  it("gives a reconnecting player their own name back, not a suffixed one", () => {
    let game = joinAs(makeGame(), "a", "Minh");
    const again = transition(game, { type: "player-joined", playerId: "a", name: "Minh", unit: null }, 2);
    expect(again.code).toBe("already-joined");
    game = again.state;
    expect(namesOf(game)).toEqual(["Minh"]);
  });

  it("sees players restored from a snapshot (a new state object) and players of another game apart", () => {
    let game = joinAs(makeGame(), "a", "Minh");
    const restored: GameState = JSON.parse(JSON.stringify(game));
    expect(uniqueDisplayName(restored, "minh")).toBe("minh (2)");
    const other = makeGame({ gameId: "game-2" });
    expect(uniqueDisplayName(other, "Minh")).toBe("Minh");
    game = joinAs(game, "b", "Bảo");
    expect(uniqueDisplayName(game, "bảo")).toBe("bảo (2)");
  });

  it("answers from the state it is given when tests branch one state two ways", () => {
    const base = joinAs(makeGame(), "a", "An");
    const left = joinAs(base, "b", "Minh");
    const right = joinAs(base, "c", "Lan");
    expect(uniqueDisplayName(left, "Minh")).toBe("Minh (2)");
    expect(uniqueDisplayName(right, "Minh")).toBe("Minh");
    expect(uniqueDisplayName(right, "Lan")).toBe("Lan (2)");
  });

  it("holds at the size of a broadcast game: the 5,000th Minh is Minh (5000)", () => {
    // Joins without the engine's other checks (the name filter would take some numbers for slang).
    const settings = makeGame().settings;
    const players: Player[] = [];
    for (let index = 0; index < 10_000; index += 1) {
      const name = uniqueDisplayName({ settings, players }, index % 2 === 0 ? "Minh" : `Bạn ${index}`);
      players.push(playerNamed(`p${index}`, name));
    }
    expect(players[9_998].name).toBe("Minh (5000)");
    expect(new Set(players.map((player) => player.name.toLowerCase())).size).toBe(10_000);
  });
});
