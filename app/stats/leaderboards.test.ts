import { describe, expect, it } from "vitest";
import type { Audience } from "~/bank/question-file";
import type { UnitNode } from "~/units/unit-tree";
import { areaLeaderboard, individualLeaderboard, schoolLeaderboard, type ParticipantResult } from "./leaderboards";

const unit = (id: string, name: string, kind: UnitNode["kind"], parentId: string | null, enrolment: number | null): UnitNode => ({
  id,
  code: id,
  name,
  kind,
  parentId,
  enrolment,
});

const units: UnitNode[] = [
  unit("p", "Tỉnh Mẫu", "province", null, null),
  unit("d1", "Huyện Yên Thế", "district", "p", 1_000),
  unit("d2", "Huyện Lục Nam", "district", "p", null),
  unit("d3", "Huyện Sơn Động", "district", "p", 500),
  unit("s1", "Trường THCS An", "school", "d1", 10),
  unit("s2", "Trường THCS Bình", "school", "d1", null),
  // A provincial school sits under the province, in no district.
  unit("s3", "Trường THPT Chuyên", "school", "p", 20),
  unit("s4", "Trường THCS Lục Nam", "school", "d2", 4),
  unit("s5", "Trường THCS Vân", "school", "d3", 300),
  unit("w1", "Công ty May", "workplace", "d2", 50),
  unit("c1", "Hợp tác xã Tiên Hưng", "workplace", "d2", null),
];

const result = (participantId: string, displayName: string, unitId: string | null, audience: Audience | null, score: number): ParticipantResult => ({
  participantId,
  displayName,
  unitId,
  audience,
  score,
});

const results: ParticipantResult[] = [
  result("an", "An", "s1", "lower-secondary", 8),
  result("bao", "Bảo", "s1", "lower-secondary", 6),
  result("cuong", "Cường", "s1", "lower-secondary", 10),
  result("dung", "Dũng", "s2", "lower-secondary", 8),
  result("giang", "Giang", "s2", "lower-secondary", 8),
  result("ha", "Hà", "s3", "upper-secondary", 9),
  result("khanh", "Khánh", "s3", "upper-secondary", 5),
  result("lan", "Lan", "s3", "upper-secondary", 7),
  result("minh", "Minh", "s3", "upper-secondary", 3),
  result("nam", "Nam", "s4", "lower-secondary", 8),
  result("oanh", "Oanh", "s4", "lower-secondary", 8),
  result("phuc", "Phúc", "w1", "young-workers", 4),
  result("quan", "Quân", "c1", "public", 6),
  result("son", "Sơn", null, "lower-secondary", 10),
];

describe("schoolLeaderboard", () => {
  it("ranks schools by average score, then by participants, with figures computed by hand", () => {
    const board = schoolLeaderboard(results, units);
    expect(board.map(({ rank, tied, unitName, participants, enrolment, participationRate, averageScore, bestScore }) => ({
      rank,
      tied,
      unitName,
      participants,
      enrolment,
      participationRate,
      averageScore,
      bestScore,
    }))).toEqual([
      // (8 + 6 + 10) / 3 = 8, 3 of 10 enrolled.
      { rank: 1, tied: false, unitName: "Trường THCS An", participants: 3, enrolment: 10, participationRate: 0.3, averageScore: 8, bestScore: 10 },
      // Average 8 with 2 participants each: a tie, listed by name.
      { rank: 2, tied: true, unitName: "Trường THCS Bình", participants: 2, enrolment: null, participationRate: null, averageScore: 8, bestScore: 8 },
      { rank: 2, tied: true, unitName: "Trường THCS Lục Nam", participants: 2, enrolment: 4, participationRate: 0.5, averageScore: 8, bestScore: 8 },
      // (9 + 5 + 7 + 3) / 4 = 6, 4 of 20.
      { rank: 4, tied: false, unitName: "Trường THPT Chuyên", participants: 4, enrolment: 20, participationRate: 0.2, averageScore: 6, bestScore: 9 },
      { rank: null, tied: false, unitName: "Trường THCS Vân", participants: 0, enrolment: 300, participationRate: 0, averageScore: null, bestScore: null },
    ]);
    expect(board[0].bestScorers).toEqual([
      { displayName: "Cường", schoolName: "Trường THCS An", score: 10 },
      { displayName: "An", schoolName: "Trường THCS An", score: 8 },
      { displayName: "Bảo", schoolName: "Trường THCS An", score: 6 },
    ]);
  });

  it("counts only the chosen audience group", () => {
    const board = schoolLeaderboard(results, units, { audience: "upper-secondary", bestScorerLimit: 2 });
    expect(board.map((row) => [row.unitName, row.rank, row.participants])).toEqual([
      ["Trường THPT Chuyên", 1, 4],
      ["Trường THCS An", null, 0],
      ["Trường THCS Bình", null, 0],
      ["Trường THCS Lục Nam", null, 0],
      ["Trường THCS Vân", null, 0],
    ]);
    expect(board[0].bestScorers.map((scorer) => scorer.displayName)).toEqual(["Hà", "Lan"]);
  });
});

describe("areaLeaderboard", () => {
  it("gathers everyone under a district, whatever their unit's kind", () => {
    const board = areaLeaderboard(results, units);
    expect(board.map(({ rank, unitName, participants, participationRate, averageScore }) => ({
      rank,
      unitName,
      participants,
      participationRate,
      averageScore,
    }))).toEqual([
      // An 8, Bảo 6, Cường 10, Dũng 8, Giang 8: 40 / 5 = 8; 5 of 1,000.
      { rank: 1, unitName: "Huyện Yên Thế", participants: 5, participationRate: 0.005, averageScore: 8 },
      // Nam 8, Oanh 8, Phúc 4 (workplace), Quân 6 (commune): 26 / 4 = 6.5. No figure of its own: its
      // school's 4 and workplace's 50 make 54, of whom Nam, Oanh and Phúc took part (Quân's commune has none).
      { rank: 2, unitName: "Huyện Lục Nam", participants: 4, participationRate: 3 / 54, averageScore: 6.5 },
      { rank: null, unitName: "Huyện Sơn Động", participants: 0, participationRate: 0, averageScore: null },
    ]);
    expect(board[0].bestScorers.map((scorer) => scorer.displayName)).toEqual(["Cường", "An", "Dũng"]);
    expect(board[1].bestScorers).toEqual([
      { displayName: "Nam", schoolName: "Trường THCS Lục Nam", score: 8 },
      { displayName: "Oanh", schoolName: "Trường THCS Lục Nam", score: 8 },
      { displayName: "Quân", schoolName: "Hợp tác xã Tiên Hưng", score: 6 },
    ]);
  });

  it("ranks a bigger district first among equal averages once filtered", () => {
    const board = areaLeaderboard(results, units, { audience: "lower-secondary" });
    expect(board.map((row) => [row.unitName, row.rank, row.participants, row.averageScore])).toEqual([
      ["Huyện Yên Thế", 1, 5, 8],
      ["Huyện Lục Nam", 2, 2, 8],
      ["Huyện Sơn Động", null, 0, null],
    ]);
  });
});

describe("individualLeaderboard", () => {
  const ranked = [
    { participantId: "cuong", rank: 1, correct: 10 },
    { participantId: "son", rank: 1, correct: 10 },
    { participantId: "ha", rank: 3, correct: 9 },
    { participantId: "an", rank: 4, correct: 8 },
    { participantId: "nam", rank: 4, correct: 8 },
    { participantId: "phuc", rank: 6, correct: 4 },
    { participantId: "ghost", rank: 7, correct: 1 },
  ];

  it("shows only a display name and a school name", () => {
    const list = individualLeaderboard(ranked, results, units);
    expect(list).toEqual([
      { rank: 1, tied: true, displayName: "Cường", schoolName: "Trường THCS An", score: 10 },
      { rank: 1, tied: true, displayName: "Sơn", schoolName: null, score: 10 },
      { rank: 3, tied: false, displayName: "Hà", schoolName: "Trường THPT Chuyên", score: 9 },
      { rank: 4, tied: true, displayName: "An", schoolName: "Trường THCS An", score: 8 },
      { rank: 4, tied: true, displayName: "Nam", schoolName: "Trường THCS Lục Nam", score: 8 },
      { rank: 6, tied: false, displayName: "Phúc", schoolName: "Công ty May", score: 4 },
    ]);
    for (const row of list) expect(Object.keys(row).sort()).toEqual(["displayName", "rank", "schoolName", "score", "tied"]);
  });

  it("renumbers within an audience group and keeps ties", () => {
    expect(individualLeaderboard(ranked, results, units, { audience: "lower-secondary" }).map((row) => [row.displayName, row.rank, row.tied])).toEqual([
      ["Cường", 1, true],
      ["Sơn", 1, true],
      ["An", 3, true],
      ["Nam", 3, true],
    ]);
  });
});
