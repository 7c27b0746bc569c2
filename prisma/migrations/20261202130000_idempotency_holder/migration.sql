-- The connection name (`application_name`) of the process running a key's first request: the key
-- stays "in use" only while that process still has a connection to the database, so a retry after
-- it died runs at once (or, when its command had committed, is told the answer was lost).
-- Rows written before this column existed have no holder and count as abandoned.
ALTER TABLE "idempotency_keys" ADD COLUMN "holder" TEXT;
