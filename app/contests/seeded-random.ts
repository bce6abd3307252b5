// A small seeded PRNG so that a draw can be recomputed from its seed alone: explaining or re-scoring
// an attempt later must not depend on anything but stored data. Not for secrets: Math.random and
// crypto are deliberately absent, and the sequence is predictable by design.

/** A function returning numbers in [0, 1), like Math.random, but fixed by its seed. */
export type RandomSource = () => number;

/**
 * The seed of one attempt's draw: the round, a random key drawn when the attempt starts, and the
 * attempt number. The seed is stored on the attempt, which is what makes a draw reproducible; it
 * holds no account id, so deleting an account leaves nothing in it (issue 8, decision 010).
 * JSON keeps the parts apart, so ids containing a separator cannot collide.
 */
export function attemptSeed(parts: { roundId: string; drawKey: string; attemptNumber: number }): string {
  return JSON.stringify([parts.roundId, parts.drawKey, parts.attemptNumber]);
}

const HASHED_SEED = /^h:(\d{1,10}),(\d{1,10}),(\d{1,10}),(\d{1,10})$/;

/**
 * The same seed with its text replaced by the generator's starting state ("h:w1,w2,w3,w4"): it
 * draws exactly what the original draws. Used on attempts made before seeds stopped carrying the
 * account id (they were [round, account id, attempt number]) when that account is deleted.
 */
export function opaqueSeed(seed: string): string {
  return HASHED_SEED.test(seed) ? seed : `h:${hashSeed(seed).join(",")}`;
}

/** cyrb128: spreads a string of any length into four 32-bit words for sfc32's state. */
function hashSeed(seed: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let index = 0; index < seed.length; index++) {
    const code = seed.charCodeAt(index);
    h1 = h2 ^ Math.imul(h1 ^ code, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ code, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ code, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ code, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), seeded from a string. */
export function seededRandom(seed: string): RandomSource {
  const hashed = HASHED_SEED.exec(seed);
  let [a, b, c, d] = hashed ? [Number(hashed[1]), Number(hashed[2]), Number(hashed[3]), Number(hashed[4])] : hashSeed(seed);
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** A shuffled copy (Fisher–Yates); the input is left as it is. */
export function shuffled<T>(items: readonly T[], random: RandomSource): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}
