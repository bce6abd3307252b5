import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { questionSchema } from "~/bank/question-file";
import type { LiveQuestion } from "~/live/game-state";
import { liveQuestionFromBank } from "~/live/live-games.server";

/**
 * Real questions for the benchmark, from the bank's own files (bilingual prompts, options and
 * explanations), so that every message is the size it is on air. Both servers get the same ones.
 */
export function benchQuestions(root: string, count: number, timeLimitMs: number): LiveQuestion[] {
  const folder = path.join(root, "question-bank", "questions", "asean-basics");
  const files = readdirSync(folder).filter((name) => name.endsWith(".yaml")).sort();
  const questions: LiveQuestion[] = [];
  for (const file of files) {
    if (questions.length >= count) break;
    const question = questionSchema.parse(YAML.parse(readFileSync(path.join(folder, file), "utf8")));
    if (question.type !== "single") continue;
    questions.push(liveQuestionFromBank(`bench-${question.id}`, question, timeLimitMs));
  }
  if (questions.length < count) throw new Error(`only ${questions.length} single-answer questions in ${folder}`);
  return questions;
}
