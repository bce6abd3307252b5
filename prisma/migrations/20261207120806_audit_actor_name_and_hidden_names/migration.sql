-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN "actorName" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "hideNamePublicly" BOOLEAN NOT NULL DEFAULT false,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ParticipantProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ParticipantProfile_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ParticipantProfile_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ParticipantProfile" ("areaId", "audience", "birthYear", "childConsent", "className", "consentVersion", "consentedAt", "createdAt", "demo", "displayName", "guardianDeclaredAt", "guardianName", "id", "unitId", "updatedAt", "userId") SELECT "areaId", "audience", "birthYear", "childConsent", "className", "consentVersion", "consentedAt", "createdAt", "demo", "displayName", "guardianDeclaredAt", "guardianName", "id", "unitId", "updatedAt", "userId" FROM "ParticipantProfile";
DROP TABLE "ParticipantProfile";
ALTER TABLE "new_ParticipantProfile" RENAME TO "ParticipantProfile";
CREATE UNIQUE INDEX "ParticipantProfile_userId_key" ON "ParticipantProfile"("userId");
CREATE INDEX "ParticipantProfile_unitId_idx" ON "ParticipantProfile"("unitId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
