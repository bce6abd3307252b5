import { prisma } from "~/utils/db.server";
import { finishedAt, mayRevealAnswers, timeUsedMs, type AttemptState } from "./attempt";
import { storeScores } from "./scores.server";
import { predictionTruth, rankRound, type AttemptResult, type PredictionBasis, type RankedEntry } from "./ranking";
import { readStandingRows } from "./round-reads.server";
import { roundRulesSelect, rulesOf, type RoundRulesRow } from "./rounds.server";

// Results of rounds as the database holds them: finished attempts → AttemptResult → rankings.

export type ParticipantInfo = {
  participantId: string;
  /** Null for a participant who deleted their data. */
  displayName: string | null;
  /** The participant chose to be "Thí sinh ẩn danh" on public boards (ParticipantProfile.hideNamePublicly). */
  hideName?: boolean;
  className: string | null;
  unitId: string | null;
  audience: string | null;
};

export type RoundStanding = {
  roundId: string;
  revealed: boolean;
  /** The prediction's true value: final once the round has closed, provisional before. */
  truth: number | null;
  ranked: RankedEntry[];
  participants: Map<string, ParticipantInfo>;
  questionCount: number;
  /** Attempts started, finished or not. */
  attemptCounts: Map<string, number>;
};

/** What ranking a round needs of the round itself. */
export type StandingRound = RoundRulesRow & {
  id: string;
  questionCount: number;
  predictionEnabled: boolean;
  predictionBasis: string | null;
  predictionTruth: number | null;
};

/** What ranking needs of one attempt (times in ms), with the participant's public profile (null or left out once deleted). */
export type StandingRow = {
  participantKey: string;
  attemptNumber: number;
  startedAt: number;
  deadline: number;
  submittedAt: number | null;
  prediction: number | null;
  correct: number | null;
  audience: string | null;
  unitId: string | null;
  profile?: { displayName: string; className: string | null; hideNamePublicly: boolean } | null;
};

/**
 * Ranks a round from its attempts, wherever they were read from (the database here, the
 * statistics' facts in memory for the public boards). The truth is the stored one, or computed.
 */
export function standingOf(round: StandingRound, rows: Iterable<StandingRow>, now: number): RoundStanding {
  const revealed = mayRevealAnswers(rulesOf(round), now);
  const results: AttemptResult[] = [];
  const participants = new Map<string, ParticipantInfo>();
  const attemptCounts = new Map<string, number>();
  for (const row of rows) {
    attemptCounts.set(row.participantKey, (attemptCounts.get(row.participantKey) ?? 0) + 1);
    const profile = row.profile;
    participants.set(row.participantKey, {
      participantId: row.participantKey,
      displayName: profile?.displayName ?? null,
      hideName: profile?.hideNamePublicly ?? false,
      className: profile?.className ?? null,
      unitId: row.unitId,
      audience: row.audience,
    });
    const state: AttemptState = {
      participantId: row.participantKey,
      attemptNumber: row.attemptNumber,
      startedAt: row.startedAt,
      deadline: Math.min(row.deadline, round.closesAt.getTime()),
      submittedAt: row.submittedAt,
      questions: [],
      answers: {},
      prediction: row.prediction,
    };
    const ended = finishedAt(state, now);
    if (ended === null || row.correct === null) continue;
    results.push({
      participantId: row.participantKey,
      attemptNumber: row.attemptNumber,
      correct: row.correct,
      questionCount: round.questionCount,
      prediction: row.prediction,
      timeUsedMs: timeUsedMs(state, now),
      finishedAt: ended,
    });
  }
  const truth = round.predictionEnabled
    ? (round.predictionTruth ?? predictionTruth(results, (round.predictionBasis ?? "all-correct") as PredictionBasis))
    : null;
  return { roundId: round.id, revealed, truth, ranked: rankRound(results, truth ?? 0), participants, questionCount: round.questionCount, attemptCounts };
}

/** Once a round's answers may be shown, its prediction's true value is stored the first time anyone ranks it; from then on it never changes. */
export async function storePredictionTruth(round: StandingRound, standing: RoundStanding): Promise<void> {
  if (round.predictionEnabled && standing.revealed && round.predictionTruth === null && standing.truth !== null) {
    await prisma.round.updateMany({ where: { id: round.id, predictionTruth: null }, data: { predictionTruth: standing.truth } });
  }
}

export const standingRoundSelect = {
  ...roundRulesSelect,
  questionCount: true,
  predictionEnabled: true,
  predictionBasis: true,
  predictionTruth: true,
} as const;

/**
 * Ranks one round. Once it has closed, the prediction's true value is computed and stored the first
 * time anyone asks; from then on it never changes.
 */
export async function roundStanding(roundId: string, now: number): Promise<RoundStanding | null> {
  const round = await prisma.round.findUnique({ where: { id: roundId }, select: standingRoundSelect });
  if (!round) return null;
  // Scores are stored when an attempt ends; this stores those that ran out of time since the last look.
  await storeScores(prisma, { roundId }, now);
  const standing = standingOf(round, await readStandingRows(roundId), now);
  await storePredictionTruth(round, standing);
  return standing;
}

export type ExportRow = {
  rank: number;
  tied: boolean;
  displayName: string;
  className: string;
  unitName: string;
  correct: number;
  questionCount: number;
  attempts: number;
  prediction: number | null;
  timeUsedSeconds: number;
  finishedAt: Date;
};

/** One row per participant with a finished attempt, in ranking order, for the teacher's table and files. */
export async function roundExportRows(roundId: string, now: number, deletedLabel: string): Promise<ExportRow[] | null> {
  const standing = await roundStanding(roundId, now);
  return standing && exportRowsOf(standing, deletedLabel);
}

/** The rows of `roundExportRows` from a standing already made (app/stats/round-standing.server.ts keeps them). */
export async function exportRowsOf(standing: RoundStanding, deletedLabel: string): Promise<ExportRow[]> {
  const unitIds = [...new Set([...standing.participants.values()].flatMap((info) => (info.unitId ? [info.unitId] : [])))];
  const units = await prisma.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true } });
  const unitName = new Map(units.map((unit) => [unit.id, unit.name]));
  return standing.ranked.map((entry) => {
    const info = standing.participants.get(entry.participantId);
    return {
      rank: entry.rank,
      tied: entry.tied,
      displayName: info?.displayName ?? deletedLabel,
      className: info?.className ?? "",
      unitName: (info?.unitId && unitName.get(info.unitId)) || "",
      correct: entry.correct,
      questionCount: standing.questionCount,
      attempts: standing.attemptCounts.get(entry.participantId) ?? 0,
      prediction: entry.prediction,
      timeUsedSeconds: Math.round(entry.timeUsedMs / 1000),
      finishedAt: new Date(entry.finishedAt),
    };
  });
}
