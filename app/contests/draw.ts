import type { Audience, Difficulty, QuestionType } from "~/bank/question-file";
import { seededRandom, shuffled, type RandomSource } from "./seeded-random";

/** One question of the round's pinned release, as much of it as a draw needs. */
export type DrawableQuestion = {
  questionId: string;
  /** The exact revision the release pins; the attempt stores it so answers point at what was shown. */
  revisionId: string;
  topic: string;
  difficulty: Difficulty;
  audiences: readonly Audience[];
  type: QuestionType;
  optionCount: number;
};

/**
 * A slice of the draw; a missing topic or difficulty means "any". `questionIds` limits the slice to
 * questions hand-picked by id: a bucket of N picked ids with count N puts every one of them in.
 */
export type DrawBucket = { topic?: string; difficulty?: Difficulty; questionIds?: readonly string[]; count: number };
export type DrawShare = { topic?: string; difficulty?: Difficulty; weight: number };

/**
 * How a round picks its questions: an explicit topics × difficulty mix, or a total split by weights
 * (turned into counts by `countsFromShares`). Buckets may overlap (e.g. "3 economic" and "2 hard");
 * a question still fills one slot at most.
 */
export type DrawRule =
  | { kind: "mix"; buckets: readonly DrawBucket[] }
  | { kind: "proportions"; total: number; shares: readonly DrawShare[] };

export type DrawnQuestion = {
  questionId: string;
  revisionId: string;
  type: QuestionType;
  /** Which bucket of the (resolved) rule this question fills. */
  bucketIndex: number;
  /** optionOrder[position] = index of the option in the question as written. */
  optionOrder: number[];
};

type BucketLabel = { bucketIndex: number; topic: string | null; difficulty: Difficulty | null };

export type DrawError =
  | { code: "empty-rule" }
  | { code: "invalid-total" }
  | { code: "invalid-count"; bucketIndex: number }
  | { code: "duplicate-question"; questionId: string }
  /** Fewer questions in the pool fit this bucket than it asks for. */
  | ({ code: "bucket-short"; needed: number; available: number } & BucketLabel)
  /** Each bucket fits on its own, but overlapping buckets need more distinct questions than exist. */
  | ({ code: "buckets-compete"; needed: number; filled: number } & BucketLabel);

export type DrawResult = { ok: true; questions: DrawnQuestion[] } | { ok: false; error: DrawError };

export type DrawInput = {
  pool: readonly DrawableQuestion[];
  rule: DrawRule;
  /** See `attemptSeed`. */
  seed: string;
  /** Keep only questions written for this audience; null draws from the whole pool. */
  audience: Audience | null;
};

/**
 * Splits `total` by weights with the largest-remainder method, so the counts always add up to the
 * total; equal remainders go to the earlier share, which keeps the split stable.
 */
export function countsFromShares(total: number, shares: readonly DrawShare[]): number[] {
  const weightSum = shares.reduce((sum, share) => sum + share.weight, 0);
  const quotas = shares.map((share) => (total * share.weight) / weightSum);
  const counts = quotas.map(Math.floor);
  let left = total - counts.reduce((sum, count) => sum + count, 0);
  const byRemainder = quotas
    .map((quota, index) => ({ index, remainder: quota - Math.floor(quota) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left === 0) break;
    counts[index]++;
    left--;
  }
  return counts;
}

function resolveBuckets(rule: DrawRule): { ok: true; buckets: DrawBucket[] } | { ok: false; error: DrawError } {
  if (rule.kind === "mix") {
    if (rule.buckets.length === 0) return { ok: false, error: { code: "empty-rule" } };
    const badIndex = rule.buckets.findIndex((bucket) => !Number.isInteger(bucket.count) || bucket.count < 1);
    if (badIndex >= 0) return { ok: false, error: { code: "invalid-count", bucketIndex: badIndex } };
    return { ok: true, buckets: [...rule.buckets] };
  }
  if (rule.shares.length === 0) return { ok: false, error: { code: "empty-rule" } };
  if (!Number.isInteger(rule.total) || rule.total < 1) return { ok: false, error: { code: "invalid-total" } };
  const badIndex = rule.shares.findIndex((share) => !Number.isFinite(share.weight) || share.weight <= 0);
  if (badIndex >= 0) return { ok: false, error: { code: "invalid-count", bucketIndex: badIndex } };
  const counts = countsFromShares(rule.total, rule.shares);
  return { ok: true, buckets: rule.shares.map((share, index) => ({ topic: share.topic, difficulty: share.difficulty, count: counts[index] })) };
}

function fits(question: DrawableQuestion, bucket: DrawBucket): boolean {
  return (
    (bucket.topic === undefined || question.topic === bucket.topic) &&
    (bucket.difficulty === undefined || question.difficulty === bucket.difficulty) &&
    (bucket.questionIds === undefined || bucket.questionIds.includes(question.questionId))
  );
}

function label(bucket: DrawBucket, bucketIndex: number): BucketLabel {
  return { bucketIndex, topic: bucket.topic ?? null, difficulty: bucket.difficulty ?? null };
}

/**
 * Assigns a distinct question to every slot. Each slot first takes its first free candidate in the
 * shuffled order (so the draw stays random), and only when none is left steals one through an
 * augmenting path (Kuhn's bipartite matching), so overlapping buckets never fail when a valid
 * assignment exists. Returns the slot that could not be filled, or -1.
 */
function matchSlots(candidates: readonly number[][], questionCount: number, slotOfQuestion: Int32Array): number {
  const questionOfSlot = new Array<number>(candidates.length).fill(-1);
  const tryAugment = (slot: number, visited: Uint8Array): boolean => {
    for (const question of candidates[slot]) {
      if (visited[question]) continue;
      visited[question] = 1;
      const holder = slotOfQuestion[question];
      if (holder === -1 || tryAugment(holder, visited)) {
        slotOfQuestion[question] = slot;
        questionOfSlot[slot] = question;
        return true;
      }
    }
    return false;
  };
  for (let slot = 0; slot < candidates.length; slot++) {
    const free = candidates[slot].find((question) => slotOfQuestion[question] === -1);
    if (free !== undefined) {
      slotOfQuestion[free] = slot;
      questionOfSlot[slot] = free;
    } else if (!tryAugment(slot, new Uint8Array(questionCount))) {
      return slot;
    }
  }
  return -1;
}

type PreparedPool = { ok: true; eligible: readonly DrawableQuestion[] } | { ok: false; error: { code: "duplicate-question"; questionId: string } };

/**
 * The pool checked for duplicates and narrowed to the audience, sorted by question id: the same for
 * every draw from the same pool, so it is kept per pool array (a release's pool is read once per
 * process, app/contests/pool.server.ts) and audience. A thousand pupils starting a round at once
 * sorted the same few hundred questions a thousand times (docs/decisions/044).
 */
const preparedPools = new WeakMap<readonly DrawableQuestion[], Map<string, PreparedPool>>();

function preparedPool(pool: readonly DrawableQuestion[], audience: Audience | null): PreparedPool {
  let byAudience = preparedPools.get(pool);
  if (!byAudience) preparedPools.set(pool, (byAudience = new Map()));
  const known = byAudience.get(audience ?? "");
  if (known) return known;
  let prepared: PreparedPool | null = null;
  const seen = new Set<string>();
  for (const question of pool) {
    if (seen.has(question.questionId)) {
      prepared = { ok: false, error: { code: "duplicate-question", questionId: question.questionId } };
      break;
    }
    seen.add(question.questionId);
  }
  prepared ??= {
    ok: true,
    eligible: pool
      .filter((question) => audience === null || question.audiences.includes(audience))
      .sort((a, b) => (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0)),
  };
  byAudience.set(audience ?? "", prepared);
  return prepared;
}

/**
 * Draws one attempt's questions. The result depends only on the pool's content, the rule, the seed
 * and the audience: the pool is sorted by question id first, so the order rows come back from the
 * database does not change a draw.
 */
export function drawQuestions({ pool, rule, seed, audience }: DrawInput): DrawResult {
  const resolved = resolveBuckets(rule);
  if (!resolved.ok) return resolved;
  const { buckets } = resolved;

  const prepared = preparedPool(pool, audience);
  if (!prepared.ok) return prepared;
  const random = seededRandom(seed);
  const eligible = prepared.eligible;
  const order = shuffled(eligible, random);

  const bucketCandidates = buckets.map((bucket) =>
    order.flatMap((question, index) => (fits(question, bucket) ? [index] : [])),
  );
  const shortIndex = buckets.findIndex((bucket, index) => bucketCandidates[index].length < bucket.count);
  if (shortIndex >= 0) {
    const bucket = buckets[shortIndex];
    return {
      ok: false,
      error: { code: "bucket-short", ...label(bucket, shortIndex), needed: bucket.count, available: bucketCandidates[shortIndex].length },
    };
  }

  const bucketOfSlot = buckets.flatMap((bucket, index) => new Array<number>(bucket.count).fill(index));
  const slotOfQuestion = new Int32Array(order.length).fill(-1);
  const unfilled = matchSlots(
    bucketOfSlot.map((bucketIndex) => bucketCandidates[bucketIndex]),
    order.length,
    slotOfQuestion,
  );
  if (unfilled >= 0) {
    const bucketIndex = bucketOfSlot[unfilled];
    const bucket = buckets[bucketIndex];
    const filled = bucketOfSlot.slice(0, unfilled).filter((index) => index === bucketIndex).length;
    return { ok: false, error: { code: "buckets-compete", ...label(bucket, bucketIndex), needed: bucket.count, filled } };
  }

  const picked = order.flatMap((question, index) =>
    slotOfQuestion[index] === -1 ? [] : [{ question, bucketIndex: bucketOfSlot[slotOfQuestion[index]] }],
  );
  return {
    ok: true,
    questions: shuffled(picked, random).map(({ question, bucketIndex }) => ({
      questionId: question.questionId,
      revisionId: question.revisionId,
      type: question.type,
      bucketIndex,
      optionOrder: optionOrderFor(question, random),
    })),
  };
}

// "Đúng / Sai" keeps its written order: a true/false pair shown as "Sai / Đúng" only trips readers up.
function optionOrderFor(question: DrawableQuestion, random: RandomSource): number[] {
  const written = Array.from({ length: question.optionCount }, (_, index) => index);
  return question.type === "true-false" ? written : shuffled(written, random);
}

/**
 * Whether a round with this rule and audience filter could draw `question` at all: it passes the
 * audience filter and fits a bucket that asks for at least one question. A round that could draw
 * it must not have its answer key shown anywhere while it is open (decision 010).
 */
export function mayDraw(question: DrawableQuestion, rule: DrawRule, audience: Audience | null): boolean {
  if (audience !== null && !question.audiences.includes(audience)) return false;
  const resolved = resolveBuckets(rule);
  // A rule that cannot be resolved draws nothing; be cautious all the same and count it as drawing.
  if (!resolved.ok) return true;
  return resolved.buckets.some((bucket) => bucket.count > 0 && fits(question, bucket));
}
