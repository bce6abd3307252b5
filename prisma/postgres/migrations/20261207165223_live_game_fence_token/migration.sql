-- AlterTable
ALTER TABLE "LiveGame" ADD COLUMN     "fenceToken" INTEGER NOT NULL DEFAULT 0;
