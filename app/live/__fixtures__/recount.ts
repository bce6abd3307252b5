import type { PrismaClient } from "~/utils/db.server";
import type { GameState } from "../game-state";
import { scoreAnswer } from "../scoring";

// For the tests that play a game over real sockets: the scores it should end with, worked out
// again from the stored rows alone.

/** An independent recount: the scoring rule applied to the stored answer rows, question by question. */
export async function recount(db: PrismaClient, gameId: string): Promise<Map<string, number>> {
  const game = await db.liveGame.findUniqueOrThrow({ where: { id: gameId }, select: { state: true } });
  const state = JSON.parse(game.state) as GameState;
  const rows = await db.liveAnswer.findMany({ where: { gameId } });
  const players = await db.livePlayer.findMany({ where: { gameId }, select: { id: true } });
  const totals = new Map<string, number>();
  for (const { id } of players) {
    let streak = 0;
    let total = 0;
    state.questions.forEach((question, questionIndex) => {
      if (state.voidedQuestions.includes(questionIndex)) return;
      const row = rows.find((candidate) => candidate.playerId === id && candidate.questionIndex === questionIndex);
      const scored = scoreAnswer({
        chosen: row ? (JSON.parse(row.optionIds) as string[]) : null,
        correctOptionIds: question.options.filter((option) => option.correct).map((option) => option.id),
        elapsedMs: row?.elapsedMs ?? question.timeLimitMs,
        timeLimitMs: question.timeLimitMs,
        previousStreak: streak,
      });
      streak = scored.streak;
      total += scored.points;
    });
    totals.set(id, total);
  }
  return totals;
}
