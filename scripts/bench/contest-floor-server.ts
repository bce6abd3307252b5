/**
 * The floor of the contest benchmark (scripts/bench-contest.ts): a bare node:http server — no
 * Express, no Remix, no Prisma, no database — answering the same requests the generator
 * (scripts/bench/contest-generator.ts) makes of a round, with the least work each needs:
 *
 *  - the round page: a short fixed HTML page;
 *  - the start button: an attempt in memory (ten questions, four options each, a deadline), a
 *    redirect to it;
 *  - the first question: its JSON;
 *  - a save (the autosave fetcher's `.data` post): the cookie looked up, the same url-encoded form
 *    body parsed (index, total, choice), the rules checked (own attempt, not handed in, before the
 *    deadline, a question of the draw, an option on screen), the answer kept in a Map, `{"problem":null}`;
 *  - the submit: the same, then the attempt handed in and the redirect Remix's single fetch answers
 *    (202 and the target in the body).
 *
 * Nothing is stored, no session is checked against a database, nothing is rate-limited: whatever
 * the app costs above these figures is its framework, its database and its checks. It is started
 * with the same probe as the app (scripts/bench/contest-server-probe.ts: CPU, memory and loop delay
 * per phase on BENCH_STATS_PORT).
 *
 * Usage: PORT=… BENCH_STATS_PORT=… node --import tsx --import ./scripts/bench/contest-server-probe.ts scripts/bench/contest-floor-server.ts
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

const QUESTIONS = 20;
const OPTIONS = 4;
const DURATION_MS = 3 * 3_600_000;
const BODY_LIMIT = 16 * 1024;

type FloorAttempt = { id: string; owner: string; deadline: number; submitted: boolean; answers: Map<number, number[]> };

const attempts = new Map<string, FloorAttempt>();
const attemptOf = new Map<string, FloorAttempt>();
let nextAttempt = 0;

const page = (roundId: string) =>
  `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Vòng thi</title></head><body><h1>Vòng thi ${roundId}</h1><form method="post"><button>Bắt đầu</button></form></body></html>`;

function cookieOf(request: IncomingMessage): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  const match = /(?:^|;\s*)sca_session=([^;]+)/.exec(header);
  return match ? match[1] : null;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) reject(new Error("too large"));
      else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function json(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text) });
  response.end(text);
}

/** A save or a submit: the same checks as the app's, in memory. */
function change(attempt: FloorAttempt, form: URLSearchParams, now: number): string | null {
  if (attempt.submitted) return "attempt.refused.submitted";
  if (now > attempt.deadline) return "attempt.refused.deadline";
  const index = Number(form.get("index"));
  if (!Number.isInteger(index) || index < 0 || index >= QUESTIONS) return "attempt.refused.invalid";
  const positions = form.getAll("choice").map(Number);
  if (positions.length > 1 || !positions.every((position) => Number.isInteger(position) && position >= 0 && position < OPTIONS)) return "attempt.refused.invalid";
  if (positions.length === 0) attempt.answers.delete(index);
  else attempt.answers.set(index, positions);
  return null;
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? "/", "http://floor");
  const cookie = cookieOf(request);
  if (!cookie) return json(response, 401, { problem: "auth" });
  const round = /^\/rounds\/([^/.]+)$/.exec(url.pathname);
  if (round && request.method === "GET") {
    const html = page(round[1]);
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": Buffer.byteLength(html) });
    response.end(html);
    return;
  }
  if (round && request.method === "POST") {
    await readBody(request);
    let attempt = attemptOf.get(cookie);
    if (!attempt) {
      attempt = { id: `floor${(nextAttempt += 1)}`, owner: cookie, deadline: Date.now() + DURATION_MS, submitted: false, answers: new Map() };
      attempts.set(attempt.id, attempt);
      attemptOf.set(cookie, attempt);
    }
    response.writeHead(302, { Location: `/rounds/${round[1]}/attempt/${attempt.id}`, "Content-Length": 0 });
    response.end();
    return;
  }
  const onAttempt = /^\/rounds\/([^/.]+)\/attempt\/([^/.]+)\.data$/.exec(url.pathname);
  const attempt = onAttempt ? attempts.get(onAttempt[2]) : undefined;
  if (!onAttempt || !attempt || attempt.owner !== cookie) return json(response, 404, { problem: "attempt.refused.invalid" });
  if (request.method === "GET") {
    const index = Math.max(0, Number(url.searchParams.get("q") ?? 1) - 1);
    return json(response, 200, { index, total: QUESTIONS, question: { type: "single", prompt: "Câu hỏi", options: ["A", "B", "C", "D"], chosen: attempt.answers.get(index) ?? [] } });
  }
  const form = new URLSearchParams(await readBody(request));
  const problem = change(attempt, form, Date.now());
  if (problem) return json(response, 409, { problem });
  if (form.get("intent") === "submit" && form.get("confirmed") === "yes") {
    attempt.submitted = true;
    return json(response, 202, { redirect: `/rounds/${onAttempt[1]}` });
  }
  return json(response, 200, { problem: null });
}

const server = createServer((request, response) => {
  if (request.url === "/healthz") return void response.end("ok");
  handle(request, response).catch(() => {
    if (!response.headersSent) response.writeHead(400);
    response.end();
  });
});
server.listen(Number(process.env.PORT), process.env.HOST ?? "127.0.0.1");
