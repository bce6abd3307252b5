import { passwordSchema, usernameSchema, displayNameSchema } from "~/accounts/account-forms";
import type { PrismaClient } from "~/utils/db.server";
import { translate } from "~/utils/i18n";
import { isMessageKey } from "~/utils/i18n";
import { accountsWithPublishedPasswords } from "./demo-mode.server";
import { hashPassword } from "./passwords.server";

export type AdminInput = { username: string; displayName: string; password: string };
export type CreateAdminResult = { ok: true; username: string } | { ok: false; problems: string[] };

/** `npm run admin:create`: the first administrator, with a password nobody has read in a README. */
export async function createAdministrator(db: PrismaClient, input: AdminInput): Promise<CreateAdminResult> {
  const problems: string[] = [];
  const fields = [
    usernameSchema.safeParse(input.username),
    displayNameSchema.safeParse(input.displayName),
    passwordSchema.safeParse(input.password),
  ];
  for (const field of fields) {
    if (field.success) continue;
    const key = field.error.issues[0]?.message ?? "";
    problems.push(isMessageKey(key) ? translate("vi", key, { username: input.username }) : key);
  }
  if (problems.length > 0) return { ok: false, problems };
  const username = usernameSchema.parse(input.username);
  if (await db.user.findUnique({ where: { username }, select: { id: true } })) {
    return { ok: false, problems: [translate("vi", "auth.usernameTaken", { username })] };
  }
  const user = await db.user.create({
    data: { username, displayName: input.displayName.trim(), role: "admin", passwordHash: await hashPassword(input.password) },
    select: { id: true },
  });
  await db.auditEntry.create({ data: { actorId: user.id, action: "user.created", subject: username, detail: "admin (admin:create)" } });
  return { ok: true, username };
}

/**
 * `npm run accounts:lock-demo`: every active account that still accepts a README password is
 * disabled, its password replaced by a value no password matches, and its sessions ended.
 */
export async function lockPublishedPasswordAccounts(db: PrismaClient, now = new Date()): Promise<string[]> {
  const usernames = await accountsWithPublishedPasswords(db);
  for (const username of usernames) {
    const user = await db.user.update({
      where: { username },
      data: { disabledAt: now, passwordHash: "!locked" },
      select: { id: true },
    });
    await db.session.deleteMany({ where: { userId: user.id } });
    await db.auditEntry.create({ data: { actorId: null, action: "user.disabled", subject: username, detail: "README password (accounts:lock-demo)" } });
  }
  return usernames;
}
