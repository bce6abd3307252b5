import { createRelease, importQuestions } from "~/bank/import.server";
import { questionSchema, type Difficulty } from "~/bank/question-file";
import type { PrismaClient } from "~/utils/db.server";

// A small world for server tests: a province, an area (a district), two schools, a release of 12 questions
// (asean-basics: 3 easy + 3 medium; economic: 3 easy + 3 hard; option (n mod 4) is right).

function question(id: string, topic: string, difficulty: Difficulty, n: number) {
  return questionSchema.parse({
    id,
    topic,
    difficulty,
    audiences: ["lower-secondary", "upper-secondary"],
    type: "single",
    prompt: { vi: `Câu hỏi ${id}?`, en: `Question ${id}?` },
    options: [0, 1, 2, 3].map((option) => ({ vi: `Phương án ${option + 1} của ${id}`, correct: option === n % 4 })),
    explanation: { vi: `Giải thích ${id}.` },
    source: { title: "ASEAN", date: "2025" },
  });
}

export const fixtureQuestions = [
  ...[1, 2, 3].map((n) => question(`asean-basics-000${n}`, "asean-basics", "easy", n)),
  ...[4, 5, 6].map((n) => question(`asean-basics-000${n}`, "asean-basics", "medium", n)),
  ...[1, 2, 3].map((n) => question(`economic-000${n}`, "economic", "easy", n)),
  ...[4, 5, 6].map((n) => question(`economic-000${n}`, "economic", "hard", n)),
];

export async function seedContestWorld(db: PrismaClient) {
  const province = await db.unit.create({ data: { code: "tinh", name: "Tỉnh mẫu", kind: "province" }, select: { id: true } });
  const area = await db.unit.create({ data: { code: "huyen", name: "Huyện mẫu", kind: "district", parentId: province.id }, select: { id: true } });
  const schoolA = await db.unit.create({
    data: { code: "truong-a", name: "Trường A", kind: "school", parentId: area.id, enrolment: 10 },
    select: { id: true },
  });
  const schoolB = await db.unit.create({ data: { code: "truong-b", name: "Trường B", kind: "school", parentId: area.id }, select: { id: true } });
  const organizer = await db.user.create({ data: { username: "btc", displayName: "BTC", passwordHash: "x", role: "organizer" }, select: { id: true } });
  const teacher = await db.user.create({
    data: { username: "gv", displayName: "Cô giáo", passwordHash: "x", role: "teacher", unitId: schoolA.id },
    select: { id: true },
  });
  await importQuestions(db, fixtureQuestions, { now: new Date(Date.UTC(2026, 0, 1)) });
  const release = await createRelease(db, { name: "2026.1", createdById: organizer.id, now: new Date(Date.UTC(2026, 0, 2)) });
  if (!release.ok) throw new Error(release.code);
  return { provinceId: province.id, areaId: area.id, schoolA: schoolA.id, schoolB: schoolB.id, organizerId: organizer.id, teacherId: teacher.id, releaseId: release.releaseId };
}

export type ContestWorld = Awaited<ReturnType<typeof seedContestWorld>>;

let pupilCount = 0;
export async function makePupil(
  db: PrismaClient,
  world: ContestWorld,
  options: { name?: string; unitId?: string; className?: string | null; audience?: string } = {},
) {
  pupilCount++;
  const name = options.name ?? `Học sinh ${pupilCount}`;
  const user = await db.user.create({
    data: { username: `hs${pupilCount}`, displayName: name, passwordHash: "x", role: "participant" },
    select: { id: true },
  });
  await db.participantProfile.create({
    data: {
      userId: user.id,
      displayName: name,
      birthYear: 2012,
      audience: options.audience ?? "lower-secondary",
      areaId: world.areaId,
      unitId: options.unitId ?? world.schoolA,
      className: options.className === undefined ? "8A" : options.className,
      consentVersion: "test",
      consentedAt: new Date(),
      childConsent: true,
      guardianName: "Phụ huynh",
      guardianDeclaredAt: new Date(),
    },
  });
  return user.id;
}
