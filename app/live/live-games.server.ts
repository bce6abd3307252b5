import { createHash, randomBytes, randomInt, randomUUID } from "node:crypto";
import { revisionContent } from "~/bank/import.server";
import type { BankQuestion } from "~/bank/question-file";
import type { PrismaClient } from "~/utils/db.server";
import { AREA_KINDS, areaLevelOf, isAreaKind } from "~/units/unit-kinds";
import { createGame, type GameSetupIssue } from "./create-game";
import type { GameMode, GameState, LiveQuestion, PlayerUnit, TeamGrouping } from "./game-state";
import { rankPlayers } from "./ranking";
import { seededShuffle } from "./shuffle";

/** Games, players and results in the database: what the routes and the transport call. */

export const PIN_PATTERN = /^\d{6}$/;
const PIN_ATTEMPTS = 20;

/** A bank question as a live game shows it; option ids are its position in the author's order. */
export function liveQuestionFromBank(revisionId: string, question: BankQuestion, timeLimitMs: number): LiveQuestion {
  return {
    revisionId,
    type: question.type,
    prompt: { vi: question.prompt.vi, ...(question.prompt.en ? { en: question.prompt.en } : {}) },
    options: question.options.map((option, index) => ({
      id: `o${index + 1}`,
      text: { vi: option.vi, ...(option.en ? { en: option.en } : {}) },
      correct: option.correct,
    })),
    timeLimitMs,
    explanation: { vi: question.explanation.vi, ...(question.explanation.en ? { en: question.explanation.en } : {}) },
  };
}

export type ReleaseQuestion = {
  questionId: string;
  revisionId: string;
  topic: string;
  difficulty: BankQuestion["difficulty"];
  question: BankQuestion;
};

/** Every question a release pins, with its content, in question id order. */
export async function releaseQuestions(db: PrismaClient, releaseId: string): Promise<ReleaseQuestion[]> {
  const items = await db.bankReleaseItem.findMany({
    where: { releaseId },
    select: { questionId: true, revisionId: true, revision: { select: { content: true } } },
    orderBy: { questionId: "asc" },
  });
  return items.map((item) => {
    const question = revisionContent(item.revision.content);
    return { questionId: item.questionId, revisionId: item.revisionId, topic: question.topic, difficulty: question.difficulty, question };
  });
}

export type QuestionSelection =
  | { kind: "filter"; topics: string[]; difficulty: BankQuestion["difficulty"] | null; count: number }
  | { kind: "pick"; questionIds: string[] };

export type NewLiveGame = {
  hostId: string;
  title: string;
  releaseId: string;
  mode: GameMode;
  teamsBy: TeamGrouping | null;
  timeLimitMs: number;
  countdownMs?: number;
  selection: QuestionSelection;
  /** Draws and shuffles options; a rundown previewed before creating passes its own, so the game matches it. */
  seed?: string;
};

export type CreateLiveGameResult =
  | { ok: true; gameId: string; pin: string }
  | { ok: false; problem: "unknown-release" | "no-matching-questions" | "unknown-questions" | GameSetupIssue; detail?: string };

export type ChosenQuestions =
  | { ok: true; releaseName: string; chosen: ReleaseQuestion[]; available: ReleaseQuestion[] }
  | { ok: false; problem: "unknown-release" | "no-matching-questions" | "unknown-questions"; detail?: string };

/** The release's active questions the selection names (in its order), or a random draw seeded by `seed`. */
export async function chooseQuestions(db: PrismaClient, releaseId: string, selection: QuestionSelection, seed: string): Promise<ChosenQuestions> {
  const release = await db.bankRelease.findUnique({ where: { id: releaseId }, select: { id: true, name: true } });
  if (!release) return { ok: false, problem: "unknown-release" };
  const available = (await releaseQuestions(db, release.id)).filter((entry) => entry.question.status === "active");

  if (selection.kind === "pick") {
    const byId = new Map(available.map((entry) => [entry.questionId, entry]));
    const missing = selection.questionIds.filter((id) => !byId.has(id));
    if (missing.length > 0) return { ok: false, problem: "unknown-questions", detail: missing.join(", ") };
    return { ok: true, releaseName: release.name, chosen: selection.questionIds.map((id) => byId.get(id)!), available };
  }
  const { topics, difficulty, count } = selection;
  const matching = available.filter(
    (entry) => (topics.length === 0 || topics.includes(entry.topic)) && (!difficulty || entry.difficulty === difficulty),
  );
  if (matching.length === 0) return { ok: false, problem: "no-matching-questions" };
  const order = seededShuffle(matching.map((entry) => entry.questionId), seed);
  const byId = new Map(matching.map((entry) => [entry.questionId, entry]));
  return { ok: true, releaseName: release.name, chosen: order.slice(0, count).map((id) => byId.get(id)!), available };
}

/** Picks the questions from the release and opens a game in its lobby. */
export async function createLiveGame(db: PrismaClient, input: NewLiveGame, now: number): Promise<CreateLiveGameResult> {
  const seed = input.seed ?? randomUUID();
  const picked = await chooseQuestions(db, input.releaseId, input.selection, seed);
  if (!picked.ok) return picked;
  const questions = picked.chosen.map((entry) => liveQuestionFromBank(entry.revisionId, entry.question, input.timeLimitMs));
  return insertLiveGame(db, { ...input, releaseName: picked.releaseName, questions, seed }, now);
}

/** Opens a game from questions already resolved (the bank path above, and tests). */
export async function insertLiveGame(
  db: PrismaClient,
  input: {
    hostId: string;
    title: string;
    releaseId: string;
    releaseName: string;
    mode: GameMode;
    teamsBy: TeamGrouping | null;
    countdownMs?: number;
    questions: LiveQuestion[];
    seed?: string;
  },
  now: number,
): Promise<CreateLiveGameResult> {
  const gameId = `lg_${randomBytes(12).toString("base64url")}`;
  const created = createGame(
    {
      gameId,
      questions: input.questions,
      mode: input.mode,
      teamsBy: input.teamsBy,
      seed: input.seed ?? randomUUID(),
      countdownMs: input.countdownMs,
    },
    now,
  );
  if (!created.ok) {
    return { ok: false, problem: created.issue, detail: created.questionIndex === null ? undefined : String(created.questionIndex + 1) };
  }
  for (let attempt = 0; attempt < PIN_ATTEMPTS; attempt += 1) {
    const pin = String(randomInt(100_000, 1_000_000));
    try {
      await db.liveGame.create({
        data: {
          id: gameId,
          pin,
          openPin: pin,
          title: input.title,
          hostId: input.hostId,
          releaseId: input.releaseId,
          releaseName: input.releaseName,
          mode: input.mode,
          teamsBy: input.teamsBy,
          status: "lobby",
          state: JSON.stringify(created.state),
          stateVersion: created.state.version,
          displayToken: randomBytes(18).toString("base64url"),
          createdAt: new Date(now),
        },
        select: { id: true },
      });
      return { ok: true, gameId, pin };
    } catch (error) {
      // Another open game holds this PIN: draw again.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error("no free PIN after several attempts");
}

export async function openGameByPin(db: PrismaClient, pin: string) {
  if (!PIN_PATTERN.test(pin)) return null;
  return db.liveGame.findUnique({
    where: { openPin: pin },
    select: { id: true, pin: true, title: true, mode: true, teamsBy: true, status: true, playAlongPaths: true },
  });
}

// ---------------------------------------------------------------------------------------------
// Players

export function newPlayerToken(): { token: string; tokenHash: string } {
  const token = randomBytes(24).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * The player's unit as the engine keeps it, from a unit of the tree: a school or workplace (with
 * its area, if it has one) or an area (the level under the province, whatever its kind).
 */
export async function resolvePlayerUnit(db: PrismaClient, unitId: string): Promise<PlayerUnit | null> {
  const unit = await db.unit.findUnique({
    where: { id: unitId },
    select: { id: true, name: true, kind: true, parent: { select: { id: true, name: true, kind: true } } },
  });
  if (!unit) return null;
  if (isAreaKind(unit.kind)) return { schoolId: null, schoolName: null, areaId: unit.id, areaName: unit.name };
  if (unit.kind === "province") return null;
  const area = unit.parent && isAreaKind(unit.parent.kind) ? unit.parent : null;
  return {
    schoolId: unit.kind === "school" ? unit.id : null,
    schoolName: unit.kind === "school" ? unit.name : null,
    areaId: area?.id ?? null,
    areaName: area?.name ?? null,
  };
}

/** Today's areas and the schools under them, for the join form, with the name of the area level. */
export async function joinableUnits(db: PrismaClient, now = new Date()) {
  const units = await db.unit.findMany({
    where: { kind: { in: [...AREA_KINDS, "school"] }, OR: [{ validTo: null }, { validTo: { gt: now } }] },
    select: { id: true, name: true, kind: true, parentId: true },
    orderBy: { name: "asc" },
  });
  const areaUnits = units.filter((unit) => isAreaKind(unit.kind));
  const areaLevel = areaLevelOf(areaUnits.map((unit) => unit.kind));
  const areas = areaUnits.map(({ id, name }) => ({ id, name }));
  const areaIds = new Set(areas.map((area) => area.id));
  // A school straight under the province (a provincial gifted school) belongs to no area.
  const schools = units
    .filter((unit) => unit.kind === "school")
    .map(({ id, name, parentId }) => ({ id, name, areaId: parentId && areaIds.has(parentId) ? parentId : null }));
  return { areas, schools, areaLevel };
}

// ---------------------------------------------------------------------------------------------
// Results

export type ResultRow = {
  rank: number;
  name: string;
  school: string;
  area: string;
  score: number;
  correct: number;
  answered: number;
  eliminated: boolean;
};

/** The final standings from the game's last snapshot and its answers table. */
export async function gameResults(db: PrismaClient, gameId: string): Promise<{ state: GameState; rows: ResultRow[] } | null> {
  const game = await db.liveGame.findUnique({ where: { id: gameId }, select: { state: true } });
  if (!game) return null;
  const state = JSON.parse(game.state) as GameState;
  const counts = await db.liveAnswer.groupBy({
    by: ["playerId", "correct"],
    where: { gameId, questionIndex: { notIn: state.voidedQuestions } },
    _count: { _all: true },
  });
  const tally = new Map<string, { correct: number; answered: number }>();
  for (const entry of counts) {
    const row = tally.get(entry.playerId) ?? { correct: 0, answered: 0 };
    row.answered += entry._count._all;
    if (entry.correct) row.correct += entry._count._all;
    tally.set(entry.playerId, row);
  }
  const rows = rankPlayers(state.players, state.settings.mode).map(({ player, rank }) => ({
    rank,
    name: player.name,
    school: player.unit?.schoolName ?? "",
    area: player.unit?.areaName ?? "",
    score: player.score,
    correct: tally.get(player.id)?.correct ?? 0,
    answered: tally.get(player.id)?.answered ?? 0,
    eliminated: player.eliminatedAt !== null,
  }));
  return { state, rows };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}
