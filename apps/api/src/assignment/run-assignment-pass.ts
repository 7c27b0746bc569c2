import type { Database } from '../db/database.ts';
import type { EventWaker } from '../events/run-command.ts';
import type { WorkItemCommandContext } from '../work-items/work-item-command-context.ts';
import { decideDueItems, type DecisionCounts } from './decide-due-items.ts';
import { ENGINE_ACTOR } from './engine-actor.ts';
import { expireOffers } from './expire-offers.ts';
import { raiseOverdue } from './raise-overdue.ts';
import { timeOutClaims } from './time-out-claims.ts';

/** The advisory lock one replica holds while it runs a pass ("atelier-assignment" in hex-ish digits). */
export const ASSIGNMENT_LOCK_KEY = 7_150_015_001;

/** How much one pass does at most. */
export interface PassOptions {
  /** Items decided, offers expired and claims timed out per pass, each. */
  readonly batchSize: number;
  /** An unassignable item is tried again after this long (someone may have freed up). */
  readonly retryUnassignableMs: number;
}

/** Default pass limits. */
export const DEFAULT_PASS_OPTIONS: PassOptions = { batchSize: 100, retryUnassignableMs: 60_000 };

/** What one pass did; `ran: false` when another replica held the pass lock. */
export interface PassSummary {
  readonly ran: boolean;
  readonly expiredOffers: number;
  readonly timedOut: number;
  readonly decided: DecisionCounts;
  readonly overdue: number;
}

const NOTHING: DecisionCounts = { assign: 0, offer: 0, pool: 0, manual: 0, unassignable: 0 };

/**
 * One pass of the assignment engine at instant `now` (injected: tests drive the clock): expire
 * unanswered offers, time out unstarted claims, decide every ready item due for a decision (new,
 * requeued, timed out, declined …), raise overdue escalations. All in ONE transaction under a
 * transaction-level advisory lock: replicas running timers together never do the same work twice
 * (the one that does not get the lock skips the tick), and a replica that dies mid-pass leaves
 * nothing half done (its transaction rolls back, its lock goes with its connection, the next tick
 * of any replica does the work). A ready item is "due" by its own row (no decision for its current
 * version), so whatever made it ready committed the due mark with it, whichever code path it was.
 */
export async function runAssignmentPass(
  db: Database,
  hub: EventWaker,
  now: Date,
  options: PassOptions = DEFAULT_PASS_OPTIONS,
): Promise<PassSummary> {
  const context: WorkItemCommandContext = { db, hub, idempotencyKey: null, actor: ENGINE_ACTOR, now };
  const summary = await db.transaction(async (tx): Promise<PassSummary> => {
    const [lock] = await tx.query<{ locked: boolean }>(`SELECT pg_try_advisory_xact_lock($1::bigint) AS locked`, [
      ASSIGNMENT_LOCK_KEY,
    ]);
    if (lock?.locked !== true) return { ran: false, expiredOffers: 0, timedOut: 0, decided: NOTHING, overdue: 0 };
    const expiredOffers = await expireOffers(tx, context, options.batchSize);
    const timedOut = await timeOutClaims(tx, context, options.batchSize);
    const decided = await decideDueItems(tx, context, {
      limit: options.batchSize,
      retryBefore: new Date(now.getTime() - options.retryUnassignableMs),
    });
    const overdue = await raiseOverdue(tx, context);
    return { ran: true, expiredOffers, timedOut, decided, overdue };
  });
  if (summary.ran) hub.wake();
  return summary;
}
