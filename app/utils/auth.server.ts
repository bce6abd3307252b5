import { redirect } from "@remix-run/node";
import { hashPassword, placeholderHash, verifyPassword } from "~/accounts/passwords.server";
import { prisma } from "./db.server";
import type { Role } from "./roles";
import { isRole } from "./roles";
import { findLiveSession, readSessionId } from "./session.server";

export { hashPassword } from "~/accounts/passwords.server";
export { safeRedirectPath } from "./safe-redirect";

export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
};

export type CredentialsResult = { ok: true; user: SessionUser } | { ok: false; reason: "wrong-credentials" | "disabled" };

/**
 * Username and password → the user. A bcrypt hash from before argon2 is replaced by an argon2id
 * one here, at the first sign-in that proves the password. A disabled account is refused only
 * after the right password, so the answer tells a stranger nothing.
 */
export async function verifyCredentials(username: string, password: string): Promise<CredentialsResult> {
  const user = await prisma.user.findUnique({
    where: { username: username.trim().toLowerCase() },
    select: { id: true, username: true, displayName: true, role: true, unitId: true, passwordHash: true, disabledAt: true },
  });
  const check = await verifyPassword(user?.passwordHash ?? (await placeholderHash()), password);
  if (!user || !check.ok || !isRole(user.role)) return { ok: false, reason: "wrong-credentials" };
  if (user.disabledAt) return { ok: false, reason: "disabled" };
  if (check.needsRehash) {
    // Only if the hash is still the one just checked: a concurrent password change wins.
    await prisma.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash },
      data: { passwordHash: await hashPassword(password) },
    });
  }
  return { ok: true, user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unitId: user.unitId } };
}

export type CreateUserResult = { ok: true; user: SessionUser } | { ok: false; error: "username-taken" };

export async function createUser(input: {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unitId?: string | null;
}): Promise<CreateUserResult> {
  const username = input.username.toLowerCase();
  const existing = await prisma.user.findUnique({ where: { username }, select: { id: true } });
  if (existing) return { ok: false, error: "username-taken" };
  try {
    const user = await prisma.user.create({
      data: {
        username,
        displayName: input.displayName,
        passwordHash: await hashPassword(input.password),
        role: input.role,
        unitId: input.unitId ?? null,
      },
      select: { id: true, username: true, displayName: true, role: true, unitId: true },
    });
    return { ok: true, user: { ...user, role: input.role } };
  } catch (error) {
    // Two sign-ups for one name at the same moment: the unique index decides.
    if (isUniqueConstraintError(error)) return { ok: false, error: "username-taken" };
    throw error;
  }
}

function isUniqueConstraintError(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

/** The user behind a session cookie, or null when there is none or it expired. */
export async function getUserFromCookie(cookieHeader: string | null | undefined, now = new Date()) {
  const sessionId = await readSessionId(cookieHeader);
  if (!sessionId) return null;
  const user = await findLiveSession(sessionId, now);
  if (!user || !isRole(user.role)) return null;
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unitId: user.unitId } satisfies SessionUser;
}

// Lookups of one session that are running right now, shared: Remix runs the root loader and the
// page's loader of one request side by side, and both ask who the user is. A lookup is shared only
// while it runs, so nothing is remembered between requests (a revoked session is refused at once).
const lookupsRunning = new Map<string, Promise<SessionUser | null>>();

export function getUser(request: Request): Promise<SessionUser | null> {
  const cookie = request.headers.get("Cookie") ?? "";
  const running = lookupsRunning.get(cookie);
  if (running) return running;
  const lookup = getUserFromCookie(cookie);
  lookupsRunning.set(cookie, lookup);
  const forget = () => {
    lookupsRunning.delete(cookie);
  };
  lookup.then(forget, forget);
  return lookup;
}

/**
 * The one guard for routes: signed in, and (when roles are given) holding one of them.
 * Admins pass every role check. Not signed in → redirect to sign-in; wrong role → 403.
 */
export async function requireUser(request: Request, ...allowed: Role[]): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    const redirectTo = `${url.pathname}${url.search}`;
    throw redirect(`/login?${new URLSearchParams({ redirectTo })}`);
  }
  if (allowed.length > 0 && user.role !== "admin" && !allowed.includes(user.role)) {
    throw new Response("Forbidden", { status: 403 });
  }
  return user;
}
