import type { MessageKey, Translate } from "~/utils/i18n";
import type { Counts, Figures, GroupFigures, PeriodFigures, UnitFigures } from "./figures";

// The dashboard's tables, built once from the figures: the page draws each chart from its table's
// rows and the exports write the same rows, so chart, table and file can never disagree.

export const TABLE_IDS = [
  "totals",
  "byArea",
  "bySchool",
  "byAudience",
  "byBirthBand",
  "byContest",
  "byRound",
  "byMonth",
  "byWeek",
  "byDay",
  "scoreBands",
  "liveGames",
  "liveByArea",
] as const;
export type TableId = (typeof TABLE_IDS)[number];

export type Cell = string | number | Date | null;
/** count: a whole (or, for shared units, fractional) number; rate: a share 0…1; date: a day. */
export type ColumnType = "text" | "count" | "decimal" | "rate" | "date";
export type Column = { key: string; label: string; type: ColumnType };
export type StatsTable = {
  id: TableId;
  title: string;
  columns: Column[];
  rows: Record<string, Cell>[];
  /** The chart: bars (or a line over time) of these count columns, one bar group per row labelled by `labelKey`. */
  chart: { kind: "bar" | "line"; labelKey: string; series: string[] };
};

const countColumns = (t: Translate): Column[] => [
  { key: "participants", label: t("stats.col.participants"), type: "count" },
  { key: "attempts", label: t("stats.col.attempts"), type: "count" },
  { key: "completed", label: t("stats.col.completed"), type: "count" },
  { key: "completionRate", label: t("stats.col.completionRate"), type: "rate" },
  { key: "averageScore", label: t("stats.col.averageScore"), type: "rate" },
  { key: "averageCorrect", label: t("stats.col.averageCorrect"), type: "decimal" },
];

const countCells = (counts: Counts): Record<string, Cell> => ({
  participants: counts.participants,
  attempts: counts.attempts,
  completed: counts.completed,
  completionRate: counts.completionRate,
  averageScore: counts.averageScore,
  averageCorrect: counts.averageCorrect,
});

function unitTable(id: TableId, title: string, rows: UnitFigures[], t: Translate): StatsTable {
  return {
    id,
    title,
    columns: [
      { key: "name", label: t("stats.col.name"), type: "text" },
      ...countColumns(t),
      { key: "enrolment", label: t("stats.col.enrolment"), type: "count" },
      { key: "participationRate", label: t("stats.col.participationRate"), type: "rate" },
    ],
    rows: rows.map((row) => ({ name: row.name, ...countCells(row), enrolment: row.enrolment, participationRate: row.participationRate })),
    chart: { kind: "bar", labelKey: "name", series: ["participants", "attempts"] },
  };
}

function groupTable(id: TableId, title: string, rows: GroupFigures[], t: Translate, label: (row: GroupFigures) => string): StatsTable {
  return {
    id,
    title,
    columns: [{ key: "name", label: t("stats.col.name"), type: "text" }, ...countColumns(t)],
    rows: rows.map((row) => ({ name: label(row), ...countCells(row) })),
    chart: { kind: "bar", labelKey: "name", series: ["participants", "attempts"] },
  };
}

function periodTable(id: TableId, title: string, rows: PeriodFigures[], t: Translate): StatsTable {
  return {
    id,
    title,
    columns: [
      { key: "period", label: t("stats.col.period"), type: "text" },
      { key: "start", label: t("stats.col.start"), type: "date" },
      ...countColumns(t),
    ],
    rows: rows.map((row) => ({ period: row.key, start: row.start, ...countCells(row) })),
    chart: { kind: "line", labelKey: "period", series: ["participants", "attempts"] },
  };
}

const audienceKey = (key: string) => (key === "unknown" ? "stats.unknown" : (`contests.audience.${key}` as MessageKey));

/** Every table of the dashboard; `lastYear` is the same filter one year earlier, for the totals. */
export function statsTables(figures: Figures, lastYear: Figures | null, years: { thisYear: string; lastYear: string }, t: Translate): StatsTable[] {
  const totalsRow = (key: MessageKey, pick: (figures: Figures) => number) => ({
    name: t(key),
    thisYear: pick(figures),
    lastYear: lastYear ? pick(lastYear) : null,
  });
  const tables: StatsTable[] = [
    {
      id: "totals",
      title: t("stats.table.totals"),
      columns: [
        { key: "name", label: t("stats.col.figure"), type: "text" },
        { key: "thisYear", label: years.thisYear, type: "count" },
        { key: "lastYear", label: years.lastYear, type: "count" },
      ],
      rows: [
        totalsRow("stats.col.participants", (f) => f.totals.participants),
        totalsRow("stats.col.attempts", (f) => f.totals.attempts),
        totalsRow("stats.col.completed", (f) => f.totals.completed),
        totalsRow("stats.col.gamesHeld", (f) => f.live.totals.gamesHeld),
        totalsRow("stats.col.livePlayers", (f) => f.live.totals.players),
      ],
      chart: { kind: "bar", labelKey: "name", series: ["thisYear", "lastYear"] },
    },
    unitTable("byArea", t("stats.table.byArea"), figures.byArea, t),
    unitTable("bySchool", t("stats.table.bySchool"), figures.bySchool, t),
    groupTable("byAudience", t("stats.table.byAudience"), figures.byAudience, t, (row) => t(audienceKey(row.key))),
    groupTable("byBirthBand", t("stats.table.byBirthBand"), figures.byBirthBand, t, (row) => (row.key === "unknown" ? t("stats.unknown") : row.label)),
    groupTable("byContest", t("stats.table.byContest"), figures.byContest, t, (row) => row.label),
    groupTable("byRound", t("stats.table.byRound"), figures.byRound, t, (row) => row.label),
    periodTable("byMonth", t("stats.table.byMonth"), figures.byMonth, t),
    periodTable("byWeek", t("stats.table.byWeek"), figures.byWeek, t),
    periodTable("byDay", t("stats.table.byDay"), figures.byDay, t),
    {
      id: "scoreBands",
      title: t("stats.table.scoreBands"),
      columns: [
        { key: "band", label: t("stats.col.band"), type: "text" },
        { key: "attempts", label: t("stats.col.attempts"), type: "count" },
      ],
      rows: figures.scoreBands.map((band) => ({ band: band.key, attempts: band.attempts })),
      chart: { kind: "bar", labelKey: "band", series: ["attempts"] },
    },
    {
      id: "liveGames",
      title: t("stats.table.liveGames"),
      columns: [
        { key: "name", label: t("stats.col.name"), type: "text" },
        { key: "start", label: t("stats.col.start"), type: "date" },
        { key: "players", label: t("stats.col.players"), type: "count" },
        { key: "answers", label: t("stats.col.answers"), type: "count" },
        { key: "correctAnswers", label: t("stats.col.correctAnswers"), type: "count" },
      ],
      rows: figures.live.byGame.map((game) => ({ name: game.title, start: game.startedAt, players: game.players, answers: game.answers, correctAnswers: game.correctAnswers })),
      chart: { kind: "bar", labelKey: "name", series: ["players"] },
    },
    {
      id: "liveByArea",
      title: t("stats.table.liveByArea"),
      columns: [
        { key: "name", label: t("stats.col.name"), type: "text" },
        { key: "players", label: t("stats.col.players"), type: "count" },
        { key: "answers", label: t("stats.col.answers"), type: "count" },
      ],
      rows: figures.live.byArea.map((area) => ({ name: area.name, players: area.players, answers: area.answers })),
      chart: { kind: "bar", labelKey: "name", series: ["players"] },
    },
  ];
  return tables;
}
