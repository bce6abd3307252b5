import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { parseTopicsFile } from "~/bank/question-file";
import { MAX_QUESTIONS_PER_GAME, MAX_TIME_LIMIT_MS, MIN_TIME_LIMIT_MS } from "~/live/constants";
import type { SessionUser } from "~/utils/auth.server";
import type { PrismaClient } from "~/utils/db.server";
import type { Language, MessageKey } from "~/utils/i18n";
import { createLiveGame, type QuestionSelection } from "./live-games.server";

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

export async function createGameFromForm(db: PrismaClient, user: SessionUser, input: NewGameInput): Promise<CreateFromFormResult> {
  const selection: QuestionSelection =
    input.source === "pick"
      ? { kind: "pick", questionIds: idsOf(input.questionIds) }
      : { kind: "filter", topics: input.topics, difficulty: input.difficulty === "any" ? null : input.difficulty, count: input.count };
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
