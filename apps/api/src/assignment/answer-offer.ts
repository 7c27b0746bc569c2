import { actorRef } from '../auth/actor.ts';
import { prismaRunner } from '../db/prisma-runner.ts';
import { runCommand } from '../events/run-command.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import type { ProductionContext } from '../production/production-context.ts';
import { loadWorkItem } from '../work-items/load-work-item.ts';
import { stateOf, type WorkItemAfterCommand } from '../work-items/transition-work-item.ts';
import { actingUserId } from '../work-items/work-item-command-context.ts';
import { giveWorkItem } from './give-work-item.ts';
import { skipOperator } from './skip-operator.ts';

interface OfferRow {
  userId: string;
  expiresAt: Date;
  orderId: string;
  tokenId: string;
  nodeKey: string;
  workCenterId: string | null;
}

/**
 * The operator an item is offered to accepts (it becomes assigned to them, `work_item.offer_accepted`)
 * or declines it (`work_item.offer_declined`; they are skipped and the engine offers it to the next
 * candidate at its next pass). The offer row is locked for the answer, so an answer and the offer's
 * expiry never both happen. 409 `OFFER_NOT_OPEN` with the current offer (or none) when there is no
 * open offer to this operator: expired, answered, or someone else's.
 */
export async function answerOffer(
  context: ProductionContext,
  workItemId: string,
  accept: boolean,
): Promise<WorkItemAfterCommand> {
  const userId = actingUserId(context);
  return runCommand(context, async (prismaTx) => {
    const tx = prismaRunner(prismaTx);
    const current = await loadWorkItem(tx, workItemId, userId);
    const [offer] = await tx.query<OfferRow>(
      `SELECT o.user_id AS "userId", o.expires_at AS "expiresAt", COALESCE(t.mo_id, t.atelier_job_id) AS "orderId",
              t.id AS "tokenId", w.node_key AS "nodeKey", w.work_center_id AS "workCenterId"
         FROM assignment_offers o JOIN work_items w ON w.id = o.work_item_id JOIN tokens t ON t.id = w.token_id
        WHERE o.work_item_id = $1::uuid FOR UPDATE OF o`,
      [workItemId],
    );
    if (offer === undefined || offer.userId !== userId || new Date(offer.expiresAt) <= context.now)
      throw new HttpProblem(
        409,
        'OFFER_NOT_OPEN',
        'There is no open offer of this work item to you (expired, answered or someone else’s).',
        {
          state: current.item.state,
          offer:
            offer === undefined ? null : { userId: offer.userId, expiresAt: new Date(offer.expiresAt).toISOString() },
        },
      );
    await tx.query(`DELETE FROM assignment_offers WHERE work_item_id = $1::uuid`, [workItemId]);
    const event = {
      type: accept ? 'work_item.offer_accepted' : 'work_item.offer_declined',
      at: context.now,
      actor: actorRef(context.actor),
      orderId: offer.orderId,
      tokenId: offer.tokenId,
      workItemId,
      nodeKey: offer.nodeKey,
      workCenterId: offer.workCenterId,
      operatorId: userId,
      data: { operatorId: userId },
    };
    if (!accept) {
      await skipOperator(tx, workItemId, userId, 'declined', context.now);
      return { result: stateOf(current.item, current.version), events: [event] };
    }
    const given = await giveWorkItem(tx, context, workItemId, userId, { by: 'offer' });
    return { result: given.after, events: [event] };
  });
}
