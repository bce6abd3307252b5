-- CreateTable
CREATE TABLE "LiveGame" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pin" TEXT NOT NULL,
    "openPin" TEXT,
    "title" TEXT NOT NULL,
    "hostId" TEXT NOT NULL,
    "releaseId" TEXT NOT NULL,
    "releaseName" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "teamsBy" TEXT,
    "status" TEXT NOT NULL DEFAULT 'lobby',
    "state" TEXT NOT NULL,
    "stateVersion" INTEGER NOT NULL,
    "displayToken" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" DATETIME,
    CONSTRAINT "LiveGame_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LivePlayer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "gameId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "unitId" TEXT,
    "tokenHash" TEXT NOT NULL,
    "score" INTEGER NOT NULL DEFAULT 0,
    "joinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LivePlayer_gameId_fkey" FOREIGN KEY ("gameId") REFERENCES "LiveGame" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LivePlayer_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LiveAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "gameId" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "questionIndex" INTEGER NOT NULL,
    "revisionId" TEXT NOT NULL,
    "answerId" TEXT NOT NULL,
    "optionIds" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "points" INTEGER,
    "serverReceivedAt" DATETIME NOT NULL,
    "elapsedMs" INTEGER NOT NULL,
    CONSTRAINT "LiveAnswer_gameId_fkey" FOREIGN KEY ("gameId") REFERENCES "LiveGame" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LiveAnswer_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "LivePlayer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "LiveGame_openPin_key" ON "LiveGame"("openPin");

-- CreateIndex
CREATE UNIQUE INDEX "LiveGame_displayToken_key" ON "LiveGame"("displayToken");

-- CreateIndex
CREATE INDEX "LiveGame_hostId_createdAt_idx" ON "LiveGame"("hostId", "createdAt");

-- CreateIndex
CREATE INDEX "LiveGame_status_idx" ON "LiveGame"("status");

-- CreateIndex
CREATE UNIQUE INDEX "LivePlayer_tokenHash_key" ON "LivePlayer"("tokenHash");

-- CreateIndex
CREATE INDEX "LivePlayer_gameId_idx" ON "LivePlayer"("gameId");

-- CreateIndex
CREATE INDEX "LiveAnswer_gameId_questionIndex_idx" ON "LiveAnswer"("gameId", "questionIndex");

-- CreateIndex
CREATE UNIQUE INDEX "LiveAnswer_gameId_playerId_questionIndex_key" ON "LiveAnswer"("gameId", "playerId", "questionIndex");
