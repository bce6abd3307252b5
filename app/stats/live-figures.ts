import { tidy } from "./figure-sums";
import type { LiveAreaFigures, LiveCounts, LiveGameFigures, StatsFacts, StatsFilter, UnitFact } from "./figures";

// The live games' figures of a filter: games held in the period (of one host, or all), their
// players and answers, by game and by area. Players are counted for every area at once in one pass
// (a tally per period, host and view), so the dashboard of any one area, or of a contest or a
// school, which share the live figures of their period, reads its numbers from the tally instead of
// walking every live player again.

type Row = { players: number; answers: number; correctAnswers: number };
type AreaRow = { players: number; answers: number };
/** Sums of the players counted for the whole province or for one area. */
type Part = { totals: Row & { homePlayers: number }; perGame: Map<string, Row>; perArea: Map<string, AreaRow> };

export type LiveTally = { games: StatsFacts["liveGames"][number][]; all: Part; byArea: Map<string, Part> };
export type LiveFigures = { totals: LiveCounts; byGame: LiveGameFigures[]; byArea: LiveAreaFigures[] };
type Shares = ReadonlyArray<{ unitId: string; share: number }>;

const byName = new Intl.Collator("vi").compare;
const emptyPart = (): Part => ({ totals: { players: 0, answers: 0, correctAnswers: 0, homePlayers: 0 }, perGame: new Map(), perArea: new Map() });

/** What decides a tally: the period, the host and how units are placed. */
export function liveTallyKey(filter: StatsFilter): string {
  return `${filter.from?.getTime() ?? ""}|${filter.to?.getTime() ?? ""}|${filter.hostId ?? ""}|${filter.view}`;
}

/**
 * Counts every live player of the games held in the period once: for the whole province and for
 * each area they count in (with their share there when their unit was split by the reform).
 */
export function tallyLivePlayers(
  facts: StatsFacts,
  filter: StatsFilter,
  inPeriod: (at: number) => boolean,
  areaOf: (unitId: string | null) => string | null,
  place: (unitId: string | null) => Shares,
): LiveTally {
  const games = facts.liveGames
    .filter((game) => game.status !== "lobby" && inPeriod(game.startedAt) && (!filter.hostId || game.hostId === filter.hostId))
    .sort((a, b) => a.startedAt - b.startedAt);
  const held = new Set(games.map((game) => game.id));
  const all = emptyPart();
  const byArea = new Map<string, Part>();
  const add = (part: Part, gameId: string, weight: number, player: StatsFacts["livePlayers"][number]) => {
    let row = part.perGame.get(gameId);
    if (!row) part.perGame.set(gameId, (row = { players: 0, answers: 0, correctAnswers: 0 }));
    row.players += weight;
    row.answers += player.answers * weight;
    row.correctAnswers += player.correctAnswers * weight;
    part.totals.players += weight;
    if (player.home) part.totals.homePlayers += weight;
    part.totals.answers += player.answers * weight;
    part.totals.correctAnswers += player.correctAnswers * weight;
  };
  const addToArea = (part: Part, unitId: string, share: number, answers: number) => {
    let area = part.perArea.get(unitId);
    if (!area) part.perArea.set(unitId, (area = { players: 0, answers: 0 }));
    area.players += share;
    area.answers += answers * share;
  };
  for (const player of facts.livePlayers) {
    if (!held.has(player.gameId)) continue;
    const shares = place(player.areaId ?? areaOf(player.unitId));
    add(all, player.gameId, 1, player);
    for (const { unitId, share } of shares) addToArea(all, unitId, share, player.answers);
    // Within one area a player counts with their share there (the shares of one area summed).
    const seen = new Set<string>();
    for (const { unitId } of shares) {
      if (seen.has(unitId)) continue;
      seen.add(unitId);
      const inArea = shares.reduce((sum, entry) => sum + (entry.unitId === unitId ? entry.share : 0), 0);
      if (inArea === 0) continue;
      let part = byArea.get(unitId);
      if (!part) byArea.set(unitId, (part = emptyPart()));
      add(part, player.gameId, inArea, player);
      for (const entry of shares) if (entry.unitId === unitId) addToArea(part, unitId, entry.share, player.answers);
    }
  }
  return { games, all, byArea };
}

/** The live figures of one filter from the tally of its period: the province's, or one area's. */
export function liveFiguresOf(tally: LiveTally, filter: StatsFilter, unitById: Map<string, UnitFact>): LiveFigures {
  const part = filter.areaId ? (tally.byArea.get(filter.areaId) ?? emptyPart()) : tally.all;
  return {
    totals: {
      gamesHeld: tally.games.length,
      players: tidy(part.totals.players),
      answers: tidy(part.totals.answers),
      correctAnswers: tidy(part.totals.correctAnswers),
      homePlayers: tidy(part.totals.homePlayers),
    },
    byGame: tally.games.map((game) => {
      const row = part.perGame.get(game.id);
      return {
        gameId: game.id,
        title: game.title,
        startedAt: new Date(game.startedAt),
        players: tidy(row?.players ?? 0),
        answers: tidy(row?.answers ?? 0),
        correctAnswers: tidy(row?.correctAnswers ?? 0),
      };
    }),
    byArea: [...part.perArea]
      .map(([unitId, row]) => ({ unitId, name: unitById.get(unitId)?.name ?? unitId, players: tidy(row.players), answers: tidy(row.answers) }))
      .sort((a, b) => byName(a.name, b.name)),
  };
}
