/**
 * The contest benchmark's database side (scripts/bench-contest.ts): a round and N participants
 * with sessions made directly in the database before the run, and afterwards an independent check
 * of what the server stored.
 *
 * Participants are made here rather than through /signup and /login because both are throttled per
 * address and per account (docs/security.md): a thousand sign-ins from one loopback address would
 * measure the throttle. What the server sees during the run is what it sees from signed-in pupils:
 * a `sca_session` cookie whose sha-256 is a `Session` row, a participant profile with consent, and
 * the round's page, its start button, the autosave fetcher and the submit button.
 */
import { randomBytes } from "node:crypto";
import { prisma } from "~/utils/db.server";
import { createRound } from "~/contests/rounds.server";
import type { DrawRule } from "~/contests/draw";
import { CONSENT_VERSION } from "~/contests/registration";
import { answerKeyFor, releasePool } from "~/contests/pool.server";
import { SESSION_MAX_AGE_MS, hashSessionId, sessionCookie } from "~/utils/session.server";

export type BenchParticipant = { userId: string; cookie: string };
export type BenchFixture = { roundId: string; questionCount: number; participants: BenchParticipant[] };

/** Ten questions over the bank's topics, as the demo contest's weekly round draws them. */
export function benchRule(questionCount: number): DrawRule {
  const topics = ["asean-basics", "political-security", "economic", "socio-cultural", "member-states", "vietnam-in-asean", "province-and-asean"];
  const counts = new Map<string, number>();
  for (let index = 0; index < questionCount; index += 1) counts.set(topics[index % topics.length], (counts.get(topics[index % topics.length]) ?? 0) + 1);
  return { kind: "mix", buckets: [...counts].map(([topic, count]) => ({ topic, count })) };
}

/** An open province round and `count` registered participants, each with a live session. */
export async function prepareContest(options: { participants: number; questions: number; now: number; tag: string }): Promise<BenchFixture> {
  const release = await prisma.bankRelease.findUnique({ where: { name: "2026.1" }, select: { id: true } });
  const organizer = await prisma.user.findUnique({ where: { username: "btc" }, select: { id: true } });
  if (!release || !organizer) throw new Error("The database needs the demo seed (release 2026.1, organizer btc): DEMO_MODE=true npm run db:seed");
  const created = await createRound({
    contestId: null,
    title: `Bench ${options.tag}`,
    opensAt: options.now - 60_000,
    closesAt: options.now + 3 * 3_600_000,
    releaseId: release.id,
    drawRule: benchRule(options.questions),
    questionAudience: null,
    timeLimitSeconds: 3_600,
    maxAttempts: 1,
    audiences: null,
    predictionBasis: null,
    scope: "province",
    scopeUnitId: null,
    scopeClass: null,
    createdById: organizer.id,
  });
  if (!created.ok) throw new Error(`The bench round could not be created: ${JSON.stringify(created.problem)}`);

  const schools = await prisma.unit.findMany({ where: { kind: "school", validTo: null }, select: { id: true }, orderBy: { code: "asc" } });
  if (schools.length === 0) throw new Error("No schools in the units tree: seed the demo province first");
  const now = new Date(options.now);
  const participants: BenchParticipant[] = [];
  const users = [];
  const profiles = [];
  const sessions = [];
  for (let index = 0; index < options.participants; index += 1) {
    const userId = `bench-${options.tag}-${index}`;
    const sessionId = randomBytes(32).toString("base64url");
    // No password can match "!": these accounts cannot sign in through the form, only use this session.
    users.push({ id: userId, username: `bench-${options.tag}-${index}`, displayName: `Bench ${index}`, passwordHash: "!", role: "participant" });
    profiles.push({
      userId,
      displayName: `Bench ${index}`,
      birthYear: 2008,
      audience: "upper-secondary",
      unitId: schools[index % schools.length].id,
      consentVersion: CONSENT_VERSION,
      consentedAt: now,
    });
    sessions.push({ id: hashSessionId(sessionId), userId, lastSeenAt: now, expiresAt: new Date(options.now + SESSION_MAX_AGE_MS) });
    participants.push({ userId, cookie: (await sessionCookie.serialize(sessionId)).split(";")[0] });
  }
  for (let index = 0; index < users.length; index += 500) {
    await prisma.$transaction([
      prisma.user.createMany({ data: users.slice(index, index + 500) }),
      prisma.participantProfile.createMany({ data: profiles.slice(index, index + 500) }),
      prisma.session.createMany({ data: sessions.slice(index, index + 500) }),
    ]);
  }
  return { roundId: created.roundId, questionCount: options.questions, participants };
}

/** What the generator says each participant was told was saved: the last acknowledged choice by question index. */
export type AckedChoices = Record<string, { attemptId: string; choices: Record<number, number>; submitted: boolean }>;

export type Verification = {
  attempts: number;
  storedAnswers: number;
  /** Acknowledged saves whose answer is not stored as acknowledged. */
  lostAnswers: number;
  submitted: number;
  /** Submitted attempts whose stored score differs from a recount from the stored answers and the answer key. */
  wrongScores: number;
  unscored: number;
};

/**
 * Reads back the round: every acknowledged last choice is the stored answer (position on screen →
 * written option through the stored option order), and every submitted attempt's stored score is
 * the number of questions whose stored options equal the key's, counted here on its own.
 */
export async function verifyContest(roundId: string, acked: AckedChoices): Promise<Verification> {
  const rows = await prisma.attempt.findMany({
    where: { roundId },
    select: { id: true, userId: true, questions: true, submittedAt: true, correct: true, answers: { select: { questionId: true, revisionId: true, options: true } } },
  });
  const round = await prisma.round.findUniqueOrThrow({ where: { id: roundId }, select: { releaseId: true } });
  const pool = await releasePool(round.releaseId);
  const byUser = new Map(rows.map((row) => [row.userId, row]));
  let lostAnswers = 0;
  let storedAnswers = 0;
  let wrongScores = 0;
  let unscored = 0;
  let submitted = 0;
  for (const [userId, mine] of Object.entries(acked)) {
    const row = byUser.get(userId);
    const questions = row ? (JSON.parse(row.questions) as { questionId: string; revisionId: string; optionOrder: number[] }[]) : [];
    const stored = new Map((row?.answers ?? []).map((answer) => [answer.questionId, JSON.parse(answer.options) as number[]]));
    for (const [index, position] of Object.entries(mine.choices)) {
      const question = questions[Number(index)];
      const options = question ? stored.get(question.questionId) : undefined;
      if (!question || !options || options.length !== 1 || options[0] !== question.optionOrder[position]) lostAnswers += 1;
    }
    if (!row) continue;
    storedAnswers += row.answers.length;
    if (row.submittedAt) submitted += 1;
    if (!mine.submitted) continue;
    if (row.correct === null) {
      unscored += 1;
      continue;
    }
    const key = answerKeyFor(pool, questions.map((question) => question.revisionId));
    const recount = questions.filter((question) => {
      const chosen = [...(stored.get(question.questionId) ?? [])].sort((a, b) => a - b);
      const expected = [...key[question.revisionId]].sort((a, b) => a - b);
      return chosen.length > 0 && chosen.length === expected.length && chosen.every((option, at) => option === expected[at]);
    }).length;
    if (recount !== row.correct) wrongScores += 1;
  }
  return { attempts: rows.length, storedAnswers, lostAnswers, submitted, wrongScores, unscored };
}
