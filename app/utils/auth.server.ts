import bcrypt from "bcryptjs";
import { redirect } from "@remix-run/node";
import { prisma } from "./db.server";
import type { Role } from "./roles";
import { isRole } from "./roles";
import { readSessionId } from "./session.server";

const BCRYPT_COST = 10;
// Compared against when the username does not exist, so both paths cost one bcrypt comparison.
const UNKNOWN_USER_HASH = bcrypt.hashSync("unknown-user-placeholder", BCRYPT_COST);

export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
};

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export async function verifyCredentials(username: string, password: string): Promise<SessionUser | null> {
  const user = await prisma.user.findUnique({
    where: { username: username.toLowerCase() },
    select: { id: true, username: true, displayName: true, role: true, unitId: true, passwordHash: true },
  });
  const matches = await bcrypt.compare(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!user || !matches || !isRole(user.role)) return null;
  const { passwordHash: _hash, ...sessionUser } = user;
  return { ...sessionUser, role: user.role };
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
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    select: {
      expiresAt: true,
      user: { select: { id: true, username: true, displayName: true, role: true, unitId: true } },
    },
  });
  if (!session || session.expiresAt <= now || !isRole(session.user.role)) return null;
  return { ...session.user, role: session.user.role } satisfies SessionUser;
}

export function getUser(request: Request): Promise<SessionUser | null> {
  return getUserFromCookie(request.headers.get("Cookie"));
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

/** Only same-site relative paths, so a crafted link cannot send someone elsewhere after sign-in. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
