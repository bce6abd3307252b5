// Item analysis of questions, classical test theory style, per question revision (a corrected
// question is a new revision and starts its figures afresh).
//
// A "participant" here is one sitting: the first finished attempt of a person in a round (later
// attempts have seen the questions) or one player in one live game. Feed one response per question
// the sitting was shown; unanswered contest questions count as incorrect with nothing chosen.
//
// Ability is the sitting's share correct, not its raw total, so a 10-question round and a
// 20-question live game can be analysed together. Two discrimination figures are given:
// - the corrected point-biserial: the correlation between getting this item right (0/1) and the
//   share correct on the *other* questions of the sitting. Leaving the item out matters on short
//   rounds, where an item would otherwise correlate with itself;
// - the upper–lower index D (Kelley): sittings ordered by share correct, the top 27 % and the bottom
//   27 % form two groups, D = share correct in the upper group − share correct in the lower group.
//   A teacher can check it by hand. Ties at a boundary are split by participant id, so the figures
//   are reproducible; a question's groups hold only the members who were shown it.
//
// Flags for review (issue 12 item 4): a negative point-biserial, or a wrong option chosen more often
// than the right one, once at least `minResponsesForFlags` responses exist (a handful of answers
// says nothing); and a distractor chosen by under 5 % of at least 100 who answered.

export type ItemResponse = {
  participantId: string;
  questionId: string;
  revisionId: string;
  topic: string;
  correct: boolean;
  /** Written option indices chosen, ascending; empty when not answered. */
  chosen: readonly number[];
  /** Time taken to answer, when known. */
  elapsedMs: number | null;
};

/** What the analysis needs of a revision: how many options it has and which are correct. */
export type RevisionKey = { optionCount: number; correctOptions: readonly number[] };

export type ItemFlag =
  | { kind: "negative-discrimination" }
  | { kind: "distractor-beats-key"; option: number }
  | { kind: "weak-distractor"; option: number };

export type OptionStatistics = {
  /** The written index of the option (0 = A as written in the bank). */
  option: number;
  correct: boolean;
  chosen: number;
  /** Share of those who answered that chose this option; null when nobody answered. */
  share: number | null;
};

export type ItemStatistics = {
  questionId: string;
  revisionId: string;
  topic: string;
  responses: number;
  /** Responses with at least one option chosen. */
  answered: number;
  correct: number;
  /** Share of responses that were correct (the classical p-value): high means easy. */
  difficulty: number;
  /** Corrected (item–rest) point-biserial correlation; null without variation. */
  pointBiserial: number | null;
  /** Upper minus lower 27 % share correct; null when a group has nobody shown the question. */
  discrimination: number | null;
  upperResponses: number;
  lowerResponses: number;
  options: OptionStatistics[];
  medianMs: number | null;
  flags: ItemFlag[];
};

export type TopicMastery = {
  group: string;
  topic: string;
  responses: number;
  correct: number;
  /** Share of responses that were correct. */
  mastery: number;
};

export const EXTREME_GROUP_SHARE = 0.27;
export const WEAK_DISTRACTOR_SHARE = 0.05;
export const WEAK_DISTRACTOR_MIN_ANSWERED = 100;
export const DEFAULT_MIN_RESPONSES_FOR_FLAGS = 20;

type Sitting = { correct: number; shown: number };

function sittings(responses: readonly ItemResponse[]): Map<string, Sitting> {
  const result = new Map<string, Sitting>();
  for (const response of responses) {
    const sitting = result.get(response.participantId) ?? { correct: 0, shown: 0 };
    sitting.shown++;
    if (response.correct) sitting.correct++;
    result.set(response.participantId, sitting);
  }
  return result;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The sittings in the top and bottom 27 % by share correct. */
function extremeGroups(all: Map<string, Sitting>): { upper: Set<string>; lower: Set<string> } {
  const ordered = [...all.entries()]
    .sort(([idA, a], [idB, b]) => b.correct / b.shown - a.correct / a.shown || byId(idA, idB))
    .map(([participantId]) => participantId);
  const size = Math.round(ordered.length * EXTREME_GROUP_SHARE);
  return { upper: new Set(ordered.slice(0, size)), lower: new Set(size > 0 ? ordered.slice(-size) : []) };
}

/** Pearson correlation of two equally long series; null when either does not vary. */
export function correlation(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2) return null;
  const meanX = xs.reduce((sum, x) => sum + x, 0) / n;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / n;
  let covariance = 0;
  let varianceX = 0;
  let varianceY = 0;
  for (let i = 0; i < n; i++) {
    covariance += (xs[i] - meanX) * (ys[i] - meanY);
    varianceX += (xs[i] - meanX) ** 2;
    varianceY += (ys[i] - meanY) ** 2;
  }
  // Rounding leaves tiny non-zero variances behind; treat them as none.
  if (varianceX < 1e-12 || varianceY < 1e-12) return null;
  return covariance / Math.sqrt(varianceX * varianceY);
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function flagsOf(item: Omit<ItemStatistics, "flags">, minResponses: number): ItemFlag[] {
  const flags: ItemFlag[] = [];
  if (item.responses >= minResponses) {
    if (item.pointBiserial !== null && item.pointBiserial < 0) flags.push({ kind: "negative-discrimination" });
    const keyChosen = Math.max(0, ...item.options.filter((option) => option.correct).map((option) => option.chosen));
    for (const option of item.options) {
      if (!option.correct && option.chosen > keyChosen) flags.push({ kind: "distractor-beats-key", option: option.option });
    }
  }
  if (item.answered >= WEAK_DISTRACTOR_MIN_ANSWERED) {
    for (const option of item.options) {
      if (!option.correct && option.share !== null && option.share < WEAK_DISTRACTOR_SHARE) {
        flags.push({ kind: "weak-distractor", option: option.option });
      }
    }
  }
  return flags;
}

export function itemAnalysis(
  responses: readonly ItemResponse[],
  keys: ReadonlyMap<string, RevisionKey>,
  options: { minResponsesForFlags?: number } = {},
): ItemStatistics[] {
  const minResponses = options.minResponsesForFlags ?? DEFAULT_MIN_RESPONSES_FOR_FLAGS;
  const all = sittings(responses);
  const { upper, lower } = extremeGroups(all);
  const byRevision = new Map<string, ItemResponse[]>();
  for (const response of responses) {
    const list = byRevision.get(response.revisionId);
    if (list) list.push(response);
    else byRevision.set(response.revisionId, [response]);
  }
  const shareCorrect = (list: readonly ItemResponse[]) => list.filter((response) => response.correct).length / list.length;

  return [...byRevision.entries()]
    .map(([revisionId, list]): ItemStatistics => {
      const key = keys.get(revisionId);
      if (!key) throw new Error(`No answer key for revision ${revisionId}`);
      const upperList = list.filter((response) => upper.has(response.participantId));
      const lowerList = list.filter((response) => lower.has(response.participantId));
      const correct = list.filter((response) => response.correct).length;
      const answeredList = list.filter((response) => response.chosen.length > 0);
      const chosenCounts = new Array<number>(key.optionCount).fill(0);
      for (const response of answeredList) for (const option of response.chosen) if (option < key.optionCount) chosenCounts[option]++;

      // Item–rest: the sitting's share correct on its other questions; a sitting of one question has none.
      const xs: number[] = [];
      const ys: number[] = [];
      for (const response of list) {
        const sitting = all.get(response.participantId)!;
        if (sitting.shown < 2) continue;
        const x = response.correct ? 1 : 0;
        xs.push(x);
        ys.push((sitting.correct - x) / (sitting.shown - 1));
      }
      const times = answeredList.flatMap((response) => (response.elapsedMs === null ? [] : [response.elapsedMs]));

      const item = {
        questionId: list[0].questionId,
        revisionId,
        topic: list[0].topic,
        responses: list.length,
        answered: answeredList.length,
        correct,
        difficulty: correct / list.length,
        pointBiserial: correlation(xs, ys),
        discrimination: upperList.length > 0 && lowerList.length > 0 ? shareCorrect(upperList) - shareCorrect(lowerList) : null,
        upperResponses: upperList.length,
        lowerResponses: lowerList.length,
        options: chosenCounts.map((chosen, option) => ({
          option,
          correct: key.correctOptions.includes(option),
          chosen,
          share: answeredList.length > 0 ? chosen / answeredList.length : null,
        })),
        medianMs: median(times),
      };
      return { ...item, flags: flagsOf(item, minResponses) };
    })
    .sort((a, b) => byId(a.questionId, b.questionId) || byId(a.revisionId, b.revisionId));
}

/**
 * Share of correct responses per topic within each group (area, school, audience: the caller
 * decides by `groupOf`). Participants for whom `groupOf` returns null are left out.
 */
export function topicMastery(
  responses: readonly Pick<ItemResponse, "participantId" | "topic" | "correct">[],
  groupOf: (participantId: string) => string | null,
): TopicMastery[] {
  const cells = new Map<string, TopicMastery>();
  for (const response of responses) {
    const group = groupOf(response.participantId);
    if (group === null) continue;
    const key = JSON.stringify([group, response.topic]);
    const cell = cells.get(key) ?? { group, topic: response.topic, responses: 0, correct: 0, mastery: 0 };
    cell.responses++;
    if (response.correct) cell.correct++;
    cells.set(key, cell);
  }
  return [...cells.values()]
    .map((cell) => ({ ...cell, mastery: cell.correct / cell.responses }))
    .sort((a, b) => a.group.localeCompare(b.group, "vi") || a.topic.localeCompare(b.topic));
}

/** A group × topic grid of mastery for a table or a heat map; empty cells are null. */
export function masteryGrid(cells: readonly TopicMastery[]): { groups: string[]; topics: string[]; grid: (TopicMastery | null)[][] } {
  const groups = [...new Set(cells.map((cell) => cell.group))];
  const topics = [...new Set(cells.map((cell) => cell.topic))].sort();
  const index = new Map(cells.map((cell) => [JSON.stringify([cell.group, cell.topic]), cell]));
  return { groups, topics, grid: groups.map((group) => topics.map((topic) => index.get(JSON.stringify([group, topic])) ?? null)) };
}
