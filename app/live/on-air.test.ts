import { describe, expect, it } from "vitest";
import { LOBBY_IDLE_MS } from "./constants";
import type { GameState } from "./game-state";
import { displayView, hostView } from "./player-view";
import { transition } from "./transition";
import { makeGame, must, withPlayers } from "./__fixtures__/live-game";

// The guards of a game shown on air, driven with a fake clock: lock, names, kicks, idle lobbies.

const joinAs = (state: GameState, playerId: string, name: string, now: number) =>
  transition(state, { type: "player-joined", playerId, name, unit: null }, now);

describe("locking the game to new players", () => {
  it("refuses new players once the host locks, lets players already in reconnect, and reopens on unlock", () => {
    let game = withPlayers(makeGame(), ["ann"]);
    const locked = must(game, { type: "host-command", command: "lock" }, 1_000);
    expect(locked.effects).toEqual([{ type: "persist-state", urgent: true }, { type: "refresh-staff" }]);
    game = locked.state;
    expect(hostView(game, 1_000).controls?.joinLocked).toBe(true);

    expect(joinAs(game, "troll", "Người lạ", 2_000)).toMatchObject({ ok: false, code: "game-locked" });
    game = must(game, { type: "player-left", playerId: "ann" }, 3_000).state;
    expect(transition(game, { type: "player-reconnected", playerId: "ann" }, 4_000).ok).toBe(true);

    game = must(game, { type: "host-command", command: "unlock" }, 5_000).state;
    expect(joinAs(game, "bao", "Bảo", 6_000)).toMatchObject({ ok: true, code: "joined" });
  });

  it("is idempotent and needs no step, so a double tap changes nothing", () => {
    const once = must(makeGame(), { type: "host-command", command: "lock" }, 1).state;
    const twice = must(once, { type: "host-command", command: "lock" }, 2);
    expect(twice.state).toBe(once);
    expect(twice.effects).toEqual([]);
  });

  it("keeps working in a snapshot written before the lock existed", () => {
    const old = makeGame();
    delete (old as { joinLocked?: boolean }).joinLocked;
    expect(joinAs(old, "ann", "An", 1)).toMatchObject({ ok: true });
    expect(hostView(old, 1).controls?.joinLocked).toBe(false);
  });
});

describe("names on air", () => {
  it("refuses an offensive name before it reaches any screen", () => {
    const game = makeGame();
    for (const name of ["Đụ má", "fuck you", "v.c.l"]) {
      const result = joinAs(game, `p-${name}`, name, 1);
      expect(result).toMatchObject({ ok: false, code: "name-not-allowed" });
      expect(result.state).toBe(game);
    }
    expect(displayView(game, 1).lobby).toEqual([]);
  });

  it("takes ordinary Vietnamese names and strips invisible characters", () => {
    let game = makeGame();
    game = must(game, { type: "player-joined", playerId: "a", name: "Ngọc Bích", unit: null }, 1).state;
    game = must(game, { type: "player-joined", playerId: "b", name: "Phúc\u200b\u202e  7A", unit: null }, 2).state;
    expect(displayView(game, 2).lobby?.map((row) => row.name)).toEqual(["Phúc 7A", "Ngọc Bích"]);
    expect(joinAs(game, "c", "\u200b\u200b", 3)).toMatchObject({ ok: false, code: "invalid-name" });
  });

  it("never shows a removed name on the display, in the lobby or on the boards", () => {
    let game = withPlayers(makeGame(), ["ann", "bao", "cuong"]);
    game = must(game, { type: "host-command", command: "kick", playerId: "bao" }, 10).state;
    const names = JSON.stringify(displayView(game, 10));
    expect(names).not.toContain("Bạn bao");
    expect(displayView(game, 10).lobby?.map((row) => row.id)).toEqual(["cuong", "ann"]);
    // A removed player cannot come back under the same id either.
    expect(joinAs(game, "bao", "Bạn bao", 11)).toMatchObject({ ok: false, code: "kicked" });
  });
});

describe("idle lobbies", () => {
  it("closes a lobby nobody touched for LOBBY_IDLE_MS, and not a minute sooner", () => {
    const game = withPlayers(makeGame({}, 0), ["ann"], 1_000);
    expect(transition(game, { type: "idle-check" }, 1_000 + LOBBY_IDLE_MS - 60_000)).toMatchObject({ ok: false, code: "not-idle" });
    const closed = must(game, { type: "idle-check" }, 1_000 + LOBBY_IDLE_MS);
    expect(closed.state.phase).toEqual({ name: "ended", reason: "idle" });
    expect(closed.effects[0]).toEqual({ type: "persist-state", urgent: true });
  });

  it("restarts the count on any join, and never closes a running game", () => {
    let game = withPlayers(makeGame({}, 0), ["ann"], 0);
    game = must(game, { type: "player-joined", playerId: "bao", name: "Bảo", unit: null }, LOBBY_IDLE_MS - 1).state;
    expect(transition(game, { type: "idle-check" }, LOBBY_IDLE_MS + 1).ok).toBe(false);
    const running = must(game, { type: "host-command", command: "start", step: game.step }, LOBBY_IDLE_MS).state;
    expect(transition(running, { type: "idle-check" }, 10 * LOBBY_IDLE_MS).ok).toBe(false);
  });
});
