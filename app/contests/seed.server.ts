import { randomBytes } from "node:crypto";
import { createUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import type { DrawRule } from "./draw";
import { drawQuestions } from "./draw";
import { answerKeyFor, releasePool } from "./pool.server";
import { CONSENT_VERSION } from "./registration";
import { createRound } from "./rounds.server";
import { attemptSeed } from "./seeded-random";

// The demo contest: one open weekly round, and a closed earlier one with results so the
// leaderboards are not empty. Every seeded participant is marked demo (flag and name).

export const DEMO_CONTEST_TITLE = "Cuộc thi tìm hiểu về ASEAN năm 2026";
const DAY = 86_400_000;

const weeklyRule: DrawRule = {
  kind: "mix",
  buckets: [
    { topic: "asean-basics", count: 2 },
    { topic: "political-security", count: 1 },
    { topic: "economic", count: 2 },
    { topic: "socio-cultural", count: 2 },
    { topic: "member-states", count: 1 },
    { topic: "vietnam-in-asean", count: 1 },
    { topic: "province-and-asean", count: 1 },
  ],
};

const demoPeople = [
  { name: "Demo · Lê Thu Hà", unit: "bg-tp-bac-giang-thcs-mau-a", audience: "lower-secondary", birthYear: 2012, className: "8A", correct: 9, prediction: 3 },
  { name: "Demo · Phạm Quốc Bảo", unit: "bg-tp-bac-giang-thcs-mau-a", audience: "lower-secondary", birthYear: 2012, className: "8B", correct: 9, prediction: 3 },
  { name: "Demo · Hoàng Mai Anh", unit: "bg-tp-bac-giang-thcs-mau-b", audience: "lower-secondary", birthYear: 2011, className: "9A", correct: 7, prediction: 10 },
  { name: "Demo · Vũ Đức Minh", unit: "bg-tp-bac-giang-thpt-mau", audience: "upper-secondary", birthYear: 2009, className: "11A1", correct: 10, prediction: 2 },
  { name: "Demo · Đỗ Khánh Linh", unit: "bg-yen-the-thcs-mau-a", audience: "lower-secondary", birthYear: 2013, className: "7C", correct: 6, prediction: null },
  { name: "Demo · Bùi Thanh Tùng", unit: "bg-tp-bac-giang-dn-mau", audience: "young-workers", birthYear: 2001, className: null, correct: 8, prediction: 1 },
] as const;

/** Seeds the demo contest once; running it again changes nothing. */
export async function seedDemoContest(now = Date.now()): Promise<void> {
  if (await prisma.contest.findFirst({ where: { title: DEMO_CONTEST_TITLE }, select: { id: true } })) return;
  const organizer = await prisma.user.findUnique({ where: { username: "btc" }, select: { id: true } });
  const release = await prisma.bankRelease.findUnique({ where: { name: "2026.1" }, select: { id: true } });
  if (!organizer || !release) throw new Error("The demo contest needs the organizer btc and release 2026.1 (seed them first)");
  const contest = await prisma.contest.create({
    data: {
      title: DEMO_CONTEST_TITLE,
      description: "Cuộc thi trực tuyến hằng tuần dành cho học sinh, sinh viên và thanh niên toàn tỉnh (dữ liệu mẫu).",
      createdById: organizer.id,
    },
    select: { id: true },
  });
  const common = {
    contestId: contest.id,
    releaseId: release.id,
    drawRule: weeklyRule,
    questionAudience: null,
    timeLimitSeconds: 600,
    maxAttempts: 2,
    audiences: null,
    predictionBasis: "all-correct" as const,
    scope: "province" as const,
    scopeUnitId: null,
    scopeClass: null,
    createdById: organizer.id,
    demo: true,
  };
  const closed = await createRound({ ...common, title: "Tuần 1", opensAt: now - 14 * DAY, closesAt: now - 7 * DAY });
  const open = await createRound({ ...common, title: "Tuần 2", opensAt: now - DAY, closesAt: now + 6 * DAY });
  if (!closed.ok || !open.ok) throw new Error("The demo rounds could not be created");
  await seedDemoResults(closed.roundId, release.id, now - 10 * DAY);
  console.log(`Seeded the demo contest “${DEMO_CONTEST_TITLE}” (join code of the open round: ${open.code}).`);
}

async function seedDemoResults(roundId: string, releaseId: string, startedAt: number): Promise<void> {
  const pool = await releasePool(releaseId);
  for (const [index, person] of demoPeople.entries()) {
    const unit = await prisma.unit.findUnique({ where: { code: person.unit }, select: { id: true, parentId: true } });
    if (!unit?.parentId) continue;
    const created = await createUser({
      username: `demo-${index + 1}`,
      displayName: person.name,
      // Nobody signs in as a demo participant.
      password: randomBytes(18).toString("base64url"),
      role: "participant",
      unitId: unit.id,
    });
    if (!created.ok) continue;
    const userId = created.user.id;
    const under16 = new Date(startedAt).getFullYear() - person.birthYear <= 16;
    await prisma.participantProfile.create({
      data: {
        userId,
        displayName: person.name,
        birthYear: person.birthYear,
        audience: person.audience,
        areaId: unit.parentId,
        unitId: unit.id,
        className: person.className,
        consentVersion: CONSENT_VERSION,
        consentedAt: new Date(startedAt),
        childConsent: under16,
        guardianName: under16 ? "Demo · Phụ huynh" : null,
        guardianDeclaredAt: under16 ? new Date(startedAt) : null,
        demo: true,
      },
    });
    const seed = attemptSeed({ roundId, participantId: userId, attemptNumber: 1 });
    const drawn = drawQuestions({ pool: pool.questions, rule: weeklyRule, seed, audience: null });
    if (!drawn.ok) throw new Error("The demo draw failed");
    const key = answerKeyFor(pool, drawn.questions.map((question) => question.revisionId));
    const begin = startedAt + index * 3_600_000;
    const used = 240_000 + index * 20_000;
    await prisma.attempt.create({
      data: {
        roundId,
        userId,
        participantKey: userId,
        attemptNumber: 1,
        audience: person.audience,
        unitId: unit.id,
        seed,
        questions: JSON.stringify(drawn.questions.map(({ questionId, revisionId, type, optionOrder }) => ({ questionId, revisionId, type, optionOrder }))),
        startedAt: new Date(begin),
        deadline: new Date(begin + 600_000),
        submittedAt: new Date(begin + used),
        prediction: person.prediction,
        demo: true,
        answers: {
          create: drawn.questions.map((question, position) => {
            const correct = key[question.revisionId];
            // The first `correct` questions right; the rest wrong (any other option).
            const wrong = question.optionOrder.find((option) => !correct.includes(option)) ?? 0;
            return {
              questionId: question.questionId,
              revisionId: question.revisionId,
              options: JSON.stringify(position < person.correct ? correct : [wrong]),
              savedAt: new Date(begin + (position + 1) * 20_000),
            };
          }),
        },
      },
    });
  }
}
