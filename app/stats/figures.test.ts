import { describe, expect, it } from "vitest";
import { FactTable } from "./fact-table";
import { FigureSums } from "./figure-sums";
import { aggregateFigures, figuresOf, weekKey, type AttemptFact, type MapUnit, type StatsFacts, type StatsFilter, type UnitFact } from "./figures";

// A small province counted by hand. Before the reform (1 July 2025) it had three districts; the
// district "Huyện An" was split between two new communes (60 % / 40 %), "Huyện Bình" went whole to
// "Xã Yên" and "Huyện Cát" (where nobody took part) whole to "Xã Xuân".

const REFORM = Date.UTC(2025, 6, 1) - 7 * 3_600_000;
const unit = (id: string, name: string, kind: string, parentId: string | null, enrolment: number | null, validFrom: number | null = null, validTo: number | null = null): UnitFact => ({
  id,
  name,
  kind,
  parentId,
  enrolment,
  validFrom,
  validTo,
});

const units: UnitFact[] = [
  unit("p", "Tỉnh Mẫu", "province", null, null),
  unit("dA", "Huyện An", "district", "p", null, null, REFORM),
  unit("dB", "Huyện Bình", "district", "p", 100, null, REFORM),
  unit("dC", "Huyện Cát", "district", "p", null, null, REFORM),
  unit("cX", "Xã Xuân", "commune", "p", null, REFORM),
  unit("cY", "Xã Yên", "commune", "p", 500, REFORM),
  unit("s1", "Trường Một", "school", "dA", 20),
  unit("s2", "Trường Hai", "school", "dA", null),
  unit("s3", "Trường Ba", "school", "dB", 50),
  unit("s4", "Trường Bốn", "school", "dC", 10),
];

const mapUnit: MapUnit = (unitId) =>
  unitId === "dA"
    ? [
        { unitId: "cX", share: 0.6 },
        { unitId: "cY", share: 0.4 },
      ]
    : unitId === "dB"
      ? [{ unitId: "cY", share: 1 }]
      : unitId === "dC"
        ? [{ unitId: "cX", share: 1 }]
        : [{ unitId, share: 1 }];

// 08:00 Monday 10 March 2025 in Viet Nam; 01:30 on the 11th (still the 10th in UTC); 00:30 Monday
// 17 March (still Sunday in UTC); 1 April.
const t1 = Date.UTC(2025, 2, 10, 1, 0);
const t2 = Date.UTC(2025, 2, 10, 18, 30);
const t3 = Date.UTC(2025, 2, 16, 17, 30);
const t4 = Date.UTC(2025, 3, 1, 3, 0);

const attempt = (over: Partial<AttemptFact> & Pick<AttemptFact, "participantKey" | "roundId" | "startedAt">): AttemptFact => ({
  contestId: over.roundId === "r3" ? null : "c1",
  audience: "lower-secondary",
  unitId: null,
  areaId: null,
  birthYear: null,
  submitted: true,
  correct: null,
  questionCount: over.roundId === "r3" ? 5 : 10,
  ...over,
});

const attempts: AttemptFact[] = [
  // u1 tries r1 twice; the second attempt starts after midnight in Viet Nam.
  attempt({ participantKey: "u1", roundId: "r1", unitId: "s1", areaId: "dA", birthYear: 2012, startedAt: t1, correct: 8 }),
  attempt({ participantKey: "u1", roundId: "r1", unitId: "s1", areaId: "dA", birthYear: 2012, startedAt: t2, correct: 10 }),
  // Ran out of time: scored, not handed in.
  attempt({ participantKey: "u2", roundId: "r1", unitId: "s2", areaId: "dA", birthYear: 2011, startedAt: t1, submitted: false, correct: 5 }),
  // A participant who deleted their data: one anonymous key, no birth year, still counted once.
  attempt({ participantKey: "anon-x", roundId: "r2", unitId: "s3", areaId: "dB", startedAt: t3, correct: 6 }),
  attempt({ participantKey: "anon-x", roundId: "r3", unitId: "s3", areaId: "dB", startedAt: t4, correct: 5 }),
  // Still running: counted as an attempt, not scored. The area is found from the tree (no stored areaId).
  attempt({ participantKey: "u4", roundId: "r2", unitId: "s1", audience: "upper-secondary", birthYear: 2009, startedAt: t4, submitted: false }),
  // Ties anon-x on r2 (6 of 10).
  attempt({ participantKey: "u5", roundId: "r2", unitId: "s3", areaId: "dB", birthYear: 2010, startedAt: t3, correct: 6 }),
];

const facts: StatsFacts = {
  units,
  rounds: [
    { id: "r1", title: "Vòng 1", contestId: "c1", opensAt: Date.UTC(2025, 2, 1), closesAt: Date.UTC(2025, 2, 15) },
    { id: "r2", title: "Vòng 2", contestId: "c1", opensAt: Date.UTC(2025, 2, 15), closesAt: Date.UTC(2025, 3, 15) },
    { id: "r3", title: "Vòng của lớp", contestId: null, opensAt: Date.UTC(2025, 3, 1), closesAt: Date.UTC(2025, 3, 2) },
    { id: "r4", title: "Vòng không ai thi", contestId: "c2", opensAt: Date.UTC(2025, 8, 1), closesAt: Date.UTC(2025, 8, 2) },
    { id: "r5", title: "Vòng năm trước", contestId: "c3", opensAt: Date.UTC(2024, 8, 1), closesAt: Date.UTC(2024, 8, 2) },
  ],
  contests: [
    { id: "c1", title: "Cuộc thi 2025" },
    { id: "c2", title: "Cuộc thi vắng" },
    { id: "c3", title: "Cuộc thi 2024" },
  ],
  attempts,
  liveGames: [
    { id: "g1", title: "Trực tiếp 1", hostId: "h1", startedAt: Date.UTC(2025, 4, 1), status: "ended" },
    { id: "g2", title: "Trực tiếp 2", hostId: "h2", startedAt: Date.UTC(2025, 5, 1), status: "ended" },
    { id: "g3", title: "Chưa bắt đầu", hostId: "h1", startedAt: Date.UTC(2025, 5, 2), status: "lobby" },
  ],
  livePlayers: [
    { gameId: "g1", unitId: "s1", areaId: null, answers: 3, correctAnswers: 2 },
    { gameId: "g1", unitId: null, areaId: null, answers: 3, correctAnswers: 1 },
    // Played along at home (docs/decisions/038): counted by area like anyone, told apart in the totals.
    { gameId: "g2", home: true, unitId: null, areaId: "dB", answers: 2, correctAnswers: 2 },
    { gameId: "g3", unitId: "s1", areaId: null, answers: 0, correctAnswers: 0 },
  ],
};

const year2025: StatsFilter = { from: new Date(Date.UTC(2024, 11, 31, 17)), to: new Date(Date.UTC(2025, 11, 31, 17)), view: "as-it-was" };
const NOW = Date.UTC(2026, 11, 7);
const pick = <T extends object, K extends keyof T>(rows: T[], keys: K[]) => rows.map((row) => Object.fromEntries(keys.map((key) => [key, row[key]])));

describe("aggregateFigures, as it was", () => {
  const figures = aggregateFigures(facts, year2025, mapUnit, NOW);

  it("counts people once, attempts, completion and scores", () => {
    expect(figures.view).toBe("as-it-was");
    // u1, u2, anon-x, u4, u5; 7 attempts, 5 handed in; 6 scored: 8/10, 10/10, 5/10, 6/10, 5/5, 6/10.
    expect(figures.totals).toEqual({
      participants: 5,
      attempts: 7,
      completed: 5,
      completionRate: 0.714285714,
      scored: 6,
      averageScore: 0.75,
      averageCorrect: 6.666666667,
    });
    expect(figures.scoreBands.map((band) => band.attempts)).toEqual([0, 0, 0, 0, 0, 1, 2, 0, 1, 2]);
    expect(figures.scoreBands[9].key).toBe("90–100%");
  });

  it("lists every area that existed in the period, with zeros, and rates from known enrolment", () => {
    expect(pick(figures.byArea, ["unitId", "participants", "attempts", "completed", "scored", "averageScore", "enrolment", "enrolledParticipants", "participationRate"])).toEqual([
      // Huyện An has no enrolment of its own: Trường Một's 20 counts, with its 2 participants (u1, u4).
      { unitId: "dA", participants: 3, attempts: 4, completed: 2, scored: 3, averageScore: 0.766666667, enrolment: 20, enrolledParticipants: 2, participationRate: 0.1 },
      { unitId: "dB", participants: 2, attempts: 3, completed: 3, scored: 3, averageScore: 0.733333333, enrolment: 100, enrolledParticipants: 2, participationRate: 0.02 },
      // Nobody took part: zeros, and a rate of 0 on Trường Bốn's enrolment.
      { unitId: "dC", participants: 0, attempts: 0, completed: 0, scored: 0, averageScore: null, enrolment: 10, enrolledParticipants: 0, participationRate: 0 },
      { unitId: "cX", participants: 0, attempts: 0, completed: 0, scored: 0, averageScore: null, enrolment: null, enrolledParticipants: 0, participationRate: null },
      { unitId: "cY", participants: 0, attempts: 0, completed: 0, scored: 0, averageScore: null, enrolment: 500, enrolledParticipants: 0, participationRate: 0 },
    ]);
  });

  it("lists every school, with zeros", () => {
    expect(pick(figures.bySchool, ["name", "participants", "attempts", "completed", "averageScore", "enrolment", "participationRate"])).toEqual([
      { name: "Trường Ba", participants: 2, attempts: 3, completed: 3, averageScore: 0.733333333, enrolment: 50, participationRate: 0.04 },
      { name: "Trường Bốn", participants: 0, attempts: 0, completed: 0, averageScore: null, enrolment: 10, participationRate: 0 },
      { name: "Trường Hai", participants: 1, attempts: 1, completed: 0, averageScore: 0.5, enrolment: null, participationRate: null },
      { name: "Trường Một", participants: 2, attempts: 3, completed: 2, averageScore: 0.9, enrolment: 20, participationRate: 0.1 },
    ]);
  });

  it("groups by audience, birth-year band, round and contest", () => {
    expect(pick(figures.byAudience, ["key", "participants", "attempts"])).toEqual([
      { key: "lower-secondary", participants: 4, attempts: 6 },
      { key: "upper-secondary", participants: 1, attempts: 1 },
      { key: "university", participants: 0, attempts: 0 },
      { key: "young-workers", participants: 0, attempts: 0 },
      { key: "public", participants: 0, attempts: 0 },
    ]);
    expect(pick(figures.byBirthBand, ["key", "participants", "attempts"])).toEqual([
      { key: "2005–2009", participants: 1, attempts: 1 },
      { key: "2010–2014", participants: 3, attempts: 4 },
      { key: "unknown", participants: 1, attempts: 2 },
    ]);
    expect(pick(figures.byRound, ["key", "participants", "attempts", "averageScore"])).toEqual([
      { key: "r1", participants: 2, attempts: 3, averageScore: 0.766666667 },
      { key: "r2", participants: 3, attempts: 3, averageScore: 0.6 },
      { key: "r3", participants: 1, attempts: 1, averageScore: 1 },
      // Open in 2025, nobody took part.
      { key: "r4", participants: 0, attempts: 0, averageScore: null },
    ]);
    expect(pick(figures.byContest, ["label", "participants", "attempts"])).toEqual([
      { label: "Cuộc thi 2025", participants: 5, attempts: 6 },
      { label: "Cuộc thi vắng", participants: 0, attempts: 0 },
    ]);
  });

  it("counts days, weeks and months in Viet Nam time", () => {
    expect(pick(figures.byDay, ["key", "participants", "attempts"])).toEqual([
      { key: "2025-03-10", participants: 2, attempts: 2 },
      { key: "2025-03-11", participants: 1, attempts: 1 },
      { key: "2025-03-17", participants: 2, attempts: 2 },
      { key: "2025-04-01", participants: 2, attempts: 2 },
    ]);
    expect(pick(figures.byWeek, ["key", "start", "participants", "attempts"])).toEqual([
      { key: "2025-W11", start: new Date(Date.UTC(2025, 2, 9, 17)), participants: 2, attempts: 3 },
      { key: "2025-W12", start: new Date(Date.UTC(2025, 2, 16, 17)), participants: 2, attempts: 2 },
      { key: "2025-W14", start: new Date(Date.UTC(2025, 2, 30, 17)), participants: 2, attempts: 2 },
    ]);
    expect(pick(figures.byMonth, ["key", "participants", "attempts"])).toEqual([
      { key: "2025-03", participants: 4, attempts: 5 },
      { key: "2025-04", participants: 2, attempts: 2 },
    ]);
  });

  it("counts live games held, their players and answers, by area where players gave one", () => {
    expect(figures.live.totals).toEqual({ gamesHeld: 2, players: 3, answers: 8, correctAnswers: 5, homePlayers: 1 });
    expect(pick(figures.live.byGame, ["gameId", "players", "answers", "correctAnswers"])).toEqual([
      { gameId: "g1", players: 2, answers: 6, correctAnswers: 3 },
      { gameId: "g2", players: 1, answers: 2, correctAnswers: 2 },
    ]);
    expect(figures.live.byArea).toEqual([
      { unitId: "dA", name: "Huyện An", players: 1, answers: 3 },
      { unitId: "dB", name: "Huyện Bình", players: 1, answers: 2 },
    ]);
    expect(aggregateFigures(facts, { ...year2025, hostId: "h2" }, mapUnit, NOW).live.totals).toEqual({ gamesHeld: 1, players: 1, answers: 2, correctAnswers: 2, homePlayers: 1 });
  });

  it("filters by area and school", () => {
    const inAn = aggregateFigures(facts, { ...year2025, areaId: "dA" }, mapUnit, NOW);
    expect(inAn.totals.participants).toBe(3);
    expect(inAn.totals.attempts).toBe(4);
    expect(inAn.byArea.map((row) => row.unitId)).toEqual(["dA"]);
    expect(inAn.bySchool.map((row) => row.name)).toEqual(["Trường Hai", "Trường Một"]);
    expect(inAn.live.totals.players).toBe(1);
    const inMot = aggregateFigures(facts, { ...year2025, schoolId: "s1" }, mapUnit, NOW);
    expect(inMot.totals).toMatchObject({ participants: 2, attempts: 3, completed: 2, scored: 2, averageScore: 0.9 });
    expect(aggregateFigures(facts, { ...year2025, audience: "upper-secondary" }, mapUnit, NOW).totals.participants).toBe(1);
    expect(aggregateFigures(facts, { ...year2025, roundId: "r2" }, mapUnit, NOW).totals).toMatchObject({ participants: 3, attempts: 3 });
  });
});

describe("aggregateFigures, mapped onto today's units", () => {
  const figures = aggregateFigures(facts, { ...year2025, view: "current" }, mapUnit, NOW);

  it("gives each successor of a split area its share, and lists today's areas only", () => {
    expect(figures.view).toBe("current");
    expect(figures.totals.participants).toBe(5);
    expect(pick(figures.byArea, ["unitId", "participants", "attempts", "completed", "scored", "averageScore", "participationRate"])).toEqual([
      // 60 % of Huyện An: 3 × 0.6 people, 4 × 0.6 attempts.
      { unitId: "cX", participants: 1.8, attempts: 2.4, completed: 1.2, scored: 1.8, averageScore: 0.766666667, participationRate: null },
      // 40 % of Huyện An plus all of Huyện Bình: (0.4 × 2.3 + 2.2) ÷ (0.4 × 3 + 3) = 3.12 ÷ 4.2.
      { unitId: "cY", participants: 3.2, attempts: 4.6, completed: 3.8, scored: 4.2, averageScore: 0.742857143, participationRate: 0.0064 },
    ]);
  });

  it("filters by a successor area with its share", () => {
    const inYen = aggregateFigures(facts, { ...year2025, view: "current", areaId: "cY" }, mapUnit, NOW);
    expect(inYen.totals).toMatchObject({ participants: 3.2, attempts: 4.6 });
    expect(inYen.live.totals).toEqual({ gamesHeld: 2, players: 1.4, answers: 3.2, correctAnswers: 2.8, homePlayers: 1 });
  });
});

describe("the live players' tally", () => {
  it("is counted once per period and view and gives each area the figures of a fresh count", () => {
    const table = FactTable.from(attempts);
    const tallies = new Map();
    const filters: StatsFilter[] = [
      { ...year2025, view: "current" },
      { ...year2025, view: "current", areaId: "cX" },
      { ...year2025, view: "current", areaId: "cY" },
      { ...year2025, view: "current", contestId: "c1" },
      { ...year2025, areaId: "dA" },
      { ...year2025, areaId: "dB" },
    ];
    for (const filter of filters) {
      const kept = figuresOf(new FigureSums(table, facts.units, filter, mapUnit).addAll(), table, facts, NOW, tallies);
      expect(kept.live).toEqual(aggregateFigures(facts, filter, mapUnit, NOW).live);
    }
    // One tally for the year on today's units, one on the units as they were.
    expect(tallies.size).toBe(2);
    // 60 % of the player of Huyện An counts in Xã Xuân: 0.6 players, 0.6 × 3 answers, 0.6 × 2 correct.
    expect(aggregateFigures(facts, filters[1], mapUnit, NOW).live.totals).toEqual({ gamesHeld: 2, players: 0.6, answers: 1.8, correctAnswers: 1.2, homePlayers: 0 });
  });
});

describe("weekKey", () => {
  it("puts 1 January 2027 (a Friday) in the last ISO week of 2026", () => {
    expect(weekKey(Date.UTC(2027, 0, 1, 3)).key).toBe("2026-W53");
    expect(weekKey(Date.UTC(2026, 11, 28, 3)).key).toBe("2026-W53");
    expect(weekKey(Date.UTC(2027, 0, 4, 3)).key).toBe("2027-W01");
  });
});
