import type { WorkItemCommand } from '@atelier/domain';
import type { SqlRunner } from '../db/database.ts';
import { actorRef } from '../auth/actor.ts';
import { appendEvents } from '../events/append-events.ts';
import type { NewEvent } from '../events/new-event.ts';
import { loadWorkItem, type LoadedWorkItem } from '../work-items/load-work-item.ts';
import { transitionLoaded, type Transitioned } from '../work-items/transition-work-item.ts';
import type { WorkItemCommandContext } from '../work-items/work-item-command-context.ts';

/**
 * Gives a work-item command on behalf of the engine or a manager inside transaction `tx`, through
 * the work queue's one writer (`transitionLoaded`: domain machine, guarded write, events). The
 * caller has decided it may; a lost race throws the writer's 409 problem.
 */
export async function commandWorkItem(
  tx: SqlRunner,
  context: WorkItemCommandContext,
  loaded: LoadedWorkItem,
  command: WorkItemCommand,
): Promise<Transitioned> {
  return transitionLoaded(tx, context, loaded, {
    authorize: () => undefined,
    command: () => command,
    guard: command.type === 'claim' ? { kind: 'ready' } : { kind: 'version' },
  });
}

/** Who gave the work and why, recorded on the `work_item.assigned` event. */
export interface GiveReason {
  readonly by: 'engine' | 'manager' | 'offer';
  readonly ruleId?: string | null;
  readonly force?: boolean;
  readonly reason?: string | null;
  /** The rule's claim timeout, when it sets one (else the node's applies). */
  readonly claimTimeoutSec?: number | null;
}

/**
 * Assigns a ready work item to `userId` in transaction `tx`: the claim is written as theirs (so the
 * claim deadline, events and queues are the same as for a claim of their own), they become the
 * most recently assigned (round-robin), and a `work_item.assigned` event says who gave it and why.
 */
export async function giveWorkItem(
  tx: SqlRunner,
  context: WorkItemCommandContext,
  workItemId: string,
  userId: string,
  why: GiveReason,
): Promise<Transitioned> {
  const loaded = await loadWorkItem(tx, workItemId, userId);
  const done = await commandWorkItem(tx, context, loaded, { type: 'claim', operatorId: userId, now: context.now });
  if (why.claimTimeoutSec != null) {
    await tx.query(
      `UPDATE work_items SET claim_deadline = $2::timestamptz WHERE id = $1::uuid AND state = 'assigned'`,
      [workItemId, new Date(context.now.getTime() + why.claimTimeoutSec * 1000)],
    );
  }
  await tx.query(`UPDATE users SET last_assigned_at = $2::timestamptz WHERE id = $1::uuid`, [userId, context.now]);
  const event: NewEvent = {
    type: 'work_item.assigned',
    at: context.now,
    actor: actorRef(context.actor),
    orderId: loaded.order.id,
    tokenId: loaded.item.tokenId,
    workItemId,
    nodeKey: loaded.item.nodeKey,
    workCenterId: loaded.workCenterId,
    operatorId: userId,
    data: {
      operatorId: userId,
      by: why.by,
      ruleId: why.ruleId ?? null,
      force: why.force ?? false,
      reason: why.reason ?? null,
    },
  };
  await appendEvents(tx, [event]);
  return done;
}
