import type { GameState, Phase } from "./game-state";
import { airedStep, delayOf, homePlayer } from "./play-along";
import { broadcastViews, composePlayerView, playerCommonView, playerPersonal, type PlayerPersonal, type PlayerView, type SentPersonal } from "./player-view";

/**
 * What the home players of one path are shown (docs/decisions/038): the studio's game as it has
 * aired on that path, never further. Their view is built by the same functions as a studio
 * player's, from the game as that path shows it: the step of the studio's flow last released to
 * the path, its times moved by the path's delay, the home audience's players and the path's own
 * result. A question that has not aired on a path is not in anything built here.
 */
export function airedState(state: GameState, pathId: string): GameState | null {
  const home = state.playAlong;
  if (!home) return null;
  const step = airedStep(home, pathId);
  if (!step) return null;
  const delay = delayOf(home, pathId);
  const airing = home.airing.find((entry) => entry.pathId === pathId)!;
  return {
    ...state,
    players: home.players,
    phase: shifted(step.phase, delay),
    paused: step.paused && { ...step.paused, since: step.paused.since + delay },
    lastResult: airing.result,
  };
}

/** A home player's whole snapshot, or null for someone who is not a home player (or was kicked). */
export function homePlayerView(state: GameState, playerId: string, now: number): { view: PlayerView; personal: PlayerPersonal; aired: GameState } | null {
  const player = homePlayer(state, playerId);
  if (!player) return null;
  const aired = airedState(state, player.pathId);
  if (!aired) return null;
  const personal = playerPersonal(aired, playerId);
  return personal && { view: composePlayerView(playerCommonView(aired, now), personal), personal, aired };
}

/** One broadcast to a path's players: the common part once, whole snapshots to those whose own part changed. */
export function pathBroadcast(state: GameState, pathId: string, now: number, playerIds: Iterable<string>, sent: Map<string, SentPersonal>) {
  const aired = airedState(state, pathId);
  return aired && broadcastViews(aired, now, playerIds, sent);
}

function shifted(phase: Phase, delay: number): Phase {
  if (delay === 0) return phase;
  if (phase.name === "countdown") return { ...phase, endsAt: phase.endsAt + delay };
  if (phase.name === "question") return { ...phase, openedAt: phase.openedAt + delay, deadline: phase.deadline + delay };
  return phase;
}
