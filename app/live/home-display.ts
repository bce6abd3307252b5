import type { StaffView } from "./player-view";

/**
 * The display as the home audience's screen (`?home=1` on a display URL, docs/decisions/038): the
 * same frames, with the home players' histogram in the reveal and their top ten on the
 * leaderboard, so a director can cut to "how the viewers at home answered". Nothing is added that
 * the display view does not already carry. Its steps are the studio's: aired on a path with that
 * path's delay, its question closes when the path's window does (docs/decisions/039).
 */
export function homeAudienceView(view: StaffView): StaffView {
  const home = view.playAlong;
  if (!home) return view;
  const result = view.result;
  const homeResult = home.result;
  const sameQuestion = result !== null && homeResult !== null && homeResult.questionIndex === view.question?.index;
  return {
    ...view,
    counts: { ...view.counts, players: home.players, connected: home.connected, standing: home.players, answered: null },
    result: result && {
      ...result,
      histogram: Object.fromEntries(Object.keys(result.histogram).map((key) => [key, sameQuestion ? (homeResult.histogram[key] ?? 0) : 0])),
      answeredCount: sameQuestion ? homeResult.answeredCount : 0,
      correctCount: sameQuestion ? homeResult.correctCount : 0,
      eliminatedCount: 0,
    },
    leaderboard: view.leaderboard && (home.leaderboard ?? []).map((row) => ({ ...row, unitName: row.pathName })),
    podium: view.podium && (home.leaderboard ?? []).slice(0, 3).map((row) => ({ ...row, unitName: row.pathName })),
    teams: null,
  };
}
