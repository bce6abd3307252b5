import type { PrismaClient } from "~/utils/db.server";
import { currentQuestions } from "./browse.server";
import { collectionIssues } from "./collection-rules";
import { formFieldOf, parseQuestionForm, type QuestionFormErrors, type QuestionFormValues } from "./question-form";
import type { Taxonomy } from "./question-file";
import { addDraftRevision } from "./review.server";

// A question typed in the web form (organizers and teachers): the same rules as a question file
// and as an import (app/bank/upload-check.ts), a fresh id in its topic, then revision 1 as a draft
// that another organizer reviews like any import. Nothing is written when any rule fails.

type Db = PrismaClient;

export type NewQuestionResult = { ok: true; questionId: string; number: number } | { ok: false; errors: QuestionFormErrors };

/** `<topic>-NNNN` after the highest number any question of the topic ever had: ids are never reused. */
export function nextQuestionId(topic: string, existingIds: Iterable<string>): string {
  const pattern = new RegExp(`^${topic.replace(/[^a-z0-9-]/g, "")}-(\\d+)$`);
  let highest = 0;
  for (const id of existingIds) {
    const match = pattern.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `${topic}-${String(highest + 1).padStart(4, "0")}`;
}

function topicOf(values: QuestionFormValues): string {
  const [topic] = (values.topic ?? "").trim().split("/");
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(topic ?? "") ? topic : "question";
}

async function idsOfTopic(db: Pick<Db, "question">, topic: string): Promise<string[]> {
  const rows = await db.question.findMany({ where: { id: { startsWith: `${topic}-` } }, select: { id: true } });
  return rows.map((row) => row.id);
}

/** Another writer took the id between the read and the write: roll back and take the next one. */
class IdTaken extends Error {}

function isIdTaken(error: unknown): boolean {
  return error instanceof IdTaken || (typeof error === "object" && error !== null && "code" in error && error.code === "P2002");
}

/**
 * Checks the form like a file and against the bank (no prompt repeating one already there, in
 * either language), then writes revision 1 as a draft by `authorId`. A second writer who took
 * the same id a moment earlier makes this one take the next id, never revise theirs.
 */
export async function writeNewQuestion(
  db: Db,
  input: { values: QuestionFormValues; taxonomy: Taxonomy; authorId: string; now: Date },
): Promise<NewQuestionResult> {
  // A new question cannot start retired; the form does not offer it, and a forged field is ignored.
  const values: QuestionFormValues = { ...input.values, retired: "", baseRevision: "1" };
  const topic = topicOf(values);
  const placeholder = nextQuestionId(topic, await idsOfTopic(db, topic));
  const parsed = parseQuestionForm(placeholder, values, input.taxonomy);
  if (!parsed.ok) return parsed;

  const bank = await currentQuestions(db);
  const clashes = collectionIssues([
    ...bank.map((entry) => ({ location: { file: entry.id }, question: entry.question })),
    { location: {}, question: parsed.question },
  ]).filter((issue) => issue.file === undefined && issue.code === "duplicate-prompt");
  if (clashes.length > 0) {
    const errors: QuestionFormErrors = {};
    for (const clash of clashes) errors[formFieldOf(clash.path)] ??= { code: clash.code, ...(clash.params ? { params: clash.params } : {}) };
    return { ok: false, errors };
  }

  for (let tries = 0; tries < 5; tries++) {
    try {
      return await db.$transaction(async (tx): Promise<NewQuestionResult> => {
        const id = nextQuestionId(topic, await idsOfTopic(tx, topic));
        const question = { ...parsed.question, id };
        const added = await addDraftRevision(tx, question, { authorId: input.authorId, now: input.now });
        // Thrown, not returned, so that the transaction rolls back whatever was written.
        if (added.outcome !== "created" || added.number === null) throw new IdTaken(id);
        return { ok: true, questionId: id, number: added.number };
      });
    } catch (error) {
      if (!isIdTaken(error)) throw error;
    }
  }
  throw new Error("Could not find a free question id");
}
