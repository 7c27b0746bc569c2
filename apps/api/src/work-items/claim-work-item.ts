import { isOpenWorkItemState } from '@atelier/domain';
import type { Database } from '../db/database.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import { transitionWorkItem, type WorkItemAfterCommand } from './transition-work-item.ts';
import { actingUserId, type WorkItemCommandContext } from './work-item-command-context.ts';
import { notQualifiedProblem } from './work-item-problems.ts';

/** Who holds a work item now, for the 409 of a claim that came too late. */
async function heldBy(db: Database, workItemId: string): Promise<{ userId: string; displayName: string } | null> {
  const [row] = await db.query<{ userId: string; displayName: string }>(
    `SELECT u.id AS "userId", u.display_name AS "displayName"
       FROM work_items w JOIN users u ON u.id = w.assignee_id WHERE w.id = $1::uuid`,
    [workItemId],
  );
  return row ?? null;
}

async function alreadyClaimed(db: Database, workItemId: string): Promise<HttpProblem> {
  const holder = await heldBy(db, workItemId);
  const detail = holder === null ? 'Someone else took the work item first.' : `${holder.displayName} holds this work item now.`;
  return new HttpProblem(409, 'ALREADY_CLAIMED', detail, { heldBy: holder });
}

/**
 * An operator claims a ready work item for themselves. Atomic: the write is one conditional
 * `UPDATE … WHERE state = 'ready'`, so of many simultaneous claims exactly one wins and the others
 * get 409 `ALREADY_CLAIMED` naming the holder. Only an operator with the step's skills and team may
 * claim (403 `NOT_QUALIFIED`).
 */
export async function claimWorkItem(context: WorkItemCommandContext, workItemId: string): Promise<WorkItemAfterCommand> {
  const operatorId = actingUserId(context);
  return transitionWorkItem(context, workItemId, {
    authorize: async (loaded) => {
      if (!loaded.actorQualified) throw notQualifiedProblem();
      // Taken already: say by whom, as for a claim that loses the race at the write.
      if (loaded.item.state !== 'ready' && isOpenWorkItemState(loaded.item.state)) throw await alreadyClaimed(context.db, workItemId);
    },
    command: () => ({ type: 'claim', operatorId, now: context.now }),
    guard: { kind: 'ready' },
    onLostRace: () => alreadyClaimed(context.db, workItemId),
  });
}
