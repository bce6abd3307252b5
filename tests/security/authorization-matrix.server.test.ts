import { resetDatabase, testPrisma } from "../setup/test-database";

import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSession } from "~/utils/session.server";
import type { Role } from "~/utils/roles";

// Every route file × every role × GET/POST, generated from app/routes: each route module's loader
// and action are called with a real Request carrying a real session of that role, against the real
// SQLite test database. A route file with no line in EXPECTED fails this test — decide who may use
// a new page when you add it.

/** "token": nobody passes without a secret in the URL that only its owner has (the display's token). */
type Access = "public" | "signed-in" | "token" | readonly Role[] | "none";
/** `read` is the loader (GET), `write` the action (POST); "none" when the module has no such export. Admins pass every role list. */
const EXPECTED: Record<string, { read: Access; write: Access }> = {
  "_index.tsx": { read: "public", write: "none" },
  "account.tsx": { read: "signed-in", write: "signed-in" },
  "admin._index.tsx": { read: ["admin"], write: "none" },
  "admin.audit.tsx": { read: ["admin"], write: "none" },
  "admin.organisation.tsx": { read: ["admin"], write: ["admin"] },
  "admin.unit-requests.tsx": { read: ["admin"], write: ["admin"] },
  "admin.units._index.tsx": { read: ["admin"], write: ["admin"] },
  "admin.units.import.tsx": { read: ["admin"], write: ["admin"] },
  "admin.users.tsx": { read: ["admin"], write: ["admin"] },
  "admin.users_.$userId.tsx": { read: ["admin"], write: ["admin"] },
  "bank.$questionId._index.tsx": { read: ["organizer", "teacher"], write: "none" },
  "bank.$questionId.edit.tsx": { read: ["organizer"], write: ["organizer"] },
  "bank._index.tsx": { read: ["organizer", "teacher"], write: "none" },
  "bank.export[.]csv.tsx": { read: ["organizer", "teacher"], write: "none" },
  "bank.export[.]xlsx.tsx": { read: ["organizer", "teacher"], write: "none" },
  "bank.import.tsx": { read: ["organizer", "teacher"], write: ["organizer", "teacher"] },
  "bank.new.tsx": { read: ["organizer", "teacher"], write: ["organizer", "teacher"] },
  "bank.releases.tsx": { read: ["organizer"], write: ["organizer"] },
  "bank.review.tsx": { read: ["organizer"], write: ["organizer"] },
  // The display's secret is its token in the URL, checked by the socket (display:watch).
  "display.$gameId.tsx": { read: "token", write: "none" },
  "host._index.tsx": { read: ["host"], write: "none" },
  "host.games.$gameId._index.tsx": { read: ["host", "organizer", "teacher"], write: ["host", "organizer", "teacher"] },
  "host.games.$gameId.presenter.tsx": { read: ["host", "organizer", "teacher"], write: "none" },
  "host.games.$gameId.export.tsx": { read: ["host", "organizer", "teacher"], write: "none" },
  "host.games.$gameId.results.tsx": { read: ["host", "organizer", "teacher"], write: "none" },
  "host.games._index.tsx": { read: ["host", "organizer", "teacher"], write: "none" },
  "host.games.new.tsx": { read: ["host", "organizer", "teacher"], write: ["host", "organizer", "teacher"] },
  "join.tsx": { read: "public", write: "none" },
  "language.tsx": { read: "public", write: "public" },
  "leaderboard._index.tsx": { read: "public", write: "none" },
  "leaderboard.school.$unitId.tsx": { read: "public", write: "none" },
  "login.tsx": { read: "public", write: "public" },
  "logout.tsx": { read: "public", write: "public" },
  "me._index.tsx": { read: ["participant"], write: "none" },
  "me.data.tsx": { read: ["participant"], write: ["participant"] },
  "me.profile.tsx": { read: ["participant"], write: ["participant"] },
  "operator.tsx": { read: ["host"], write: "none" },
  "organizer._index.tsx": { read: ["organizer"], write: "none" },
  "organizer.contests.$contestId.tsx": { read: ["organizer"], write: ["organizer"] },
  "organizer.contests._index.tsx": { read: ["organizer"], write: ["organizer"] },
  // Teachers see their own school's figures: the matrix's teacher has no school, so is refused.
  "organizer.stats.export.tsx": { read: ["organizer", "host"], write: "none" },
  "organizer.stats.items.tsx": { read: ["organizer"], write: "none" },
  "organizer.stats.mastery.tsx": { read: ["organizer"], write: "none" },
  "organizer.stats.report.tsx": { read: ["organizer"], write: "none" },
  "organizer.stats.report[.]docx.tsx": { read: ["organizer"], write: "none" },
  "organizer.stats.report[.]xlsx.tsx": { read: ["organizer"], write: "none" },
  // Teachers see their own school's figures: the matrix's teacher has no school, so is refused.
  "organizer.stats._index.tsx": { read: ["organizer", "host"], write: "none" },
  "play.$pin.tsx": { read: "public", write: "none" },
  "r.$code.tsx": { read: "public", write: "none" },
  "register.tsx": { read: "signed-in", write: "signed-in" },
  "reset.tsx": { read: "public", write: "public" },
  "rounds.$roundId._index.tsx": { read: "signed-in", write: "signed-in" },
  "rounds.$roundId.attempt.$attemptId.tsx": { read: "signed-in", write: "signed-in" },
  "rounds.$roundId.edit.tsx": { read: ["teacher", "organizer"], write: ["teacher", "organizer"] },
  "rounds.$roundId.export.tsx": { read: ["teacher", "organizer"], write: "none" },
  "rounds.$roundId.results.tsx": { read: ["teacher", "organizer"], write: ["teacher", "organizer"] },
  "rounds._index.tsx": { read: "signed-in", write: "signed-in" },
  "signup.tsx": { read: "public", write: "public" },
  "teacher._index.tsx": { read: ["teacher"], write: "none" },
  "teacher.pupils.tsx": { read: ["teacher"], write: ["teacher"] },
  "teacher.rounds._index.tsx": { read: ["teacher"], write: ["teacher"] },
  "teacher.stats.items.tsx": { read: ["teacher"], write: "none" },
};

const ROUTES_DIR = path.resolve(__dirname, "../../app/routes");
const routeFiles = readdirSync(ROUTES_DIR).filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file)).sort();
const ROLES = ["anonymous", "participant", "teacher", "host", "organizer", "admin"] as const;
type Who = (typeof ROLES)[number];

const cookies = new Map<Who, string>();
const userIds = new Map<Who, string>();

beforeAll(async () => {
  await resetDatabase();
  for (const role of ROLES) {
    if (role === "anonymous") continue;
    const user = await testPrisma.user.create({
      data: { username: `matrix-${role}`, displayName: `Matrix ${role}`, passwordHash: "x", role },
      select: { id: true },
    });
    userIds.set(role, user.id);
  }
});

// Fresh sessions for every route: signing out (logout.tsx) ends the ones it was given.
beforeEach(async () => {
  for (const [role, id] of userIds) cookies.set(role, (await createSession(id)).split(";")[0]);
});

/** The URL path of a route file, with every parameter filled by a value that names nothing. */
function urlPath(file: string): { pathname: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const segments = file
    .replace(/\.tsx?$/, "")
    .split(/\.(?![^[]*\])/)
    .filter((segment) => segment !== "_index")
    .map((segment) => {
      if (segment.startsWith("$")) {
        params[segment.slice(1)] = "no-such-id";
        return "no-such-id";
      }
      return segment.replace(/\[(.*?)\]/g, "$1");
    });
  return { pathname: `/${segments.join("/")}`, params };
}

type Verdict = "allowed" | "sign-in" | "forbidden";

async function verdictOf(call: () => unknown): Promise<Verdict> {
  let outcome: unknown;
  try {
    outcome = await call();
  } catch (thrown) {
    outcome = thrown;
  }
  if (outcome instanceof Response) {
    const location = outcome.headers.get("Location") ?? "";
    if (outcome.status >= 300 && outcome.status < 400 && location.startsWith("/login")) return "sign-in";
    if (outcome.status === 403 || outcome.status === 401) return "forbidden";
  }
  return "allowed";
}

function expectedVerdict(access: Exclude<Access, "none">, who: Who): Verdict {
  if (access === "public") return "allowed";
  if (access === "token") return "forbidden";
  if (who === "anonymous") return "sign-in";
  if (access === "signed-in" || who === "admin") return "allowed";
  return access.includes(who) ? "allowed" : "forbidden";
}

describe("authorization matrix", () => {
  it("has an expectation for every route file, and none for a file that is gone", () => {
    expect(routeFiles.filter((file) => !(file in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((file) => !routeFiles.includes(file))).toEqual([]);
  });

  for (const file of routeFiles) {
    it(`${file}: every role gets what the table says, on GET and POST`, async () => {
      const expected = EXPECTED[file];
      if (!expected) throw new Error(`${file} has no line in EXPECTED: add who may read and write it`);
      const module = (await import(path.join(ROUTES_DIR, file))) as {
        loader?: (args: unknown) => unknown;
        action?: (args: unknown) => unknown;
      };
      expect(module.loader ? "present" : "none").toBe(expected.read === "none" ? "none" : "present");
      expect(module.action ? "present" : "none").toBe(expected.write === "none" ? "none" : "present");
      const { pathname, params } = urlPath(file);
      const seen: string[] = [];
      const wanted: string[] = [];
      for (const who of ROLES) {
        const headers = new Headers(cookies.has(who) ? { Cookie: cookies.get(who)! } : {});
        if (module.loader && expected.read !== "none") {
          const request = new Request(`http://localhost${pathname}`, { headers });
          seen.push(`GET ${who}: ${await verdictOf(() => module.loader!({ request, params, context: {} }))}`);
          wanted.push(`GET ${who}: ${expectedVerdict(expected.read, who)}`);
        }
        if (module.action && expected.write !== "none") {
          const body = new URLSearchParams({ intent: "matrix-probe" });
          const request = new Request(`http://localhost${pathname}`, { method: "POST", headers, body });
          seen.push(`POST ${who}: ${await verdictOf(() => module.action!({ request, params, context: {} }))}`);
          wanted.push(`POST ${who}: ${expectedVerdict(expected.write, who)}`);
        }
      }
      expect(seen).toEqual(wanted);
    });
  }
});
