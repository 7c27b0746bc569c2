import type { Effects } from '@atelier/domain';
import type { SqlRunner } from '../db/database.ts';
import { persistEffects, type PersistContext, type PersistOutcome } from './persist-effects.ts';
import { finishedOrders, noOrders, settleOrders } from './settle-orders.ts';

/**
 * Writes a domain step computed from pieces read without a lock: ONE statement (one round trip,
 * its own transaction), guarded by the pieces' versions. `written: false` when a piece changed
 * since it was read (nothing was written): read again and recompute. After a step that finished
 * pieces has committed, their orders are settled (`settleOrders`).
 */
export async function writeStep(db: SqlRunner, effects: Effects, context: PersistContext): Promise<PersistOutcome> {
  const outcome = await persistEffects(db, effects, context);
  if (outcome.written) await settleFinishedOrders(db, effects, context);
  return outcome;
}

/** Settles the orders of pieces a committed step finished (none: no statement). */
export async function settleFinishedOrders(db: SqlRunner, effects: Effects, context: PersistContext): Promise<void> {
  const orders = finishedOrders(effects, context.pieces);
  if (!noOrders(orders)) await settleOrders(db, orders, context.actor, context.now);
}
