// Times the statistics on the database in DATABASE_URL (make a synthetic year first:
// `npm run stats:synthetic-year`), as the server computes them (no HTTP): every dashboard view and
// the public boards, the yearly report as DOCX and XLSX. The last line is one JSON object.
//
//   npm run bench:stats            (run it alone: the machine's cores are shared)
//
// What is timed, in this order (docs/decisions/024):
// - a reference task (sorting a million numbers), so runs on a busy machine can be compared by ratio;
// - cold: the first view in a fresh process with nothing loaded (it loads every fact itself), and
//   the DOCX in a fresh process likewise; then the server's start: the background load
//   (warmStatistics) and the first view of each kind after it;
// - warm: the median of repeated views;
// - after a change: a participant really starts, answers and submits an attempt in an open round
//   (the app's own functions, so this process knows at once), then each view once; then an
//   attempt written directly, as by another app node this process is not told of, seen after the
//   few seconds the last look is trusted; then, reported apart, a rare change to a closed round
//   (a participant there hides their name), whose names are mended on that round's boards;
// - a round of the contest closing: its boards are made ahead (watchRoundClosings), each view timed
//   once the answers may be shown;
// - the home pages (public, a participant's), which rank from the same facts as the boards;
// - the DOCX and XLSX yearly report with the facts loaded, made in the report worker as the server does.
// The participant made here deletes their data at the end (their attempt stays, anonymous).
import "dotenv/config";
import { saveAttemptAnswer, startOrResumeAttempt, submitOwnAttempt } from "../app/contests/attempts.server";
import { participantHome, publicHome } from "../app/contests/home.server";
import { deleteParticipantData, setHideNamePublicly } from "../app/contests/registration.server";
import { dashboard } from "../app/stats/dashboard.server";
import { computeFigures, forgetStatsCache } from "../app/stats/figures.server";
import { leaderboards } from "../app/stats/leaderboards.server";
import { reportDocx } from "../app/stats/report-docx.server";
import { reportFileResponse, startReportWorker, stopReportWorker } from "../app/stats/report-files.server";
import { stopWatchingRoundClosings, warmStatistics } from "../app/stats/warm-up.server";
import { yearlyReportModel } from "../app/stats/yearly-report.server";
import { ANSWER_GRACE_MS } from "../app/contests/attempt";
import { statsChanged } from "../app/stats/stats-version";
import { prisma } from "../app/utils/db.server";
import { translator } from "../app/utils/i18n";

const VIEW_LIMIT_MS = 50;
const REPORT_LIMIT_MS = 3_000;
const REPEATS = 7;
const TRUST_MS = 5_000;
/** The round made to close closes this long after it is moved: time enough to make its boards ahead. */
const CLOSE_IN_MS = 20_000;
const t = translator("vi");
const round1 = (value: number) => Math.round(value * 10) / 10;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: round1(performance.now() - start), value };
}

// The reference task: how fast this machine is right now.
const floorSamples: number[] = [];
for (let index = 0; index < 5; index++) {
  const numbers = Float64Array.from({ length: 1_000_000 }, (_, n) => Math.sin(n) * 1e6);
  const start = performance.now();
  numbers.sort();
  floorSamples.push(performance.now() - start);
}
const floorMs = round1(median(floorSamples));

const now = () => Date.now();
const staff = await prisma.user.findFirst({ where: { role: { in: ["organizer", "admin"] } }, select: { id: true, role: true, unitId: true } });
if (!staff) throw new Error("No organizer: run npm run db:seed first.");
const teacher = await prisma.user.findFirst({ where: { role: "teacher", unitId: { not: null } }, select: { id: true, role: true, unitId: true } });
const host = await prisma.user.findFirst({ where: { role: "host" }, select: { id: true, role: true, unitId: true } });
const area = await prisma.attempt.findFirst({ where: { areaId: { not: null } }, select: { areaId: true }, orderBy: { startedAt: "desc" } });
// The boards worth timing: the contest with the most attempts in closed rounds, and its largest closed round.
const closed = await prisma.round.findMany({
  where: { contestId: { not: null }, closesAt: { lt: new Date(now() - 60_000) } },
  select: { id: true, contestId: true, _count: { select: { attempts: true } } },
});
const byContest = new Map<string, number>();
for (const round of closed) byContest.set(round.contestId!, (byContest.get(round.contestId!) ?? 0) + round._count.attempts);
const contestId = [...byContest].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
const roundId = closed.filter((round) => round.contestId === contestId).sort((a, b) => b._count.attempts - a._count.attempts)[0]?.id ?? null;
// A participant of the largest closed round, for their home page.
const homeParticipant = roundId ? ((await prisma.attempt.findFirst({ where: { roundId, userId: { not: null } }, select: { userId: true } }))?.userId ?? null) : null;
const counts = { attempts: await prisma.attempt.count(), answers: await prisma.attemptAnswer.count(), liveGames: await prisma.liveGame.count() };

const boardLabels = [t("roundResults.deleted"), t("publicBoard.hiddenName")] as const;
const asViewer = (user: { id: string; role: string; unitId: string | null }) => ({ ...user, role: user.role as "organizer" });
const views: Record<string, () => Promise<unknown>> = {
  "dashboard:organizer": () => dashboard(prisma, asViewer(staff), new URLSearchParams(), t, now()),
  "dashboard:organizer:current-units": () => dashboard(prisma, asViewer(staff), new URLSearchParams("view=current"), t, now()),
  "dashboard:organizer:area": () => dashboard(prisma, asViewer(staff), new URLSearchParams(`area=${area?.areaId ?? ""}`), t, now()),
  "dashboard:organizer:contest": () => dashboard(prisma, asViewer(staff), new URLSearchParams(`contest=${contestId ?? ""}`), t, now()),
  "dashboard:organizer:audience": () => dashboard(prisma, asViewer(staff), new URLSearchParams("audience=upper-secondary"), t, now()),
  ...(teacher ? { "dashboard:teacher": () => dashboard(prisma, asViewer(teacher), new URLSearchParams(), t, now()) } : {}),
  ...(host ? { "dashboard:host": () => dashboard(prisma, asViewer(host), new URLSearchParams(), t, now()) } : {}),
  // With the labels the public page passes (app/routes/leaderboard._index.tsx).
  ...(contestId ? { "leaderboard:contest": () => leaderboards({ contestId, roundId: null, audience: null, areaView: "recorded" }, now(), ...boardLabels) } : {}),
  ...(contestId ? { "leaderboard:contest:audience": () => leaderboards({ contestId, roundId: null, audience: "university", areaView: "recorded" }, now(), ...boardLabels) } : {}),
  ...(contestId ? { "leaderboard:contest:current-areas": () => leaderboards({ contestId, roundId: null, audience: null, areaView: "current" }, now(), ...boardLabels) } : {}),
  ...(roundId ? { "leaderboard:round": () => leaderboards({ contestId: null, roundId, audience: null, areaView: "recorded" }, now(), ...boardLabels) } : {}),
  // The home pages rank from the same facts (app/contests/home.server.ts): the public one shows the
  // latest closed round's top five; a participant's their rank in each round they took.
  "home:public": () => publicHome(now()),
  ...(homeParticipant ? { "home:participant": () => participantHome(homeParticipant, now()) } : {}),
};
const year = new Date(now() + 7 * 3_600_000).getUTCFullYear();
const report = async () => {
  const model = await yearlyReportModel(prisma, { year });
  if (!model) throw new Error("No province in the units tree.");
  return model;
};
const line = (name: string, figures: Record<string, number | string>) =>
  console.log(`${name.padEnd(36)} ${Object.entries(figures).map(([key, value]) => `${key} ${String(value).padStart(8)}`).join("   ")}`);

// Cold: a fresh process, nothing loaded.
forgetStatsCache();
const coldView = await timed(views["dashboard:organizer"]);
forgetStatsCache();
const coldDocx = await timed(async () => reportDocx(await report()));
line("cold, nothing loaded", { "first view ms": coldView.ms, "DOCX ms": coldDocx.ms });

// The server's start: the background load, then each view's first time.
forgetStatsCache();
const warmUp = await timed(() => warmStatistics(prisma));
line("start: background load", { ms: warmUp.ms, attempts: warmUp.value.attempts, sittings: warmUp.value.sittings });
const results: Record<string, { first: number; warm: number; afterSubmit?: number; afterOtherNode?: number; closedRoundChange?: number; roundClosing?: number }> = {};
for (const [name, run] of Object.entries(views)) {
  const first = await timed(run);
  const samples: number[] = [];
  for (let index = 0; index < REPEATS; index++) samples.push((await timed(run)).ms);
  results[name] = { first: first.ms, warm: round1(median(samples)) };
}

// A participant submits an attempt in an open round, through the app's own functions.
const open = await prisma.round.findFirst({
  where: { opensAt: { lte: new Date(now()) }, closesAt: { gt: new Date(now() + 3_600_000) }, scope: "province" },
  select: { id: true, audiences: true },
  orderBy: { closesAt: "asc" },
});
const school = await prisma.unit.findFirst({ where: { kind: "school", validTo: null, parent: { kind: { in: ["commune", "ward", "special-zone"] } } }, select: { id: true, parentId: true } });
let submitted = { attemptsBefore: 0, attemptsAfter: 0 };
const totals = async () => (await computeFigures(prisma, { from: null, to: null, view: "as-it-was", hostId: null, only: null }, now())).totals.attempts;
const benchUser = `bench-stats-${process.pid}`;
if (open && school) {
  const audiences = open.audiences ? (JSON.parse(open.audiences) as string[]) : ["upper-secondary"];
  const user = await prisma.user.create({ data: { username: benchUser, displayName: "Bench", passwordHash: "x", role: "participant" }, select: { id: true } });
  await prisma.participantProfile.create({
    data: { userId: user.id, displayName: "Bench", birthYear: 2009, audience: audiences[0], areaId: school.parentId, unitId: school.id, consentVersion: "bench", consentedAt: new Date(), demo: true },
  });
  const attemptsBefore = await totals();
  const started = await startOrResumeAttempt(open.id, user.id, now());
  if (!started.ok) throw new Error(`The bench participant could not start: ${started.code}`);
  const saved = await saveAttemptAnswer(started.attemptId, user.id, { index: 0, positions: [0] }, now());
  if (!saved.ok) throw new Error(`The bench participant could not answer: ${saved.code}`);
  const handedIn = await submitOwnAttempt(started.attemptId, user.id, now());
  if (!handedIn.ok) throw new Error(`The bench participant could not submit: ${handedIn.code}`);
  for (const [name, run] of Object.entries(views)) results[name].afterSubmit = (await timed(run)).ms;
  submitted = { attemptsBefore, attemptsAfter: await totals() };
}

// Another app node records a new attempt in the open round (here: a row written directly, which
// this process is not told of); it shows once the last look is a few seconds old.
const attemptsBeforeOtherNode = await totals();
const benchAttempt = await prisma.attempt.findFirst({ where: { user: { username: benchUser } }, select: { roundId: true, questions: true, audience: true, unitId: true, areaId: true } });
const otherUser = `${benchUser}-other-node`;
if (benchAttempt) {
  const user = await prisma.user.create({ data: { username: otherUser, displayName: "Bench", passwordHash: "x", role: "participant" }, select: { id: true } });
  await prisma.attempt.create({
    data: { ...benchAttempt, userId: user.id, participantKey: user.id, attemptNumber: 1, seed: "bench", startedAt: new Date(), deadline: new Date(Date.now() + 600_000) },
  });
}
await new Promise((resolve) => setTimeout(resolve, TRUST_MS + 100));
for (const [name, run] of Object.entries(views)) results[name].afterOtherNode = (await timed(run)).ms;
const otherNodeSeen = (await totals()) === attemptsBeforeOtherNode + 1;

// Rare: a participant of a closed round hides their name (or deletes their data): that round's
// board and its contest's are made again, names and all.
const named = roundId ? await prisma.attempt.findFirst({ where: { roundId, userId: { not: null } }, select: { userId: true } }) : null;
if (named?.userId) {
  await setHideNamePublicly(named.userId, true);
  for (const [name, run] of Object.entries(views)) results[name].closedRoundChange = (await timed(run)).ms;
  await setHideNamePublicly(named.userId, false);
}

// A round of the contest closes: its ranking joins the contest's. The boards are made as they will
// be from shortly before the close (watchRoundClosings, started by the warm-up); each view is timed
// once the answers may be shown. Here the open round of the timed contest is made to close in a
// few seconds (as an organizer moving its closing time would), then put back.
const closing = contestId
  ? await prisma.round.findFirst({ where: { contestId, opensAt: { lte: new Date(now()) }, closesAt: { gt: new Date(now()) } }, select: { id: true, closesAt: true }, orderBy: { closesAt: "asc" } })
  : null;
let roundClosing: { roundId: string; contestParticipantsBefore: number; contestParticipantsAfter: number } | null = null;
if (closing && contestId) {
  const contestParticipants = async () => (await leaderboards({ contestId, roundId: null, audience: null, areaView: "recorded" }, now(), ...boardLabels)).individuals.length;
  const before = await contestParticipants();
  const closesAt = now() + CLOSE_IN_MS;
  await prisma.round.update({ where: { id: closing.id }, data: { closesAt: new Date(closesAt) } });
  statsChanged();
  await new Promise((resolve) => setTimeout(resolve, closesAt + ANSWER_GRACE_MS + 50 - now()));
  for (const [name, run] of Object.entries(views)) results[name].roundClosing = (await timed(run)).ms;
  const closedBoard = (await timed(() => leaderboards({ contestId: null, roundId: closing.id, audience: null, areaView: "recorded" }, now(), ...boardLabels))).ms;
  results["leaderboard:closed-round"] = { first: closedBoard, warm: closedBoard };
  roundClosing = { roundId: closing.id, contestParticipantsBefore: before, contestParticipantsAfter: await contestParticipants() };
  await prisma.round.update({ where: { id: closing.id }, data: { closesAt: closing.closesAt } });
  statsChanged();
}
stopWatchingRoundClosings();

for (const [name, figures] of Object.entries(results)) line(name, figures);

// The yearly report with the facts loaded, as the server makes it: the model here, the file in the
// report worker (started after the warm-up, as the server does), read back whole.
await startReportWorker();
const reportRequest = new Request("http://localhost/organizer/stats/report.docx");
const reportFile = async (kind: "docx" | "xlsx") => {
  const response = await reportFileResponse(reportRequest, { kind, model: await report(), exportedAt: "bench" }, {});
  if (!response.ok) throw new Error(`The report worker answered ${response.status}: ${await response.text()}`);
  return response.arrayBuffer();
};
const docxSamples: number[] = [];
const xlsxSamples: number[] = [];
for (let index = 0; index < 3; index++) {
  docxSamples.push((await timed(() => reportFile("docx"))).ms);
  xlsxSamples.push((await timed(() => reportFile("xlsx"))).ms);
}
stopReportWorker();
const docxMs = round1(median(docxSamples));
const xlsxMs = round1(median(xlsxSamples));
line("yearly report", { "DOCX ms": docxMs, "XLSX ms": xlsxMs });

// The bench participants delete their data as any participant may (their attempts stay, anonymous).
for (const username of [benchUser, otherUser]) {
  const account = await prisma.user.findUnique({ where: { username }, select: { id: true } });
  if (account) await deleteParticipantData(account.id);
}
await prisma.$disconnect();

// The target (issue 10): every view within the limit once the server has started, and while
// attempts arrive. A change to a round already closed is reported on its own (see above).
const viewTimes = Object.values(results).flatMap((result) => [result.first, result.warm, result.afterSubmit ?? 0, result.afterOtherNode ?? 0, result.closedRoundChange ?? 0, result.roundClosing ?? 0]);
const worstViewMs = Math.max(...viewTimes);
const worstClosedRoundChangeMs = Math.max(...Object.values(results).map((result) => result.closedRoundChange ?? 0));
const worstRoundClosingMs = Math.max(...Object.values(results).map((result) => result.roundClosing ?? 0));
line("reference task (sort 1,000,000)", { ms: floorMs });
console.log(
  JSON.stringify({
    bench: "stats",
    ...counts,
    floorMs,
    limits: { viewMs: VIEW_LIMIT_MS, reportMs: REPORT_LIMIT_MS },
    coldFirstViewMs: coldView.ms,
    coldDocxMs: coldDocx.ms,
    warmUpMs: warmUp.ms,
    worstViewMs,
    worstViewToFloor: round1(worstViewMs / floorMs),
    worstClosedRoundChangeMs,
    worstRoundClosingMs,
    roundClosing,
    docxMs,
    xlsxMs,
    submitSeen: submitted.attemptsAfter === submitted.attemptsBefore + 1,
    otherNodeSeen,
    pass: worstViewMs <= VIEW_LIMIT_MS && docxMs <= REPORT_LIMIT_MS && xlsxMs <= REPORT_LIMIT_MS,
    views: results,
  }),
);
