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
    "correct" INTEGER,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Attempt_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Attempt_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Attempt_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Attempt" ("attemptNumber", "audience", "currentIndex", "deadline", "demo", "id", "participantKey", "prediction", "questions", "roundId", "seed", "startedAt", "submittedAt", "unitId", "userId", "areaId") SELECT "attemptNumber", "audience", "currentIndex", "deadline", "demo", "id", "participantKey", "prediction", "questions", "roundId", "seed", "startedAt", "submittedAt", "unitId", "userId", "areaId" FROM "Attempt";
DROP TABLE "Attempt";
ALTER TABLE "new_Attempt" RENAME TO "Attempt";
CREATE INDEX "Attempt_userId_idx" ON "Attempt"("userId");
CREATE INDEX "Attempt_updatedAt_idx" ON "Attempt"("updatedAt");
CREATE INDEX "Attempt_startedAt_idx" ON "Attempt"("startedAt");
CREATE INDEX "Attempt_correct_idx" ON "Attempt"("correct");
CREATE UNIQUE INDEX "Attempt_roundId_participantKey_attemptNumber_key" ON "Attempt"("roundId", "participantKey", "attemptNumber");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
