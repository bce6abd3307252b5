import { bankTopics } from "~/contests/pool.server";
import { AREA_KINDS } from "~/units/unit-kinds";
import type { PrismaClient } from "~/utils/db.server";
import { statsStore } from "./fact-store.server";
import { computeFigures } from "./figures.server";
import { STRIDE } from "./item-analysis";
import { sittingsIn } from "./item-analysis.server";
import { reportOrganisation } from "./report-organisation.server";
import { yearlyReport, type BestIndividual, type ReportModel, type TopicUse } from "./yearly-report";

// Gathers what the yearly report shows. Participation figures come only from the counting module
// (computeFigures); topics from the responses item analysis reads; the best individuals from the
// contests' public rankings (display names only, as the public leaderboards show them).

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
export const BEST_INDIVIDUALS_PER_CONTEST = 10;

/** Viet Nam's calendar year as [from, to). */
export function vietnamYear(year: number): { from: Date; to: Date } {
  return { from: new Date(Date.UTC(year, 0, 1) - VIETNAM_OFFSET_MS), to: new Date(Date.UTC(year + 1, 0, 1) - VIETNAM_OFFSET_MS) };
}

export type ReportUnit = { id: string; name: string; kind: string };

/** The province (from the organisation settings, else the top unit) and its areas, for the unit choice. */
export async function reportUnits(db: PrismaClient): Promise<{ province: ReportUnit | null; areas: ReportUnit[] }> {
  const organisation = await reportOrganisation(db);
  const select = { id: true, name: true, kind: true } as const;
  const province =
    (organisation.provinceUnitCode ? await db.unit.findUnique({ where: { code: organisation.provinceUnitCode }, select }) : null) ??
    (await db.unit.findFirst({ where: { kind: "province", parentId: null }, select, orderBy: { createdAt: "asc" } }));
  const areas = province ? await db.unit.findMany({ where: { parentId: province.id, kind: { in: [...AREA_KINDS] } }, select, orderBy: { name: "asc" } }) : [];
  return { province, areas };
}

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);

/** "tỉnh Bắc Giang", as a sentence names it ("Tỉnh Bắc Giang" or "Bắc Giang" in the units tree). */
function provinceTitle(name: string): string {
  const prefix = /^(tỉnh|thành phố)\s/i.exec(name);
  return prefix ? prefix[1].toLocaleLowerCase("vi") + name.slice(prefix[1].length) : `tỉnh ${name}`;
}

export async function yearlyReportModel(db: PrismaClient, options: { year: number; unitId?: string | null }, now = Date.now()): Promise<ReportModel | null> {
  const { province, areas } = await reportUnits(db);
  if (!province) return null;
  const area = options.unitId && options.unitId !== province.id ? areas.find((candidate) => candidate.id === options.unitId) : undefined;
  if (options.unitId && options.unitId !== province.id && !area) return null;
  const period = vietnamYear(options.year);
  const previousPeriod = vietnamYear(options.year - 1);
  const filter = { areaId: area?.id ?? null, view: "as-it-was" as const };

  const [organisation, figures, previous, units, topicLabels] = await Promise.all([
    reportOrganisation(db),
    computeFigures(db, { ...period, ...filter }, now),
    computeFigures(db, { ...previousPeriod, ...filter }, now),
    db.unit.findMany({ select: { id: true, name: true, parentId: true } }),
    bankTopics(),
  ]);
  const unitById = new Map(units.map((unit) => [unit.id, unit]));
  // Whether a unit lies within the area, worked out once per unit (a year has 90,000 sittings).
  const inScope = new Map<string | null, boolean>();
  const withinScope = (unitId: string | null): boolean => {
    if (!area) return true;
    let known = inScope.get(unitId);
    if (known === undefined) {
      known = false;
      for (let unit = unitId ? unitById.get(unitId) : undefined; unit; unit = unit.parentId ? unitById.get(unit.parentId) : undefined) {
        if (unit.id === area.id) {
          known = true;
          break;
        }
      }
      inScope.set(unitId, known);
    }
    return known;
  };

  // Topics covered and questions used, from every response given in the year within the unit.
  // Counted per revision in typed arrays, then per topic: a year's 900,000 responses counted into
  // maps and sets held the event loop 65–125 ms (docs/decisions/043, "Changed").
  const { items, sittings } = await sittingsIn(db, period, now);
  const revisionCount = items.revisions.length;
  const responsesOf = new Float64Array(revisionCount);
  const correctOf = new Float64Array(revisionCount);
  for (const sitting of sittings) {
    if (!withinScope(sitting.unitId)) continue;
    const data = sitting.data;
    for (let at = 0; at < data.length; at += STRIDE) {
      responsesOf[data[at]]++;
      correctOf[data[at]] += data[at + 2];
    }
  }
  const byTopic = new Map<string, { questions: Set<string>; responses: number; correct: number }>();
  for (let index = 0; index < revisionCount; index++) {
    if (responsesOf[index] === 0) continue;
    const revision = items.revisions[index];
    let entry = byTopic.get(revision.topic);
    if (!entry) byTopic.set(revision.topic, (entry = { questions: new Set(), responses: 0, correct: 0 }));
    entry.questions.add(revision.questionId);
    entry.responses += responsesOf[index];
    entry.correct += correctOf[index];
  }
  const topics: TopicUse[] = [...byTopic.entries()]
    .map(([topic, entry]) => ({
      topic,
      label: topicLabels.find((candidate) => candidate.id === topic)?.vi ?? topic,
      questions: entry.questions.size,
      responses: entry.responses,
      correct: entry.correct,
    }))
    .sort((a, b) => b.responses - a.responses || a.label.localeCompare(b.label, "vi"));

  // The best individuals of each contest held in the year, by its public ranking: the first ten
  // named within the unit, read down the ranking until found (not the whole ranking filtered).
  const bestIndividuals: BestIndividual[] = [];
  for (const contest of figures.byContest.filter((candidate) => candidate.attempts > 0)) {
    const standing = await (await statsStore(db, now)).contestStanding(contest.key, now);
    let found = 0;
    for (const entry of standing.ranked) {
      if (found === BEST_INDIVIDUALS_PER_CONTEST) break;
      const info = standing.participants.get(entry.participantId);
      if (!info || info.displayName === null || !withinScope(info.unitId)) continue;
      found++;
      bestIndividuals.push({
        contest: contest.label,
        rank: entry.rank,
        displayName: info.displayName,
        unitName: info.unitId ? (unitById.get(info.unitId)?.name ?? "") : "",
        correct: entry.correct,
        questionCount: 0,
      });
    }
  }

  const unitName = area ? area.name : provinceTitle(province.name);
  return yearlyReport({
    year: options.year,
    unitName,
    placeName: capitalise(province.name.replace(/^(tỉnh|thành phố)\s+/i, "")),
    issuerParent: `UBND ${provinceTitle(province.name)}`,
    organisation,
    figures,
    previous,
    topics,
    bestIndividuals,
  });
}
