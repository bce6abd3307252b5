import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { parseTopicsFile } from "~/bank/question-file";
import { MAX_QUESTIONS_PER_GAME, MAX_TIME_LIMIT_MS, MIN_TIME_LIMIT_MS } from "~/live/constants";
import type { SessionUser } from "~/utils/auth.server";
import type { PrismaClient } from "~/utils/db.server";
import type { Language, MessageKey } from "~/utils/i18n";
import { createLiveGame, type QuestionSelection } from "./live-games.server";
import { draftRundown, moveQuestion, swapQuestion, type Draft } from "./rundown-draft.server";

/** The host's side over HTTP: the create form, the list, ownership. Sockets do the rest. */

export const newGameSchema = z
  .object({
    title: z.string().trim().min(2, "live.new.error.title").max(100, "live.new.error.title"),
    releaseId: z.string().min(1, "live.new.error.release"),
    mode: z.enum(["classic", "elimination"]),
    teamsBy: z.enum(["none", "school", "area"]),
    source: z.enum(["filter", "pick"]),
    topics: z.array(z.string()).default([]),
    difficulty: z.enum(["any", "easy", "medium", "hard"]).default("any"),
    count: z.coerce.number({ error: "live.new.error.count" }).int("live.new.error.count").min(1, "live.new.error.count").max(MAX_QUESTIONS_PER_GAME, "live.new.error.count"),
    questionIds: z.string().default(""),
    timeLimitSeconds: z.coerce
      .number({ error: "live.new.error.timeLimit" })
      .int("live.new.error.timeLimit")
      .min(MIN_TIME_LIMIT_MS / 1000, "live.new.error.timeLimit")
      .max(MAX_TIME_LIMIT_MS / 1000, "live.new.error.timeLimit"),
    // Set by a rundown preview, so the game is created with the option order that was previewed.
    seed: z.string().regex(/^[A-Za-z0-9-]{8,64}$/).optional().catch(undefined),
  })
  .superRefine((value, ctx) => {
    if (value.source === "pick" && idsOf(value.questionIds).length === 0) {
      ctx.addIssue({ code: "custom", path: ["questionIds"], message: "live.new.error.questionIds" });
    }
  });

export type NewGameInput = z.output<typeof newGameSchema>;

function idsOf(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((id) => id.trim())
    .filter(Boolean);
}

export type CreateFromFormResult = { ok: true; gameId: string } | { ok: false; message: MessageKey; params?: Record<string, string> };

function selectionOf(input: NewGameInput): QuestionSelection {
  return input.source === "pick"
    ? { kind: "pick", questionIds: idsOf(input.questionIds) }
    : { kind: "filter", topics: input.topics, difficulty: input.difficulty === "any" ? null : input.difficulty, count: input.count };
}

export async function createGameFromForm(db: PrismaClient, user: SessionUser, input: NewGameInput): Promise<CreateFromFormResult> {
  const selection = selectionOf(input);
  const created = await createLiveGame(
    db,
    {
      hostId: user.id,
      title: input.title,
      releaseId: input.releaseId,
      mode: input.mode,
      teamsBy: input.teamsBy === "none" ? null : input.teamsBy,
      timeLimitMs: input.timeLimitSeconds * 1000,
      selection,
      seed: input.seed,
    },
    Date.now(),
  );
  if (created.ok) return { ok: true, gameId: created.gameId };
  switch (created.problem) {
    case "unknown-release":
      return { ok: false, message: "live.new.error.release" };
    case "unknown-questions":
      return { ok: false, message: "live.new.error.unknownQuestions", params: { ids: created.detail ?? "" } };
    case "no-matching-questions":
      return { ok: false, message: "live.new.error.noMatching" };
    default:
      return { ok: false, message: "live.new.error.setup", params: { index: created.detail ?? "?" } };
  }
}

/** A rundown step of the new-game form: "rundown" (draw and show), "move-up:3", "move-down:3", "swap:3". */
export const RUNDOWN_INTENT = /^(rundown|move-up:\d{1,3}|move-down:\d{1,3}|swap:\d{1,3})$/;

export type RundownFromForm =
  | { ok: true; draft: Extract<Draft, { ok: true }>; values: { source: "pick"; questionIds: string; seed: string } }
  | { ok: false; message: MessageKey; params?: Record<string, string> };

/**
 * Shows (or changes) the rundown of the game the form describes. A filter is drawn once and
 * becomes the list of ids, so moving and swapping work on a fixed list; the seed stays the same
 * from the first draw to the creation.
 */
export async function rundownFromForm(db: PrismaClient, input: NewGameInput, intent: string): Promise<RundownFromForm> {
  const seed = input.seed ?? randomUUID();
  const settings = {
    releaseId: input.releaseId,
    mode: input.mode,
    teamsBy: input.teamsBy === "none" ? null : input.teamsBy,
    timeLimitMs: input.timeLimitSeconds * 1000,
    seed,
  };
  let selection = selectionOf(input);
  const [step, position] = intent.split(":");
  if (step !== "rundown" && selection.kind === "pick") {
    const index = Number(position);
    const ids = selection.questionIds;
    const changed =
      step === "swap" ? await swapQuestion(db, input.releaseId, ids, index) : moveQuestion(ids, index, step === "move-up" ? -1 : 1);
    if (!changed) return { ok: false, message: "broadcast.rundown.nothingToSwap" };
    selection = { kind: "pick", questionIds: changed };
  }
  const draft = await draftRundown(db, settings, selection);
  if (!draft.ok) {
    switch (draft.problem) {
      case "unknown-release":
        return { ok: false, message: "live.new.error.release" };
      case "unknown-questions":
        return { ok: false, message: "live.new.error.unknownQuestions", params: { ids: draft.detail ?? "" } };
      case "no-matching-questions":
        return { ok: false, message: "live.new.error.noMatching" };
      case "invalid-questions":
        return { ok: false, message: "live.new.error.setup", params: { index: draft.detail ?? "?" } };
    }
  }
  return { ok: true, draft, values: { source: "pick", questionIds: draft.questionIds.join("\n"), seed } };
}

/** Topic ids with their labels from question-bank/topics.yaml (ids alone if the file cannot be read). */
export async function topicChoices(db: PrismaClient, language: Language): Promise<{ id: string; label: string }[]> {
  const used = await db.question.findMany({ distinct: ["topic"], select: { topic: true }, orderBy: { topic: "asc" } });
  let labels = new Map<string, string>();
  try {
    const parsed = parseTopicsFile(await readFile(path.resolve("question-bank/topics.yaml"), "utf8"));
    if (parsed.ok) labels = new Map(parsed.value.topics.map((topic) => [topic.id, topic[language]]));
  } catch {
    // The labels are a nicety; the ids still work.
  }
  return used.map(({ topic }) => ({ id: topic, label: labels.get(topic) ?? topic }));
}

/** The game if this user may run it: its host, or an admin. */
export async function ownedGame(db: PrismaClient, user: SessionUser, gameId: string) {
  const game = await db.liveGame.findUnique({
    where: { id: gameId },
    select: { id: true, pin: true, openPin: true, title: true, hostId: true, mode: true, teamsBy: true, status: true, displayToken: true, releaseName: true, createdAt: true },
  });
  if (!game || (game.hostId !== user.id && user.role !== "admin")) return null;
  return game;
}
