import { randomInt } from "node:crypto";
import { AUDIENCES, type Audience } from "~/bank/question-file";
import type { MessageKey, MessageParams } from "~/utils/i18n";
import { prisma } from "~/utils/db.server";
import type { RoundRules } from "./attempt";
import { drawQuestions, type DrawError, type DrawRule } from "./draw";
import { releasePool } from "./pool.server";
import type { PredictionBasis } from "./ranking";
import { ruleTotal, MAX_QUESTIONS, type RoundScope } from "./round-form";
import { formatDateTime } from "~/utils/format";
import "~/utils/i18n/messages/journeys-more";

/** What every rule check needs from a round row. */
export const roundRulesSelect = {
  id: true,
  opensAt: true,
  closesAt: true,
  timeLimitSeconds: true,
  maxAttempts: true,
  audiences: true,
  scope: true,
  scopeUnitId: true,
  scopeClass: true,
} as const;

export type RoundRulesRow = {
  opensAt: Date;
  closesAt: Date;
  timeLimitSeconds: number;
  maxAttempts: number;
  audiences: string | null;
  scope: string;
  scopeUnitId: string | null;
  scopeClass: string | null;
};

export function parseAudiences(json: string | null): Audience[] | null {
  if (json === null) return null;
  const list = JSON.parse(json) as unknown;
  if (!Array.isArray(list)) return null;
  return list.filter((value): value is Audience => (AUDIENCES as readonly string[]).includes(value));
}

export function rulesOf(round: RoundRulesRow): RoundRules {
  return {
    opensAt: round.opensAt.getTime(),
    closesAt: round.closesAt.getTime(),
    timeLimitMs: round.timeLimitSeconds * 1000,
    maxAttempts: round.maxAttempts,
    audiences: parseAudiences(round.audiences),
    unitIds: round.scope === "province" || !round.scopeUnitId ? null : [round.scopeUnitId],
    className: round.scope === "class" ? round.scopeClass : null,
  };
}

// No 0/O, 1/I/L: codes are read aloud in class and typed on phones.
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 6;

export function newJoinCode(): string {
  return Array.from({ length: JOIN_CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}

export type RoundInput = {
  contestId: string | null;
  title: string;
  opensAt: number;
  closesAt: number;
  releaseId: string;
  drawRule: DrawRule;
  questionAudience: Audience | null;
  timeLimitSeconds: number;
  maxAttempts: number;
  audiences: Audience[] | null;
  predictionBasis: PredictionBasis | null;
  scope: RoundScope;
  scopeUnitId: string | null;
  scopeClass: string | null;
  createdById: string;
  demo?: boolean;
};

export type RoundProblem = { key: MessageKey; params?: MessageParams };
export type CreateRoundResult = { ok: true; roundId: string; code: string } | { ok: false; problem: RoundProblem };

function drawProblem(error: DrawError): RoundProblem {
  switch (error.code) {
    case "bucket-short":
      return {
        key: "rounds.error.bucketShort",
        params: { topic: error.topic ?? "*", difficulty: error.difficulty ?? "*", needed: error.needed, available: error.available },
      };
    case "buckets-compete":
      return { key: "rounds.error.bucketsCompete", params: { needed: error.needed, filled: error.filled } };
    default:
      return { key: "rounds.error.emptyRule" };
  }
}

type CheckedRound = { ok: true; release: { id: string; name: string }; total: number } | { ok: false; problem: RoundProblem };

/**
 * What creating and editing a round both check, after a trial draw: a rule the release cannot
 * fill is refused now, with the bucket that falls short, rather than at a participant's start.
 */
async function checkRoundInput(input: Pick<RoundInput, "drawRule" | "releaseId" | "scopeUnitId" | "questionAudience">): Promise<CheckedRound> {
  const total = ruleTotal(input.drawRule);
  if (total < 1) return { ok: false, problem: { key: "rounds.error.emptyRule" } };
  if (total > MAX_QUESTIONS) return { ok: false, problem: { key: "rounds.error.tooMany", params: { max: MAX_QUESTIONS } } };
  const release = await prisma.bankRelease.findUnique({ where: { id: input.releaseId }, select: { id: true, name: true } });
  if (!release) return { ok: false, problem: { key: "rounds.error.release" } };
  if (input.scopeUnitId) {
    const unit = await prisma.unit.findUnique({ where: { id: input.scopeUnitId }, select: { kind: true } });
    if (!unit) return { ok: false, problem: { key: "rounds.error.scopeUnit" } };
  }
  const pool = await releasePool(release.id);
  const trial = drawQuestions({ pool: pool.questions, rule: input.drawRule, seed: "trial", audience: input.questionAudience });
  if (!trial.ok) return { ok: false, problem: drawProblem(trial.error) };
  return { ok: true, release, total };
}

/** The columns a round's settings are stored in, shared by create and edit. */
function roundSettings(input: Omit<RoundInput, "contestId" | "createdById" | "demo">, release: { id: string; name: string }, total: number) {
  return {
    title: input.title,
    opensAt: new Date(input.opensAt),
    closesAt: new Date(input.closesAt),
    releaseId: release.id,
    releaseName: release.name,
    drawRule: JSON.stringify(input.drawRule),
    questionCount: total,
    questionAudience: input.questionAudience,
    timeLimitSeconds: input.timeLimitSeconds,
    maxAttempts: input.maxAttempts,
    audiences: input.audiences ? JSON.stringify(input.audiences) : null,
    predictionEnabled: input.predictionBasis !== null,
    predictionBasis: input.predictionBasis,
    scope: input.scope,
    scopeUnitId: input.scope === "province" ? null : input.scopeUnitId,
    scopeClass: input.scope === "class" ? input.scopeClass : null,
  };
}

/** Creates a round after the checks of `checkRoundInput`, with a fresh join code. */
export async function createRound(input: RoundInput): Promise<CreateRoundResult> {
  const checked = await checkRoundInput(input);
  if (!checked.ok) return checked;
  for (let tries = 0; tries < 5; tries++) {
    const code = newJoinCode();
    if (await prisma.round.findUnique({ where: { code }, select: { id: true } })) continue;
    const round = await prisma.round.create({
      data: {
        contestId: input.contestId,
        code,
        ...roundSettings(input, checked.release, checked.total),
        createdById: input.createdById,
        demo: input.demo ?? false,
      },
      select: { id: true, code: true },
    });
    return { ok: true, roundId: round.id, code: round.code };
  }
  throw new Error("Could not find a free join code");
}

export type UpdateRoundResult = { ok: true } | { ok: false; problem: RoundProblem };

/**
 * Edits or reschedules a round that has not opened yet: every setting may change, the join code
 * and the contest stay. The write itself carries the condition (still before opening, no attempt),
 * so a round that opens while the form is being filled in is refused, never changed under its
 * participants.
 */
export async function updateRound(
  roundId: string,
  input: Omit<RoundInput, "contestId" | "createdById" | "demo">,
  now: number,
): Promise<UpdateRoundResult> {
  const checked = await checkRoundInput(input);
  if (!checked.ok) return checked;
  const { count } = await prisma.round.updateMany({
    where: { id: roundId, opensAt: { gt: new Date(now) }, attempts: { none: {} } },
    data: roundSettings(input, checked.release, checked.total),
  });
  if (count === 1) return { ok: true };
  const round = await prisma.round.findUnique({ where: { id: roundId }, select: { opensAt: true } });
  if (!round) return { ok: false, problem: { key: "roundEdit.notFound" } };
  return { ok: false, problem: { key: "roundEdit.alreadyOpen", params: { when: formatDateTime(round.opensAt) } } };
}

/**
 * Closes a round now (an organizer ends it early). Attempts still running end with it: their
 * deadline is read as the earlier of their own and the round's close.
 */
export async function closeRoundNow(roundId: string, now: number): Promise<void> {
  const round = await prisma.round.findUnique({ where: { id: roundId }, select: { closesAt: true, opensAt: true } });
  if (!round || round.closesAt.getTime() <= now) return;
  await prisma.round.update({
    where: { id: roundId },
    data: { closesAt: new Date(now), opensAt: round.opensAt.getTime() > now ? new Date(now) : round.opensAt },
  });
}

/** Who may manage a round: an organizer (or admin) any round; a teacher the rounds they created. */
export function mayManageRound(user: { id: string; role: string }, round: { createdById: string }): boolean {
  return user.role === "admin" || user.role === "organizer" || round.createdById === user.id;
}

export async function latestReleaseId(): Promise<string | null> {
  const release = await prisma.bankRelease.findFirst({ orderBy: { createdAt: "desc" }, select: { id: true } });
  return release?.id ?? null;
}
