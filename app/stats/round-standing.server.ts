import { exportRowsOf, roundStanding, type ExportRow, type RoundStanding } from "~/contests/results.server";
import { prisma } from "~/utils/db.server";
import { factsInMemory, statsStore } from "./fact-store.server";

/**
 * A round's ranking for its results page, its files and a pupil's place once answers are shown:
 * the statistics' kept ranking (./fact-store.server.ts), mended as attempts arrive, which the
 * public boards already use. Reading and ranking every attempt of the round per request held the
 * event loop 0.5–1 s for a round of 19,000 attempts (a broadcast freezes meanwhile), and a
 * thousand pupils opening a closed round each paid it.
 *
 * Before the facts are in memory (the first seconds after a start), and for a round the facts do
 * not know yet (created since their last look), the round is read and ranked from the database.
 */
export async function keptRoundStanding(roundId: string, now: number): Promise<RoundStanding | null> {
  if (factsInMemory()) {
    const kept = await (await statsStore(prisma, now)).roundStanding(roundId, now);
    if (kept) return kept;
  }
  return roundStanding(roundId, now);
}

/** The results table of a round (the teacher's page and its files) from the kept ranking; empty for an unknown round. */
export async function keptRoundExportRows(roundId: string, now: number, deletedLabel: string): Promise<ExportRow[]> {
  const standing = await keptRoundStanding(roundId, now);
  return standing ? exportRowsOf(standing, deletedLabel) : [];
}
