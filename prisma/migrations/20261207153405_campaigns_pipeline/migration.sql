-- CreateEnum
CREATE TYPE "SkipReason" AS ENUM ('no_phone', 'opted_out', 'suppressed', 'frequency_capped', 'duplicate', 'cancelled');

-- DropIndex
DROP INDEX "CampaignRecipient_contactId_idx";

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "marketingCapHours" INTEGER DEFAULT 24;

-- AlterTable
ALTER TABLE "WhatsappConnection" ADD COLUMN     "messagingLimitTier" TEXT;

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "suppressedAt" TIMESTAMP(3),
ADD COLUMN     "suppressedReason" TEXT;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "repliedCampaignId" TEXT;

-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "autoRetry" JSONB,
ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "clickedCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "exclusions" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "launchVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "pausedAt" TIMESTAMP(3),
ADD COLUMN     "statusReason" JSONB,
ADD COLUMN     "repliedCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "replyWindowHours" INTEGER NOT NULL DEFAULT 72,
ADD COLUMN     "run" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "CampaignRecipient" ADD COLUMN     "clickedAt" TIMESTAMP(3),
ADD COLUMN     "notBefore" TIMESTAMP(3),
ADD COLUMN     "repliedAt" TIMESTAMP(3),
ADD COLUMN     "retryable" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "run" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "skipReason" "SkipReason",
ALTER COLUMN "phone" DROP NOT NULL;

-- CreateTable
CREATE TABLE "SendPacer" (
    "phoneNumberId" TEXT NOT NULL,
    "tat" TIMESTAMPTZ(3) NOT NULL,
    "backoffUntil" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SendPacer_pkey" PRIMARY KEY ("phoneNumberId")
);

-- CreateIndex
CREATE INDEX "CampaignRecipient_contactId_sentAt_idx" ON "CampaignRecipient"("contactId", "sentAt");

-- CreateIndex
CREATE INDEX "CampaignRecipient_status_claimedAt_idx" ON "CampaignRecipient"("status", "claimedAt");
