// Ranking of self-paced rounds and of a contest made of them. Inputs are finished attempts as plain
// data (see `attemptResult` in ./attempt); names and schools are joined by the caller.

export type AttemptResult = {
  participantId: string;
  attemptNumber: number;
  correct: number;
  questionCount: number;
  /** The tie-break guess; null when the participant left it empty. */
  prediction: number | null;
  timeUsedMs: number;
  /** Submit time, or the deadline for an attempt that ran out. */
  finishedAt: number;
};

/**
 * What the prediction question asks, chosen by the organizer per round: how many participants will
 * answer everything right, or how many will take part.
 */
export type PredictionBasis = "all-correct" | "participants";

export type RankedEntry = {
  /** Competition ranking: equal entries share a rank and the next rank skips ("1, 2, 2, 4"). */
  rank: number;
  /** True when another entry has exactly the same rank. */
  tied: boolean;
  participantId: string;
  /** The attempt that counts: the participant's best. */
  attemptNumber: number;
  correct: number;
  prediction: number | null;
  /** |prediction − truth|; null without a prediction, which ranks after any prediction. */
  predictionDistance: number | null;
  timeUsedMs: number;
  finishedAt: number;
};

export type ContestRankedEntry = {
  rank: number;
  tied: boolean;
  participantId: string;
  roundsPlayed: number;
  /** Rounds in which the counted attempt carried a prediction. */
  roundsPredicted: number;
  correct: number;
  /** Sum of prediction distances over `roundsPredicted` rounds. */
  predictionDistance: number;
  timeUsedMs: number;
};

/** The prediction's true value, computed once the round has closed. Each participant counts once. */
export function predictionTruth(results: readonly AttemptResult[], basis: PredictionBasis): number {
  const counted = new Set<string>();
  for (const result of results) {
    if (basis === "participants" || (result.questionCount > 0 && result.correct === result.questionCount)) {
      counted.add(result.participantId);
    }
  }
  return counted.size;
}

function distance(prediction: number | null, truth: number): number | null {
  return prediction === null ? null : Math.abs(prediction - truth);
}

/** Orders two numbers where null stands for "worst". */
function ascendingNullLast(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

type Scored = Omit<RankedEntry, "rank" | "tied">;

/** Negative when `a` ranks ahead of `b`; zero when all four criteria are equal (a tie). */
function compareRoundEntries(a: Scored, b: Scored): number {
  return (
    b.correct - a.correct ||
    ascendingNullLast(a.predictionDistance, b.predictionDistance) ||
    a.timeUsedMs - b.timeUsedMs ||
    a.finishedAt - b.finishedAt
  );
}

function byParticipantId(a: { participantId: string }, b: { participantId: string }): number {
  return a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0;
}

/**
 * Sorts entries and numbers them by competition ranking; `compare` returning zero means a tie.
 * `tieOrder` only lists tied entries in a fixed order so a page does not reshuffle between loads.
 */
export function assignRanks<T>(
  entries: readonly T[],
  compare: (a: T, b: T) => number,
  tieOrder: (a: T, b: T) => number,
): (T & { rank: number; tied: boolean })[] {
  const sorted = [...entries].sort((a, b) => compare(a, b) || tieOrder(a, b));
  const ranks: number[] = [];
  sorted.forEach((entry, index) => {
    ranks.push(index > 0 && compare(sorted[index - 1], entry) === 0 ? ranks[index - 1] : index + 1);
  });
  return sorted.map((entry, index) => ({
    ...entry,
    rank: ranks[index],
    tied: ranks[index] === ranks[index - 1] || ranks[index] === ranks[index + 1],
  }));
}

/**
 * Ranks a round: most correct answers, then the closest prediction, then the shortest time, then
 * the earliest finish. Each participant's best attempt by those same rules is the one that counts.
 */
export function rankRound(results: readonly AttemptResult[], truth: number): RankedEntry[] {
  const best = new Map<string, Scored>();
  for (const result of results) {
    const candidate: Scored = {
      participantId: result.participantId,
      attemptNumber: result.attemptNumber,
      correct: result.correct,
      prediction: result.prediction,
      predictionDistance: distance(result.prediction, truth),
      timeUsedMs: result.timeUsedMs,
      finishedAt: result.finishedAt,
    };
    const current = best.get(result.participantId);
    const better =
      !current || (compareRoundEntries(candidate, current) || candidate.attemptNumber - current.attemptNumber) < 0;
    if (better) best.set(result.participantId, candidate);
  }
  return assignRanks([...best.values()], compareRoundEntries, byParticipantId);
}

/**
 * Ranks a contest over its rounds' rankings: the sum of correct answers (best attempt per round),
 * then the sum of prediction distances, then the total time.
 *
 * A sum of distances only compares fairly over the same number of terms: someone who skipped the
 * prediction (or a whole round) would otherwise add fewer distances and look closer. So between
 * equal totals of correct answers, more rounds with a prediction ranks first, and only then the
 * smaller sum of distances.
 */
export function rankContest(rounds: readonly (readonly RankedEntry[])[]): ContestRankedEntry[] {
  const totals = new Map<string, Omit<ContestRankedEntry, "rank" | "tied">>();
  for (const round of rounds) {
    for (const entry of round) {
      const total = totals.get(entry.participantId) ?? {
        participantId: entry.participantId,
        roundsPlayed: 0,
        roundsPredicted: 0,
        correct: 0,
        predictionDistance: 0,
        timeUsedMs: 0,
      };
      total.roundsPlayed++;
      total.correct += entry.correct;
      if (entry.predictionDistance !== null) {
        total.roundsPredicted++;
        total.predictionDistance += entry.predictionDistance;
      }
      total.timeUsedMs += entry.timeUsedMs;
      totals.set(entry.participantId, total);
    }
  }
  return assignRanks(
    [...totals.values()],
    (a, b) =>
      b.correct - a.correct ||
      b.roundsPredicted - a.roundsPredicted ||
      a.predictionDistance - b.predictionDistance ||
      a.timeUsedMs - b.timeUsedMs,
    byParticipantId,
  );
}
