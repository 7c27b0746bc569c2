import type { SqlRunner } from '../db/database.ts';
import { appendEvents } from '../events/append-events.ts';
import type { InboxKind } from './inbox-kinds.ts';

/** What a raised inbox item is about. */
export interface RaiseInboxItem {
  readonly kind: InboxKind;
  readonly workItemId: string;
  /** The operator it concerns (the absent one for a hand-off approval). */
  readonly userId?: string | null;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly actor: string;
  readonly now: Date;
}

/**
 * Raises an inbox item about a work item in transaction `tx`, with an `inbox.raised` event; none
 * when the same kind is already open for that item (`open_key` is unique while open), so timers
 * and replicas may raise it as often as they see the matter. Returns the new item's id, or null.
 */
export async function raiseInboxItem(tx: SqlRunner, raise: RaiseInboxItem): Promise<string | null> {
  const [row] = await tx.query<{
    id: string;
    orderId: string;
    tokenId: string;
    nodeKey: string;
    workCenterId: string | null;
  }>(
    `INSERT INTO inbox_items (kind, payload, node_key, mo_id, atelier_job_id, token_id, work_item_id, user_id, open_key, created_at)
     SELECT $1, $2::jsonb, w.node_key, t.mo_id, t.atelier_job_id, t.id, w.id, $3::uuid, $1 || ':' || w.id, $5::timestamptz
       FROM work_items w JOIN tokens t ON t.id = w.token_id WHERE w.id = $4::uuid
     ON CONFLICT (open_key) DO NOTHING
     RETURNING id, COALESCE(mo_id, atelier_job_id) AS "orderId", token_id AS "tokenId", node_key AS "nodeKey",
               (SELECT work_center_id FROM work_items WHERE id = $4::uuid) AS "workCenterId"`,
    [raise.kind, JSON.stringify(raise.payload), raise.userId ?? null, raise.workItemId, raise.now],
  );
  if (row === undefined) return null;
  await appendEvents(tx, [
    {
      type: 'inbox.raised',
      at: raise.now,
      actor: raise.actor,
      orderId: row.orderId,
      tokenId: row.tokenId,
      workItemId: raise.workItemId,
      nodeKey: row.nodeKey,
      workCenterId: row.workCenterId,
      operatorId: raise.userId ?? null,
      data: { id: row.id, kind: raise.kind, ...raise.payload },
    },
  ]);
  return row.id;
}

/**
 * Closes an open inbox item of `kind` about a work item that no longer needs a decision (an
 * unassignable item got an owner), as `resolved`; returns how many it closed.
 */
export async function settleInboxItem(tx: SqlRunner, kind: InboxKind, workItemId: string, now: Date): Promise<number> {
  const rows = await tx.query(
    `UPDATE inbox_items SET status = 'resolved', resolved_at = $3::timestamptz, open_key = NULL
      WHERE open_key = $1 || ':' || $2::text RETURNING id`,
    [kind, workItemId, now],
  );
  return rows.length;
}
