import {
  DEFAULT_COUNTDOWN_MS,
  MAX_COUNTDOWN_MS,
  MAX_QUESTIONS_PER_GAME,
  MAX_RESCUES_PER_GAME,
  MAX_TIME_LIMIT_MS,
  MIN_TIME_LIMIT_MS,
} from "./constants";
import type { GameMode, GameSettings, GameState, LiveQuestion, TeamGrouping } from "./game-state";
import { seededShuffle } from "./shuffle";

export type NewGame = {
  gameId: string;
  questions: LiveQuestion[];
  mode: GameMode;
  seed: string;
  teamsBy?: TeamGrouping | null;
  rescues?: number;
  countdownMs?: number;
};

export type GameSetupIssue =
  | "no-questions"
  | "too-many-questions"
  | "time-limit-out-of-range"
  | "too-few-options"
  | "too-many-options"
  | "duplicate-option-id"
  | "wrong-number-of-correct-options"
  | "rescues-out-of-range"
  | "countdown-out-of-range";

export type CreateGameResult =
  | { ok: true; state: GameState }
  | { ok: false; issue: GameSetupIssue; questionIndex: number | null };

// Option keys are the letters A–F (options.ts); the bank allows at most six options too.
const MAX_OPTIONS = 6;

/** A new game in its lobby, options shuffled once for the whole game from `seed`. */
export function createGame(input: NewGame, now: number): CreateGameResult {
  const settings: GameSettings = {
    mode: input.mode,
    teamsBy: input.teamsBy ?? null,
    rescues: input.mode === "elimination" ? (input.rescues ?? 1) : 0,
    countdownMs: input.countdownMs ?? DEFAULT_COUNTDOWN_MS,
    seed: input.seed,
  };
  if (input.questions.length === 0) return refuse("no-questions");
  if (input.questions.length > MAX_QUESTIONS_PER_GAME) return refuse("too-many-questions");
  if (!isWholeIn(settings.rescues, 0, MAX_RESCUES_PER_GAME)) return refuse("rescues-out-of-range");
  if (!isWholeIn(settings.countdownMs, 0, MAX_COUNTDOWN_MS)) return refuse("countdown-out-of-range");

  for (const [index, question] of input.questions.entries()) {
    const issue = questionIssue(question);
    if (issue) return refuse(issue, index);
  }

  return {
    ok: true,
    state: {
      gameId: input.gameId,
      version: 1,
      step: 1,
      createdAt: now,
      updatedAt: now,
      settings,
      questions: input.questions,
      optionOrders: input.questions.map((question, index) => optionOrder(question, `${input.seed}:${index}:${question.revisionId}`)),
      phase: { name: "lobby" },
      paused: null,
      hostConnected: false,
      players: [],
      rescuesUsed: 0,
      voidedQuestions: [],
      lastResult: null,
    },
  };
}

/** True/false keeps its order (Đúng before Sai), as every reader expects; the rest are shuffled. */
function optionOrder(question: LiveQuestion, seed: string): string[] {
  const ids = question.options.map((option) => option.id);
  return question.type === "true-false" ? ids : seededShuffle(ids, seed);
}

function questionIssue(question: LiveQuestion): GameSetupIssue | null {
  if (!isWholeIn(question.timeLimitMs, MIN_TIME_LIMIT_MS, MAX_TIME_LIMIT_MS)) return "time-limit-out-of-range";
  if (question.options.length < 2) return "too-few-options";
  if (question.options.length > MAX_OPTIONS) return "too-many-options";
  if (new Set(question.options.map((option) => option.id)).size !== question.options.length) return "duplicate-option-id";
  const correctCount = question.options.filter((option) => option.correct).length;
  const correctCountFits = question.type === "multiple" ? correctCount >= 1 : correctCount === 1;
  return correctCountFits ? null : "wrong-number-of-correct-options";
}

function isWholeIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function refuse(issue: GameSetupIssue, questionIndex: number | null = null): CreateGameResult {
  return { ok: false, issue, questionIndex };
}
