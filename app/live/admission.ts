import { MAX_NAME_LENGTH, MAX_PLAYERS_PER_GAME } from "./constants";
import type { GameState, OutcomeCode } from "./game-state";
import { isNameAllowed } from "./name-filter";

/**
 * Whether a new player may join now under the name they typed, for the studio (transition.ts) and a
 * play-along audience (play-along.ts) alike; `playerCount` is the audience they would join.
 */
export function admitNewPlayer(state: GameState, rawName: string, playerCount: number): { ok: true; name: string } | { ok: false; code: OutcomeCode } {
  // Control and formatting characters (zero-width, right-to-left overrides) have no place on air.
  const name = rawName.normalize("NFC").replace(/\p{C}+/gu, "").replace(/\s+/g, " ").trim();
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) return { ok: false, code: "invalid-name" };
  const phase = state.phase;
  if (phase.name === "podium" || phase.name === "ended") return { ok: false, code: "game-ended" };
  if (state.joinLocked) return { ok: false, code: "game-locked" };
  // Checked before anyone sees the name: the lobby list is on the broadcast display.
  if (!isNameAllowed(name)) return { ok: false, code: "name-not-allowed" };
  // A latecomer cannot be eliminated by questions they never saw, so elimination takes nobody late.
  if (state.settings.mode === "elimination" && phase.name !== "lobby") return { ok: false, code: "game-started" };
  if (playerCount >= MAX_PLAYERS_PER_GAME) return { ok: false, code: "game-full" };
  return { ok: true, name };
}
