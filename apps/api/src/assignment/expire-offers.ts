import { actorRef } from '../auth/actor.ts';
import type { SqlRunner } from '../db/database.ts';
import { appendEvents } from '../events/append-events.ts';
import type { WorkItemCommandContext } from '../work-items/work-item-command-context.ts';
import { skipOperator } from './skip-operator.ts';

interface ExpiredOffer {
  workItemId: string;
  userId: string;
  orderId: string;
  tokenId: string;
  nodeKey: string;
  workCenterId: string | null;
}

/**
 * Ends the offers not answered by `now` (at most `limit`): each is deleted with a
 * `work_item.offer_expired` event, its operator is skipped for the item and the item is decided
 * again, so the next candidate gets the offer (or, after the last, it becomes unassignable).
 */
export async function expireOffers(tx: SqlRunner, context: WorkItemCommandContext, limit: number): Promise<number> {
  const expired = await tx.query<ExpiredOffer>(
    `DELETE FROM assignment_offers o
      USING work_items w, tokens t
      WHERE o.work_item_id IN (SELECT work_item_id FROM assignment_offers WHERE expires_at <= $1::timestamptz
                                ORDER BY expires_at LIMIT $2::int FOR UPDATE SKIP LOCKED)
        AND w.id = o.work_item_id AND t.id = w.token_id
      RETURNING o.work_item_id AS "workItemId", o.user_id AS "userId", COALESCE(t.mo_id, t.atelier_job_id) AS "orderId",
                t.id AS "tokenId", w.node_key AS "nodeKey", w.work_center_id AS "workCenterId"`,
    [context.now, limit],
  );
  for (const offer of expired) await skipOperator(tx, offer.workItemId, offer.userId, 'offer_expired', context.now);
  await appendEvents(
    tx,
    expired.map((offer) => ({
      type: 'work_item.offer_expired',
      at: context.now,
      actor: actorRef(context.actor),
      orderId: offer.orderId,
      tokenId: offer.tokenId,
      workItemId: offer.workItemId,
      nodeKey: offer.nodeKey,
      workCenterId: offer.workCenterId,
      operatorId: offer.userId,
      data: { operatorId: offer.userId },
    })),
  );
  return expired.length;
}
