import type { GameState, LocalisedText, QuestionType } from "./game-state";
import { displayedOptions } from "./options";
import type { StaffView } from "./player-view";

/**
 * The game's questions as the staff prepare them: in play order, options under the keys the
 * display will show them with ("A", "B", …), the correct ones marked, and the explanation. Only
 * staff screens get this, over HTTP from the stored game (the rundown before creating a game, the
 * presenter's view); no socket view carries it, so no player payload can.
 */
export type RundownEntry = {
  index: number;
  revisionId: string;
  type: QuestionType;
  prompt: LocalisedText;
  options: { key: string; text: LocalisedText; correct: boolean }[];
  correctKeys: string[];
  explanation: LocalisedText | null;
  timeLimitMs: number;
};

/** A rundown entry before the game exists, with where it comes from in the bank. */
export type DraftEntry = RundownEntry & { questionId: string; topic: string; difficulty: string };

export function rundownOf(state: GameState): RundownEntry[] {
  return state.questions.map((question, index) => {
    const options = displayedOptions(state, index).map(({ key, option }) => ({ key, text: option.text, correct: option.correct }));
    return {
      index,
      revisionId: question.revisionId,
      type: question.type,
      prompt: question.prompt,
      options,
      correctKeys: options.filter((option) => option.correct).map((option) => option.key),
      explanation: question.explanation,
      timeLimitMs: question.timeLimitMs,
    };
  });
}

/** What a preview needs to know of its game besides the question. */
export type PreviewGame = { gameId: string; mode: GameState["settings"]["mode"]; teamsBy: GameState["settings"]["teamsBy"]; questionCount: number };

export function previewGameOf(state: Pick<GameState, "gameId" | "settings" | "questions">): PreviewGame {
  return { gameId: state.gameId, mode: state.settings.mode, teamsBy: state.settings.teamsBy, questionCount: state.questions.length };
}

/**
 * The display's snapshot of a question just opened, built from a rundown entry: what the rundown
 * previews. It holds what the display's own view holds at that moment and nothing more (no key).
 */
export function previewView(game: PreviewGame, entry: RundownEntry): StaffView {
  return {
    audience: "display",
    gameId: game.gameId,
    epoch: 0,
    version: 0,
    serverTime: 0,
    phase: "question",
    paused: null,
    mode: game.mode,
    teamsBy: game.teamsBy,
    questionCount: game.questionCount,
    countdown: null,
    question: {
      index: entry.index,
      type: entry.type,
      prompt: entry.prompt,
      options: entry.options.map((option) => ({ id: option.key, text: option.text })),
      timeLimitMs: entry.timeLimitMs,
      deadline: null,
      remainingMs: entry.timeLimitMs,
    },
    result: null,
    podium: null,
    counts: { players: 0, connected: 0, standing: 0, answered: 0 },
    lobby: null,
    leaderboard: null,
    teams: null,
    controls: null,
  };
}

/** Where a staff screen is in the rundown: the question on (or about to be on) screen, and the one after. */
export function rundownPosition(view: Pick<StaffView, "phase" | "question" | "countdown">, lastKnown: number | null, questionCount: number) {
  const current =
    view.question?.index ??
    view.countdown?.questionIndex ??
    (view.phase === "lobby" ? null : lastKnown);
  const next = current === null ? (view.phase === "lobby" ? 0 : null) : current + 1 < questionCount ? current + 1 : null;
  return { current, next };
}
