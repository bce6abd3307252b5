-- On-air graphics (docs/decisions/031). Added columns rather than the engine's table rebuild, so the
-- migration composes with other branches' changes to LiveGame.
ALTER TABLE "LiveGame" ADD COLUMN "overlayLayout" TEXT NOT NULL DEFAULT 'full';
ALTER TABLE "LiveGame" ADD COLUMN "overlayKey" TEXT;
ALTER TABLE "LiveGame" ADD COLUMN "soundCues" BOOLEAN NOT NULL DEFAULT false;
