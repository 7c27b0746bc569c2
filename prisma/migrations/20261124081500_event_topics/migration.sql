-- Event topics: subscribers filter the outbox by order, node, work center and operator, so each
-- topic is a column (a filter is a comparison, a catch-up read can use an index). IF NOT EXISTS:
-- the node key column may already come with the initial schema.

-- AlterTable
ALTER TABLE "events" ADD COLUMN IF NOT EXISTS "node_key" TEXT,
ADD COLUMN "work_center_id" UUID,
ADD COLUMN "operator_id" UUID;

-- CreateIndex
CREATE INDEX IF NOT EXISTS "events_node_key_seq_idx" ON "events"("node_key", "seq");
CREATE INDEX "events_work_center_id_seq_idx" ON "events"("work_center_id", "seq");
CREATE INDEX "events_operator_id_seq_idx" ON "events"("operator_id", "seq");
