import { resetDatabase, testPrisma as db } from "../../tests/setup/test-database";

import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { beforeEach, describe, expect, it } from "vitest";
import { makePupil, seedContestWorld, type ContestWorld } from "~/contests/__fixtures__/contest-db";
import { formatNumber } from "~/utils/format";
import { computeFigures, forgetStatsCache } from "./figures.server";
import { reportDocx } from "./report-docx.server";
import { reportFileResponse, stopReportWorker } from "./report-files.server";
import { reportXlsx } from "./report-xlsx.server";
import { vietnamYear, yearlyReportModel } from "./yearly-report.server";

const NOW = Date.UTC(2026, 11, 7, 3, 0);
let world: ContestWorld;
let revisionOf: Map<string, string>;

beforeEach(async () => {
  await resetDatabase();
  forgetStatsCache();
  world = await seedContestWorld(db);
  revisionOf = new Map((await db.questionRevision.findMany({ select: { id: true, questionId: true } })).map((r) => [r.questionId, r.id]));
  for (const [key, value] of Object.entries({
    reportIssuer: "Sở Văn hóa, Thể thao và Du lịch",
    reportRecipients: JSON.stringify(["UBND tỉnh", "Sở Ngoại vụ"]),
    signerTitle: "Giám đốc",
    signerName: "Nguyễn Văn Ký",
    provinceUnitCode: "tinh",
  })) {
    await db.organisationSetting.create({ data: { key, value } });
  }
});

async function contestRound(title: string, opensAt: number) {
  const contest = await db.contest.create({ data: { title, createdById: world.organizerId }, select: { id: true } });
  return db.round.create({
    data: { contestId: contest.id, title: `${title} – Tuần 1`, code: title.replace(/\D/g, "").padEnd(6, "X").slice(0, 6), opensAt: new Date(opensAt), closesAt: new Date(opensAt + 86_400_000), releaseId: world.releaseId, releaseName: "2026.1", drawRule: "{}", questionCount: 2, timeLimitSeconds: 600, maxAttempts: 1, scope: "province", createdById: world.organizerId },
    select: { id: true },
  });
}

/** A handed-in attempt shown asean-basics-0001 (key B = 1) and economic-0002 (key C = 2). */
async function sit(roundId: string, userId: string, unitId: string, startedAt: number, choices: (number | null)[]) {
  const questions = ["asean-basics-0001", "economic-0002"];
  const attempt = await db.attempt.create({
    data: {
      roundId, userId, participantKey: userId, attemptNumber: 1, unitId, areaId: world.areaId, audience: "lower-secondary", seed: "s",
      questions: JSON.stringify(questions.map((questionId) => ({ questionId, revisionId: revisionOf.get(questionId), type: "single", optionOrder: [0, 1, 2, 3] }))),
      startedAt: new Date(startedAt), deadline: new Date(startedAt + 600_000), submittedAt: new Date(startedAt + 60_000),
    },
    select: { id: true },
  });
  for (const [index, choice] of choices.entries()) {
    if (choice === null) continue;
    await db.attemptAnswer.create({ data: { attemptId: attempt.id, questionId: questions[index], revisionId: revisionOf.get(questions[index])!, options: `[${choice}]`, savedAt: new Date(startedAt + 10_000 * (index + 1)) } });
  }
}

describe("the yearly report", () => {
  it("writes a DOCX in the administrative layout whose numbers are the counting module's", async () => {
    const r2026 = await contestRound("Cuộc thi 2026", Date.UTC(2026, 10, 2));
    const r2025 = await contestRound("Cuộc thi 2025", Date.UTC(2025, 10, 2));
    const an = await makePupil(db, world, { name: "An" });
    const binh = await makePupil(db, world, { name: "Bình" });
    const chi = await makePupil(db, world, { name: "Chi", unitId: world.schoolB });
    const start = Date.UTC(2026, 10, 2, 2);
    await sit(r2026.id, an, world.schoolA, start, [1, 2]); // 2 right
    await sit(r2026.id, binh, world.schoolA, start, [1, 0]); // 1 right
    await sit(r2026.id, chi, world.schoolB, start, [null, null]); // none
    await sit(r2025.id, an, world.schoolA, Date.UTC(2025, 10, 2, 2), [1, 2]);
    await db.unit.create({ data: { code: "truong-c", name: "Trường C", kind: "school", parentId: world.areaId } });

    const model = await yearlyReportModel(db, { year: 2026 }, NOW);
    expect(model).not.toBeNull();
    const docx = await reportDocx(model!);
    const { value: text } = await mammoth.extractRawText({ buffer: docx });
    const lines = text.split("\n").map((line) => line.trim()).filter(Boolean);

    // Decree 30 layout: motto, issuing body and number, date line, title, recipients, signer.
    expect(lines).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(lines).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(lines).toContain("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH");
    expect(lines).toContain("UBND TỈNH MẪU");
    expect(lines.some((line) => /^Số:\s+\/BC-/.test(line))).toBe(true);
    expect(lines.some((line) => /^Mẫu, ngày\s+tháng\s+năm 2026$/.test(line))).toBe(true);
    expect(lines).toContain("BÁO CÁO");
    expect(lines).toContain("Nơi nhận:");
    expect(lines).toEqual(expect.arrayContaining(["- UBND tỉnh;", "- Sở Ngoại vụ;", "- Lưu: VT."]));
    expect(lines).toContain("GIÁM ĐỐC");
    expect(lines).toContain("Nguyễn Văn Ký");

    // The numbers are the counting module's, for this year and the one before.
    const figures = await computeFigures(db, { ...vietnamYear(2026), view: "as-it-was" }, NOW);
    const previous = await computeFigures(db, { ...vietnamYear(2025), view: "as-it-was" }, NOW);
    expect(figures.totals).toMatchObject({ participants: 3, attempts: 3, completed: 3 });
    const vi = (value: number) => formatNumber(value, "vi");
    expect(text).toContain(`Có ${vi(figures.totals.participants)} người tham gia với ${vi(figures.totals.attempts)} lượt thi, trong đó ${vi(figures.totals.completed)} lượt nộp bài`);
    // Table 3, the area row: name, participants, attempts, completed, as cells in that order.
    const area = figures.byArea.find((row) => row.name === "Huyện mẫu")!;
    const areaAt = lines.indexOf("Huyện mẫu");
    expect(lines.slice(areaAt + 1, areaAt + 4)).toEqual([vi(area.participants), vi(area.attempts), vi(area.completed)]);
    const schoolA = figures.bySchool.find((row) => row.name === "Trường A")!;
    expect(schoolA.participants).toBe(2);
    // The comparison table: 2025 then 2026.
    const compareAt = lines.lastIndexOf("Người tham gia");
    expect(lines.slice(compareAt + 1, compareAt + 3)).toEqual([vi(previous.totals.participants), vi(figures.totals.participants)]);
    // The best individuals by display name, in ranking order.
    const anAt = lines.indexOf("An");
    expect(lines.slice(anAt - 1, anAt + 3)).toEqual(["1", "An", "Trường A", "2"]);
    expect(lines.indexOf("Bình")).toBeGreaterThan(anAt);
    // Topics covered: two topics, one question each.
    expect(text).toContain("Các câu hỏi đã dùng thuộc 2 chủ đề, tổng cộng 2 câu hỏi khác nhau.");
    // A school with nobody is counted but, in the document only, summarised rather than listed.
    expect(figures.bySchool.find((row) => row.name === "Trường C")?.participants).toBe(0);
    expect(lines).not.toContain("Trường C");
    expect(text).toContain("(1 đơn vị chưa có người tham gia được liệt kê trong tệp Excel kèm theo.)");
    // Word charts are embedded as chart parts.
    expect(docx.includes(Buffer.from("word/charts/chart1.xml"))).toBe(true);

    // The server makes the same document in its report worker, off the event loop.
    const response = await reportFileResponse(new Request("http://localhost/organizer/stats/report.docx"), { kind: "docx", model: model!, exportedAt: "" }, { "Content-Type": "x" });
    expect(response.status).toBe(200);
    const fromWorker = await mammoth.extractRawText({ buffer: Buffer.from(await response.arrayBuffer()) });
    expect(fromWorker.value).toBe(text);
    stopReportWorker();
  });

  it("writes every table to the XLSX as number cells under a heading block", async () => {
    const r2026 = await contestRound("Cuộc thi 2026", Date.UTC(2026, 10, 2));
    await sit(r2026.id, await makePupil(db, world, { name: "=HYPERLINK(\"x\")" }), world.schoolA, Date.UTC(2026, 10, 2, 2), [1, 2]);
    const model = (await yearlyReportModel(db, { year: 2026 }, NOW))!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reportXlsx(model, "07/12/2026 10:00")) as unknown as ArrayBuffer);
    const tableCount = model.sections.reduce((sum, section) => sum + section.tables.length, 0);
    expect(workbook.worksheets).toHaveLength(tableCount);
    const areas = workbook.getWorksheet("Bảng 3")!;
    expect(areas.getCell(4, 1).value).toBe("Bảng 3. Tham gia theo địa bàn");
    expect(areas.getCell(5, 1).value).toBe("Xuất lúc: 07/12/2026 10:00");
    expect(areas.getCell(8, 1).value).toBe("Huyện mẫu");
    expect(areas.getCell(8, 2).value).toBe(1);
    // A display name that looks like a formula is written as text.
    const best = workbook.getWorksheet("Bảng 8")!;
    expect(best.getCell(8, 3).value).toBe("'=HYPERLINK(\"x\")");
  });

  it("refuses a unit outside the province", async () => {
    expect(await yearlyReportModel(db, { year: 2026, unitId: world.schoolA }, NOW)).toBeNull();
  });
});
