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
import { playAlongSummary, type PlayAlongSummary } from "./play-along-summary";
import { composePlayerView, personalOf, samePersonalView, shownPersonal } from "./player-parts";
import { findPlayer, presentCount, standingsId, standingsOf } from "./players";
import { rankPlayers } from "./ranking";
import { teamOf, teamStandings, type TeamStanding } from "./teams";

/**
 * What each screen is sent: a whole snapshot it renders from, so a reconnect is one more snapshot.
 * Built from the state and the server's `now`; nothing the screen may not know goes in. Before the
 * reveal no view holds which option is correct, and a player's view never holds another player's
 * choice. Option ids in every view are the display keys ("A", "B", …).
 *
 * A player's view is two parts (docs/decisions/029): what every player is shown alike
 * (`PlayerCommonView`, one room broadcast that Socket.IO encodes once) and what is theirs alone
 * (`PlayerPersonal`). `composePlayerView` joins them, on the server for a whole snapshot and on
 * the phone when only the common part came; both sides use this one function.
 */

type ViewBase = {
  gameId: string;
  /** Orders before `version`: a restored game starts a new epoch (GameState.epoch). */
  epoch: number;
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

/** What every player of the game is shown alike. */
export type PlayerCommonView = ViewBase & {
  audience: "player";
  /** Players in the game (kicked ones left out): the "of N" beside each player's rank. */
  playerCount: number;
};

export type PlayerMe = {
  id: string;
  name: string;
  score: number;
  streak: number;
  rank: number;
  eliminated: boolean;
  team: { id: string; name: string; rank: number; averageScore: number } | null;
};

export type MyAnswerView = { optionIds: string[]; elapsedMs: number };

export type MyOutcomeView = {
  answered: boolean;
  correct: boolean;
  points: number;
  streakBonus: number;
  eliminatedNow: boolean;
  rescued: boolean;
};

/** What is one player's alone. The answer and the outcome name their question: they show only while it is on screen. */
export type PlayerPersonal = {
  me: PlayerMe;
  answer: (MyAnswerView & { questionIndex: number }) | null;
  outcome: (MyOutcomeView & { questionIndex: number }) | null;
};

export type PlayerView = PlayerCommonView & {
  me: PlayerMe & { playerCount: number };
  myAnswer: MyAnswerView | null;
  /** What the revealed question did for this player. */
  myOutcome: MyOutcomeView | null;
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
  /** The home audience of a play-along game (docs/decisions/038); null for a studio-only game. */
  playAlong?: PlayAlongSummary | null;
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
  /** The host closed the game to new players. */
  joinLocked: boolean;
};

// Rankings are shared by every view built from the same standings (one broadcast builds thousands
// of views, and a reconnect changes no standing): the cache is keyed by the array whose ranking
// this one shares (players.ts, standingsOf), so it can never be stale.
const rankingCache = new WeakMap<readonly Player[], Ranking>();
type Ranking = { ranks: Map<string, number>; rows: LeaderRow[]; teams: TeamStanding[] | null; teamRanks: Map<string, TeamStanding> };

function rankingOf(state: GameState): Ranking {
  const key = standingsOf(state.players);
  const cached = rankingCache.get(key);
  if (cached) return cached;
  const ranked = rankPlayers(state.players, state.settings.mode);
  const teams = state.settings.teamsBy ? teamStandings(state.players, state.settings.teamsBy) : null;
  const ranking: Ranking = {
    ranks: new Map(ranked.map(({ player, rank }) => [player.id, rank])),
    rows: ranked.slice(0, LEADERBOARD_SIZE).map(({ player, rank }) => leaderRow(state, player, rank)),
    teams,
    teamRanks: new Map((teams ?? []).map((team) => [team.teamId, team])),
  };
  rankingCache.set(key, ranking);
  return ranking;
}

/** One player's snapshot, or null for an unknown or kicked player. */
export { composePlayerView, encodedViewHead, encodePlayerView, personalOf, samePersonalView } from "./player-parts";

export function playerView(state: GameState, playerId: string, now: number): PlayerView | null {
  const personal = playerPersonal(state, playerId);
  return personal && composePlayerView(playerCommonView(state, now), personal);
}

/** Every player's snapshot at once, the common part built once. */
export function playerViews(state: GameState, now: number): Map<string, PlayerView> {
  const common = playerCommonView(state, now);
  const views = new Map<string, PlayerView>();
  for (const player of state.players) {
    const personal = playerPersonal(state, player.id);
    if (personal) views.set(player.id, composePlayerView(common, personal));
  }
  return views;
}

/**
 * What a player was last sent whole: the personal part as that snapshot shows it (`shown`, what
 * their phone knows), and the part it was built from with what it was built from, so that a
 * broadcast that finds the same player and the same standings need not build it again.
 */
export type SentPersonal = { shown: PlayerPersonal; personal: PlayerPersonal; player: Player; standings: number; lobby: boolean };

export function sentPersonal(state: GameState, playerId: string, view: PlayerView, personal: PlayerPersonal): SentPersonal {
  const lobby = state.phase.name === "lobby";
  // What the snapshot shows of the part, sharing its objects (personalOf(view) is the same value,
  // in new objects: two more per player, kept for every player until their next whole snapshot).
  return { shown: shownPersonal(view, personal), personal, player: findPlayer(state.players, playerId)!, standings: standingsId(state.players), lobby };
}

/**
 * One broadcast to the players (docs/decisions/029): the common part, built once, and the players
 * who need a whole snapshot (`composePlayerView(common, personal)`) because their own part would
 * show something other than the personal part they were last sent (`sent`, kept up to date here).
 * Everyone else needs only the common part.
 */
export function broadcastViews(
  state: GameState,
  now: number,
  playerIds: Iterable<string>,
  sent: Map<string, SentPersonal>,
): { common: PlayerCommonView; personal: [string, PlayerPersonal][]; players: number } {
  const common = playerCommonView(state, now);
  const standings = standingsId(state.players);
  // In the lobby nobody is ranked yet (playerPersonal): a part built there is not one built after.
  const lobby = state.phase.name === "lobby";
  const whole: [string, PlayerPersonal][] = [];
  let players = 0;
  for (const playerId of playerIds) {
    players += 1;
    const known = sent.get(playerId);
    const player = findPlayer(state.players, playerId);
    // The same player object and the same standings: the same personal part, nothing to build.
    const personal =
      known && known.player === player && known.standings === standings && known.lobby === lobby ? known.personal : playerPersonal(state, playerId);
    if (!personal) continue;
    if (known && samePersonalView(common, known.shown, personal)) continue;
    sent.set(playerId, { shown: shownPersonal(common, personal), personal, player: player!, standings, lobby });
    whole.push([playerId, personal]);
  }
  return { common, personal: whole, players };
}

/** What every player is shown alike, built once per broadcast. */
export function playerCommonView(state: GameState, now: number): PlayerCommonView {
  return { audience: "player", ...base(state, now), playerCount: presentCount(state.players) };
}

/** What is this player's alone, whatever is on screen; null for an unknown or kicked player. */
export function playerPersonal(state: GameState, playerId: string): PlayerPersonal | null {
  const player = findPlayer(state.players, playerId);
  if (!player || player.kicked) return null;
  // Nobody has scored in the lobby, so everyone shares rank 1; ranking every player again for
  // each join (a new players array each time) would cost O(N² log N) over a storm of joins.
  const ranking = state.phase.name === "lobby" ? null : rankingOf(state);
  const teamsBy = state.settings.teamsBy;
  const team = teamsBy ? teamOf(player, teamsBy) : null;
  const teamStanding = team ? (ranking ? ranking.teamRanks.get(team.id) : { rank: 1, averageScore: 0 }) : undefined;
  const answer = player.answer;
  const outcome = player.lastOutcome;
  return {
    me: {
      id: player.id,
      name: player.name,
      score: player.score,
      streak: player.streak,
      // Every player who is not kicked is ranked.
      rank: ranking ? ranking.ranks.get(player.id)! : 1,
      eliminated: player.eliminatedAt !== null,
      team: team && teamStanding ? { id: team.id, name: team.name, rank: teamStanding.rank, averageScore: teamStanding.averageScore } : null,
    },
    answer: answer && {
      questionIndex: answer.questionIndex,
      optionIds: keysForOptionIds(state, answer.questionIndex, answer.optionIds),
      elapsedMs: answer.elapsedMs,
    },
    outcome: outcome && {
      questionIndex: outcome.questionIndex,
      answered: outcome.answered,
      correct: outcome.correct,
      points: outcome.points,
      streakBonus: outcome.streakBonus,
      eliminatedNow: outcome.eliminatedNow,
      rescued: outcome.rescued,
    },
  };
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
  // Counted in one pass without copies: the host's screen is refreshed a few times a second, and
  // three filtered copies of 10,000 players each time were most of what a refresh cost.
  let players = 0;
  let connected = 0;
  let standing = 0;
  for (const player of state.players) {
    if (player.kicked) continue;
    players += 1;
    if (player.connected) connected += 1;
    if (player.eliminatedAt === null) standing += 1;
  }
  const lobby: { id: string; name: string; unitName: string | null }[] = [];
  if (phase.name === "lobby") {
    for (let index = state.players.length - 1; index >= 0 && lobby.length < LOBBY_NAMES_SHOWN; index -= 1) {
      const player = state.players[index];
      if (!player.kicked) lobby.push({ id: player.id, name: player.name, unitName: unitName(state, player) });
    }
  }

  return {
    audience,
    ...base(state, now),
    counts: { players, connected, standing, answered: phase.name === "question" ? phase.answeredCount : null },
    lobby: phase.name === "lobby" ? lobby : null,
    leaderboard: ranking?.rows ?? null,
    teams: ranking?.teams?.slice(0, LEADERBOARD_SIZE) ?? null,
    controls: audience === "host" ? hostControls(state) : null,
    playAlong: playAlongSummary(state, showStandings),
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
    joinLocked: state.joinLocked ?? false,
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
    epoch: state.epoch ?? state.createdAt,
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
