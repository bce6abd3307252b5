import { ANSWER_GRACE_MS } from "./constants";
import type { StaffView } from "./player-view";

/**
 * The display as the home audience's screen (`?home=1` on a display URL, docs/decisions/038): the
 * same frames, with the home players' histogram in the reveal and their top ten on the
 * leaderboard, so a director can cut to "how the viewers at home answered". Nothing is added that
 * the display view does not already carry. While a studio that closed a question early reveals it
 * and some path's window is still open, it shows the question still running instead.
 */
export function homeAudienceView(view: StaffView, serverNow: number = view.serverTime): StaffView {
  const home = view.playAlong;
  if (!home) return view;
  // The studio closed early and reveals, but the viewers at home are still answering (their
  // windows run the full time, docs/decisions/039): this screen, aired on each path with its delay,
  // keeps the question and its clock running to the full time, the answer hidden.
  if (view.phase === "reveal" && view.question && home.openUntil !== null && home.openUntil > serverNow) {
    const deadline = home.openUntil - ANSWER_GRACE_MS;
    return {
      ...view,
      phase: "question",
      question: { ...view.question, deadline, remainingMs: Math.max(0, deadline - view.serverTime) },
      result: null,
      counts: { ...view.counts, players: home.players, connected: home.connected, standing: home.players, answered: null },
      leaderboard: null,
      podium: null,
      teams: null,
    };
  }
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
