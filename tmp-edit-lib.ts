import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { questionSchema, questionToYaml, type BankQuestion } from "~/bank/question-file";

export const ROOT = "/work/wt/bank-quality/question-bank/questions";
export const REVIEWER = "bank-quality";
export const DATE = "2026-12-07";

export function fileOf(id: string) {
  const topic = id.replace(/-\d{4}$/, "");
  return path.join(ROOT, topic, `${id}.yaml`);
}
export function load(id: string): BankQuestion {
  const raw = parseDocument(readFileSync(fileOf(id), "utf8")).toJS();
  // keep dates as strings
  if (raw.source && typeof raw.source.date !== "string") raw.source.date = String(raw.source.date);
  return questionSchema.parse(raw);
}
export function save(q: BankQuestion, note: string) {
  q.review = { by: REVIEWER, date: DATE, note };
  const checked = questionSchema.parse(q);
  writeFileSync(fileOf(q.id), questionToYaml(checked), "utf8");
}
export function edit(id: string, note: string, change: (q: BankQuestion) => void) {
  const q = load(id);
  change(q);
  save(q, note);
}
export function retire(id: string, note: string) {
  edit(id, note, (q) => { q.status = "retired"; });
}
export function ids(topic: string) {
  return readdirSync(path.join(ROOT, topic)).filter((f) => f.endsWith(".yaml")).map((f) => f.replace(/\.yaml$/, "")).sort();
}
export function opts(q: BankQuestion, ...list: [string, string?][]) {
  // replace wrong options in order, keeping the key(s) where they are
  let i = 0;
  q.options = q.options.map((o) => (o.correct ? o : { vi: list[i][0], en: list[i++][1], correct: false }));
}
