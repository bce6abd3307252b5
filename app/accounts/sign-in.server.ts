import { signInFailures } from "~/ops/metrics.server";
import { verifyCredentials, type SessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { authThrottle, type AuthThrottle } from "./throttle.server";

export type SignInResult = { ok: true; user: SessionUser } | { ok: false; reason: "throttled" | "wrong-credentials" | "disabled" };

/**
 * Sign-in as the route runs it: the throttle first (per address and per account, before any hash
 * is computed), then the password; each refused password is written to the audit log.
 */
export async function signIn(
  input: { username: string; password: string; address: string; now?: number },
  throttle: AuthThrottle = authThrottle,
): Promise<SignInResult> {
  const now = input.now ?? Date.now();
  if (!throttle.signIn(input.username, input.address, now)) {
    signInFailures.inc();
    return { ok: false, reason: "throttled" };
  }
  const result = await verifyCredentials(input.username, input.password);
  if (result.ok) {
    throttle.signInSucceeded(input.username, input.address, now);
    return result;
  }
  signInFailures.inc();
  await prisma.auditEntry.create({
    data: {
      actorId: null,
      action: result.reason === "disabled" ? "auth.sign-in-disabled" : "auth.sign-in-failed",
      // Whatever was typed, cut short: the log is not a place to store arbitrary input.
      subject: input.username.trim().toLowerCase().slice(0, 64),
      detail: input.address.slice(0, 64),
    },
  });
  return result;
}
