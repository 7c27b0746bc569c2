import { commandWorkItem } from '../assignment/give-work-item.ts';
import { decideDueItems } from '../assignment/decide-due-items.ts';
import { ENGINE_ACTOR } from '../assignment/engine-actor.ts';
import type { Actor } from '../auth/actor.ts';
import type { Database, SqlRunner } from '../db/database.ts';
import { raiseInboxItem } from '../inbox/raise-inbox-item.ts';
import { loadWorkItem } from '../work-items/load-work-item.ts';

const NO_HUB = { wake: () => undefined };

/**
 * The assignment engine's demo, written inside the seed's transaction after the pieces: rules on
 * the demo routings (stitching auto, atelier hand edge painting offered, cutting a pool, final
 * inspection of the tote auto for the QC team one piece at a time); Lucas Moreau, absent today,
 * went home sick while packing a tote, so that piece waits in the inbox for an approved hand-off;
 * then one engine decision over the ready work — with Lucas away and Siriporn busy inspecting,
 * the tote's next inspection is unassignable, so the inbox is never empty on first start.
 */
export async function seedAssignmentDemo(db: Database, tx: SqlRunner, now: Date, manager: Actor): Promise<void> {
  await tx.query(`
    INSERT INTO assignment_rules (work_center_id, policy, created_at, updated_at)
    SELECT id, 'auto'::assignment_policy, now(), now() FROM work_centers WHERE code = 'STI'
    UNION ALL
    SELECT id, 'pool'::assignment_policy, now(), now() FROM work_centers WHERE code = 'CUT'`);
  await tx.query(`
    INSERT INTO assignment_rules (graph_id, node_key, policy, offer_timeout_sec)
    SELECT id, 'hand-edge', 'offer', 900 FROM routing_graphs WHERE code = 'EDGE-01'`);
  await tx.query(`
    INSERT INTO assignment_rules (graph_id, node_key, policy, team_id, max_open_minutes)
    SELECT g.id, 'qc', 'auto', (SELECT id FROM teams WHERE code = 'QC-PACKING'),
           COALESCE((SELECT max((n.body->'config'->>'standardMinutes')::numeric)::int
                       FROM graph_versions gv JOIN graph_version_nodes n ON n.graph_version_id = gv.id
                      WHERE gv.graph_id = g.id AND n.node_key = 'qc'), 10)
      FROM routing_graphs g WHERE g.code = 'TOTE-01'`);
  await lucasWentHomeSick(db, tx, now, manager);
  await decideDueItems(
    tx,
    { db, hub: NO_HUB, idempotencyKey: null, actor: ENGINE_ACTOR, now },
    { limit: 1000, retryBefore: now },
  );
}

async function lucasWentHomeSick(db: Database, tx: SqlRunner, now: Date, manager: Actor): Promise<void> {
  const [row] = await tx.query<{ itemId: string; lucasId: string }>(
    `SELECT w.id AS "itemId", u.id AS "lucasId"
       FROM work_items w JOIN tokens t ON t.id = w.token_id JOIN manufacturing_orders mo ON mo.id = t.mo_id,
            users u
      WHERE u.username = 'lucas.m' AND mo.code = 'MO-2026-0012' AND w.node_key = 'pack' AND w.state = 'ready'
      ORDER BY t.serial LIMIT 1`,
  );
  if (row === undefined) return;
  // At the story's end (`now`): the demo's events are in time order and none is later.
  const at = { db, hub: NO_HUB, idempotencyKey: null, actor: manager, now };
  const { itemId, lucasId } = row;
  await commandWorkItem(tx, at, await loadWorkItem(tx, itemId, lucasId), {
    type: 'claim',
    operatorId: lucasId,
    now,
  });
  await commandWorkItem(tx, at, await loadWorkItem(tx, itemId, lucasId), {
    type: 'start',
    operatorId: lucasId,
    now,
  });
  await tx.query(`UPDATE users SET absence_reason = 'Went home sick' WHERE id = $1::uuid`, [lucasId]);
  await raiseInboxItem(tx, {
    kind: 'HANDOFF_APPROVAL',
    workItemId: itemId,
    userId: lucasId,
    payload: { absentUserId: lucasId, reason: 'Went home sick', state: 'in_progress' },
    actor: `user:${manager.userId}`,
    now,
  });
}
