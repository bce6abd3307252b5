// Limits of the contest rounds; the limiter itself is the app's one token bucket (app/utils/rate-limit.ts).
import type { BucketRule } from "~/utils/rate-limit";

/** Saving answers: a burst of 20 (clicking through options), then 2 a second on average. */
export const ANSWER_SAVE_RULE: BucketRule = { capacity: 20, refillPerSecond: 2 };
