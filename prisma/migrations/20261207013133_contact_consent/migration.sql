-- CreateEnum
CREATE TYPE "ConsentSource" AS ENUM ('manual', 'keyword', 'meta', 'import', 'api', 'form', 'inbound_message');

-- CreateEnum
CREATE TYPE "ConsentKind" AS ENUM ('opt_in', 'opt_out');

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "optInKeywords" TEXT[] DEFAULT ARRAY['START', 'SUBSCRIBE', 'MULAI']::TEXT[],
ADD COLUMN     "optOutKeywords" TEXT[] DEFAULT ARRAY['STOP', 'UNSUBSCRIBE', 'BERHENTI', 'BATAL']::TEXT[];

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "optInSource" "ConsentSource",
ADD COLUMN     "optOutSource" "ConsentSource",
ADD COLUMN     "optedInAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ConsentEvent" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "kind" "ConsentKind" NOT NULL,
    "source" "ConsentSource" NOT NULL,
    "detail" TEXT,
    "messageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConsentEvent_messageId_key" ON "ConsentEvent"("messageId");

-- CreateIndex
CREATE INDEX "ConsentEvent_workspaceId_contactId_createdAt_idx" ON "ConsentEvent"("workspaceId", "contactId", "createdAt");

-- AddForeignKey
ALTER TABLE "ConsentEvent" ADD CONSTRAINT "ConsentEvent_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentEvent" ADD CONSTRAINT "ConsentEvent_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
