import { resetDatabase, testPrisma as db } from "../../tests/setup/test-database";

import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import { seedContestWorld, type ContestWorld } from "~/contests/__fixtures__/contest-db";
import { translator } from "~/utils/i18n";
import { areaLevelLabel, dashboard, glanceFigures } from "./dashboard.server";
import { forgetStatsCache } from "./figures.server";
import { statsExport } from "./stats-export.server";

// Who sees what on /organizer/stats and in its files, against a real database.

const t = translator("vi");
const NOW = Date.UTC(2026, 11, 7, 3);
const START = new Date(Date.UTC(2026, 2, 10, 1));
let world: ContestWorld;
let hostId: string;
let otherHostId: string;

async function game(host: string, title: string, players: { unitId: string | null; answers: boolean[] }[]) {
  const created = await db.liveGame.create({
    data: { pin: "123456", title, hostId: host, releaseId: world.releaseId, releaseName: "2026.1", mode: "classic", status: "ended", state: "{}", stateVersion: 1, displayToken: `tok-${title}`, createdAt: START, endedAt: START },
    select: { id: true },
  });
  for (const [index, player] of players.entries()) {
    const id = `${title}-p${index}`;
    await db.livePlayer.create({ data: { id, gameId: created.id, displayName: `Người chơi ${index}`, unitId: player.unitId, areaId: player.unitId ? world.areaId : null, tokenHash: `hash-${id}` } });
    for (const [question, correct] of player.answers.entries()) {
      await db.liveAnswer.create({
        data: { gameId: created.id, playerId: id, questionIndex: question, revisionId: "r", answerId: `${id}-${question}`, optionIds: "[]", correct, serverReceivedAt: START, elapsedMs: 1000 },
      });
    }
  }
}

async function attempt(participantKey: string, unitId: string, correct: number, roundId: string) {
  await db.attempt.create({
    data: { roundId, participantKey, attemptNumber: 1, audience: "lower-secondary", unitId, areaId: world.areaId, seed: "s", questions: "[]", startedAt: START, deadline: new Date(START.getTime() + 600_000), submittedAt: START, correct },
  });
}

beforeEach(async () => {
  await resetDatabase();
  forgetStatsCache();
  world = await seedContestWorld(db);
  hostId = (await db.user.create({ data: { username: "host", displayName: "MC", passwordHash: "x", role: "host" }, select: { id: true } })).id;
  otherHostId = (await db.user.create({ data: { username: "host2", displayName: "MC 2", passwordHash: "x", role: "host" }, select: { id: true } })).id;
  const round = await db.round.create({
    data: { title: "Vòng 1", code: "ABC234", opensAt: START, closesAt: new Date(START.getTime() + 86_400_000), releaseId: world.releaseId, releaseName: "2026.1", drawRule: "{}", questionCount: 4, timeLimitSeconds: 600, maxAttempts: 1, scope: "province", createdById: world.organizerId },
    select: { id: true },
  });
  await attempt("a", world.schoolA, 4, round.id);
  await attempt("b", world.schoolA, 2, round.id);
  await attempt("=cmd", world.schoolB, 1, round.id);
  await game(hostId, "Trận của MC", [{ unitId: world.schoolA, answers: [true, false] }, { unitId: null, answers: [true] }]);
  await game(otherHostId, "Trận khác", [{ unitId: world.schoolB, answers: [false] }]);
});

const tableRows = (data: Awaited<ReturnType<typeof dashboard>>, id: string) => data!.tables.find((table) => table.id === id)?.rows;

describe("statistics access", () => {
  it("shows organizers and admins everything", async () => {
    for (const role of ["organizer", "admin"] as const) {
      const data = await dashboard(db, { id: world.organizerId, role, unitId: null }, new URLSearchParams("year=2026"), t, NOW);
      expect(data!.scope).toEqual({ kind: "all" });
      expect(tableRows(data, "totals")!.map((row) => [row.name, row.thisYear, row.lastYear])).toEqual([
        ["Người tham gia", 3, 0],
        ["Lượt thi", 3, 0],
        ["Lượt nộp bài", 3, 0],
        ["Trò chơi trực tiếp đã tổ chức", 2, 0],
        ["Người chơi trực tiếp", 3, 0],
      ]);
      expect(tableRows(data, "bySchool")!.map((row) => [row.name, row.participants])).toEqual([
        ["Trường A", 2],
        ["Trường B", 1],
      ]);
    }
  });

  it("shows a teacher their own school only, whatever the URL asks", async () => {
    const data = await dashboard(db, { id: world.teacherId, role: "teacher", unitId: world.schoolA }, new URLSearchParams(`year=2026&school=${world.schoolB}`), t, NOW);
    expect(data!.scope).toEqual({ kind: "school", unitId: world.schoolA });
    expect(tableRows(data, "totals")![0]).toMatchObject({ thisYear: 2 });
    expect(tableRows(data, "bySchool")!.map((row) => row.name)).toEqual(["Trường A"]);
    expect(data!.tables.map((table) => table.id)).not.toContain("liveGames");
    expect(data!.choices.schools).toEqual([]);
  });

  it("shows a host their own live games only", async () => {
    const data = await dashboard(db, { id: hostId, role: "host", unitId: null }, new URLSearchParams("year=2026"), t, NOW);
    expect(data!.tables.map((table) => table.id)).toEqual(["totals", "liveGames", "liveByArea"]);
    expect(tableRows(data, "totals")!.map((row) => [row.name, row.thisYear])).toEqual([
      ["Trò chơi trực tiếp đã tổ chức", 1],
      ["Người chơi trực tiếp", 2],
    ]);
    expect(tableRows(data, "liveGames")!.map((row) => [row.name, row.players, row.answers, row.correctAnswers])).toEqual([["Trận của MC", 2, 3, 2]]);
    expect(tableRows(data, "liveByArea")).toEqual([{ name: "Huyện mẫu", players: 1, answers: 2 }]);
    expect((await glanceFigures(db, { id: hostId, role: "host", unitId: null }, NOW))!).toMatchObject({ attempts: 0, liveGames: 1, livePlayers: 2 });
  });

  it("gives each role home its own figures at a glance, the same as the dashboard's totals", async () => {
    const organizer = await glanceFigures(db, { id: world.organizerId, role: "organizer", unitId: null }, NOW);
    expect(organizer).toMatchObject({ year: 2026, participants: 3, attempts: 3, liveGames: 2, livePlayers: 3 });
    expect(organizer!.shown).toEqual(["participants", "attempts", "completionRate", "averageScore", "liveGames", "livePlayers"]);
    const teacher = await glanceFigures(db, { id: world.teacherId, role: "teacher", unitId: world.schoolA }, NOW);
    expect(teacher).toMatchObject({ participants: 2, attempts: 2 });
    expect(teacher!.shown).toEqual(["participants", "attempts", "completionRate", "averageScore"]);
    expect((await glanceFigures(db, { id: hostId, role: "host", unitId: null }, NOW))!.shown).toEqual(["liveGames", "livePlayers"]);
    expect(await glanceFigures(db, { id: "x", role: "participant", unitId: null }, NOW)).toBeNull();
  });

  it("names the area filter after the level of the period's units", () => {
    expect(areaLevelLabel(["commune", "ward"], t)).toBe("Xã/phường");
    expect(areaLevelLabel(["district", "town"], t)).toBe("Huyện");
    expect(areaLevelLabel(["district", "ward"], t)).toBe("Huyện hoặc xã/phường");
  });

  it("refuses participants and teachers without a school", async () => {
    expect(await dashboard(db, { id: "x", role: "participant", unitId: null }, new URLSearchParams(), t, NOW)).toBeNull();
    expect(await dashboard(db, { id: "x", role: "teacher", unitId: null }, new URLSearchParams(), t, NOW)).toBeNull();
    expect(await statsExport(db, { id: "x", role: "participant", unitId: null }, new URLSearchParams("table=byArea"), t, NOW)).toMatchObject({ ok: false, status: 403 });
  });
});

describe("statistics exports", () => {
  it("writes CSV with the heading block and no personal data", async () => {
    const file = await statsExport(db, { id: world.organizerId, role: "organizer", unitId: null }, new URLSearchParams("year=2026&table=bySchool&format=csv"), t, NOW);
    if (!file.ok) throw new Error(file.message);
    const text = Buffer.from(file.body).toString("utf8");
    // Every field quoted (app/utils/spreadsheet-cell.ts): Vietnamese Excel splits on ";" as well as ",".
    expect(text.startsWith('\uFEFF"Theo trường / cơ quan"\r\n')).toBe(true);
    expect(text).toContain('"Đơn vị","Tỉnh mẫu"');
    expect(text).toContain('"Thời gian","01/01/2026 – 31/12/2026"');
    expect(text).toContain('"Thời điểm xuất (giờ Việt Nam)","07/12/2026 10:00"');
    expect(text).toContain('"Trường A","2","2","2","1","0.75","3","10","0.2"');
    expect(text).not.toContain("=cmd");
  });

  it("writes XLSX with real number and date cells", async () => {
    const file = await statsExport(db, { id: world.organizerId, role: "organizer", unitId: null }, new URLSearchParams(`year=2026&table=byMonth&format=xlsx&area=${world.areaId}`), t, NOW);
    if (!file.ok) throw new Error(file.message);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell("A1").value).toBe("Theo tháng");
    expect(sheet.getCell("B2").value).toBe("Huyện mẫu");
    // The filter names the level from the units of the period (the fixture's area is a district).
    expect(String(sheet.getCell("B4").value)).toContain("Huyện: Huyện mẫu");
    expect(sheet.getRow(7).values).toContain("Người tham gia");
    const row = sheet.getRow(8);
    expect(row.getCell(1).value).toBe("2026-03");
    // 1 March 2026, 00:00 in Viet Nam, as a wall-clock date cell.
    expect(row.getCell(2).value).toEqual(new Date(Date.UTC(2026, 2, 1)));
    expect(row.getCell(2).numFmt).toBe("dd/mm/yyyy");
    expect(row.getCell(3).value).toBe(3);
    expect(row.getCell(7).value).toBeCloseTo(7 / 12, 9);
    expect(row.getCell(7).numFmt).toBe("0.0%");
  });
});
