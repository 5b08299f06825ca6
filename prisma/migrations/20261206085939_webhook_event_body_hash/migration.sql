-- AlterTable
ALTER TABLE "WebhookEvent" ADD COLUMN     "bodyHash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "WebhookEvent_bodyHash_key" ON "WebhookEvent"("bodyHash");
