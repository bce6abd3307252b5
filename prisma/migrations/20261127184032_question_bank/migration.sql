-- CreateTable
CREATE TABLE "Question" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "topic" TEXT NOT NULL,
    "subtopic" TEXT,
    "locality" TEXT,
    "retired" BOOLEAN NOT NULL DEFAULT false,
    "latestRevisionNumber" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "QuestionRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "questionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "authorId" TEXT,
    "reviewerId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedAt" DATETIME,
    CONSTRAINT "QuestionRevision_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "QuestionRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "QuestionRevision_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BankRelease" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT NOT NULL,
    CONSTRAINT "BankRelease_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BankReleaseItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "releaseId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    CONSTRAINT "BankReleaseItem_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "BankRelease" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BankReleaseItem_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "BankReleaseItem_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "QuestionRevision" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Question_topic_subtopic_idx" ON "Question"("topic", "subtopic");

-- CreateIndex
CREATE INDEX "Question_locality_idx" ON "Question"("locality");

-- CreateIndex
CREATE INDEX "QuestionRevision_status_idx" ON "QuestionRevision"("status");

-- CreateIndex
CREATE UNIQUE INDEX "QuestionRevision_questionId_number_key" ON "QuestionRevision"("questionId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "BankRelease_name_key" ON "BankRelease"("name");

-- CreateIndex
CREATE INDEX "BankReleaseItem_revisionId_idx" ON "BankReleaseItem"("revisionId");

-- CreateIndex
CREATE UNIQUE INDEX "BankReleaseItem_releaseId_questionId_key" ON "BankReleaseItem"("releaseId", "questionId");
