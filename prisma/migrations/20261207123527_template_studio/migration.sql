-- CreateEnum
CREATE TYPE "TemplateParameterFormat" AS ENUM ('POSITIONAL', 'NAMED');

-- CreateEnum
CREATE TYPE "TemplateQuality" AS ENUM ('GREEN', 'YELLOW', 'RED', 'UNKNOWN');

-- AlterTable
ALTER TABLE "Template" ADD COLUMN     "draft" JSONB,
ADD COLUMN     "editCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lastEditedAt" TIMESTAMP(3),
ADD COLUMN     "lastError" JSONB,
ADD COLUMN     "parameterFormat" "TemplateParameterFormat" NOT NULL DEFAULT 'POSITIONAL',
ADD COLUMN     "previousCategory" "TemplateCategory",
ADD COLUMN     "qualityScore" "TemplateQuality",
ADD COLUMN     "qualityUpdatedAt" TIMESTAMP(3),
ADD COLUMN     "syncedAt" TIMESTAMP(3);
