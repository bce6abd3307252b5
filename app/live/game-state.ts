/**
 * The data of one live game. Everything here is plain JSON (no Map, no Date, no class) so the
 * runner can snapshot it to the database and restore it after a restart (decision 004).
 * Times are milliseconds of the server's clock, handed in as `now`; nothing here reads a clock.
 */

export type LocalisedText = { vi: string; en?: string };

export type QuestionType = "single" | "multiple" | "true-false";

/** A question as it enters a game: already resolved from the bank release the round pins. */
export type LiveQuestion = {
  revisionId: string;
  type: QuestionType;
  prompt: LocalisedText;
  options: LiveOption[];
  timeLimitMs: number;
  explanation: LocalisedText | null;
};

export type LiveOption = { id: string; text: LocalisedText; correct: boolean };

export type GameMode = "classic" | "elimination";
export type TeamGrouping = "school" | "area";

export type GameSettings = {
  mode: GameMode;
  /** Teams are an extra standing on top of either mode: players grouped by their school or area. */
  teamsBy: TeamGrouping | null;
  /** Elimination only: how many times per game the host may bring back the players just eliminated. */
  rescues: number;
  countdownMs: number;
  /** Seeds the option order, so a game can be replayed and explained. */
  seed: string;
};

import type { DelayPath, PlayAlong } from "./play-along-state";

/** Where a player comes from, as the join form resolved it from the unit tree. */
export type PlayerUnit = {
  schoolId: string | null;
  schoolName: string | null;
  areaId: string | null;
  areaName: string | null;
};

/** An answer the server accepted for the current question. Option ids are the revision's. */
export type StoredAnswer = {
  answerId: string;
  questionIndex: number;
  optionIds: string[];
  receivedAt: number;
  /** Measured on the server from the question's opening, pauses excluded, capped at the time limit. */
  elapsedMs: number;
};

/** What the last scored question did for one player. */
export type QuestionOutcome = {
  questionIndex: number;
  answered: boolean;
  correct: boolean;
  points: number;
  streakBonus: number;
  eliminatedNow: boolean;
  rescued: boolean;
};

export type Player = {
  id: string;
  name: string;
  unit: PlayerUnit | null;
  joinedAt: number;
  connected: boolean;
  /** Kicked players keep their place in `players` (positions never change) but take no further part. */
  kicked: boolean;
  score: number;
  /** Consecutive correct answers up to the last scored question. */
  streak: number;
  /** Index of the question that eliminated this player, or null while standing. */
  eliminatedAt: number | null;
  answer: StoredAnswer | null;
  lastOutcome: QuestionOutcome | null;
};

export type Phase =
  | { name: "lobby" }
  | { name: "countdown"; questionIndex: number; endsAt: number }
  | {
      name: "question";
      questionIndex: number;
      /** Moved forward by every pause, so `now - openedAt` is the answering time with pauses left out. */
      openedAt: number;
      /** The deadline players see; answers are taken until `deadline + ANSWER_GRACE_MS`. */
      deadline: number;
      answeredCount: number;
      /** Players who may answer: not kicked, not eliminated. The question closes early once all have. */
      expectedCount: number;
    }
  | { name: "reveal"; questionIndex: number }
  | { name: "leaderboard"; questionIndex: number }
  | { name: "podium" }
  | { name: "ended"; reason: "finished" | "host-ended" | "idle" };

export type PhaseName = Phase["name"];

export type PauseReason = "host" | "host-disconnected" | "restart";
export type Pause = { since: number; reason: PauseReason };

/** The answer statistics of the last scored question. Option ids are the revision's. */
export type QuestionResult = {
  questionIndex: number;
  correctOptionIds: string[];
  histogram: Record<string, number>;
  answeredCount: number;
  correctCount: number;
  eliminatedCount: number;
  rescued: boolean;
};

export type GameState = {
  gameId: string;
  /** Bumped on every change: orders snapshots and tells the runner whether anything changed. */
  version: number;
  /**
   * Bumped on every change of the game's flow (phase, pause, resume, rescue), not on joins or
   * answers. Host commands carry the step they were issued at; a stale one is refused, so a
   * double-clicked "next" cannot skip a question while thousands of answers keep `version` moving.
   */
  step: number;
  /**
   * When this run of the game began: its creation, or the restore after a restart. Views carry it
   * before `version`, so every snapshot after a restart orders after every one sent before it,
   * even when the stored snapshot lagged behind the versions the screens had already seen.
   */
  epoch?: number;
  /** Set by a clean shutdown: the game resumes by itself when it is loaded again (decision 023). */
  resumeOnLoad?: boolean;
  createdAt: number;
  updatedAt: number;
  settings: GameSettings;
  questions: LiveQuestion[];
  /** Per question, the option ids in the order players see them (shuffled once per game). */
  optionOrders: string[][];
  phase: Phase;
  paused: Pause | null;
  hostConnected: boolean;
  /** In join order; a player's position never changes. */
  players: Player[];
  rescuesUsed: number;
  voidedQuestions: number[];
  lastResult: QuestionResult | null;
  /** The host closed the door: no new player may join (players already in may reconnect). Absent in snapshots from before the lock existed. */
  joinLocked?: boolean;
  /** The home audience of a TV play-along game (play-along.ts); absent for a studio-only game. */
  playAlong?: PlayAlong;
};

/** The runner arms at most one timer per game; a new schedule replaces the pending one. */
export type TimerRef = { kind: "countdown-ended" | "question-closed"; questionIndex: number };

/** The row the runner writes to the answers table, the record of truth for every accepted answer. */
export type PersistedAnswer = {
  gameId: string;
  playerId: string;
  answerId: string;
  questionIndex: number;
  revisionId: string;
  optionIds: string[];
  receivedAt: number;
  elapsedMs: number;
};

export type Recipient = { role: "player"; playerId: string } | { role: "host" };

/**
 * What the runner must do, in the order given: persistence first, so nothing is announced before
 * it is stored and no answer is acknowledged before it is written.
 */
export type Effect =
  /**
   * Write a snapshot of the state. `urgent`: write it before performing the effects that follow
   * (a flow change, a kick). Otherwise (a join) the runner may coalesce several into one write a
   * moment later; connection flags and answers need no snapshot (restore resets the one, the
   * answers table holds the other).
   */
  | { type: "persist-state"; urgent: boolean }
  | { type: "persist-answer"; answer: PersistedAnswer }
  | { type: "schedule"; timer: TimerRef; at: number }
  | { type: "cancel-timer" }
  /** Every audience's snapshot changed: each player, the host and the display get their own view. */
  | { type: "broadcast" }
  | { type: "send"; to: Recipient }
  /** Only counters on the host and display screens changed: send them throttled, a few per second. */
  | { type: "refresh-staff" }
  | { type: "disconnect"; playerId: string; reason: "kicked" }
  /** Play-along: fire `paths-aired` at `at` (one airing timer per game; a new one replaces it). */
  | { type: "schedule-airing"; at: number }
  /** Play-along: the players of one path get their view of what has aired for them. */
  | { type: "broadcast-path"; pathId: string }
  /**
   * Play-along: these paths' home players were just scored; their scores and the points of their
   * answers go to the tables (after the snapshot, as the studio's do after a reveal).
   */
  | { type: "persist-scores"; pathIds: string[] };

export type FlowCommand = "start" | "next" | "pause" | "resume" | "skip" | "rescue" | "end";

export type HostCommand =
  | { command: FlowCommand; step: number }
  /** A kick is idempotent and tied to no phase, so it carries no step. */
  | { command: "kick"; playerId: string }
  /** Locking the door to new players is idempotent too. */
  | { command: "lock" }
  | { command: "unlock" };

export type GameEvent =
  | { type: "player-joined"; playerId: string; name: string; unit: PlayerUnit | null }
  | { type: "player-reconnected"; playerId: string }
  /** The player's last socket went away. They keep their score and may come back. */
  | { type: "player-left"; playerId: string }
  /**
   * `optionIds` are the ids the player's view shows ("A", "B", … in display order), never the
   * revision's own ids, which could give away the correct option. `questionIndex` binds a retried
   * answer to its question, so a late retry can never count for the next one.
   */
  | { type: "answer-submitted"; playerId: string; answerId: string; questionIndex: number; optionIds: string[] }
  | { type: "host-connected" }
  /** The host's last socket went away. */
  | { type: "host-disconnected" }
  | ({ type: "host-command" } & HostCommand)
  | { type: "timer-fired"; timer: TimerRef }
  /** The runner's periodic sweep: a lobby nobody touched for LOBBY_IDLE_MS closes and frees its PIN. */
  | { type: "idle-check" }
  /** Play-along (play-along.ts): a viewer at home joins on the path they watch through. */
  | { type: "home-player-joined"; playerId: string; name: string; unit: PlayerUnit | null; pathId: string }
  /** A home player picks another path: only in the lobby. */
  | { type: "home-path-changed"; playerId: string; pathId: string }
  /** The host sets the distribution paths and their delays: only in the lobby. */
  | { type: "play-along-configured"; paths: DelayPath[] }
  /** The runner's airing timer: release to each path what has aired for it by now. */
  | { type: "paths-aired" };

export type AnswerCode =
  | "accepted"
  | "duplicate"
  | "already-answered"
  | "too-late"
  | "not-in-question"
  | "eliminated"
  | "invalid-option"
  | "paused";

export type OutcomeCode =
  | AnswerCode
  | "ok"
  | "joined"
  | "already-joined"
  | "unknown-player"
  | "kicked"
  | "game-full"
  | "game-started"
  | "game-ended"
  | "invalid-name"
  | "name-not-allowed"
  | "game-locked"
  | "not-idle"
  | "stale-step"
  | "not-allowed-in-phase"
  | "no-players"
  | "already-paused"
  | "not-paused"
  | "not-elimination"
  | "no-rescue-left"
  | "nobody-to-rescue"
  | "stale-timer"
  | "unknown-path"
  | "path-locked"
  | "invalid-paths";

export type TransitionResult = {
  state: GameState;
  effects: Effect[];
  /** `ok` tells the transport whether to ack success; `code` says what happened, for the UI to translate. */
  ok: boolean;
  code: OutcomeCode;
};
