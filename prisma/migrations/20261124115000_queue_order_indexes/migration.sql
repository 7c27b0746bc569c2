-- A work queue (`GET /work-items?available=me&node=…` or `&workCenter=…`) is read highest
-- priority first, then oldest. With the sort order in the index, a page is read in index order
-- and stops at the page size, instead of qualifying and sorting every ready item of the node.
-- They replace the (state, node_key) and (work_center_id, state) indexes, whose prefix they keep.

-- DropIndex
DROP INDEX "work_items_state_node_key_idx";
DROP INDEX "work_items_work_center_id_state_idx";

-- CreateIndex
CREATE INDEX "work_items_state_node_key_priority_created_at_id_idx" ON "work_items"("state", "node_key", "priority" DESC, "created_at", "id");
CREATE INDEX "work_items_work_center_id_state_priority_created_at_id_idx" ON "work_items"("work_center_id", "state", "priority" DESC, "created_at", "id");
