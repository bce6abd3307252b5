-- AlterTable
ALTER TABLE "LiveGame" ADD COLUMN     "overlayKey" TEXT,
ADD COLUMN     "overlayLayout" TEXT NOT NULL DEFAULT 'full',
ADD COLUMN     "soundCues" BOOLEAN NOT NULL DEFAULT false;
