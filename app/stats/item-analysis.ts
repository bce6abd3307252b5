// Item analysis of a round's questions, classical test theory style.
//
// Feed one attempt per participant (their first is the honest measure: later attempts have seen the
// questions) and one response per question that attempt was shown, unanswered ones as incorrect.
//
// Discrimination is the upper–lower index D (Kelley): participants are ordered by total score, the
// top 27% and the bottom 27% form two groups, and D = (share correct in the upper group) − (share
// correct in the lower group), from −1 to 1. It was chosen over the point-biserial correlation
// because a teacher can check it by hand and read it directly ("strong pupils got it right 60
// points more often than weak ones"). Participants with equal totals at a group boundary are split
// by participant id, so the figures are reproducible. Because every participant draws their own
// questions, a question's groups contain only the members who were shown it; with nobody from one
// group, D is null.

export type ItemResponse = {
  participantId: string;
  questionId: string;
  topic: string;
  correct: boolean;
};

export type ItemStatistics = {
  questionId: string;
  topic: string;
  responses: number;
  correct: number;
  /** Share of responses that were correct (the classical p-value): high means easy. */
  difficulty: number;
  discrimination: number | null;
  /** How many of the upper / lower group were shown this question. */
  upperResponses: number;
  lowerResponses: number;
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

/** The participants in the top and bottom 27% by total score. */
function extremeGroups(responses: readonly ItemResponse[]): { upper: Set<string>; lower: Set<string> } {
  const totals = new Map<string, number>();
  for (const response of responses) {
    totals.set(response.participantId, (totals.get(response.participantId) ?? 0) + (response.correct ? 1 : 0));
  }
  const ordered = [...totals.entries()]
    .sort(([idA, totalA], [idB, totalB]) => totalB - totalA || (idA < idB ? -1 : idA > idB ? 1 : 0))
    .map(([participantId]) => participantId);
  const size = Math.round(ordered.length * EXTREME_GROUP_SHARE);
  return { upper: new Set(ordered.slice(0, size)), lower: new Set(size > 0 ? ordered.slice(-size) : []) };
}

export function itemAnalysis(responses: readonly ItemResponse[]): ItemStatistics[] {
  const { upper, lower } = extremeGroups(responses);
  const byQuestion = new Map<string, ItemResponse[]>();
  for (const response of responses) {
    const list = byQuestion.get(response.questionId);
    if (list) list.push(response);
    else byQuestion.set(response.questionId, [response]);
  }
  const shareCorrect = (list: readonly ItemResponse[]) => list.filter((response) => response.correct).length / list.length;

  return [...byQuestion.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([questionId, list]) => {
      const upperList = list.filter((response) => upper.has(response.participantId));
      const lowerList = list.filter((response) => lower.has(response.participantId));
      const correct = list.filter((response) => response.correct).length;
      return {
        questionId,
        topic: list[0].topic,
        responses: list.length,
        correct,
        difficulty: correct / list.length,
        discrimination: upperList.length > 0 && lowerList.length > 0 ? shareCorrect(upperList) - shareCorrect(lowerList) : null,
        upperResponses: upperList.length,
        lowerResponses: lowerList.length,
      };
    });
}

/**
 * Share of correct responses per topic within each group (audience group, school, district: the
 * caller decides by `groupOf`). Participants for whom `groupOf` returns null are left out.
 */
export function topicMastery(
  responses: readonly ItemResponse[],
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
