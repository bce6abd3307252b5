-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "correct" INTEGER,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "Attempt_updatedAt_idx" ON "Attempt"("updatedAt");

-- CreateIndex
CREATE INDEX "Attempt_startedAt_idx" ON "Attempt"("startedAt");

-- CreateIndex
CREATE INDEX "Attempt_correct_idx" ON "Attempt"("correct");
