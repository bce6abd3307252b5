-- AlterTable
ALTER TABLE "LiveGame" ADD COLUMN "playAlongPaths" TEXT;

-- AlterTable
ALTER TABLE "LivePlayer" ADD COLUMN "homePath" TEXT;
