-- CreateTable
CREATE TABLE "Contest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Contest_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Round" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contestId" TEXT,
    "title" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "opensAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "releaseId" TEXT NOT NULL,
    "releaseName" TEXT NOT NULL,
    "drawRule" TEXT NOT NULL,
    "questionCount" INTEGER NOT NULL,
    "questionAudience" TEXT,
    "timeLimitSeconds" INTEGER NOT NULL,
    "maxAttempts" INTEGER NOT NULL,
    "audiences" TEXT,
    "predictionEnabled" BOOLEAN NOT NULL DEFAULT false,
    "predictionBasis" TEXT,
    "predictionTruth" INTEGER,
    "scope" TEXT NOT NULL,
    "scopeUnitId" TEXT,
    "scopeClass" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Round_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Round_scopeUnitId_fkey" FOREIGN KEY ("scopeUnitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Round_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ParticipantProfile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "birthYear" INTEGER NOT NULL,
    "audience" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "className" TEXT,
    "consentVersion" TEXT NOT NULL,
    "consentedAt" DATETIME NOT NULL,
    "childConsent" BOOLEAN NOT NULL DEFAULT false,
    "guardianName" TEXT,
    "guardianDeclaredAt" DATETIME,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ParticipantProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ParticipantProfile_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ParticipantProfile_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UnitRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestedById" TEXT,
    "name" TEXT NOT NULL,
    "districtId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "UnitRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "UnitRequest_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Attempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "userId" TEXT,
    "participantKey" TEXT NOT NULL,
    "attemptNumber" INTEGER NOT NULL,
    "audience" TEXT,
    "unitId" TEXT,
    "seed" TEXT NOT NULL,
    "questions" TEXT NOT NULL,
    "currentIndex" INTEGER NOT NULL DEFAULT 0,
    "startedAt" DATETIME NOT NULL,
    "deadline" DATETIME NOT NULL,
    "submittedAt" DATETIME,
    "prediction" INTEGER,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Attempt_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Attempt_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AttemptAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "attemptId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "options" TEXT NOT NULL,
    "savedAt" DATETIME NOT NULL,
    CONSTRAINT "AttemptAnswer_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Round_code_key" ON "Round"("code");

-- CreateIndex
CREATE INDEX "Round_contestId_idx" ON "Round"("contestId");

-- CreateIndex
CREATE INDEX "Round_createdById_idx" ON "Round"("createdById");

-- CreateIndex
CREATE INDEX "Round_closesAt_idx" ON "Round"("closesAt");

-- CreateIndex
CREATE UNIQUE INDEX "ParticipantProfile_userId_key" ON "ParticipantProfile"("userId");

-- CreateIndex
CREATE INDEX "ParticipantProfile_unitId_idx" ON "ParticipantProfile"("unitId");

-- CreateIndex
CREATE INDEX "UnitRequest_status_idx" ON "UnitRequest"("status");

-- CreateIndex
CREATE INDEX "Attempt_userId_idx" ON "Attempt"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Attempt_roundId_participantKey_attemptNumber_key" ON "Attempt"("roundId", "participantKey", "attemptNumber");

-- CreateIndex
CREATE UNIQUE INDEX "AttemptAnswer_attemptId_questionId_key" ON "AttemptAnswer"("attemptId", "questionId");
