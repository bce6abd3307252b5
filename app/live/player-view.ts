import { LEADERBOARD_SIZE, LOBBY_NAMES_SHOWN } from "./constants";
import type {
  GameMode,
  GameState,
  LocalisedText,
  PauseReason,
  PhaseName,
  Player,
  QuestionType,
  TeamGrouping,
} from "./game-state";
import { displayedOptions, keysForOptionIds } from "./options";
import { findPlayer } from "./players";
import { rankPlayers } from "./ranking";
import { teamOf, teamStandings, type TeamStanding } from "./teams";

/**
 * What each screen is sent: a whole snapshot (`game:state`) it renders from, so a reconnect is one
 * more snapshot. Built from the state and the server's `now`; nothing the screen may not know
 * goes in. Before the reveal no view holds which option is correct, and a player's view never
 * holds another player's choice. Option ids in every view are the display keys ("A", "B", …).
 */

type ViewBase = {
  gameId: string;
  version: number;
  serverTime: number;
  phase: PhaseName;
  paused: PauseReason | null;
  mode: GameMode;
  teamsBy: TeamGrouping | null;
  questionCount: number;
  countdown: CountdownView | null;
  /** The question on screen: during the question and its reveal. */
  question: QuestionView | null;
  /** The answer and statistics: during the reveal only. */
  result: ResultView | null;
  /** Top three, once the game is over. */
  podium: LeaderRow[] | null;
};

export type CountdownView = { questionIndex: number; endsAt: number; remainingMs: number };

export type QuestionView = {
  index: number;
  type: QuestionType;
  prompt: LocalisedText;
  options: { id: string; text: LocalisedText }[];
  timeLimitMs: number;
  /** The deadline on the server's clock (null once revealed); the client applies its clock offset (clock-sync.ts). */
  deadline: number | null;
  /** Time left as of `serverTime`, frozen while paused. */
  remainingMs: number;
};

export type ResultView = {
  correctOptionIds: string[];
  histogram: Record<string, number>;
  answeredCount: number;
  correctCount: number;
  eliminatedCount: number;
  rescued: boolean;
  explanation: LocalisedText | null;
};

export type LeaderRow = {
  playerId: string;
  name: string;
  unitName: string | null;
  score: number;
  rank: number;
  eliminated: boolean;
};

export type PlayerView = ViewBase & {
  audience: "player";
  me: {
    id: string;
    name: string;
    score: number;
    streak: number;
    rank: number;
    playerCount: number;
    eliminated: boolean;
    team: { id: string; name: string; rank: number; averageScore: number } | null;
  };
  myAnswer: { optionIds: string[]; elapsedMs: number } | null;
  /** What the revealed question did for this player. */
  myOutcome: {
    answered: boolean;
    correct: boolean;
    points: number;
    streakBonus: number;
    eliminatedNow: boolean;
    rescued: boolean;
  } | null;
};

export type StaffView = ViewBase & {
  audience: "host" | "display";
  counts: { players: number; connected: number; standing: number; answered: number | null };
  /** Latest joiners, newest first, in the lobby. */
  lobby: { id: string; name: string; unitName: string | null }[] | null;
  leaderboard: LeaderRow[] | null;
  teams: TeamStanding[] | null;
  /** Host only. */
  controls: HostControls | null;
};

export type HostControls = {
  /** Host commands carry this, and are refused once the game has moved on. */
  step: number;
  hostConnected: boolean;
  /** What "next" would do now, for the button's label; null when it does nothing. */
  next: "start" | "open-question" | "close-question" | "show-leaderboard" | "next-question" | "show-podium" | "end" | null;
  rescuesLeft: number;
  /** How many players a rescue would bring back now. */
  rescuable: number;
};

// Rankings are shared by every view built from the same players array (one broadcast builds
// thousands of views); the cache is keyed by that array, so it can never be stale.
const rankingCache = new WeakMap<readonly Player[], Ranking>();
type Ranking = { ranks: Map<string, number>; rows: LeaderRow[]; teams: TeamStanding[] | null; teamRanks: Map<string, TeamStanding> };

function rankingOf(state: GameState): Ranking {
  const cached = rankingCache.get(state.players);
  if (cached) return cached;
  const ranked = rankPlayers(state.players, state.settings.mode);
  const teams = state.settings.teamsBy ? teamStandings(state.players, state.settings.teamsBy) : null;
  const ranking: Ranking = {
    ranks: new Map(ranked.map(({ player, rank }) => [player.id, rank])),
    rows: ranked.slice(0, LEADERBOARD_SIZE).map(({ player, rank }) => leaderRow(state, player, rank)),
    teams,
    teamRanks: new Map((teams ?? []).map((team) => [team.teamId, team])),
  };
  rankingCache.set(state.players, ranking);
  return ranking;
}

/** One player's snapshot, or null for an unknown or kicked player. */
export function playerView(state: GameState, playerId: string, now: number): PlayerView | null {
  const player = findPlayer(state.players, playerId);
  if (!player || player.kicked) return null;
  const phase = state.phase;
  // Nobody has scored in the lobby, so everyone shares rank 1; ranking every player again for
  // each join (a new players array each time) would cost O(N² log N) over a storm of joins.
  const inLobby = phase.name === "lobby";
  const ranking = inLobby ? null : rankingOf(state);
  const teamsBy = state.settings.teamsBy;
  const team = teamsBy ? teamOf(player, teamsBy) : null;
  const teamStanding = team ? (ranking ? ranking.teamRanks.get(team.id) : { rank: 1, averageScore: 0 }) : undefined;
  const answer = (phase.name === "question" || phase.name === "reveal") && player.answer?.questionIndex === phase.questionIndex ? player.answer : null;
  const outcome = phase.name === "reveal" && player.lastOutcome?.questionIndex === phase.questionIndex ? player.lastOutcome : null;

  return {
    audience: "player",
    ...base(state, now),
    me: {
      id: player.id,
      name: player.name,
      score: player.score,
      streak: player.streak,
      // Every player who is not kicked is ranked.
      rank: ranking ? ranking.ranks.get(player.id)! : 1,
      playerCount: ranking ? ranking.ranks.size : state.players.filter((candidate) => !candidate.kicked).length,
      eliminated: player.eliminatedAt !== null,
      team: team && teamStanding ? { id: team.id, name: team.name, rank: teamStanding.rank, averageScore: teamStanding.averageScore } : null,
    },
    myAnswer: answer && { optionIds: keysForOptionIds(state, answer.questionIndex, answer.optionIds), elapsedMs: answer.elapsedMs },
    myOutcome: outcome && {
      answered: outcome.answered,
      correct: outcome.correct,
      points: outcome.points,
      streakBonus: outcome.streakBonus,
      eliminatedNow: outcome.eliminatedNow,
      rescued: outcome.rescued,
    },
  };
}

/** Every player's snapshot for one broadcast, ranked once. */
export function playerViews(state: GameState, now: number): Map<string, PlayerView> {
  const views = new Map<string, PlayerView>();
  for (const player of state.players) {
    const view = playerView(state, player.id, now);
    if (view) views.set(player.id, view);
  }
  return views;
}

export function hostView(state: GameState, now: number): StaffView {
  return staffView(state, now, "host");
}

/** The big screen (TV, broadcast software, classroom projector): what the host sees, less the controls. */
export function displayView(state: GameState, now: number): StaffView {
  return staffView(state, now, "display");
}

function staffView(state: GameState, now: number, audience: "host" | "display"): StaffView {
  const phase = state.phase;
  const showStandings = phase.name === "leaderboard" || phase.name === "podium" || phase.name === "ended";
  const ranking = showStandings ? rankingOf(state) : null;
  const present = state.players.filter((player) => !player.kicked);

  return {
    audience,
    ...base(state, now),
    counts: {
      players: present.length,
      connected: present.filter((player) => player.connected).length,
      standing: present.filter((player) => player.eliminatedAt === null).length,
      answered: phase.name === "question" ? phase.answeredCount : null,
    },
    lobby:
      phase.name === "lobby"
        ? present
            .slice(-LOBBY_NAMES_SHOWN)
            .reverse()
            .map((player) => ({ id: player.id, name: player.name, unitName: unitName(state, player) }))
        : null,
    leaderboard: ranking?.rows ?? null,
    teams: ranking?.teams?.slice(0, LEADERBOARD_SIZE) ?? null,
    controls: audience === "host" ? hostControls(state) : null,
  };
}

function hostControls(state: GameState): HostControls {
  const phase = state.phase;
  const rescueOpen =
    state.settings.mode === "elimination" &&
    (phase.name === "reveal" || phase.name === "leaderboard") &&
    state.lastResult?.questionIndex === phase.questionIndex &&
    !state.lastResult.rescued &&
    state.rescuesUsed < state.settings.rescues;
  return {
    step: state.step,
    hostConnected: state.hostConnected,
    next: state.paused ? null : nextAction(state),
    rescuesLeft: state.settings.rescues - state.rescuesUsed,
    rescuable: rescueOpen
      ? state.players.filter((player) => !player.kicked && player.eliminatedAt === phase.questionIndex).length
      : 0,
  };
}

function nextAction(state: GameState): HostControls["next"] {
  const phase = state.phase;
  switch (phase.name) {
    case "lobby":
      return "start";
    case "countdown":
      return "open-question";
    case "question":
      return "close-question";
    case "reveal":
      return "show-leaderboard";
    case "leaderboard": {
      const standing = state.players.filter((player) => !player.kicked && player.eliminatedAt === null).length;
      const more = phase.questionIndex + 1 < state.questions.length;
      return more && (state.settings.mode === "classic" || standing > 1) ? "next-question" : "show-podium";
    }
    case "podium":
      return "end";
    case "ended":
      return null;
  }
}

function base(state: GameState, now: number): ViewBase {
  const phase = state.phase;
  // While paused the clock stands at the moment of the pause.
  const clock = state.paused ? state.paused.since : now;
  const over = phase.name === "podium" || phase.name === "ended";
  return {
    gameId: state.gameId,
    version: state.version,
    serverTime: now,
    phase: phase.name,
    paused: state.paused?.reason ?? null,
    mode: state.settings.mode,
    teamsBy: state.settings.teamsBy,
    questionCount: state.questions.length,
    countdown:
      phase.name === "countdown"
        ? { questionIndex: phase.questionIndex, endsAt: phase.endsAt, remainingMs: Math.max(0, phase.endsAt - clock) }
        : null,
    question:
      phase.name === "question"
        ? questionView(state, phase.questionIndex, phase.deadline, Math.max(0, phase.deadline - clock))
        : phase.name === "reveal"
          ? questionView(state, phase.questionIndex, null, 0)
          : null,
    result: phase.name === "reveal" ? resultView(state, phase.questionIndex) : null,
    podium: over ? rankingOf(state).rows.slice(0, 3) : null,
  };
}

function questionView(state: GameState, questionIndex: number, deadline: number | null, remainingMs: number): QuestionView {
  const question = state.questions[questionIndex];
  return {
    index: questionIndex,
    type: question.type,
    prompt: question.prompt,
    options: displayedOptions(state, questionIndex).map(({ key, option }) => ({ id: key, text: option.text })),
    timeLimitMs: question.timeLimitMs,
    deadline,
    remainingMs,
  };
}

function resultView(state: GameState, questionIndex: number): ResultView | null {
  const result = state.lastResult;
  if (!result || result.questionIndex !== questionIndex) return null;
  const histogram = Object.fromEntries(
    displayedOptions(state, questionIndex).map(({ key, option }) => [key, result.histogram[option.id] ?? 0]),
  );
  return {
    correctOptionIds: keysForOptionIds(state, questionIndex, result.correctOptionIds),
    histogram,
    answeredCount: result.answeredCount,
    correctCount: result.correctCount,
    eliminatedCount: result.eliminatedCount,
    rescued: result.rescued,
    explanation: state.questions[questionIndex].explanation,
  };
}

function leaderRow(state: GameState, player: Player, rank: number): LeaderRow {
  return {
    playerId: player.id,
    name: player.name,
    unitName: unitName(state, player),
    score: player.score,
    rank,
    eliminated: player.eliminatedAt !== null,
  };
}

/** The unit shown beside a name: the team's unit in a team game, otherwise the school. */
function unitName(state: GameState, player: Player): string | null {
  const unit = player.unit;
  if (!unit) return null;
  return state.settings.teamsBy === "area" ? (unit.areaName ?? unit.schoolName) : (unit.schoolName ?? unit.areaName);
}
