-- Inbox search by a phrase of several words (lib/services/inbox/conversation-search.ts): each
-- message's words as a tsvector, kept by Postgres itself from previewText, and a GIN index of them.
-- The trigram index serves one-word searches, but a phrase with short common words ("ongkir ke
-- medan") makes it read the posting lists of millions of rows. A stored column rather than an
-- index on the expression: where the planner walks the newest messages instead (a phrase found
-- everywhere), each row's words are read, not parsed again (bench/README.md, inbox-query).
-- 'simple' lower-cases and keeps every word: no stemming, no stop words, for every language.
-- Prisma's schema knows the column as Unsupported("tsvector") and cannot say it is generated.

-- AlterTable
ALTER TABLE "Message" ADD COLUMN "previewWords" tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce("previewText", ''))) STORED;

-- CreateIndex
CREATE INDEX "Message_previewWords_idx" ON "Message" USING GIN ("previewWords");
