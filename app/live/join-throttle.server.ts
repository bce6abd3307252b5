import { setTimeout as sleep } from "node:timers/promises";
import { createRateLimiter, type BucketRule } from "~/utils/rate-limit";

/**
 * Limits on joining live games, per network address (docs/security.md, "Live games on air").
 * A whole class often shares one public address (a school's NAT), so the limits are sized for a
 * class, not a person; they stop scripts, not people.
 *
 * - PIN lookups (the /join page and the socket's player:join, together): a burst of 120, then one a
 *   second. Walking the 900,000 PINs to find one of ten open games then takes a day per address.
 * - New players per address in one game: a burst of 100, then one a second — a troll's script
 *   fills no lobby, and the host can lock the game with one tap.
 */
export const PIN_LOOKUP_RULE: BucketRule = { capacity: 120, refillPerSecond: 1 };
export const JOIN_PER_GAME_RULE: BucketRule = { capacity: 100, refillPerSecond: 1 };

/** /join answers no sooner than this, found or not, so its timing tells nothing about a PIN. */
export const JOIN_ANSWER_FLOOR_MS = 200;

export function createJoinThrottle(rules: { lookups: BucketRule; joins: BucketRule } = { lookups: PIN_LOOKUP_RULE, joins: JOIN_PER_GAME_RULE }) {
  const lookups = createRateLimiter(rules.lookups);
  const joins = createRateLimiter(rules.joins);
  return {
    allowPinLookup: (address: string, now: number) => lookups(address, now),
    allowJoin: (address: string, gameId: string, now: number) => joins(`${address}\u0000${gameId}`, now),
  };
}

/** The one throttle of this process, shared by the /join page and the socket handlers. */
export const joinThrottle = createJoinThrottle();

/** Waits until `floorMs` after `startedAt` (performance.now() time), whatever the answer is. */
export async function answerNoSoonerThan(startedAt: number, floorMs = JOIN_ANSWER_FLOOR_MS): Promise<void> {
  const wait = startedAt + floorMs - performance.now();
  if (wait > 0) await sleep(wait);
}
