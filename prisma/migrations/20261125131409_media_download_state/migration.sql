-- AlterTable
ALTER TABLE "Media" ADD COLUMN     "direction" "MessageDirection" NOT NULL DEFAULT 'inbound',
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3);
