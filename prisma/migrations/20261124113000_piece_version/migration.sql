-- Optimistic concurrency per piece: every command that changes a piece (its tokens, work items,
-- operators or time logs) bumps its root token's piece_version in the same statement, so a
-- routing step computed from a piece read without a lock can be written with ONE guarded
-- statement (nothing is written when the piece changed since it was read).

-- AlterTable
ALTER TABLE "tokens" ADD COLUMN "piece_version" INTEGER NOT NULL DEFAULT 0;
