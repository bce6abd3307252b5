import { z } from "zod";
import { MAX_NAME_LENGTH } from "~/live/constants";
import { delayPathsSchema, pathIdSchema } from "~/live/play-along-state";

/** Every Socket.IO payload is checked here before anything else reads it. */

const gameId = z.string().min(1).max(64);
const token = z.string().min(16).max(128);

export const hostWatchSchema = z.object({ gameId });
export const displayWatchSchema = z.object({ gameId, token });

export const hostCommandSchema = z.discriminatedUnion("command", [
  z.object({
    gameId,
    command: z.enum(["start", "next", "pause", "resume", "skip", "rescue", "end"]),
    step: z.number().int().nonnegative(),
  }),
  z.object({ gameId, command: z.literal("kick"), playerId: z.string().min(1).max(64) }),
  z.object({ gameId, command: z.enum(["lock", "unlock"]) }),
]);

export const playerJoinSchema = z.object({
  pin: z.string().regex(/^\d{6}$/),
  name: z.string().trim().min(1).max(MAX_NAME_LENGTH),
  unitId: z.string().min(1).max(64).nullable(),
  /** A viewer at home names their distribution path; absent or null: a player in the studio. */
  pathId: pathIdSchema.nullable().optional(),
});

export const playerPathSchema = z.object({ gameId, pathId: pathIdSchema });

export const hostPlayAlongSchema = z.object({ gameId, paths: delayPathsSchema });

export const playerResumeSchema = z.object({ gameId, token });

export const answerSubmitSchema = z.object({
  gameId,
  questionIndex: z.number().int().nonnegative().max(1000),
  optionIds: z.array(z.string().regex(/^[A-F]$/)).min(1).max(6),
  answerId: z.string().min(1).max(64),
});
