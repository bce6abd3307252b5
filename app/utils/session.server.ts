import { createHash, randomBytes } from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { prisma } from "./db.server";
import { env } from "./env.server";
import { preparedReads } from "./prepared-reads.server";

/** A session ends at this age whatever happens… */
export const SESSION_MAX_AGE_MS = 1000 * 60 * 60 * 24 * 30;
/** …and earlier after this long without a request (a shared computer in a school lab). */
export const SESSION_IDLE_MS = 1000 * 60 * 60 * 24;
/** lastSeenAt is written at most this often per session, not on every request. */
export const SESSION_TOUCH_MS = 1000 * 60 * 10;

// The cookie holds only an opaque id; the session lives in the database, keyed by the id's sha-256,
// so it can be revoked and a copy of the database signs no one in.
export const sessionCookie = createCookie("sca_session", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: SESSION_MAX_AGE_MS / 1000,
});

function cookieOptions() {
  const config = env();
  return { secure: config.COOKIE_SECURE ?? config.NODE_ENV === "production" };
}

export function hashSessionId(id: string): string {
  return createHash("sha256").update(id).digest("hex");
}

export async function readSessionId(cookieHeader: string | null | undefined): Promise<string | null> {
  const value = await sessionCookie.parse(cookieHeader ?? null);
  return typeof value === "string" && value.length > 0 && value.length <= 128 ? value : null;
}

/** Creates a session and returns the Set-Cookie header carrying its id. */
export async function createSession(userId: string, now = new Date()): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await prisma.session.create({
    data: { id: hashSessionId(id), userId, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_MS) },
  });
  // Expired rows of this user go at sign-in, so the table does not grow with old sessions.
  await prisma.session.deleteMany({
    where: { userId, OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: new Date(now.getTime() - SESSION_IDLE_MS) } }] },
  });
  return sessionCookie.serialize(id, cookieOptions());
}

/** The session and its user, as `findLiveSession` needs them. */
const SESSION_READ = `SELECT s."expiresAt", s."lastSeenAt", u."id", u."username", u."displayName", u."role", u."unitId", u."disabledAt"
  FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."id" = ?`;
const SESSION_DATES = ["expiresAt", "lastSeenAt", "disabledAt"] as const;
type SessionRow = {
  expiresAt: Date;
  lastSeenAt: Date;
  id: string;
  username: string;
  displayName: string;
  role: string;
  unitId: string | null;
  disabledAt: Date | null;
};

/**
 * The live session behind a cookie id at `now`: past its maximum age or idle too long it is deleted
 * and null comes back; otherwise lastSeenAt moves forward (at most once per SESSION_TOUCH_MS).
 */
export async function findLiveSession(sessionId: string, now = new Date()) {
  const key = hashSessionId(sessionId);
  // Every signed-in request reads this: a prepared statement, not Prisma (prepared-reads.server.ts, decision 040).
  const row = await preparedReads().one<SessionRow>(SESSION_READ, [key], SESSION_DATES);
  if (!row) return null;
  const { expiresAt, lastSeenAt, ...user } = row;
  const session = { expiresAt, lastSeenAt, user };
  const idleSince = now.getTime() - session.lastSeenAt.getTime();
  if (session.expiresAt <= now || idleSince >= SESSION_IDLE_MS || session.user.disabledAt) {
    await prisma.session.deleteMany({ where: { id: key } });
    return null;
  }
  if (idleSince >= SESSION_TOUCH_MS) {
    await prisma.session.updateMany({ where: { id: key }, data: { lastSeenAt: now } });
  }
  return session.user;
}

export async function destroySession(request: Request): Promise<string> {
  const sessionId = await readSessionId(request.headers.get("Cookie"));
  if (sessionId) await prisma.session.deleteMany({ where: { id: hashSessionId(sessionId) } });
  return sessionCookie.serialize("", { ...cookieOptions(), maxAge: 0 });
}

type RevocationListener = (userId: string) => void;
const revocationListeners = new Set<RevocationListener>();

/**
 * Called with a user id whenever that user's sessions are revoked in this process, so open sockets
 * can drop rights they took from a session (app/realtime/io.server.ts). Returns the unsubscribe.
 */
export function onSessionsRevoked(listener: RevocationListener): () => void {
  revocationListeners.add(listener);
  return () => revocationListeners.delete(listener);
}

/** Revokes every session of a user: a role change, a password reset, a disabled account. */
export async function revokeUserSessions(userId: string): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { userId } });
  for (const listener of revocationListeners) listener(userId);
  return count;
}

export async function redirectWithNewSession(userId: string, to: string): Promise<Response> {
  return redirect(to, { headers: { "Set-Cookie": await createSession(userId) } });
}
