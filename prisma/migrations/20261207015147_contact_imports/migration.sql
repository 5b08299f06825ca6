-- CreateEnum
CREATE TYPE "ContactImportStatus" AS ENUM ('uploaded', 'queued', 'running', 'completed', 'failed');

-- CreateEnum
CREATE TYPE "DuplicateMode" AS ENUM ('skip', 'update', 'fill_empty');

-- CreateTable
CREATE TABLE "ContactImport" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "createdById" TEXT,
    "filename" TEXT NOT NULL,
    "fileKey" TEXT NOT NULL,
    "fileSize" INTEGER NOT NULL,
    "encoding" TEXT NOT NULL,
    "delimiter" TEXT NOT NULL,
    "columns" JSONB NOT NULL,
    "mapping" JSONB,
    "duplicateMode" "DuplicateMode" NOT NULL DEFAULT 'skip',
    "tagNames" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "ContactImportStatus" NOT NULL DEFAULT 'uploaded',
    "rowsDone" INTEGER NOT NULL DEFAULT 0,
    "runId" TEXT,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContactImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactImportRejection" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "field" TEXT,
    "values" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactImportRejection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactImportPhone" (
    "workspaceId" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "rowNumber" INTEGER NOT NULL,

    CONSTRAINT "ContactImportPhone_pkey" PRIMARY KEY ("importId","phone")
);

-- CreateIndex
CREATE INDEX "ContactImport_workspaceId_createdAt_idx" ON "ContactImport"("workspaceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ContactImportRejection_importId_rowNumber_key" ON "ContactImportRejection"("importId", "rowNumber");

-- AddForeignKey
ALTER TABLE "ContactImport" ADD CONSTRAINT "ContactImport_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactImportRejection" ADD CONSTRAINT "ContactImportRejection_importId_fkey" FOREIGN KEY ("importId") REFERENCES "ContactImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactImportPhone" ADD CONSTRAINT "ContactImportPhone_importId_fkey" FOREIGN KEY ("importId") REFERENCES "ContactImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;
