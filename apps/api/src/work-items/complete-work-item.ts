import { randomUUID } from 'node:crypto';
import { completeWorkItem as routeCompletion, type QcOutcome, type TokenState } from '@atelier/domain';
import { actorRef } from '../auth/actor.ts';
import { runCommand } from '../events/run-command.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import { loadPieceForUpdate, persistEffects } from '../production/piece-store.ts';
import { stateOf, type WorkItemAfterCommand } from './transition-work-item.ts';
import { actingUserId, type WorkItemCommandContext } from './work-item-command-context.ts';
import { refusalProblem } from './work-item-problems.ts';

/** Where the completion sent the piece: the token and the work items it opened. */
export interface Completion {
  readonly workItem: WorkItemAfterCommand;
  readonly token: { readonly id: string; readonly state: TokenState; readonly nodeKey: string };
  /** Work items the routing opened (next steps, split branches, rework), in creation order. */
  readonly next: { readonly id: string; readonly tokenId: string; readonly nodeKey: string }[];
}

/**
 * An operator bound to the work item completes it (a QC step with pass / fail / rework and reason
 * codes) and the routing engine moves the piece on, in ONE transaction under the piece lock: the
 * item, the next work items (or split, join, end, inbox item) and every event commit together,
 * and a concurrent bulk cancel of the piece waits for it, or it for the cancel (then 409).
 */
export async function completeWorkItem(context: WorkItemCommandContext, workItemId: string, qc: QcOutcome | undefined): Promise<Completion> {
  const operatorId = actingUserId(context);
  // Only the token is needed to lock the piece; holder and state are checked by the domain under the lock.
  const [item] = await context.db.query<{ tokenId: string }>('SELECT token_id AS "tokenId" FROM work_items WHERE id = $1::uuid', [workItemId]);
  if (item === undefined) throw new HttpProblem(404, 'WORK_ITEM_NOT_FOUND', `No work item has the id "${workItemId}".`);
  return runCommand(context.db, context.hub, async (tx) => {
    const loaded = await loadPieceForUpdate(tx, item.tokenId);
    const step = routeCompletion(loaded.graph, loaded.piece, { workItemId, operatorId, now: context.now, newId: randomUUID, ...(qc && { qc }) });
    // The item exists (read above): absent from the locked piece's open items means it is closed (completed or cancelled).
    if (!step.ok) throw refusalProblem(step.code === 'WORK_ITEM_NOT_FOUND' ? 'WORK_ITEM_CLOSED' : step.code);
    const { effects } = step;
    const events = await persistEffects(tx, effects, { actor: actorRef(context.actor), now: context.now, pieces: [loaded] });
    const done = effects.workItems.update.find((candidate) => candidate.id === workItemId);
    const token = [...effects.tokens.update, ...loaded.piece.tokens].find((candidate) => candidate.id === item.tokenId);
    if (done === undefined || token === undefined) throw new Error(`Completing ${workItemId} did not update the item and its token`);
    const [row] = await tx.$queryRawUnsafe<{ version: number }[]>('SELECT version FROM work_items WHERE id = $1::uuid', workItemId);
    return {
      result: {
        workItem: stateOf(done, row?.version ?? 0),
        token: { id: token.id, state: token.state, nodeKey: token.nodeKey },
        next: effects.workItems.insert.map((created) => ({ id: created.id, tokenId: created.tokenId, nodeKey: created.nodeKey })),
      },
      events,
    };
  });
}
