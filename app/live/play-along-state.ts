import { z } from "zod";
import type { Pause, Phase, Player, QuestionResult } from "./game-state";

/**
 * TV play-along (docs/decisions/038): viewers at home answer on their phones while they watch the
 * broadcast, which reaches them later than the studio by a delay that depends on how it reaches
 * them (terrestrial, satellite, an internet stream). Each distribution path is data the host sets
 * before the game starts. Plain JSON like the rest of GameState.
 */

export const MAX_DELAY_PATHS = 6;
export const MAX_PATH_DELAY_MS = 120_000;
export const MAX_PATH_NAME_LENGTH = 40;
/** The paths as stored (LiveGame.playAlongPaths) and sent by the host: a few short rows at most. */
export const MAX_PATHS_JSON_BYTES = 2_048;

export const pathIdSchema = z.string().regex(/^[a-z0-9-]{1,24}$/);

export const delayPathSchema = z.object({
  id: pathIdSchema,
  name: z.string().trim().min(1).max(MAX_PATH_NAME_LENGTH),
  delayMs: z.number().int().min(0).max(MAX_PATH_DELAY_MS),
});

export const delayPathsSchema = z
  .array(delayPathSchema)
  .max(MAX_DELAY_PATHS)
  .refine((paths) => new Set(paths.map((path) => path.id)).size === paths.length, "duplicate path id");

export type DelayPath = z.infer<typeof delayPathSchema>;

/** A player at home: a player like any other, on the path they watch through. */
export type HomePlayer = Player & { pathId: string };

/** One change of the studio's flow, as it will air on each path `delayMs` later. */
export type AiredStep = { seq: number; at: number; phase: Phase; paused: Pause | null };

/** How far each path has aired, and what its home players have been scored on. */
export type PathAiring = {
  pathId: string;
  /** The last step of the timeline released to this path. */
  airedSeq: number;
  /** The last question this path's players were scored on (-1 before the first). */
  scoredThrough: number;
  /** The home result of the last question scored on this path: its reveal shows it. */
  result: QuestionResult | null;
};

export type PlayAlong = {
  paths: DelayPath[];
  /** In join order; a player's position never changes (as for the studio's players). */
  players: HomePlayer[];
  /** The studio's flow changes not yet aired on every path, oldest first. */
  timeline: AiredStep[];
  airing: PathAiring[];
};

/** Paths stored as JSON text: parsed with the byte limit first; anything wrong is no paths. */
export function parseStoredPaths(json: string | null | undefined): DelayPath[] {
  if (!json || new TextEncoder().encode(json).length > MAX_PATHS_JSON_BYTES) return [];
  try {
    const parsed = delayPathsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
