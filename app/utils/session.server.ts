import { randomBytes } from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { prisma } from "./db.server";
import { env } from "./env.server";

const SESSION_LIFETIME_MS = 1000 * 60 * 60 * 24 * 30;

// The cookie holds only an opaque id; the session lives in the database so it can be revoked.
export const sessionCookie = createCookie("sca_session", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: SESSION_LIFETIME_MS / 1000,
});

function cookieOptions() {
  const config = env();
  return { secure: config.COOKIE_SECURE ?? config.NODE_ENV === "production" };
}

export async function readSessionId(cookieHeader: string | null | undefined): Promise<string | null> {
  const value = await sessionCookie.parse(cookieHeader ?? null);
  return typeof value === "string" && value.length > 0 ? value : null;
}

export async function createSession(userId: string, now = new Date()): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await prisma.session.create({
    data: { id, userId, expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS) },
  });
  return sessionCookie.serialize(id, cookieOptions());
}

export async function destroySession(request: Request): Promise<string> {
  const sessionId = await readSessionId(request.headers.get("Cookie"));
  if (sessionId) await prisma.session.deleteMany({ where: { id: sessionId } });
  return sessionCookie.serialize("", { ...cookieOptions(), maxAge: 0 });
}

/** Revokes every session of a user, e.g. after a role change or on request. */
export async function revokeUserSessions(userId: string): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { userId } });
  return count;
}

export async function redirectWithNewSession(userId: string, to: string): Promise<Response> {
  return redirect(to, { headers: { "Set-Cookie": await createSession(userId) } });
}
