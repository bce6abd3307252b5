import { preparedReads, type PreparedReads } from "~/utils/prepared-reads.server";
import type { StandingRow } from "./results.server";
import type { RoundRulesRow } from "./rounds.server";

/**
 * The reads behind a round's pages when a thousand pupils open it at once (docs/decisions/044):
 * the round page, its start button and the attempt's questions. Through Prisma each read cost
 * about half a millisecond of the event loop, and the three requests of an arrival made a dozen
 * of them (the round twice, the profile twice, the unit tree one level a query); here each is a
 * prepared statement (app/utils/prepared-reads.server.ts), tens of microseconds on SQLite.
 *
 * Nothing is kept between requests: a round closed early or edited is read as it is now. Each read
 * takes the process's prepared reads unless given others (the tests' PostgreSQL database).
 */

export type RoundRow = RoundRulesRow & {
  id: string;
  title: string;
  questionCount: number;
  predictionEnabled: boolean;
  predictionBasis: string | null;
  releaseId: string;
  drawRule: string;
  questionAudience: string | null;
  contestTitle: string | null;
};

const ROUND = `SELECT r."id", r."title", r."opensAt", r."closesAt", r."questionCount", r."timeLimitSeconds", r."maxAttempts",
    r."predictionEnabled", r."predictionBasis", r."audiences", r."scope", r."scopeUnitId", r."scopeClass", r."releaseId",
    r."drawRule", r."questionAudience", c."title" AS "contestTitle"
  FROM "Round" r LEFT JOIN "Contest" c ON c."id" = r."contestId" WHERE r."id" = ?`;

export async function readRound(roundId: string, reads: PreparedReads = preparedReads()): Promise<RoundRow | null> {
  const row = await reads.one<RoundRow>(ROUND, [roundId], ["opensAt", "closesAt"]);
  // SQLite hands a boolean back as 0 or 1.
  return row ? { ...row, predictionEnabled: Boolean(row.predictionEnabled) } : null;
}

export type AttemptRow = {
  id: string;
  roundId: string;
  userId: string | null;
  participantKey: string;
  attemptNumber: number;
  questions: string;
  currentIndex: number;
  startedAt: Date;
  deadline: Date;
  submittedAt: Date | null;
  prediction: number | null;
};
export type AnswerRow = { questionId: string; options: string; savedAt: Date };

const ATTEMPT_COLUMNS = `a."id", a."roundId", a."userId", a."participantKey", a."attemptNumber", a."questions", a."currentIndex", a."startedAt", a."deadline", a."submittedAt", a."prediction"`;
const ATTEMPT_DATES = ["startedAt", "deadline", "submittedAt"] as const;
const ATTEMPT = `SELECT ${ATTEMPT_COLUMNS} FROM "Attempt" a WHERE a."id" = ?`;
const ATTEMPTS_OF_USER = `SELECT ${ATTEMPT_COLUMNS} FROM "Attempt" a WHERE a."roundId" = ? AND a."userId" = ? ORDER BY a."attemptNumber"`;
const ATTEMPTS_OF_PARTICIPANT = `SELECT ${ATTEMPT_COLUMNS} FROM "Attempt" a WHERE a."roundId" = ? AND a."participantKey" = ? ORDER BY a."attemptNumber"`;
const ANSWERS = `SELECT "questionId", "options", "savedAt" FROM "AttemptAnswer" WHERE "attemptId" = ?`;

export function readAttempt(attemptId: string, reads: PreparedReads = preparedReads()): Promise<AttemptRow | null> {
  return reads.one<AttemptRow>(ATTEMPT, [attemptId], ATTEMPT_DATES);
}

/** A user's attempts in a round (the round page), or a participant's (the start: participantKey outlives a deleted account). */
export function readAttempts(roundId: string, by: { userId: string } | { participantKey: string }, reads: PreparedReads = preparedReads()): Promise<AttemptRow[]> {
  return "userId" in by
    ? reads.all<AttemptRow>(ATTEMPTS_OF_USER, [roundId, by.userId], ATTEMPT_DATES)
    : reads.all<AttemptRow>(ATTEMPTS_OF_PARTICIPANT, [roundId, by.participantKey], ATTEMPT_DATES);
}

export function readAnswers(attemptId: string, reads: PreparedReads = preparedReads()): Promise<AnswerRow[]> {
  return reads.all<AnswerRow>(ANSWERS, [attemptId], ["savedAt"]);
}

export async function withAnswers<Row extends AttemptRow>(rows: Row[], reads: PreparedReads = preparedReads()): Promise<(Row & { answers: AnswerRow[] })[]> {
  return Promise.all(rows.map(async (row) => ({ ...row, answers: await readAnswers(row.id, reads) })));
}

const PROFILE = `SELECT "unitId", "audience", "className" FROM "ParticipantProfile" WHERE "userId" = ?`;

export function readProfile(userId: string, reads: PreparedReads = preparedReads()): Promise<{ unitId: string; audience: string; className: string | null } | null> {
  return reads.one(PROFILE, [userId]);
}

const ROLE = `SELECT "role" FROM "User" WHERE "id" = ?`;

export async function readRole(userId: string, reads: PreparedReads = preparedReads()): Promise<string | null> {
  return (await reads.one<{ role: string }>(ROLE, [userId]))?.role ?? null;
}

const UNIT = `SELECT "parentId", "kind" FROM "Unit" WHERE "id" = ?`;

export type UnitLink = { id: string; kind: string | null };

/**
 * The unit and those above it, nearest first, as the start's audience check walks them (at most
 * ten: the tree is a few levels deep); a unit missing from the table ends the walk, itself included.
 */
export async function readUnitAncestry(unitId: string, reads: PreparedReads = preparedReads()): Promise<UnitLink[]> {
  const chain: UnitLink[] = [];
  let next: string | null = unitId;
  while (next && !chain.some((unit) => unit.id === next) && chain.length < 10) {
    const unit: { parentId: string | null; kind: string } | null = await reads.one(UNIT, [next]);
    chain.push({ id: next, kind: unit?.kind ?? null });
    next = unit?.parentId ?? null;
  }
  return chain;
}

const STANDING_ROWS = `SELECT a."participantKey", a."attemptNumber", a."startedAt", a."deadline", a."submittedAt", a."prediction", a."correct",
    a."audience", a."unitId", p."displayName", p."className", p."hideNamePublicly"
  FROM "Attempt" a LEFT JOIN "ParticipantProfile" p ON p."userId" = a."userId" WHERE a."roundId" = ?`;

type StandingReadRow = Omit<StandingRow, "startedAt" | "deadline" | "submittedAt" | "profile"> & {
  startedAt: Date;
  deadline: Date;
  submittedAt: Date | null;
  displayName: string | null;
  className: string | null;
  hideNamePublicly: boolean | number | null;
};

/**
 * Every attempt of a round with its participant's public profile, as ranking needs them (results
 * pages, exports, a pupil's place). One statement: through Prisma's nested select a round of
 * 15,000 attempts held the event loop 0.6–2.5 s (docs/decisions/043, "Changed").
 */
export async function readStandingRows(roundId: string, reads: PreparedReads = preparedReads()): Promise<StandingRow[]> {
  const rows = await reads.all<StandingReadRow>(STANDING_ROWS, [roundId], ATTEMPT_DATES);
  return rows.map(({ startedAt, deadline, submittedAt, displayName, className, hideNamePublicly, ...row }) => ({
    ...row,
    startedAt: startedAt.getTime(),
    deadline: deadline.getTime(),
    submittedAt: submittedAt?.getTime() ?? null,
    // A deleted account (no user) or a user without a profile: no public name, as Prisma's nested read gave.
    profile: displayName === null ? null : { displayName, className, hideNamePublicly: Boolean(hideNamePublicly) },
  }));
}
