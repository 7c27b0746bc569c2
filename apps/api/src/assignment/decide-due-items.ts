import { planAssignments, resolveAssignmentRule, type AssignmentDecision } from '@atelier/domain';
import { actorRef } from '../auth/actor.ts';
import type { SqlRunner } from '../db/database.ts';
import { appendEvents } from '../events/append-events.ts';
import { raiseInboxItem, settleInboxItem } from '../inbox/raise-inbox-item.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import type { WorkItemCommandContext } from '../work-items/work-item-command-context.ts';
import { giveWorkItem } from './give-work-item.ts';
import { loadCandidates, loadDueItems, loadRules, type LoadedAssignable } from './load-assignment-inputs.ts';
import { recordDecision } from './record-decision.ts';

/** What one pass decided, by action. */
export type DecisionCounts = Record<AssignmentDecision['action'], number>;

/**
 * Decides the ready items due for a decision (`loadDueItems`, at most `limit`) in transaction
 * `tx`: the domain plans the batch, then each item is assigned, offered, left in its pool or for a
 * manager, or raised as an UNASSIGNABLE inbox item naming the filter that excluded everyone; every
 * decision is recorded so the item is not decided again until it changes.
 */
export async function decideDueItems(
  tx: SqlRunner,
  context: WorkItemCommandContext,
  options: { readonly limit: number; readonly retryBefore: Date },
): Promise<DecisionCounts> {
  const counts: DecisionCounts = { assign: 0, offer: 0, pool: 0, manual: 0, unassignable: 0 };
  const due = await loadDueItems(tx, options.retryBefore, options.limit);
  if (due.length === 0) return counts;
  const rules = await loadRules(tx);
  const candidates = await loadCandidates(tx);
  const byId = new Map(due.map((entry) => [entry.item.id, entry]));
  const ruleOf = (entry: LoadedAssignable) => resolveAssignmentRule(rules, entry.item, entry.config);
  const { decisions } = planAssignments(
    due.map((entry) => entry.item),
    candidates,
    (item) => ruleOf(byId.get(item.id) as LoadedAssignable),
    context.now,
  );
  for (const decision of decisions) {
    const entry = byId.get(decision.workItemId) as LoadedAssignable;
    if (await carryOut(tx, context, decision, entry)) counts[decision.action] += 1;
    await recordDecision(tx, decision, entry.version, context.now);
  }
  return counts;
}

/** Does what a decision says; false when the item was taken meanwhile (nothing to do). */
async function carryOut(
  tx: SqlRunner,
  context: WorkItemCommandContext,
  decision: AssignmentDecision,
  entry: LoadedAssignable,
): Promise<boolean> {
  const { action, chosenId, rule } = decision;
  if ((action === 'assign' || action === 'offer') && chosenId !== null) {
    await settleInboxItem(tx, 'UNASSIGNABLE', entry.item.id, context.now);
    if (action === 'offer') {
      await offerWorkItem(tx, context, entry, chosenId, rule.offerTimeoutSec);
      return true;
    }
    try {
      await giveWorkItem(tx, context, entry.item.id, chosenId, {
        by: 'engine',
        ruleId: rule.ruleId,
        claimTimeoutSec: rule.source === 'node-config' ? null : rule.claimTimeoutSec,
      });
      return true;
    } catch (error) {
      // Claimed or changed since the read: it is someone's now, or due again at its new version.
      if (error instanceof HttpProblem) return false;
      throw error;
    }
  }
  if (action === 'unassignable') {
    await raiseInboxItem(tx, {
      kind: 'UNASSIGNABLE',
      workItemId: entry.item.id,
      payload: { policy: rule.policy, blockingFilter: decision.blockingFilter, excludedBy: decision.excludedBy },
      actor: actorRef(context.actor),
      now: context.now,
    });
  }
  return true;
}

/** Offers a ready item to `userId` until `timeoutSec` from now, with a `work_item.offered` event. */
async function offerWorkItem(
  tx: SqlRunner,
  context: WorkItemCommandContext,
  entry: LoadedAssignable,
  userId: string,
  timeoutSec: number,
): Promise<void> {
  const expiresAt = new Date(context.now.getTime() + timeoutSec * 1000);
  await tx.query(
    `INSERT INTO assignment_offers (work_item_id, user_id, offered_at, expires_at)
     VALUES ($1::uuid, $2::uuid, $3::timestamptz, $4::timestamptz)
     ON CONFLICT (work_item_id) DO NOTHING`,
    [entry.item.id, userId, context.now, expiresAt],
  );
  await tx.query(`UPDATE users SET last_assigned_at = $2::timestamptz WHERE id = $1::uuid`, [userId, context.now]);
  await appendEvents(tx, [
    {
      type: 'work_item.offered',
      at: context.now,
      actor: actorRef(context.actor),
      orderId: entry.orderId,
      tokenId: entry.tokenId,
      workItemId: entry.item.id,
      nodeKey: entry.item.nodeKey,
      workCenterId: entry.item.workCenterId,
      operatorId: userId,
      data: { operatorId: userId, expiresAt: expiresAt.toISOString() },
    },
  ]);
}
