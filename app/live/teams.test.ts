import { describe, expect, it } from "vitest";
import type { Player } from "./game-state";
import { teamStandings } from "./teams";
import { school } from "./__fixtures__/live-game";

function player(id: string, score: number, unit: Player["unit"], kicked = false): Player {
  return {
    id,
    name: id,
    unit,
    joinedAt: 0,
    connected: true,
    kicked,
    score,
    streak: 0,
    eliminatedAt: null,
    answer: null,
    lastOutcome: null,
  };
}

describe("teamStandings", () => {
  const players = [
    player("a1", 1000, school("a", "north")),
    player("a2", 500, school("a", "north")),
    player("a3", 0, school("a", "north")),
    player("b1", 900, school("b", "north")),
    player("c1", 700, school("c", "south")),
    player("c2", 300, school("c", "south")),
    player("worker", 2000, null),
    player("cheat", 5000, school("b", "north"), true),
  ];

  it("ranks schools by the average score of their members", () => {
    expect(teamStandings(players, "school")).toEqual([
      { teamId: "b", name: "Trường b", memberCount: 1, totalScore: 900, averageScore: 900, rank: 1 },
      { teamId: "a", name: "Trường a", memberCount: 3, totalScore: 1500, averageScore: 500, rank: 2 },
      { teamId: "c", name: "Trường c", memberCount: 2, totalScore: 1000, averageScore: 500, rank: 2 },
    ]);
  });

  it("groups by area when the host chooses it", () => {
    expect(teamStandings(players, "area")).toEqual([
      { teamId: "north", name: "Huyện north", memberCount: 4, totalScore: 2400, averageScore: 600, rank: 1 },
      { teamId: "south", name: "Huyện south", memberCount: 2, totalScore: 1000, averageScore: 500, rank: 2 },
    ]);
  });

  it("keeps one decimal of an average", () => {
    const thirds = [player("x", 1000, school("x")), player("y", 0, school("x")), player("z", 0, school("x"))];
    expect(teamStandings(thirds, "school")[0].averageScore).toBe(333.3);
  });

  it("leaves out players without the unit and kicked players", () => {
    const standings = teamStandings(players, "school");
    expect(standings.reduce((sum, team) => sum + team.memberCount, 0)).toBe(6);
    expect(standings.find((team) => team.teamId === "b")?.totalScore).toBe(900);
  });
});
