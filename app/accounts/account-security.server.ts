import { createHash, randomInt } from "node:crypto";
import type { SessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { revokeUserSessions } from "~/utils/session.server";
import { hashPassword, verifyPassword } from "./passwords.server";

// Changing, resetting and disabling accounts. Every path that changes who can sign in ends all of
// the account's sessions (and, through onSessionsRevoked, its sockets' host rights).

export const RESET_CODE_LIFETIME_MS = 1000 * 60 * 60 * 24;
// No 0/O, 1/I/L: the code is read from a teacher's screen or a note.
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const CODE_LENGTH = 10;

export type AccountResult = { ok: true } | { ok: false; error: AccountError };
export type AccountError = "wrong-password" | "unknown-user" | "forbidden" | "self" | "invalid-code";

export async function changeOwnPassword(userId: string, currentPassword: string, newPassword: string): Promise<AccountResult> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { username: true, passwordHash: true } });
  if (!user) return { ok: false, error: "unknown-user" };
  if (!(await verifyPassword(user.passwordHash, currentPassword)).ok) return { ok: false, error: "wrong-password" };
  await prisma.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(newPassword) } });
  await revokeUserSessions(userId);
  await prisma.auditEntry.create({ data: { actorId: userId, action: "user.password-changed", subject: user.username } });
  return { ok: true };
}

export async function adminSetPassword(admin: SessionUser, targetId: string, newPassword: string): Promise<AccountResult> {
  const target = await prisma.user.findUnique({ where: { id: targetId }, select: { username: true } });
  if (!target) return { ok: false, error: "unknown-user" };
  await prisma.user.update({ where: { id: targetId }, data: { passwordHash: await hashPassword(newPassword) } });
  await revokeUserSessions(targetId);
  await prisma.auditEntry.create({ data: { actorId: admin.id, action: "user.password-reset", subject: target.username } });
  return { ok: true };
}

export async function setAccountDisabled(admin: SessionUser, targetId: string, disabled: boolean, now = new Date()): Promise<AccountResult> {
  if (targetId === admin.id) return { ok: false, error: "self" };
  const target = await prisma.user.findUnique({ where: { id: targetId }, select: { username: true } });
  if (!target) return { ok: false, error: "unknown-user" };
  await prisma.user.update({ where: { id: targetId }, data: { disabledAt: disabled ? now : null } });
  if (disabled) await revokeUserSessions(targetId);
  await prisma.auditEntry.create({
    data: { actorId: admin.id, action: disabled ? "user.disabled" : "user.enabled", subject: target.username },
  });
  return { ok: true };
}

type ResetTarget = { id: string; role: string; unitId: string | null; profileUnitId: string | null };

/** An admin may reset anyone; a teacher only a participant of the teacher's own school. */
export function canIssueResetCode(issuer: Pick<SessionUser, "id" | "role" | "unitId">, target: ResetTarget): boolean {
  if (issuer.id === target.id) return false;
  if (issuer.role === "admin") return true;
  if (issuer.role !== "teacher" || !issuer.unitId || target.role !== "participant") return false;
  return target.unitId === issuer.unitId || target.profileUnitId === issuer.unitId;
}

export function hashResetCode(userId: string, code: string): string {
  return createHash("sha256").update(`${userId}:${code}`).digest("hex");
}

function newResetCode(): string {
  let code = "";
  for (let index = 0; index < CODE_LENGTH; index += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** "ABCDE-FGHJK": how a code is shown. */
export function formatResetCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export type IssueResult = { ok: true; code: string; expiresAt: Date; username: string } | { ok: false; error: AccountError };

/** A new one-time code for `targetId`; the account's earlier unused codes stop working. */
export async function issueResetCode(issuer: SessionUser, targetId: string, now = new Date()): Promise<IssueResult> {
  const target = await prisma.user.findUnique({
    where: { id: targetId },
    select: { id: true, username: true, role: true, unitId: true, participantProfile: { select: { unitId: true } } },
  });
  if (!target) return { ok: false, error: "unknown-user" };
  const allowed = canIssueResetCode(issuer, {
    id: target.id,
    role: target.role,
    unitId: target.unitId,
    profileUnitId: target.participantProfile?.unitId ?? null,
  });
  if (!allowed) return { ok: false, error: "forbidden" };
  const code = newResetCode();
  const expiresAt = new Date(now.getTime() + RESET_CODE_LIFETIME_MS);
  await prisma.$transaction([
    prisma.passwordResetCode.updateMany({ where: { userId: target.id, usedAt: null }, data: { usedAt: now } }),
    prisma.passwordResetCode.create({
      data: { userId: target.id, codeHash: hashResetCode(target.id, code), issuedById: issuer.id, expiresAt, createdAt: now },
    }),
    prisma.auditEntry.create({ data: { actorId: issuer.id, action: "user.reset-code-issued", subject: target.username } }),
  ]);
  return { ok: true, code: formatResetCode(code), expiresAt, username: target.username };
}

export type RedeemResult = { ok: true; userId: string } | { ok: false; error: "invalid-code" };

/**
 * The pupil's side: username + code + new password. The code is spent by a conditional update, so
 * two requests racing with one code cannot both succeed. Every refusal looks the same.
 */
export async function redeemResetCode(input: { username: string; code: string; newPassword: string; now?: Date }): Promise<RedeemResult> {
  const now = input.now ?? new Date();
  const user = await prisma.user.findUnique({ where: { username: input.username }, select: { id: true, username: true, disabledAt: true } });
  if (!user || user.disabledAt) return { ok: false, error: "invalid-code" };
  const codeHash = hashResetCode(user.id, input.code);
  const passwordHash = await hashPassword(input.newPassword);
  const spent = await prisma.passwordResetCode.updateMany({
    where: { codeHash, userId: user.id, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (spent.count !== 1) return { ok: false, error: "invalid-code" };
  await prisma.user.update({ where: { id: user.id }, data: { passwordHash } });
  await revokeUserSessions(user.id);
  await prisma.auditEntry.create({ data: { actorId: user.id, action: "user.password-reset-with-code", subject: user.username } });
  return { ok: true, userId: user.id };
}
