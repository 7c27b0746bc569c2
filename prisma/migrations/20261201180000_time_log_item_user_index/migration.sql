-- Ending an operator's time log looks it up by work item AND user. With only (work_item_id) and
-- (user_id, started_at) to choose from, the planner ANDed both bitmaps, reading every time log the
-- operator ever had: a close got slower with each shift worked. One index on both columns finds
-- the log directly; it keeps (work_item_id) as its prefix, so it replaces that index.

-- DropIndex
DROP INDEX "time_logs_work_item_id_idx";

-- CreateIndex
CREATE INDEX "time_logs_work_item_id_user_id_idx" ON "time_logs"("work_item_id", "user_id");
