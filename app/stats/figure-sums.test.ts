import { describe, expect, it } from "vitest";
import { FactTable } from "./fact-table";
import { FigureSums } from "./figure-sums";
import { KeptSums } from "./kept-sums";
import { figuresOf, type AttemptFact, type MapUnit, type StatsFacts, type StatsFilter, type UnitFact } from "./figures";

// Sums mended after changes must equal sums counted afresh, for every kind of filter: the
// dashboard after a new attempt shows mended sums (docs/decisions/024).

const REFORM = Date.UTC(2025, 6, 1) - 7 * 3_600_000;
const units: UnitFact[] = [
  { id: "p", name: "Tỉnh", kind: "province", parentId: null, enrolment: null, validFrom: null, validTo: null },
  { id: "dA", name: "Huyện An", kind: "district", parentId: "p", enrolment: null, validFrom: null, validTo: REFORM },
  { id: "dB", name: "Huyện Bình", kind: "district", parentId: "p", enrolment: 300, validFrom: null, validTo: REFORM },
  { id: "cX", name: "Xã Xuân", kind: "commune", parentId: "p", enrolment: null, validFrom: REFORM, validTo: null },
  { id: "cY", name: "Xã Yên", kind: "commune", parentId: "p", enrolment: 500, validFrom: REFORM, validTo: null },
  { id: "s1", name: "Trường Một", kind: "school", parentId: "dA", enrolment: 40, validFrom: null, validTo: null },
  { id: "s2", name: "Trường Hai", kind: "school", parentId: "dB", enrolment: null, validFrom: null, validTo: null },
  { id: "s3", name: "Trường Ba", kind: "school", parentId: "cY", enrolment: 60, validFrom: null, validTo: null },
];
const mapUnit: MapUnit = (unitId) =>
  unitId === "dA"
    ? [
        { unitId: "cX", share: 0.6 },
        { unitId: "cY", share: 0.4 },
      ]
    : unitId === "dB"
      ? [{ unitId: "cY", share: 1 }]
      : [{ unitId, share: 1 }];

// A deterministic generator, so a failure can be replayed.
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return { next, pick: <T,>(items: readonly T[]) => items[Math.floor(next() * items.length)] };
}

const START = Date.UTC(2025, 0, 1);
function randomFact(random: ReturnType<typeof generator>): AttemptFact {
  const unitId = random.pick(["s1", "s2", "s3", null]);
  const roundId = random.pick(["r1", "r2", "r3"]);
  const correct = random.next() < 0.2 ? null : Math.floor(random.next() * 11);
  return {
    participantKey: random.pick(["a", "b", "c", "d", "e", "f", "g", "h"]),
    roundId,
    contestId: roundId === "r3" ? null : "c1",
    audience: random.pick(["lower-secondary", "upper-secondary", null]),
    unitId,
    areaId: unitId === "s1" ? "dA" : unitId === "s2" ? "dB" : unitId === "s3" ? random.pick(["cY", null]) : null,
    birthYear: random.pick([2008, 2011, null]),
    startedAt: START + Math.floor(random.next() * 400) * 86_400_000 + Math.floor(random.next() * 86_400_000),
    submitted: random.next() < 0.8,
    correct,
    questionCount: 10,
  };
}

const year2025 = { from: new Date(START - 7 * 3_600_000), to: new Date(Date.UTC(2026, 0, 1) - 7 * 3_600_000) };
const filters: StatsFilter[] = [
  { from: null, to: null, view: "as-it-was" },
  { ...year2025, view: "as-it-was" },
  { ...year2025, view: "current" },
  { ...year2025, view: "current", areaId: "cY" },
  { ...year2025, view: "as-it-was", areaId: "dA" },
  { from: null, to: null, view: "as-it-was", schoolId: "s3" },
  { from: null, to: null, view: "as-it-was", audience: "upper-secondary", contestId: "c1" },
  { from: null, to: null, view: "as-it-was", roundId: "r3" },
  { from: null, to: null, view: "as-it-was", roundId: "r-none-yet" },
  { from: new Date(Date.UTC(2025, 2, 1) - 7 * 3_600_000), to: new Date(Date.UTC(2025, 4, 1) - 7 * 3_600_000), view: "as-it-was" },
  { from: null, to: null, view: "current", areaId: "cX" },
  { from: null, to: null, view: "current", schoolId: "s1", audience: "lower-secondary" },
];
const EMPTY = new FactTable().columns();
const factsOf = (table: FactTable, roundIds: string[]): StatsFacts => ({
  units,
  rounds: roundIds.map((id, index) => ({ id, title: id, contestId: id === "r3" ? null : "c1", opensAt: START + index, closesAt: START + 500 * 86_400_000 })),
  contests: [{ id: "c1", title: "Cuộc thi" }],
  attempts: table,
  liveGames: [],
  livePlayers: [],
});

/** 60 random facts, and a step that adds, changes or removes 1 to `most` of them and tells which participants changed. */
function changingFacts(seed: number) {
  const random = generator(seed);
  const table = new FactTable();
  let next = 0;
  for (; next < 60; next++) table.set(`f${next}`, randomFact(random));
  const changeSome = (most: number) => {
    table.trackChanges();
    for (let change = 0; change < 1 + Math.floor(random.next() * most); change++) {
      const roll = random.next();
      if (roll < 0.4) table.set(`f${next++}`, randomFact(random));
      else if (roll < 0.8) table.set(`f${Math.floor(random.next() * next)}`, randomFact(random));
      else table.delete(`f${Math.floor(random.next() * next)}`);
    }
    return table.takeChanges();
  };
  return { random, table, facts: factsOf(table, ["r1", "r2", "r3", "r-none-yet"]), changeSome };
}

describe("FigureSums", () => {
  it("mended after facts are added, changed and removed, gives the figures of a fresh count", () => {
    const { random, table, facts, changeSome } = changingFacts(20_261_207);
    const now = Date.UTC(2026, 5, 1);
    const kept = filters.map((filter) => new FigureSums(table, units, filter, mapUnit).addAll());
    for (let step = 0; step < 40; step++) {
      const changes = changeSome(4);
      for (const [participant, before] of changes) {
        const after = table.participantColumns(participant);
        for (const sums of kept) sums.replaceParticipant(before, after);
      }
      filters.forEach((filter, index) => {
        const fresh = figuresOf(new FigureSums(table, units, filter, mapUnit).addAll(), table, facts, now);
        expect(figuresOf(kept[index], table, facts, now)).toEqual(fresh);
      });
    }
    // The facts did move: the figures are not all empty.
    expect(figuresOf(kept[0], table, facts, now).totals.attempts).toBeGreaterThan(40);
  });

  it("kept and mended only when read (KeptSums), gives the figures of a fresh count, also after its log was trimmed", () => {
    const { random, table, facts, changeSome } = changingFacts(4_242);
    const now = Date.UTC(2026, 5, 1);
    // A short log and room for fewer filters than asked for: some sums are made again, some mended across many changes.
    const kept = new KeptSums(table, 8, 12);
    let made = 0;
    const make = (filter: StatsFilter) => () => {
      made++;
      return new FigureSums(table, units, filter, mapUnit).addAll();
    };
    for (const filter of filters) kept.get(JSON.stringify(filter), make(filter));
    for (let step = 0; step < 60; step++) {
      kept.noteChanges(changeSome(3));
      // Read a few filters only; the others fall behind.
      for (const filter of filters.filter(() => random.next() < 0.3)) {
        const fresh = figuresOf(new FigureSums(table, units, filter, mapUnit).addAll(), table, facts, now);
        expect(figuresOf(kept.get(JSON.stringify(filter), make(filter)), table, facts, now)).toEqual(fresh);
      }
    }
    expect(kept.size).toBeLessThanOrEqual(8);
    // Both ways were taken: sums mended, and sums made again (evicted, or behind the trimmed log).
    expect(made).toBeGreaterThan(filters.length);
    expect(made).toBeLessThan(filters.length + 60 * filters.length * 0.3);
  });

  it("a first count over the rows a filter's choices index gives the figures of a walk over every participant", () => {
    const random = generator(7);
    const table = new FactTable();
    for (let index = 0; index < 400; index++) table.set(`f${index}`, randomFact(random));
    table.delete("f3");
    table.set("f4", randomFact(random));
    const facts = factsOf(table, ["r1", "r2", "r3"]);
    const now = Date.UTC(2026, 5, 1);
    for (const filter of filters) {
      const walked = new FigureSums(table, units, filter, mapUnit);
      for (let participant = 0; participant < table.participants.size; participant++) walked.replaceParticipant(EMPTY, table.participantColumns(participant));
      const indexed = new FigureSums(table, units, filter, mapUnit).addAll();
      expect(figuresOf(indexed, table, facts, now)).toEqual(figuresOf(walked, table, facts, now));
    }
  });
});
