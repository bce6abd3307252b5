/*
  districtId → areaId on ParticipantProfile and UnitRequest: renamed, values kept (edited by hand).
*/
-- DropForeignKey
ALTER TABLE "ParticipantProfile" DROP CONSTRAINT "ParticipantProfile_districtId_fkey";

-- DropForeignKey
ALTER TABLE "UnitRequest" DROP CONSTRAINT "UnitRequest_districtId_fkey";

-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "areaId" TEXT;

-- AlterTable
ALTER TABLE "LivePlayer" ADD COLUMN     "areaId" TEXT;

-- AlterTable
ALTER TABLE "ParticipantProfile" RENAME COLUMN "districtId" TO "areaId";
ALTER TABLE "ParticipantProfile" ALTER COLUMN "areaId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Unit" ADD COLUMN     "validFrom" TIMESTAMP(3),
ADD COLUMN     "validTo" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "UnitRequest" RENAME COLUMN "districtId" TO "areaId";
ALTER TABLE "UnitRequest" ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "reason" TEXT,
ADD COLUMN     "unitId" TEXT;

-- CreateTable
CREATE TABLE "UnitSuccession" (
    "id" TEXT NOT NULL,
    "predecessorId" TEXT NOT NULL,
    "successorId" TEXT NOT NULL,
    "share" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "effectiveAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UnitSuccession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganisationSetting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrganisationSetting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "UnitSuccession_successorId_idx" ON "UnitSuccession"("successorId");

-- CreateIndex
CREATE UNIQUE INDEX "UnitSuccession_predecessorId_successorId_key" ON "UnitSuccession"("predecessorId", "successorId");

-- AddForeignKey
ALTER TABLE "UnitSuccession" ADD CONSTRAINT "UnitSuccession_predecessorId_fkey" FOREIGN KEY ("predecessorId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitSuccession" ADD CONSTRAINT "UnitSuccession_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParticipantProfile" ADD CONSTRAINT "ParticipantProfile_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitRequest" ADD CONSTRAINT "UnitRequest_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitRequest" ADD CONSTRAINT "UnitRequest_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attempt" ADD CONSTRAINT "Attempt_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LivePlayer" ADD CONSTRAINT "LivePlayer_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;
