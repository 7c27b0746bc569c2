import type { Effects } from '@atelier/domain';
import type { Database, SqlRunner } from '../db/database.ts';
import { appendEvents } from '../events/append-events.ts';
import { persistEffects, type PersistContext, type PersistOutcome } from './persist-effects.ts';
import type { OrderRef } from './piece-store.ts';
import { finishedOrders, settleOrders } from './settle-orders.ts';

/** The orders a step finished pieces of (only loaded pieces can finish). */
function ordersFinishedBy(effects: Effects, context: PersistContext): OrderRef[] {
  return finishedOrders(effects, (tokenId) => {
    const loaded = context.pieces.find((candidate) => candidate.piece.tokens.some((token) => token.id === tokenId));
    if (loaded === undefined) throw new Error(`Finished token ${tokenId} is not part of a loaded piece`);
    return loaded.order;
  });
}

/**
 * Writes a domain step in the caller's transaction `tx`: the guarded step statement, then (when it
 * finished pieces) the settlement of their orders with its events.
 */
export async function writeStepInTransaction(tx: SqlRunner, effects: Effects, context: PersistContext): Promise<PersistOutcome> {
  const outcome = await persistEffects(tx, effects, context);
  if (!outcome.written) return outcome;
  const orders = ordersFinishedBy(effects, context);
  if (orders.length > 0) await appendEvents(tx, await settleOrders(tx, orders, context.actor, context.now));
  return outcome;
}

/**
 * Writes a domain step computed from pieces read without a lock: ONE statement (one round trip,
 * its own transaction) in the common case; a transaction when the step finishes a piece, so its
 * order is settled atomically with it. `written: false` when a piece changed since it was read
 * (nothing was written): read again and recompute.
 */
export async function writeStep(db: Database, effects: Effects, context: PersistContext): Promise<PersistOutcome> {
  if (ordersFinishedBy(effects, context).length === 0) return persistEffects(db, effects, context);
  // A transaction whose guard failed wrote nothing; it commits empty.
  return db.transaction((tx) => writeStepInTransaction(tx, effects, context));
}
