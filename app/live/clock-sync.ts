/**
 * A client's estimate of how far its clock is from the server's, NTP style, from `system:ping`
 * round trips. Pure math, safe in the browser: the client shows a countdown to the server's
 * deadline as `deadline - (Date.now() + offsetMs)`.
 */

export type PingSample = {
  /** Client clock when the ping left. */
  clientSentAt: number;
  /** Server clock when it answered. */
  serverTime: number;
  /** Client clock when the answer arrived. */
  clientReceivedAt: number;
};

export type ClockEstimate = {
  /** Add to the client's clock to get the server's. */
  offsetMs: number;
  /** Round trip of the best sample: the estimate is good to about half of it. */
  roundTripMs: number;
  samplesUsed: number;
};

/**
 * Assumes the server stamped its time halfway through each round trip. That holds best for the
 * quickest trips (a slow one was most likely slowed on one leg only), so only the quickest third
 * of the samples is kept and their median offset taken, which also shrugs off one odd sample.
 */
export function estimateClockOffset(samples: readonly PingSample[]): ClockEstimate | null {
  const measured = samples
    .map((sample) => ({
      roundTripMs: sample.clientReceivedAt - sample.clientSentAt,
      offsetMs: sample.serverTime - (sample.clientSentAt + sample.clientReceivedAt) / 2,
    }))
    .filter((sample) => Number.isFinite(sample.roundTripMs) && Number.isFinite(sample.offsetMs) && sample.roundTripMs >= 0)
    .sort((a, b) => a.roundTripMs - b.roundTripMs);
  if (measured.length === 0) return null;

  const best = measured.slice(0, Math.ceil(measured.length / 3));
  const offsets = best.map((sample) => sample.offsetMs).sort((a, b) => a - b);
  const middle = Math.floor(offsets.length / 2);
  const offsetMs = offsets.length % 2 === 1 ? offsets[middle] : (offsets[middle - 1] + offsets[middle]) / 2;
  return { offsetMs: Math.round(offsetMs), roundTripMs: best[0].roundTripMs, samplesUsed: best.length };
}

/** Time left until a server deadline, seen from the client's clock; never negative. */
export function remainingOnClient(deadline: number, clientNow: number, offsetMs: number): number {
  return Math.max(0, deadline - (clientNow + offsetMs));
}
