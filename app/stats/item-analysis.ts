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

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
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

/**
 * One sitting's responses in compact form (how a year of them is kept in memory, see
 * ./item-store.server.ts): four numbers per response — the revision's index in the revision list,
 * the options chosen as a bit mask (bit i = written option i), 1 if right else 0, and the time to
 * answer in milliseconds or -1 when unknown.
 */
export type CompactSitting = { id: string; data: Int32Array | readonly number[] };
export const STRIDE = 4;

/** What the analysis shows of a revision besides its figures. */
export type RevisionInfo = { revisionId: string; questionId: string; topic: string; key: RevisionKey };

export function itemAnalysis(
  responses: readonly ItemResponse[],
  keys: ReadonlyMap<string, RevisionKey>,
  options: { minResponsesForFlags?: number } = {},
): ItemStatistics[] {
  const revisionIndex = new Map<string, number>();
  const revisions: RevisionInfo[] = [];
  const bySitting = new Map<string, number[]>();
  for (const response of responses) {
    let index = revisionIndex.get(response.revisionId);
    if (index === undefined) {
      const key = keys.get(response.revisionId);
      if (!key) throw new Error(`No answer key for revision ${response.revisionId}`);
      index = revisions.length;
      revisionIndex.set(response.revisionId, index);
      revisions.push({ revisionId: response.revisionId, questionId: response.questionId, topic: response.topic, key });
    }
    let data = bySitting.get(response.participantId);
    if (!data) bySitting.set(response.participantId, (data = []));
    data.push(index, optionMask(response.chosen), response.correct ? 1 : 0, response.elapsedMs ?? -1);
  }
  return analyseSittings(
    [...bySitting].map(([id, data]) => ({ id, data })),
    revisions,
    options,
  );
}

/** Written option indices as a bit mask. */
export function optionMask(chosen: readonly number[]): number {
  let mask = 0;
  for (const option of chosen) if (option >= 0 && option < 31) mask |= 1 << option;
  return mask;
}

/** The sittings in the top and bottom 27 % by share correct, ties at a boundary split by id. */
function extremeGroups(sittings: readonly CompactSitting[], shares: Float64Array): { upper: Uint8Array; lower: Uint8Array } {
  const upper = new Uint8Array(sittings.length);
  const lower = new Uint8Array(sittings.length);
  const size = Math.round(sittings.length * EXTREME_GROUP_SHARE);
  if (size === 0) return { upper, lower };
  // Ordered by share, highest first, then by id: only the sittings sharing the boundary share
  // need their ids compared.
  const sorted = Float64Array.from(shares).sort();
  const pick = (boundary: number, beyond: (share: number) => boolean, take: number, into: Uint8Array, lowestIds: boolean) => {
    let taken = 0;
    const tied: number[] = [];
    shares.forEach((share, index) => {
      if (beyond(share)) {
        into[index] = 1;
        taken++;
      } else if (share === boundary) tied.push(index);
    });
    tied.sort((a, b) => byId(sittings[a].id, sittings[b].id) * (lowestIds ? 1 : -1));
    for (const index of tied.slice(0, take - taken)) into[index] = 1;
  };
  const upperBoundary = sorted[sorted.length - size];
  pick(upperBoundary, (share) => share > upperBoundary, size, upper, true);
  const lowerBoundary = sorted[size - 1];
  pick(lowerBoundary, (share) => share < lowerBoundary, size, lower, false);
  return { upper, lower };
}

/** Item analysis of compact sittings (see CompactSitting); `itemAnalysis` feeds it from plain responses. */
export function analyseSittings(
  sittings: readonly CompactSitting[],
  revisions: readonly RevisionInfo[],
  options: { minResponsesForFlags?: number } = {},
): ItemStatistics[] {
  const minResponses = options.minResponsesForFlags ?? DEFAULT_MIN_RESPONSES_FOR_FLAGS;
  const count = revisions.length;
  const shown = new Int32Array(sittings.length);
  const right = new Int32Array(sittings.length);
  const shares = new Float64Array(sittings.length);
  sittings.forEach((sitting, index) => {
    for (let at = 0; at < sitting.data.length; at += STRIDE) {
      shown[index]++;
      right[index] += sitting.data[at + 2];
    }
    shares[index] = right[index] / shown[index];
  });
  const { upper, lower } = extremeGroups(sittings, shares);

  const responses = new Int32Array(count);
  const answered = new Int32Array(count);
  const correct = new Int32Array(count);
  const upperResponses = new Int32Array(count);
  const upperCorrect = new Int32Array(count);
  const lowerResponses = new Int32Array(count);
  const lowerCorrect = new Int32Array(count);
  const chosen = revisions.map((revision) => new Array<number>(revision.key.optionCount).fill(0));
  const times: number[][] = revisions.map(() => []);
  // Pearson's correlation of item and rest, in two passes (means, then deviations) for accuracy.
  const pairs = new Int32Array(count);
  const sumX = new Float64Array(count);
  const sumY = new Float64Array(count);
  sittings.forEach((sitting, index) => {
    const data = sitting.data;
    for (let at = 0; at < data.length; at += STRIDE) {
      const revision = data[at];
      const mask = data[at + 1];
      const x = data[at + 2];
      responses[revision]++;
      correct[revision] += x;
      if (upper[index]) {
        upperResponses[revision]++;
        upperCorrect[revision] += x;
      }
      if (lower[index]) {
        lowerResponses[revision]++;
        lowerCorrect[revision] += x;
      }
      if (mask !== 0) {
        answered[revision]++;
        const counts = chosen[revision];
        for (let option = 0; option < counts.length; option++) if (mask & (1 << option)) counts[option]++;
        if (data[at + 3] >= 0) times[revision].push(data[at + 3]);
      }
      // A sitting of one question has no rest to correlate with.
      if (shown[index] < 2) continue;
      pairs[revision]++;
      sumX[revision] += x;
      sumY[revision] += (right[index] - x) / (shown[index] - 1);
    }
  });
  const covariance = new Float64Array(count);
  const varianceX = new Float64Array(count);
  const varianceY = new Float64Array(count);
  sittings.forEach((sitting, index) => {
    if (shown[index] < 2) return;
    const data = sitting.data;
    for (let at = 0; at < data.length; at += STRIDE) {
      const revision = data[at];
      const x = data[at + 2];
      const dx = x - sumX[revision] / pairs[revision];
      const dy = (right[index] - x) / (shown[index] - 1) - sumY[revision] / pairs[revision];
      covariance[revision] += dx * dy;
      varianceX[revision] += dx * dx;
      varianceY[revision] += dy * dy;
    }
  });

  return revisions
    .map((revision, index): ItemStatistics | null => {
      if (responses[index] === 0) return null;
      const answeredCount = answered[index];
      // Rounding leaves tiny non-zero variances behind; treat them as none.
      const pointBiserial =
        pairs[index] < 2 || varianceX[index] < 1e-12 || varianceY[index] < 1e-12 ? null : covariance[index] / Math.sqrt(varianceX[index] * varianceY[index]);
      const item = {
        questionId: revision.questionId,
        revisionId: revision.revisionId,
        topic: revision.topic,
        responses: responses[index],
        answered: answeredCount,
        correct: correct[index],
        difficulty: correct[index] / responses[index],
        pointBiserial,
        discrimination:
          upperResponses[index] > 0 && lowerResponses[index] > 0 ? upperCorrect[index] / upperResponses[index] - lowerCorrect[index] / lowerResponses[index] : null,
        upperResponses: upperResponses[index],
        lowerResponses: lowerResponses[index],
        options: chosen[index].map((times, option) => ({
          option,
          correct: revision.key.correctOptions.includes(option),
          chosen: times,
          share: answeredCount > 0 ? times / answeredCount : null,
        })),
        medianMs: median(times[index]),
      };
      return { ...item, flags: flagsOf(item, minResponses) };
    })
    .filter((item): item is ItemStatistics => item !== null)
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
  const topics: string[] = [];
  const topicIndex = new Map<string, number>();
  const bySitting = new Map<string, number[]>();
  for (const response of responses) {
    let index = topicIndex.get(response.topic);
    if (index === undefined) topicIndex.set(response.topic, (index = topics.push(response.topic) - 1));
    let data = bySitting.get(response.participantId);
    if (!data) bySitting.set(response.participantId, (data = []));
    data.push(index, 0, response.correct ? 1 : 0, -1);
  }
  return masteryOfSittings(
    [...bySitting].map(([id, data]) => ({ id, data })),
    (index) => topics[index],
    (sitting) => groupOf(sitting.id),
  );
}

/** topicMastery over compact sittings; `topicOf` names the topic of a revision index. */
export function masteryOfSittings<S extends CompactSitting>(
  sittings: Iterable<S>,
  topicOf: (revision: number) => string,
  groupOf: (sitting: S) => string | null,
): TopicMastery[] {
  const cells = new Map<string, Map<string, TopicMastery>>();
  for (const sitting of sittings) {
    const group = groupOf(sitting);
    if (group === null) continue;
    let row = cells.get(group);
    if (!row) cells.set(group, (row = new Map()));
    for (let at = 0; at < sitting.data.length; at += STRIDE) {
      const topic = topicOf(sitting.data[at]);
      let cell = row.get(topic);
      if (!cell) row.set(topic, (cell = { group, topic, responses: 0, correct: 0, mastery: 0 }));
      cell.responses++;
      cell.correct += sitting.data[at + 2];
    }
  }
  return [...cells.values()]
    .flatMap((row) => [...row.values()])
    .map((cell) => ({ ...cell, mastery: cell.correct / cell.responses }))
    .sort((a, b) => byGroupName(a.group, b.group) || a.topic.localeCompare(b.topic));
}

const byGroupName = new Intl.Collator("vi").compare;

/** A group × topic grid of mastery for a table or a heat map; empty cells are null. */
export function masteryGrid(cells: readonly TopicMastery[]): { groups: string[]; topics: string[]; grid: (TopicMastery | null)[][] } {
  const groups = [...new Set(cells.map((cell) => cell.group))];
  const topics = [...new Set(cells.map((cell) => cell.topic))].sort();
  const index = new Map(cells.map((cell) => [JSON.stringify([cell.group, cell.topic]), cell]));
  return { groups, topics, grid: groups.map((group) => topics.map((topic) => index.get(JSON.stringify([group, topic])) ?? null)) };
}
