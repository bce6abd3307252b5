import { resetDatabase, testPrisma } from "../../tests/setup/test-database";

import { createHash } from "node:crypto";
import bcrypt from "bcryptjs";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createUser, getUserFromCookie, verifyCredentials, type SessionUser } from "~/utils/auth.server";
import { createSession, SESSION_IDLE_MS, SESSION_MAX_AGE_MS, SESSION_TOUCH_MS, sessionCookie } from "~/utils/session.server";
import {
  adminSetPassword,
  changeOwnPassword,
  issueResetCode,
  redeemResetCode,
  RESET_CODE_LIFETIME_MS,
  setAccountDisabled,
} from "./account-security.server";
import { createAdministrator, lockPublishedPasswordAccounts } from "./admin-setup.server";
import { demoAccounts } from "./demo-accounts";
import { productionStartProblem } from "./demo-mode.server";
import { signInFailures } from "~/ops/metrics.server";
import { signIn } from "./sign-in.server";
import { createAuthThrottle } from "./throttle.server";

beforeEach(resetDatabase);
// Every test hashes with argon2 (≈ 0.1–0.4 s each on a busy 2-core machine); the start guard test does 24.
vi.setConfig({ testTimeout: 60_000 });

async function makeUser(username: string, role: SessionUser["role"] = "participant", password = "mat-khau-tot-1", unitId: string | null = null) {
  const created = await createUser({ username, displayName: username, password, role, unitId });
  if (!created.ok) throw new Error(created.error);
  return created.user;
}

async function cookieFor(userId: string, now = new Date()): Promise<string> {
  return (await createSession(userId, now)).split(";")[0];
}

async function makeUnit(code: string) {
  return testPrisma.unit.create({ data: { code, name: code, kind: "school" }, select: { id: true } });
}

describe("demo accounts and the production start", () => {
  const production = { NODE_ENV: "production", DEMO_MODE: false };

  it("refuses a production start while an account accepts a README password, and says how to fix it", async () => {
    await makeUser("admin", "admin", "asean-admin");
    await makeUser("giaovien", "teacher", "asean-teacher");
    // An admin under another name who reused a published password is caught as well.
    await makeUser("quantri2", "admin", "asean-host");
    await makeUser("hocsinh-that", "participant", "mat-khau-rieng-1");
    const problem = await productionStartProblem(testPrisma, production);
    expect(problem).toContain("admin, giaovien, quantri2");
    expect(problem).not.toContain("hocsinh-that");
    expect(problem).toContain("npm run admin:create");
    expect(problem).toContain("npm run accounts:lock-demo");
    expect(problem).toContain("DEMO_MODE=true");
  });

  it("lets the demo run in demo mode and a development server run at all", async () => {
    await makeUser("admin", "admin", "asean-admin");
    expect(await productionStartProblem(testPrisma, { NODE_ENV: "production", DEMO_MODE: true })).toBeNull();
    expect(await productionStartProblem(testPrisma, { NODE_ENV: "development", DEMO_MODE: false })).toBeNull();
  });

  it("starts once the demo accounts are locked and a real administrator exists", async () => {
    for (const account of demoAccounts) await makeUser(account.username, account.role, account.password);
    const created = await createAdministrator(testPrisma, { username: "quantri", displayName: "Quản trị", password: "mot-mat-khau-dai-1" });
    expect(created).toEqual({ ok: true, username: "quantri" });
    const locked = await lockPublishedPasswordAccounts(testPrisma);
    expect(locked.sort()).toEqual(demoAccounts.map((account) => account.username).sort());
    expect(await productionStartProblem(testPrisma, production)).toBeNull();
    expect((await verifyCredentials("admin", "asean-admin")).ok).toBe(false);
    expect((await verifyCredentials("quantri", "mot-mat-khau-dai-1")).ok).toBe(true);
  });

  it("admin:create refuses a README password, a short one and a taken name, in Vietnamese", async () => {
    const published = await createAdministrator(testPrisma, { username: "quantri", displayName: "Quản trị", password: "asean-admin" });
    expect(published).toEqual({ ok: false, problems: [expect.stringContaining("mật khẩu mẫu công khai")] });
    const short = await createAdministrator(testPrisma, { username: "quantri", displayName: "Quản trị", password: "ngan" });
    expect(short).toEqual({ ok: false, problems: ["Mật khẩu cần ít nhất 8 ký tự."] });
    await makeUser("quantri", "teacher");
    const taken = await createAdministrator(testPrisma, { username: "quantri", displayName: "Quản trị", password: "mot-mat-khau-dai-1" });
    expect(taken.ok).toBe(false);
    expect(await testPrisma.user.count({ where: { role: "admin" } })).toBe(0);
  });
});

describe("password hashing", () => {
  it("stores argon2id, never the password", async () => {
    const user = await makeUser("an", "participant", "mat-khau-tot-1");
    const row = await testPrisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(row.passwordHash).not.toContain("mat-khau-tot-1");
    expect((await verifyCredentials("an", "mat-khau-tot-1")).ok).toBe(true);
    expect(await verifyCredentials("an", "mat-khau-sai-1")).toEqual({ ok: false, reason: "wrong-credentials" });
    expect(await verifyCredentials("khong-co", "mat-khau-tot-1")).toEqual({ ok: false, reason: "wrong-credentials" });
  });

  it("verifies a bcrypt hash from before and replaces it with argon2id at the next sign-in", async () => {
    const user = await testPrisma.user.create({
      data: { username: "cu", displayName: "Cũ", role: "teacher", passwordHash: await bcrypt.hash("mat-khau-cu-1", 10) },
    });
    expect((await verifyCredentials("cu", "mat-khau-sai-1")).ok).toBe(false);
    const stillBcrypt = await testPrisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(stillBcrypt.passwordHash).toMatch(/^\$2[ab]\$/);

    const result = await verifyCredentials("cu", "mat-khau-cu-1");
    expect(result).toEqual({ ok: true, user: expect.objectContaining({ id: user.id, role: "teacher" }) });
    const upgraded = await testPrisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(upgraded.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await verifyCredentials("cu", "mat-khau-cu-1")).ok).toBe(true);
  });
});

describe("sessions", () => {
  it("keeps only the sha-256 of the cookie's id in the database", async () => {
    const user = await makeUser("an");
    const cookie = await cookieFor(user.id);
    const id = (await sessionCookie.parse(cookie)) as string;
    const rows = await testPrisma.session.findMany({ select: { id: true } });
    expect(rows).toEqual([{ id: createHash("sha256").update(id).digest("hex") }]);
    expect(rows[0].id).not.toBe(id);
    expect((await getUserFromCookie(cookie))?.id).toBe(user.id);
    // The stored value itself, sent as a cookie, signs no one in.
    expect(await getUserFromCookie(await sessionCookie.serialize(rows[0].id))).toBeNull();
  });

  it("ends after a period of inactivity, and refreshes last-seen at most every few minutes", async () => {
    const user = await makeUser("an");
    const start = new Date("2026-12-07T08:00:00Z");
    const at = (ms: number) => new Date(start.getTime() + ms);
    const cookie = await cookieFor(user.id, start);
    const lastSeen = async () => (await testPrisma.session.findFirstOrThrow({ select: { lastSeenAt: true } })).lastSeenAt.getTime();

    expect(await getUserFromCookie(cookie, at(SESSION_TOUCH_MS - 1000))).not.toBeNull();
    expect(await lastSeen()).toBe(start.getTime()); // not written on every request
    const touchedAt = SESSION_IDLE_MS - 60_000;
    expect(await getUserFromCookie(cookie, at(touchedAt))).not.toBeNull();
    expect(await lastSeen()).toBe(at(touchedAt).getTime());
    // Active again within the idle window: still signed in, a day and more after the start.
    expect(await getUserFromCookie(cookie, at(touchedAt + SESSION_IDLE_MS - 1000))).not.toBeNull();
    // Then silence for the whole idle window: gone, and the row with it.
    expect(await getUserFromCookie(cookie, at(touchedAt + 2 * SESSION_IDLE_MS))).toBeNull();
    expect(await testPrisma.session.count()).toBe(0);
  });

  it("ends at the maximum age however active it is", async () => {
    const user = await makeUser("an");
    const start = new Date("2026-12-07T08:00:00Z");
    const cookie = await cookieFor(user.id, start);
    let now = start.getTime();
    while (now + SESSION_IDLE_MS / 2 < start.getTime() + SESSION_MAX_AGE_MS) {
      now += SESSION_IDLE_MS / 2;
      expect(await getUserFromCookie(cookie, new Date(now))).not.toBeNull();
    }
    expect(await getUserFromCookie(cookie, new Date(start.getTime() + SESSION_MAX_AGE_MS))).toBeNull();
  });
});

describe("changing, resetting and disabling", () => {
  it("changes one's own password only with the current one, and ends every session", async () => {
    const user = await makeUser("an", "participant", "mat-khau-cu-1");
    const cookie = await cookieFor(user.id);
    expect(await changeOwnPassword(user.id, "sai-mat-khau", "mat-khau-moi-1")).toEqual({ ok: false, error: "wrong-password" });
    expect(await getUserFromCookie(cookie)).not.toBeNull();
    expect(await changeOwnPassword(user.id, "mat-khau-cu-1", "mat-khau-moi-1")).toEqual({ ok: true });
    expect(await getUserFromCookie(cookie)).toBeNull();
    expect((await verifyCredentials("an", "mat-khau-cu-1")).ok).toBe(false);
    expect((await verifyCredentials("an", "mat-khau-moi-1")).ok).toBe(true);
  });

  it("lets an admin reset anyone's password, ending their sessions, and disable an account", async () => {
    const admin = await makeUser("quantri", "admin");
    const host = await makeUser("dan", "host", "mat-khau-cu-1");
    const cookie = await cookieFor(host.id);
    expect(await adminSetPassword(admin, host.id, "mat-khau-moi-1")).toEqual({ ok: true });
    expect(await getUserFromCookie(cookie)).toBeNull();
    expect((await verifyCredentials("dan", "mat-khau-moi-1")).ok).toBe(true);

    const second = await cookieFor(host.id);
    expect(await setAccountDisabled(admin, host.id, true)).toEqual({ ok: true });
    expect(await getUserFromCookie(second)).toBeNull();
    expect(await verifyCredentials("dan", "mat-khau-moi-1")).toEqual({ ok: false, reason: "disabled" });
    expect(await setAccountDisabled(admin, admin.id, true)).toEqual({ ok: false, error: "self" });
    expect(await setAccountDisabled(admin, host.id, false)).toEqual({ ok: true });
    expect((await verifyCredentials("dan", "mat-khau-moi-1")).ok).toBe(true);
    const actions = await testPrisma.auditEntry.findMany({ select: { action: true }, orderBy: { createdAt: "asc" } });
    expect(actions.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(["user.password-reset", "user.disabled", "user.enabled"]),
    );
  });
});

describe("one-time reset codes", () => {
  it("a teacher issues a code for a pupil of their school; it works once", async () => {
    const school = await makeUnit("thcs-a");
    const teacher = await makeUser("co-lan", "teacher", "mat-khau-co-1", school.id);
    const pupil = await makeUser("em-an", "participant", "quen-mat-roi-1", school.id);
    const pupilCookie = await cookieFor(pupil.id);
    const issued = await issueResetCode(teacher, pupil.id);
    if (!issued.ok) throw new Error(issued.error);
    expect(issued.code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const stored = await testPrisma.passwordResetCode.findFirstOrThrow({ select: { codeHash: true } });
    expect(stored.codeHash).not.toContain(issued.code.replace("-", ""));

    const code = issued.code.replace("-", "");
    expect(await redeemResetCode({ username: "em-an", code, newPassword: "mat-khau-moi-1" })).toEqual({ ok: true, userId: pupil.id });
    expect(await getUserFromCookie(pupilCookie)).toBeNull();
    expect((await verifyCredentials("em-an", "mat-khau-moi-1")).ok).toBe(true);
    // Spent: the same code again changes nothing.
    expect(await redeemResetCode({ username: "em-an", code, newPassword: "mat-khau-khac-1" })).toEqual({ ok: false, error: "invalid-code" });
    expect((await verifyCredentials("em-an", "mat-khau-moi-1")).ok).toBe(true);
  });

  it("refuses a teacher of another school, staff accounts, an expired code and an earlier code", async () => {
    const schoolA = await makeUnit("thcs-a");
    const schoolB = await makeUnit("thcs-b");
    const teacherB = await makeUser("co-binh", "teacher", "mat-khau-co-1", schoolB.id);
    const teacherA = await makeUser("co-lan", "teacher", "mat-khau-co-1", schoolA.id);
    const pupil = await makeUser("em-an", "participant", "quen-mat-roi-1", schoolA.id);
    const admin = await makeUser("quantri", "admin");
    expect(await issueResetCode(teacherB, pupil.id)).toEqual({ ok: false, error: "forbidden" });
    expect(await issueResetCode(teacherA, teacherB.id)).toEqual({ ok: false, error: "forbidden" });
    expect((await issueResetCode(admin, teacherB.id)).ok).toBe(true);

    const issuedAt = new Date("2026-12-07T08:00:00Z");
    const first = await issueResetCode(teacherA, pupil.id, issuedAt);
    const second = await issueResetCode(teacherA, pupil.id, issuedAt);
    if (!first.ok || !second.ok) throw new Error("not issued");
    const codeOf = (issued: { code: string }) => issued.code.replace("-", "");
    expect(await redeemResetCode({ username: "em-an", code: codeOf(first), newPassword: "mat-khau-moi-1", now: issuedAt })).toEqual({
      ok: false,
      error: "invalid-code",
    });
    const late = new Date(issuedAt.getTime() + RESET_CODE_LIFETIME_MS);
    expect(await redeemResetCode({ username: "em-an", code: codeOf(second), newPassword: "mat-khau-moi-1", now: late })).toEqual({
      ok: false,
      error: "invalid-code",
    });
    expect(await redeemResetCode({ username: "co-lan", code: codeOf(second), newPassword: "mat-khau-moi-1", now: issuedAt })).toEqual({
      ok: false,
      error: "invalid-code",
    });
    expect((await verifyCredentials("em-an", "quen-mat-roi-1")).ok).toBe(true);
  });
});

describe("throttling sign-in", () => {
  it("refuses guesses at one account past its bucket, records each wrong password, and refills with time", async () => {
    await makeUser("em-an", "participant", "mat-khau-dung-1");
    const throttle = createAuthThrottle({
      signInPerAccount: { capacity: 3, refillPerSecond: 1 / 30 },
      signInPerAddress: { capacity: 100, refillPerSecond: 1 },
      signUpPerAddress: { capacity: 2, refillPerSecond: 1 / 20 },
      resetPerAccount: { capacity: 2, refillPerSecond: 1 / 60 },
      resetPerAddress: { capacity: 10, refillPerSecond: 1 / 10 },
    });
    const now = 1_800_000_000_000;
    const failuresBefore = (await signInFailures.get()).values[0]?.value ?? 0;
    const attempt = (password: string, address: string, at = now) => signIn({ username: "em-an", password, address, now: at }, throttle);
    for (let index = 0; index < 3; index += 1) expect((await attempt(`sai-${index}`, `10.0.0.${index}`)).ok).toBe(false);
    // Even the right password from a fresh address waits: the limit is on the account.
    expect(await attempt("mat-khau-dung-1", "10.0.0.9")).toEqual({ ok: false, reason: "throttled" });
    expect((await attempt("mat-khau-dung-1", "10.0.0.9", now + 31_000)).ok).toBe(true);
    // A right password gives its token back: a teacher signing in all day is never throttled.
    for (let index = 0; index < 5; index += 1) expect((await attempt("mat-khau-dung-1", "10.0.0.9", now + 31_000)).ok).toBe(true);

    const failures = await testPrisma.auditEntry.findMany({ where: { action: "auth.sign-in-failed" }, select: { subject: true, detail: true } });
    expect(failures).toHaveLength(3);
    expect(failures[0]).toEqual({ subject: "em-an", detail: expect.stringMatching(/^10\.0\.0\./) });
    // The operator's metric counts the three wrong passwords and the throttled one.
    expect(((await signInFailures.get()).values[0]?.value ?? 0) - failuresBefore).toBe(4);
  });

  it("refuses one address guessing across many accounts; sign-up is limited per address", async () => {
    const throttle = createAuthThrottle({
      signInPerAccount: { capacity: 100, refillPerSecond: 1 },
      signInPerAddress: { capacity: 5, refillPerSecond: 1 / 10 },
      signUpPerAddress: { capacity: 2, refillPerSecond: 1 / 20 },
      resetPerAccount: { capacity: 2, refillPerSecond: 1 / 60 },
      resetPerAddress: { capacity: 10, refillPerSecond: 1 / 10 },
    });
    const now = 1_800_000_000_000;
    const reasons: string[] = [];
    for (let index = 0; index < 7; index += 1) {
      const result = await signIn({ username: `user-${index}`, password: "x", address: "203.0.113.7", now }, throttle);
      reasons.push(result.ok ? "ok" : result.reason);
    }
    expect(reasons).toEqual([...Array(5).fill("wrong-credentials"), "throttled", "throttled"]);
    const other = await signIn({ username: "user-0", password: "x", address: "203.0.113.8", now }, throttle);
    expect(other).toEqual({ ok: false, reason: "wrong-credentials" });
    expect(throttle.signUp("198.51.100.1", now)).toBe(true);
    expect(throttle.signUp("198.51.100.1", now)).toBe(true);
    expect(throttle.signUp("198.51.100.1", now)).toBe(false);
    expect(throttle.signUp("198.51.100.2", now)).toBe(true);
  });
});
