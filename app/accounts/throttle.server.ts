import { createRateLimiter, type BucketRule } from "~/utils/rate-limit";

// Limits on guessing, per app process (several nodes each keep their own: docs/security.md). A
// right password gives its sign-in token back, so the buckets count failures only.
// A whole class signs in or up from one school address at the start of a lesson, so the
// per-address buckets are wide; the per-account ones are what stop guessing one pupil's password.
export const authRules = {
  signInPerAccount: { capacity: 10, refillPerSecond: 1 / 30 },
  signInPerAddress: { capacity: 60, refillPerSecond: 1 },
  signUpPerAddress: { capacity: 30, refillPerSecond: 1 / 20 },
  resetPerAccount: { capacity: 5, refillPerSecond: 1 / 60 },
  resetPerAddress: { capacity: 20, refillPerSecond: 1 / 10 },
} satisfies Record<string, BucketRule>;

export type AuthThrottle = {
  /** Takes a token per address and per account; false when either is spent. */
  signIn: (username: string, address: string, now: number) => boolean;
  /** Gives the tokens back after a right password: only failures count. */
  signInSucceeded: (username: string, address: string, now: number) => void;
  signUp: (address: string, now: number) => boolean;
  reset: (username: string, address: string, now: number) => boolean;
};

export function createAuthThrottle(rules = authRules): AuthThrottle {
  const signInAccount = createRateLimiter(rules.signInPerAccount);
  const signInAddress = createRateLimiter(rules.signInPerAddress);
  const signUpAddress = createRateLimiter(rules.signUpPerAddress);
  const resetAccount = createRateLimiter(rules.resetPerAccount);
  const resetAddress = createRateLimiter(rules.resetPerAddress);
  return {
    signIn: (username, address, now) => {
      // The address first: a refused address spends none of the account's tokens.
      if (!signInAddress(address, now)) return false;
      if (signInAccount(accountKey(username), now)) return true;
      signInAddress(address, now, -1);
      return false;
    },
    signInSucceeded: (username, address, now) => {
      signInAddress(address, now, -1);
      signInAccount(accountKey(username), now, -1);
    },
    signUp: (address, now) => signUpAddress(address, now),
    reset: (username, address, now) => resetAddress(address, now) && resetAccount(accountKey(username), now),
  };
}

function accountKey(username: string): string {
  return username.trim().toLowerCase();
}

/** The process's throttle, shared by the sign-in, sign-up and reset routes. */
export const authThrottle = createAuthThrottle();
