/*
  districtId → areaId on ParticipantProfile and UnitRequest: the values are copied (edited by hand).

*/
-- AlterTable
ALTER TABLE "Unit" ADD COLUMN "validFrom" DATETIME;
ALTER TABLE "Unit" ADD COLUMN "validTo" DATETIME;

-- CreateTable
CREATE TABLE "UnitSuccession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "predecessorId" TEXT NOT NULL,
    "successorId" TEXT NOT NULL,
    "share" REAL NOT NULL DEFAULT 1,
    "effectiveAt" DATETIME NOT NULL,
    CONSTRAINT "UnitSuccession_predecessorId_fkey" FOREIGN KEY ("predecessorId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "UnitSuccession_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrganisationSetting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Attempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "userId" TEXT,
    "participantKey" TEXT NOT NULL,
    "attemptNumber" INTEGER NOT NULL,
    "audience" TEXT,
    "unitId" TEXT,
    "areaId" TEXT,
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
    CONSTRAINT "Attempt_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Attempt_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Attempt" ("attemptNumber", "audience", "currentIndex", "deadline", "demo", "id", "participantKey", "prediction", "questions", "roundId", "seed", "startedAt", "submittedAt", "unitId", "userId") SELECT "attemptNumber", "audience", "currentIndex", "deadline", "demo", "id", "participantKey", "prediction", "questions", "roundId", "seed", "startedAt", "submittedAt", "unitId", "userId" FROM "Attempt";
DROP TABLE "Attempt";
ALTER TABLE "new_Attempt" RENAME TO "Attempt";
CREATE INDEX "Attempt_userId_idx" ON "Attempt"("userId");
CREATE UNIQUE INDEX "Attempt_roundId_participantKey_attemptNumber_key" ON "Attempt"("roundId", "participantKey", "attemptNumber");
CREATE TABLE "new_LivePlayer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "gameId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "unitId" TEXT,
    "areaId" TEXT,
    "tokenHash" TEXT NOT NULL,
    "score" INTEGER NOT NULL DEFAULT 0,
    "joinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LivePlayer_gameId_fkey" FOREIGN KEY ("gameId") REFERENCES "LiveGame" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LivePlayer_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "LivePlayer_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_LivePlayer" ("displayName", "gameId", "id", "joinedAt", "score", "tokenHash", "unitId") SELECT "displayName", "gameId", "id", "joinedAt", "score", "tokenHash", "unitId" FROM "LivePlayer";
DROP TABLE "LivePlayer";
ALTER TABLE "new_LivePlayer" RENAME TO "LivePlayer";
CREATE UNIQUE INDEX "LivePlayer_tokenHash_key" ON "LivePlayer"("tokenHash");
CREATE INDEX "LivePlayer_gameId_idx" ON "LivePlayer"("gameId");
CREATE TABLE "new_ParticipantProfile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "birthYear" INTEGER NOT NULL,
    "audience" TEXT NOT NULL,
    "areaId" TEXT,
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
    CONSTRAINT "ParticipantProfile_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ParticipantProfile_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ParticipantProfile" ("audience", "birthYear", "childConsent", "className", "consentVersion", "consentedAt", "createdAt", "demo", "displayName", "guardianDeclaredAt", "guardianName", "id", "unitId", "updatedAt", "userId", "areaId") SELECT "audience", "birthYear", "childConsent", "className", "consentVersion", "consentedAt", "createdAt", "demo", "displayName", "guardianDeclaredAt", "guardianName", "id", "unitId", "updatedAt", "userId", "districtId" FROM "ParticipantProfile";
DROP TABLE "ParticipantProfile";
ALTER TABLE "new_ParticipantProfile" RENAME TO "ParticipantProfile";
CREATE UNIQUE INDEX "ParticipantProfile_userId_key" ON "ParticipantProfile"("userId");
CREATE INDEX "ParticipantProfile_unitId_idx" ON "ParticipantProfile"("unitId");
CREATE TABLE "new_UnitRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestedById" TEXT,
    "name" TEXT NOT NULL,
    "areaId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "reason" TEXT,
    "unitId" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "UnitRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "UnitRequest_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "UnitRequest_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_UnitRequest" ("createdAt", "id", "name", "requestedById", "status", "areaId") SELECT "createdAt", "id", "name", "requestedById", "status", "districtId" FROM "UnitRequest";
DROP TABLE "UnitRequest";
ALTER TABLE "new_UnitRequest" RENAME TO "UnitRequest";
CREATE INDEX "UnitRequest_status_idx" ON "UnitRequest"("status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "UnitSuccession_successorId_idx" ON "UnitSuccession"("successorId");

-- CreateIndex
CREATE UNIQUE INDEX "UnitSuccession_predecessorId_successorId_key" ON "UnitSuccession"("predecessorId", "successorId");
