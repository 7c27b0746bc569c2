import { isOpenWorkItemState } from '@atelier/domain';
import type { SqlRunner } from '../db/database.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import { loadNextWorkItem } from './load-work-item.ts';
import {
  transitionLoaded,
  transitionWorkItem,
  type TransitionPlan,
  type WorkItemAfterCommand,
} from './transition-work-item.ts';
import { actingUserId, type WorkItemCommandContext } from './work-item-command-context.ts';
import { absentProblem, notQualifiedProblem } from './work-item-problems.ts';
import type { QueuePlace } from './work-item-sql.ts';

/** Who holds a work item now, for the 409 of a claim that came too late. */
async function heldBy(db: SqlRunner, workItemId: string): Promise<{ userId: string; displayName: string } | null> {
  const [row] = await db.query<{ userId: string; displayName: string }>(
    `SELECT u.id AS "userId", u.display_name AS "displayName"
       FROM work_items w JOIN users u ON u.id = w.assignee_id WHERE w.id = $1::uuid`,
    [workItemId],
  );
  return row ?? null;
}

async function alreadyClaimed(db: SqlRunner, workItemId: string): Promise<HttpProblem> {
  const holder = await heldBy(db, workItemId);
  const detail =
    holder === null ? 'Someone else took the work item first.' : `${holder.displayName} holds this work item now.`;
  return new HttpProblem(409, 'ALREADY_CLAIMED', detail, { heldBy: holder });
}

/** A claim by the acting operator of the item `db` reads (the database, or the transaction that locked it). */
function claimPlan(context: WorkItemCommandContext, db: SqlRunner, workItemId: string): TransitionPlan {
  const operatorId = actingUserId(context);
  return {
    authorize: async (loaded) => {
      if (!loaded.actorPresent) throw absentProblem();
      if (!loaded.actorQualified) throw notQualifiedProblem();
      // Taken already: say by whom, as for a claim that loses the race at the write.
      if (loaded.item.state !== 'ready' && isOpenWorkItemState(loaded.item.state))
        throw await alreadyClaimed(db, workItemId);
    },
    command: () => ({ type: 'claim', operatorId, now: context.now }),
    guard: { kind: 'ready' },
    onLostRace: () => alreadyClaimed(db, workItemId),
  };
}

/**
 * An operator claims a ready work item for themselves. Atomic: the write is one conditional
 * `UPDATE … WHERE state = 'ready'`, so of many simultaneous claims exactly one wins and the others
 * get 409 `ALREADY_CLAIMED` naming the holder. Only an operator with the step's skills and team may
 * claim (403 `NOT_QUALIFIED`).
 */
export async function claimWorkItem(
  context: WorkItemCommandContext,
  workItemId: string,
): Promise<WorkItemAfterCommand> {
  return transitionWorkItem(context, workItemId, claimPlan(context, context.db, workItemId));
}

/**
 * "Take the next piece": the operator claims the first item of a queue place (queue order) they
 * may claim now, in one transaction that locks it from the read to the write. Operators taking
 * work at the same moment skip each other's locked items, so each gets a different one and none
 * loses a race. 404 `NO_WORK_AVAILABLE` when nothing there is ready for them.
 */
export async function claimNextWorkItem(
  context: WorkItemCommandContext,
  place: QueuePlace,
): Promise<WorkItemAfterCommand> {
  const operatorId = actingUserId(context);
  const claimed = await context.db.transaction(async (tx) => {
    const loaded = await loadNextWorkItem(tx, operatorId, place);
    return loaded === null ? null : transitionLoaded(tx, context, loaded, claimPlan(context, tx, loaded.item.id));
  });
  if (claimed === null)
    throw new HttpProblem(
      404,
      'NO_WORK_AVAILABLE',
      'No work item here is ready for you to claim now; look again later.',
    );
  // Committed now: the claim's start may begin from this copy.
  context.remembered?.remember(claimed.written);
  context.hub.wake();
  return claimed.after;
}
