import { resetDatabase, testPrisma } from "../setup/test-database";

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createSession } from "~/utils/session.server";

// Random and hostile form posts to every form action, as every role: an action may refuse, redirect
// or answer with a message, but it never fails with a server error (a thrown error or a 5xx), a
// post the role may not make writes nothing, and the database still answers after the storm.
// Field names and intents are read from each route file, so a new field is fuzzed without an edit.

const ROUTES_DIR = path.resolve(__dirname, "../../app/routes");
const ROLES = ["anonymous", "participant", "teacher", "host", "organizer", "admin"] as const;
type Who = (typeof ROLES)[number];
/** Intents that write outside the database (the bank's export rewrites question-bank/): not fuzzed here. */
const SKIPPED_INTENTS = new Set(["export-files"]);
const POSTS_PER_ROLE = 12;

const HOSTILE_VALUES = [
  "",
  " ",
  "0",
  "-1",
  "1e309",
  "NaN",
  "9".repeat(40),
  "true",
  "null",
  "undefined",
  "[]",
  "{}",
  '{"__proto__":{"admin":true}}',
  "' OR 1=1 --",
  "=cmd|' /C calc'!A0",
  "<script>alert(1)</script>",
  "../../../../etc/passwd",
  "\u0000\u0001\u0002",
  "\u202Eevil\u202C",
  "Nguyễn Văn An",
  "a".repeat(5_000),
  "2026-13-45T25:61",
  "no-such-id",
];

/** A small deterministic generator, so a failure names a post that can be sent again. */
function generator(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

function fieldsOf(source: string): { names: string[]; intents: string[] } {
  const names = new Set<string>();
  for (const match of source.matchAll(/name[=:]\s*["'`]([\w.[\]-]{1,60})["'`]/g)) names.add(match[1]);
  for (const match of source.matchAll(/\.get(?:All)?\(\s*"([\w.[\]-]{1,60})"\s*\)/g)) names.add(match[1]);
  const intents = new Set<string>();
  for (const match of source.matchAll(/intent"?\s*(?:===|value=|:\s*z\.literal\()\s*"([\w-]{1,40})"/g)) intents.add(match[1]);
  for (const match of source.matchAll(/name="intent"\s+value="([\w-]{1,40})"/g)) intents.add(match[1]);
  return { names: [...names].filter((name) => name !== "intent"), intents: [...intents].filter((intent) => !SKIPPED_INTENTS.has(intent)) };
}

function hostileForm(random: () => number, fields: { names: string[]; intents: string[] }): URLSearchParams {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const body = new URLSearchParams();
  const intents = [...fields.intents, "matrix-probe", ""];
  body.append("intent", pick(intents));
  for (const name of fields.names) {
    if (random() < 0.25) continue;
    body.append(name, pick(HOSTILE_VALUES));
    // A repeated field: one form value that arrives twice.
    if (random() < 0.1) body.append(name, pick(HOSTILE_VALUES));
  }
  if (random() < 0.3) body.append(`x${Math.floor(random() * 1000)}`, pick(HOSTILE_VALUES));
  return body;
}

/** Rows per table: a refused post must leave every count as it was. */
async function rowCounts(): Promise<string> {
  const tables = await testPrisma.$queryRawUnsafe<{ name: string }[]>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name",
  );
  const counts: string[] = [];
  for (const { name } of tables) {
    const [row] = await testPrisma.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT COUNT(*) AS n FROM "${name}"`);
    counts.push(`${name}=${Number(row.n)}`);
  }
  return counts.join(" ");
}

type Outcome = { kind: "answered"; status: number } | { kind: "failed"; detail: string };

async function outcomeOf(call: () => unknown): Promise<Outcome> {
  try {
    const result = await call();
    return { kind: "answered", status: result instanceof Response ? result.status : 200 };
  } catch (thrown) {
    if (thrown instanceof Response) return { kind: "answered", status: thrown.status };
    // Remix's own data() and redirect() helpers throw these shapes too.
    if (thrown && typeof thrown === "object" && "status" in thrown && typeof (thrown as { status: unknown }).status === "number") {
      return { kind: "answered", status: (thrown as { status: number }).status };
    }
    return { kind: "failed", detail: thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown) };
  }
}

const cookies = new Map<Who, string>();

beforeAll(async () => {
  await resetDatabase();
  for (const role of ROLES) {
    if (role === "anonymous") continue;
    const user = await testPrisma.user.create({
      data: { username: `fuzz-${role}`, displayName: `Fuzz ${role}`, passwordHash: "x", role },
      select: { id: true },
    });
    cookies.set(role, (await createSession(user.id)).split(";")[0]);
  }
});

const routeFiles = readdirSync(ROUTES_DIR).filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file)).sort();

describe("form actions under random and hostile posts", () => {
  for (const file of routeFiles) {
    const source = readFileSync(path.join(ROUTES_DIR, file), "utf8");
    if (!/export (async )?function action|export const action/.test(source)) continue;
    it(`${file}: no server error, nothing written when refused`, async () => {
      const module = (await import(path.join(ROUTES_DIR, file))) as { action: (args: unknown) => unknown };
      const fields = fieldsOf(source);
      const random = generator(file.length * 7919 + source.length);
      const failures: string[] = [];
      for (const who of ROLES) {
        for (let post = 0; post < POSTS_PER_ROLE; post += 1) {
          const body = hostileForm(random, fields);
          const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded" });
          if (cookies.has(who)) headers.set("Cookie", cookies.get(who)!);
          // Parameters name nothing: every route must cope with an id that does not exist.
          const params = new Proxy({}, { get: (_target, key) => (typeof key === "string" ? "no-such-id" : undefined) });
          const request = new Request("http://localhost/fuzz", { method: "POST", headers, body });
          const before = await rowCounts();
          const outcome = await outcomeOf(() => module.action({ request, params, context: { clientAddress: `10.0.${post}.1` } }));
          if (outcome.kind === "failed") failures.push(`${who} ${body}: ${outcome.detail}`);
          else if (outcome.status >= 500) failures.push(`${who} ${body}: status ${outcome.status}`);
          else if (outcome.status === 401 || outcome.status === 403) {
            const after = await rowCounts();
            if (after !== before) failures.push(`${who} ${body}: refused with ${outcome.status}, yet wrote (${before} → ${after})`);
          }
        }
      }
      expect(failures).toEqual([]);
      // The database still answers after the storm.
      expect(await testPrisma.user.count()).toBeGreaterThan(0);
    });
  }
});
