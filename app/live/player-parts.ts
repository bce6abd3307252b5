import type { MyAnswerView, MyOutcomeView, PlayerCommonView, PlayerPersonal, PlayerView } from "./player-view";

/**
 * Joining a player's two parts (docs/decisions/029): the common part every player gets in one
 * room broadcast and the part that is theirs alone. The server and the phone (player-stream.ts)
 * both use these functions, so what the server decides a phone shows is what the phone shows.
 * Nothing here imports the engine: the phone's bundle carries only this file.
 */

/** The snapshot a player renders: the common part, with their own answer and outcome only while their question is on screen. */
export function composePlayerView(common: PlayerCommonView, personal: PlayerPersonal): PlayerView {
  return { ...viewFields(common), ...personalFields(common, personal) };
}

/**
 * The same snapshot as JSON, from the common part encoded once (`encodedViewHead`) and this
 * player's own fields: `JSON.parse` of it is `composePlayerView(common, personal)`. A reveal sends
 * 10,000 of these; encoding each whole costs ~20 µs, joining the common part's JSON with ~200
 * bytes of its own ~5 µs.
 */
export function encodePlayerView(head: string, common: PlayerCommonView, personal: PlayerPersonal): string {
  return `${head},${JSON.stringify(personalFields(common, personal)).slice(1)}`;
}

/** The common part of every player's snapshot as JSON, without its closing brace. */
export function encodedViewHead(common: PlayerCommonView): string {
  return JSON.stringify(viewFields(common)).slice(0, -1);
}

/** The fields of a player's snapshot that come from the common part: every field of it, by name. */
function viewFields(common: PlayerCommonView): PlayerCommonView {
  return {
    audience: "player",
    gameId: common.gameId,
    epoch: common.epoch,
    version: common.version,
    serverTime: common.serverTime,
    phase: common.phase,
    paused: common.paused,
    mode: common.mode,
    teamsBy: common.teamsBy,
    questionCount: common.questionCount,
    countdown: common.countdown,
    question: common.question,
    result: common.result,
    podium: common.podium,
    playerCount: common.playerCount,
  };
}

function personalFields(common: PlayerCommonView, personal: PlayerPersonal): Pick<PlayerView, "me" | "myAnswer" | "myOutcome"> {
  const answer = visibleAnswer(common, personal);
  const outcome = visibleOutcome(common, personal);
  const me = personal.me;
  return {
    me: {
      id: me.id,
      name: me.name,
      score: me.score,
      streak: me.streak,
      rank: me.rank,
      playerCount: common.playerCount,
      eliminated: me.eliminated,
      team: me.team,
    },
    myAnswer: answer && { optionIds: answer.optionIds, elapsedMs: answer.elapsedMs },
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

/** What a phone knows of its own part once it has the snapshot `composePlayerView(common, personal)`. */
export function shownPersonal(common: PlayerCommonView, personal: PlayerPersonal): PlayerPersonal {
  const answer = visibleAnswer(common, personal);
  const outcome = visibleOutcome(common, personal);
  // The part itself when all of it shows: one object less per player, kept for each of 10,000.
  if (answer === personal.answer && outcome === personal.outcome) return personal;
  return { me: personal.me, answer, outcome };
}

/** The personal part as a snapshot shows it (what a phone that got this snapshot knows). */
export function personalOf(view: PlayerView): PlayerPersonal {
  const { playerCount: _count, ...me } = view.me;
  const questionIndex = view.question?.index ?? -1;
  return {
    me,
    answer: view.myAnswer && { questionIndex, ...view.myAnswer },
    outcome: view.myOutcome && { questionIndex, ...view.myOutcome },
  };
}

/**
 * Whether two personal parts show the same beside this common part: then a phone that knows
 * `known` needs only the common part to show what `current` would. Allocates nothing: a broadcast
 * asks it once per player.
 */
export function samePersonalView(common: PlayerCommonView, known: PlayerPersonal, current: PlayerPersonal): boolean {
  return (
    sameMe(known.me, current.me) &&
    sameAnswer(visibleAnswer(common, known), visibleAnswer(common, current)) &&
    sameOutcome(visibleOutcome(common, known), visibleOutcome(common, current))
  );
}

function visibleAnswer(common: PlayerCommonView, personal: PlayerPersonal): PlayerPersonal["answer"] {
  const answer = personal.answer;
  return answer && (common.phase === "question" || common.phase === "reveal") && answer.questionIndex === common.question?.index ? answer : null;
}

function visibleOutcome(common: PlayerCommonView, personal: PlayerPersonal): PlayerPersonal["outcome"] {
  const outcome = personal.outcome;
  return outcome && common.phase === "reveal" && outcome.questionIndex === common.question?.index ? outcome : null;
}

function sameMe(a: PlayerPersonal["me"], b: PlayerPersonal["me"]): boolean {
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.score === b.score &&
    a.streak === b.streak &&
    a.rank === b.rank &&
    a.eliminated === b.eliminated &&
    (a.team === b.team ||
      (a.team !== null && b.team !== null && a.team.id === b.team.id && a.team.name === b.team.name && a.team.rank === b.team.rank && a.team.averageScore === b.team.averageScore))
  );
}

function sameAnswer(a: MyAnswerView | null, b: MyAnswerView | null): boolean {
  if (a === null || b === null) return a === b;
  return a.elapsedMs === b.elapsedMs && a.optionIds.length === b.optionIds.length && a.optionIds.every((id, index) => id === b.optionIds[index]);
}

function sameOutcome(a: MyOutcomeView | null, b: MyOutcomeView | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.answered === b.answered &&
    a.correct === b.correct &&
    a.points === b.points &&
    a.streakBonus === b.streakBonus &&
    a.eliminatedNow === b.eliminatedNow &&
    a.rescued === b.rescued
  );
}

