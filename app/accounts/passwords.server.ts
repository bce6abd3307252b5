import argon2 from "argon2";
import bcrypt from "bcryptjs";

// argon2id with OWASP's minimum profile (19 MiB, 2 passes, 1 lane): ~120 ms per hash on one core
// of the project's machines, run on libuv's thread pool so live games keep the event loop
// (docs/decisions/007-password-hashing-and-sessions.md).
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

export type PasswordCheck = { ok: boolean; needsRehash: boolean };

/**
 * Checks a password against a stored hash: argon2id, or a bcrypt hash written before argon2 came
 * in (verified with bcryptjs once, then replaced by the caller: `needsRehash`).
 */
export async function verifyPassword(storedHash: string, password: string): Promise<PasswordCheck> {
  if (isBcryptHash(storedHash)) {
    const ok = await bcrypt.compare(password, storedHash);
    return { ok, needsRehash: ok };
  }
  if (!storedHash.startsWith("$argon2")) return { ok: false, needsRehash: false };
  try {
    const ok = await argon2.verify(storedHash, password);
    return { ok, needsRehash: ok && argon2.needsRehash(storedHash, ARGON2_OPTIONS) };
  } catch {
    // A malformed hash (e.g. a disabled account's placeholder) matches nothing.
    return { ok: false, needsRehash: false };
  }
}

export function isBcryptHash(hash: string): boolean {
  return /^\$2[aby]\$\d\d\$/.test(hash);
}

let unknownUserHash: Promise<string> | undefined;

/** Compared against when a username does not exist, so both paths cost one argon2 verification. */
export function placeholderHash(): Promise<string> {
  unknownUserHash ??= hashPassword("unknown-user-placeholder");
  return unknownUserHash;
}
