import { randomInt } from "node:crypto";
import type { PrismaClient } from "~/utils/db.server";
import { createGame } from "./create-game";
import type { GameMode, TeamGrouping } from "./game-state";
import { chooseQuestions, liveQuestionFromBank, type QuestionSelection, type ReleaseQuestion } from "./live-games.server";
import { previewGameOf, rundownOf, type DraftEntry, type PreviewGame } from "./rundown";

/**
 * The rundown before a game exists: the questions a new game would get, in order, each as the
 * display will show it (options under the keys the game's shuffle gives them). The host moves
 * questions up and down and swaps one for another from the bank; the game is then created from
 * exactly this list and seed, so what was previewed is what goes on air.
 */
export type DraftSettings = { releaseId: string; mode: GameMode; teamsBy: TeamGrouping | null; timeLimitMs: number; seed: string };

export type Draft =
  | { ok: true; questionIds: string[]; entries: DraftEntry[]; game: PreviewGame }
  | { ok: false; problem: "unknown-release" | "no-matching-questions" | "unknown-questions" | "invalid-questions"; detail?: string };

export async function draftRundown(db: PrismaClient, settings: DraftSettings, selection: QuestionSelection): Promise<Draft> {
  const picked = await chooseQuestions(db, settings.releaseId, selection, settings.seed);
  if (!picked.ok) return picked;
  return draftOf(settings, picked.chosen);
}

function draftOf(settings: DraftSettings, chosen: ReleaseQuestion[]): Draft {
  const created = createGame(
    {
      gameId: "rundown",
      questions: chosen.map((entry) => liveQuestionFromBank(entry.revisionId, entry.question, settings.timeLimitMs)),
      mode: settings.mode,
      teamsBy: settings.teamsBy,
      seed: settings.seed,
    },
    0,
  );
  if (!created.ok) return { ok: false, problem: "invalid-questions", detail: created.questionIndex === null ? undefined : String(created.questionIndex + 1) };
  const entries = rundownOf(created.state).map((entry, index) => ({
    ...entry,
    questionId: chosen[index].questionId,
    topic: chosen[index].topic,
    difficulty: chosen[index].difficulty,
  }));
  return { ok: true, questionIds: chosen.map((entry) => entry.questionId), entries, game: previewGameOf(created.state) };
}

/** The list with one question moved a place up (-1) or down (+1); unchanged at either end. */
export function moveQuestion(questionIds: readonly string[], index: number, direction: -1 | 1): string[] {
  const target = index + direction;
  if (index < 0 || index >= questionIds.length || target < 0 || target >= questionIds.length) return [...questionIds];
  const next = [...questionIds];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

/**
 * Another question in place of one: from the same release, not already in the list, the same
 * topic and difficulty if the bank has one, else the same topic, else any. Null when none is left.
 */
export async function swapQuestion(db: PrismaClient, releaseId: string, questionIds: readonly string[], index: number): Promise<string[] | null> {
  const picked = await chooseQuestions(db, releaseId, { kind: "pick", questionIds: [...questionIds] }, "swap");
  if (!picked.ok || index < 0 || index >= questionIds.length) return null;
  const current = picked.chosen[index];
  const inList = new Set(questionIds);
  const free = picked.available.filter((entry) => !inList.has(entry.questionId));
  const pools = [
    free.filter((entry) => entry.topic === current.topic && entry.difficulty === current.difficulty),
    free.filter((entry) => entry.topic === current.topic),
    free,
  ];
  const pool = pools.find((candidates) => candidates.length > 0);
  if (!pool) return null;
  const next = [...questionIds];
  next[index] = pool[randomInt(pool.length)].questionId;
  return next;
}
