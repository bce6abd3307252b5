import type { PrismaClient } from "~/utils/db.server";
import { LOBBY_IDLE_MS } from "./constants";
import type { LiveRegistry } from "./live-registry.server";

/** How often the server looks for forgotten lobbies (server.ts). */
export const IDLE_SWEEP_EVERY_MS = 10 * 60 * 1000;

/**
 * Asks every lobby older than LOBBY_IDLE_MS whether it is idle; the engine decides by its last change
 * (transition "idle-check") and an idle one ends, which clears its PIN in the store. Returns how many
 * closed. A lobby only in the database (after a restart) is loaded by the first sweep, and loading
 * counts as its last change (restoreAfterRestart), so it closes LOBBY_IDLE_MS after that sweep.
 */
export async function closeIdleLobbies(db: PrismaClient, registry: LiveRegistry, now: number): Promise<number> {
  const candidates = await db.liveGame.findMany({
    where: { status: "lobby", createdAt: { lte: new Date(now - LOBBY_IDLE_MS) } },
    select: { id: true },
    take: 500,
  });
  let closed = 0;
  for (const { id } of candidates) {
    const runner = await registry.get(id);
    if (!runner) continue;
    const outcome = runner.dispatch({ type: "idle-check" });
    if (outcome.ok) {
      outcome.done.catch(() => undefined);
      await outcome.stored;
      closed += 1;
    }
  }
  return closed;
}
