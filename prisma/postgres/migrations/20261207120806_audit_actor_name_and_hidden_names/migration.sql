-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "actorName" TEXT;

-- AlterTable
ALTER TABLE "ParticipantProfile" ADD COLUMN     "hideNamePublicly" BOOLEAN NOT NULL DEFAULT false;
