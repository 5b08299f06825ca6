-- The pending-send sweep (lib/services/inbox/pending-sweep.ts) looks for outbound messages still
-- pending after minutes. A partial index holds only those few rows, however many messages there
-- are; Prisma's schema cannot express a partial index, so it lives here only.
CREATE INDEX "Message_pending_outbound_idx" ON "Message" ("updatedAt") WHERE status = 'pending' AND direction = 'outbound';
