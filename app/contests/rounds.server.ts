import { randomInt } from "node:crypto";
import { AUDIENCES, type Audience } from "~/bank/question-file";
import type { MessageKey, MessageParams } from "~/utils/i18n";
import { prisma } from "~/utils/db.server";
import type { RoundRules } from "./attempt";
import { drawQuestions, type DrawError, type DrawRule } from "./draw";
import { releasePool } from "./pool.server";
import type { PredictionBasis } from "./ranking";
import { ruleTotal, MAX_QUESTIONS, type RoundScope } from "./round-form";

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

/**
 * Creates a round after a trial draw: a rule the release cannot fill is refused now, with the
 * bucket that falls short, rather than at a participant's start.
 */
export async function createRound(input: RoundInput): Promise<CreateRoundResult> {
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

  for (let tries = 0; tries < 5; tries++) {
    const code = newJoinCode();
    if (await prisma.round.findUnique({ where: { code }, select: { id: true } })) continue;
    const round = await prisma.round.create({
      data: {
        contestId: input.contestId,
        title: input.title,
        code,
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
        createdById: input.createdById,
        demo: input.demo ?? false,
      },
      select: { id: true, code: true },
    });
    return { ok: true, roundId: round.id, code: round.code };
  }
  throw new Error("Could not find a free join code");
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
