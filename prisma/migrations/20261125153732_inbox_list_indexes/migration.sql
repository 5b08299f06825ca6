-- pg_trgm for the inbox search's trigram indexes, in schema public so every schema (production's,
-- each test file's) shares one copy; the indexes name its operator class as public.gin_trgm_ops.
-- Two test files migrating at once may race on CREATE EXTENSION: the loser finds it created.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
EXCEPTION WHEN unique_violation OR duplicate_object THEN NULL;
END $$;

-- DropIndex
DROP INDEX "Conversation_workspaceId_status_lastMessageAt_idx";

-- DropIndex
DROP INDEX "Conversation_workspaceId_assigneeId_lastMessageAt_idx";

-- CreateIndex
CREATE INDEX "Contact_name_trgm_idx" ON "Contact" USING GIN ("name" public.gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Contact_profileName_trgm_idx" ON "Contact" USING GIN ("profileName" public.gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Contact_phone_trgm_idx" ON "Contact" USING GIN ("phone" public.gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Conversation_workspaceId_status_lastMessageAt_id_idx" ON "Conversation"("workspaceId", "status", "lastMessageAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Conversation_workspaceId_status_assigneeId_lastMessageAt_id_idx" ON "Conversation"("workspaceId", "status", "assigneeId", "lastMessageAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Message_replyToWamid_idx" ON "Message"("replyToWamid");

-- CreateIndex
CREATE INDEX "Message_previewText_trgm_idx" ON "Message" USING GIN ("previewText" public.gin_trgm_ops);
