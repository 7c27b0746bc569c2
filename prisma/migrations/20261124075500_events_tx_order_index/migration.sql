-- Readers of the outbox deliver events in (tx_id, seq) order, only from transactions older than
-- every transaction still in flight (tx_id < pg_snapshot_xmin(pg_current_snapshot())). Ordering by
-- seq alone could skip an event whose transaction took its seq early but commits late.

-- CreateIndex
CREATE INDEX "events_tx_id_seq_idx" ON "events"("tx_id", "seq");
