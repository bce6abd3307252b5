import { describe, expect, it } from "vitest";
import { estimateClockOffset, remainingOnClient, type PingSample } from "./clock-sync";

/** A ping whose legs took `up` and `down` ms, with the server's clock `offset` ahead of the client's. */
function ping(sentAt: number, up: number, down: number, offset: number): PingSample {
  return { clientSentAt: sentAt, serverTime: sentAt + up + offset, clientReceivedAt: sentAt + up + down };
}

describe("estimateClockOffset", () => {
  it("finds the offset exactly from a symmetric round trip", () => {
    expect(estimateClockOffset([ping(1_000, 40, 40, 5_000)])).toEqual({ offsetMs: 5_000, roundTripMs: 80, samplesUsed: 1 });
  });

  it("trusts the quickest round trips over slow, lopsided ones", () => {
    const samples = [
      ping(0, 20, 20, -3_000),
      ping(1_000, 400, 30, -3_000), // a slow uplink: taken alone it would say -2 815
      ping(2_000, 22, 18, -3_000),
      ping(3_000, 30, 900, -3_000),
      ping(4_000, 25, 25, -3_000),
      ping(5_000, 600, 50, -3_000),
    ];
    const estimate = estimateClockOffset(samples);
    expect(estimate?.samplesUsed).toBe(2);
    expect(estimate?.roundTripMs).toBe(40);
    expect(Math.abs(estimate!.offsetMs - -3_000)).toBeLessThanOrEqual(2);
  });

  it("takes the median of the kept samples, so one odd quick sample does not decide", () => {
    const samples = [ping(0, 10, 10, 100), ping(100, 11, 11, 100), ping(200, 1, 11, 100), ...[3, 4, 5, 6, 7, 8].map((n) => ping(n * 100, 300, 300, 100))];
    expect(estimateClockOffset(samples)?.offsetMs).toBe(100);
  });

  it("ignores impossible samples and answers null when nothing is left", () => {
    expect(estimateClockOffset([])).toBeNull();
    expect(estimateClockOffset([{ clientSentAt: 100, serverTime: 5, clientReceivedAt: 50 }])).toBeNull();
    expect(estimateClockOffset([{ clientSentAt: 100, serverTime: 5, clientReceivedAt: 50 }, ping(0, 10, 10, 7)])?.offsetMs).toBe(7);
  });
});

describe("remainingOnClient", () => {
  it("counts down to the server's deadline on the client's clock", () => {
    // Server is 2 s ahead: at client time 10 000 the server reads 12 000.
    expect(remainingOnClient(20_000, 10_000, 2_000)).toBe(8_000);
    expect(remainingOnClient(20_000, 19_000, 2_000)).toBe(0);
  });
});
