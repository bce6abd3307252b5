import type { PrismaClient } from "~/utils/db.server";
import { graphicsFromRow, type GraphicsSettings } from "./graphics-settings";

/** A game's on-air graphics as stored (LiveGame.overlayLayout, overlayKey, soundCues). */
export async function loadGraphics(db: PrismaClient, gameId: string): Promise<GraphicsSettings | null> {
  const row = await db.liveGame.findUnique({ where: { id: gameId }, select: { overlayLayout: true, overlayKey: true, soundCues: true } });
  return row ? graphicsFromRow(row) : null;
}

export async function saveGraphics(db: PrismaClient, gameId: string, settings: GraphicsSettings): Promise<void> {
  await db.liveGame.update({
    where: { id: gameId },
    data: { overlayLayout: settings.layout, overlayKey: settings.keyColour, soundCues: settings.soundCues },
    select: { id: true },
  });
}
