import type { MyAnswerView, MyOutcomeView, PlayerCommonView, PlayerPersonal, PlayerView } from "./player-view";

/**
 * Joining a player's two parts (docs/decisions/029): the common part every player gets in one
 * room broadcast and the part that is theirs alone. The server and the phone (player-stream.ts)
 * both use these functions, so what the server decides a phone shows is what the phone shows.
 * Nothing here imports the engine: the phone's bundle carries only this file.
 */

/** The snapshot a player renders: the common part, with their own answer and outcome only while their question is on screen. */
export function composePlayerView(common: PlayerCommonView, personal: PlayerPersonal): PlayerView {
  const { me, myAnswer, myOutcome } = personalFields(common, personal);
  return { ...common, me, myAnswer, myOutcome };
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
 * `known` needs only the common part to show what `current` would.
 */
export function samePersonalView(common: PlayerCommonView, known: PlayerPersonal, current: PlayerPersonal): boolean {
  const a = personalFields(common, known);
  const b = personalFields(common, current);
  return sameMe(a.me, b.me) && sameAnswer(a.myAnswer, b.myAnswer) && sameOutcome(a.myOutcome, b.myOutcome);
}

function personalFields(common: PlayerCommonView, personal: PlayerPersonal): Pick<PlayerView, "me" | "myAnswer" | "myOutcome"> {
  const onScreen = common.question?.index;
  const answer = personal.answer;
  const outcome = personal.outcome;
  return {
    me: { ...personal.me, playerCount: common.playerCount },
    myAnswer:
      answer && (common.phase === "question" || common.phase === "reveal") && answer.questionIndex === onScreen
        ? { optionIds: answer.optionIds, elapsedMs: answer.elapsedMs }
        : null,
    myOutcome:
      outcome && common.phase === "reveal" && outcome.questionIndex === onScreen
        ? {
            answered: outcome.answered,
            correct: outcome.correct,
            points: outcome.points,
            streakBonus: outcome.streakBonus,
            eliminatedNow: outcome.eliminatedNow,
            rescued: outcome.rescued,
          }
        : null,
  };
}

function sameMe(a: PlayerView["me"], b: PlayerView["me"]): boolean {
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.score === b.score &&
    a.streak === b.streak &&
    a.rank === b.rank &&
    a.playerCount === b.playerCount &&
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

