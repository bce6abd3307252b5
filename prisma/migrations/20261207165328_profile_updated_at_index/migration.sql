-- CreateIndex
CREATE INDEX "ParticipantProfile_updatedAt_idx" ON "ParticipantProfile"("updatedAt");
