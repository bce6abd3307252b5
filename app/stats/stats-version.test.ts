import { describe, expect, it } from "vitest";
import { attemptsChangedSince, statsChanged, statsVersion } from "./stats-version";

describe("attemptsChangedSince", () => {
  it("gathers the attempts named since a version, and gives up at a change that named none", () => {
    const start = statsVersion();
    expect(attemptsChangedSince(start)).toEqual([]);
    statsChanged(["a1"]);
    statsChanged(["a2", "a1"]);
    expect(attemptsChangedSince(start)?.sort()).toEqual(["a1", "a2"]);
    expect(attemptsChangedSince(start + 1)).toEqual(["a2", "a1"]);
    statsChanged();
    expect(attemptsChangedSince(start)).toBeNull();
    statsChanged(["a3"]);
    expect(attemptsChangedSince(start + 3)).toEqual(["a3"]);
  });

  it("gives up when the versions asked about are no longer remembered", () => {
    const start = statsVersion();
    for (let index = 0; index < 1_100; index++) statsChanged([`b${index}`]);
    expect(attemptsChangedSince(start)).toBeNull();
    expect(attemptsChangedSince(statsVersion() - 2)).toEqual(["b1098", "b1099"]);
  });
});
