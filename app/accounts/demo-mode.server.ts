import { verifyPassword } from "~/accounts/passwords.server";
import type { PrismaClient } from "~/utils/db.server";
import { demoAccounts, publishedPasswords } from "./demo-accounts";

// Roles whose every account is tried against every published password at a production start;
// teachers and participants are many, so only the demo usernames among them are tried.
const FULLY_CHECKED_ROLES = ["admin", "organizer", "host"];

/**
 * The usernames of active accounts that still accept a password printed in the README. Each check
 * is one argon2 verification on the thread pool, so the cost is (demo accounts + admins, organizers
 * and hosts) × 6 verifications, once at start.
 */
export async function accountsWithPublishedPasswords(db: PrismaClient): Promise<string[]> {
  const users = await db.user.findMany({
    where: {
      disabledAt: null,
      OR: [{ username: { in: demoAccounts.map((account) => account.username) } }, { role: { in: FULLY_CHECKED_ROLES } }],
    },
    select: { username: true, passwordHash: true },
    orderBy: { username: "asc" },
  });
  const found: string[] = [];
  for (const user of users) {
    const checks = await Promise.all(publishedPasswords.map((password) => verifyPassword(user.passwordHash, password)));
    if (checks.some((check) => check.ok)) found.push(user.username);
  }
  return found;
}

/** What a production start prints when it refuses to run (English: it goes to an operator's log). */
export function publishedPasswordsMessage(usernames: readonly string[]): string {
  return [
    `Refusing to start: ${usernames.length} account(s) still have a password printed in the README: ${usernames.join(", ")}.`,
    "Anyone who has read the README could sign in as them. To fix it:",
    "  1. npm run admin:create            create your own administrator (the password is typed at the prompt);",
    "  2. npm run accounts:lock-demo      disable every account that still has a README password;",
    "  then start again. To run the demo instead, set DEMO_MODE=true (every page is then marked “bản demo”).",
  ].join("\n");
}

/**
 * The start-up guard: in production without demo mode, refuse to run while an account accepts a
 * README password. Returns the message to print and exit with, or null when the start may go on.
 */
export async function productionStartProblem(
  db: PrismaClient,
  config: { NODE_ENV: string; DEMO_MODE: boolean },
): Promise<string | null> {
  if (config.NODE_ENV !== "production" || config.DEMO_MODE) return null;
  const usernames = await accountsWithPublishedPasswords(db);
  return usernames.length > 0 ? publishedPasswordsMessage(usernames) : null;
}
