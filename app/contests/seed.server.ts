import { randomBytes } from "node:crypto";
import { areaIdOf } from "~/units/history.server";
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

type DemoPerson = {
  name: string;
  unit: string;
  audience: "lower-secondary" | "upper-secondary" | "young-workers";
  birthYear: number;
  className: string | null;
  correct: number;
  prediction: number | null;
};

// This year's demo participants, on today's units (communes and wards of the merged province).
const demoPeople: DemoPerson[] = [
  { name: "Demo · Lê Thu Hà", unit: "bn-bac-giang-thcs-mau", audience: "lower-secondary", birthYear: 2012, className: "8A", correct: 9, prediction: 3 },
  { name: "Demo · Phạm Quốc Bảo", unit: "bn-bac-giang-thcs-mau", audience: "lower-secondary", birthYear: 2012, className: "8B", correct: 9, prediction: 3 },
  { name: "Demo · Hoàng Mai Anh", unit: "bn-kinh-bac-thcs-mau", audience: "lower-secondary", birthYear: 2011, className: "9A", correct: 7, prediction: 10 },
  { name: "Demo · Vũ Đức Minh", unit: "bn-kinh-bac-thpt-mau", audience: "upper-secondary", birthYear: 2009, className: "11A1", correct: 10, prediction: 2 },
  { name: "Demo · Đỗ Khánh Linh", unit: "bn-yen-the-thcs-mau", audience: "lower-secondary", birthYear: 2013, className: "7C", correct: 6, prediction: null },
  { name: "Demo · Bùi Thanh Tùng", unit: "bn-thpt-chuyen-mau", audience: "upper-secondary", birthYear: 2009, className: "12A", correct: 8, prediction: 1 },
];

export const DEMO_2024_CONTEST_TITLE = "Cuộc thi tìm hiểu về ASEAN năm 2024";

// Last year's results, recorded on the tree of the time (districts of the former provinces).
const demoPeople2024: DemoPerson[] = [
  { name: "Demo 2024 · Nguyễn Văn Hải", unit: "bg-tp-bac-giang-thcs-mau-a", audience: "lower-secondary", birthYear: 2010, className: "8A", correct: 8, prediction: 4 },
  { name: "Demo 2024 · Trần Thị Hoa", unit: "bg-tp-bac-giang-thcs-mau-b", audience: "lower-secondary", birthYear: 2010, className: "8C", correct: 6, prediction: 2 },
  { name: "Demo 2024 · Lê Minh Khoa", unit: "bg-yen-the-thcs-mau-a", audience: "lower-secondary", birthYear: 2011, className: "7B", correct: 7, prediction: 5 },
  { name: "Demo 2024 · Phạm Thu Trang", unit: "bg-viet-yen-thcs-mau-a", audience: "lower-secondary", birthYear: 2010, className: "8D", correct: 9, prediction: 3 },
  { name: "Demo 2024 · Đặng Quốc Việt", unit: "bg-yen-dung-thcs-mau-a", audience: "lower-secondary", birthYear: 2011, className: "7A", correct: 5, prediction: null },
  { name: "Demo 2024 · Võ Ngọc Lan", unit: "bn-cu-tp-bac-ninh-thcs-mau", audience: "lower-secondary", birthYear: 2010, className: "9B", correct: 10, prediction: 1 },
  { name: "Demo 2024 · Hồ Gia Bảo", unit: "bn-cu-tu-son-thcs-mau", audience: "lower-secondary", birthYear: 2011, className: "8E", correct: 7, prediction: 6 },
  { name: "Demo 2024 · Mai Anh Thư", unit: "bn-cu-que-vo-thcs-mau", audience: "lower-secondary", birthYear: 2010, className: "9A", correct: 6, prediction: 2 },
  { name: "Demo 2024 · Trịnh Đức Anh", unit: "bn-cu-thuan-thanh-thcs-mau", audience: "lower-secondary", birthYear: 2011, className: "8B", correct: 8, prediction: 3 },
];

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
  await seedDemoResults(closed.roundId, release.id, now - 10 * DAY, demoPeople, "demo");
  console.log(`Seeded the demo contest “${DEMO_CONTEST_TITLE}” (join code of the open round: ${open.code}).`);
  await seedDemo2024Contest(organizer.id, release.id);
}

/** A closed contest of 2024 on the former provinces' districts, for the year-on-year comparison. */
async function seedDemo2024Contest(organizerId: string, releaseId: string): Promise<void> {
  if (await prisma.contest.findFirst({ where: { title: DEMO_2024_CONTEST_TITLE }, select: { id: true } })) return;
  const contest = await prisma.contest.create({
    data: { title: DEMO_2024_CONTEST_TITLE, description: "Kết quả mẫu năm 2024, theo các huyện của hai tỉnh trước sáp nhập.", createdById: organizerId },
    select: { id: true },
  });
  const opensAt = Date.UTC(2024, 9, 1, 1, 0);
  const round = await createRound({
    contestId: contest.id,
    releaseId,
    drawRule: weeklyRule,
    questionAudience: null,
    timeLimitSeconds: 600,
    maxAttempts: 2,
    audiences: null,
    predictionBasis: "all-correct",
    scope: "province",
    scopeUnitId: null,
    scopeClass: null,
    createdById: organizerId,
    demo: true,
    title: "Vòng chung kết 2024",
    opensAt,
    closesAt: opensAt + 14 * DAY,
  });
  if (!round.ok) throw new Error("The demo 2024 round could not be created");
  await seedDemoResults(round.roundId, releaseId, opensAt + DAY, demoPeople2024, "demo2024");
  console.log(`Seeded the demo contest “${DEMO_2024_CONTEST_TITLE}” on the former districts.`);
}

async function seedDemoResults(roundId: string, releaseId: string, startedAt: number, people: DemoPerson[], prefix: string): Promise<void> {
  const pool = await releasePool(releaseId);
  for (const [index, person] of people.entries()) {
    const unit = await prisma.unit.findUnique({ where: { code: person.unit }, select: { id: true, parentId: true } });
    if (!unit?.parentId) continue;
    const areaId = await areaIdOf(prisma, unit.id);
    const created = await createUser({
      username: `${prefix}-${index + 1}`,
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
        areaId,
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
    // The demo is reproducible from its username; a real attempt draws a random key.
    const seed = attemptSeed({ roundId, drawKey: `demo-${index}`, attemptNumber: 1 });
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
        areaId,
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
