-- Set by the command's own transaction when a request with an Idempotency-Key commits its writes:
-- a retry after a lost response must not run the command again.
ALTER TABLE "idempotency_keys" ADD COLUMN "committed_at" TIMESTAMPTZ(3);
