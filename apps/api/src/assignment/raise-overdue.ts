import { nodeConfigSchema, overdueLimitMinutes, resolveAssignmentRule } from '@atelier/domain';
import { actorRef } from '../auth/actor.ts';
import type { SqlRunner } from '../db/database.ts';
import { raiseInboxItem } from '../inbox/raise-inbox-item.ts';
import type { WorkItemCommandContext } from '../work-items/work-item-command-context.ts';
import { loadRules } from './load-assignment-inputs.ts';

interface InProgressRow {
  id: string;
  graphId: string;
  nodeKey: string;
  workCenterId: string | null;
  config: unknown;
  standardMinutes: number;
  holderId: string | null;
  lastActivity: Date;
}

/**
 * Raises an OVERDUE inbox item for each in-progress work item with no activity (start, resume,
 * hand-off) for longer than its limit (`overdueLimitMinutes`), unless one is open already.
 */
export async function raiseOverdue(tx: SqlRunner, context: WorkItemCommandContext): Promise<number> {
  const rows = await tx.query<InProgressRow>(
    `SELECT w.id, gv.graph_id AS "graphId", w.node_key AS "nodeKey", w.work_center_id AS "workCenterId",
            node.body->'config' AS config, COALESCE(w.standard_minutes, 0) AS "standardMinutes", w.assignee_id AS "holderId",
            COALESCE((SELECT max(tl.started_at) FROM time_logs tl WHERE tl.work_item_id = w.id), w.updated_at) AS "lastActivity"
       FROM work_items w
       JOIN tokens t ON t.id = w.token_id
       JOIN graph_versions gv ON gv.id = t.graph_version_id
       LEFT JOIN graph_version_nodes node ON node.graph_version_id = t.graph_version_id AND node.node_key = w.node_key
      WHERE w.state = 'in_progress' AND t.state = 'active'
        AND NOT EXISTS (SELECT 1 FROM inbox_items i WHERE i.open_key = 'OVERDUE:' || w.id)`,
    [],
  );
  if (rows.length === 0) return 0;
  const rules = await loadRules(tx);
  let raised = 0;
  for (const row of rows) {
    const parsed = nodeConfigSchema.safeParse(row.config ?? {});
    const rule = resolveAssignmentRule(rules, row, parsed.success ? parsed.data : undefined);
    const limit = overdueLimitMinutes(rule, row.standardMinutes);
    const idleMinutes = (context.now.getTime() - new Date(row.lastActivity).getTime()) / 60_000;
    if (idleMinutes <= limit) continue;
    const id = await raiseInboxItem(tx, {
      kind: 'OVERDUE',
      workItemId: row.id,
      userId: row.holderId,
      payload: { idleMinutes: Math.floor(idleMinutes), limitMinutes: limit },
      actor: actorRef(context.actor),
      now: context.now,
    });
    if (id !== null) raised += 1;
  }
  return raised;
}
