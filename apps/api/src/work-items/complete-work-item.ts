import { randomUUID } from 'node:crypto';
import { completeWorkItem as routeCompletion, type QcOutcome, type TokenState } from '@atelier/domain';
import { actorRef } from '../auth/actor.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import { loadPieces } from '../production/piece-store.ts';
import { stepInstant } from '../production/step-instant.ts';
import { writeStep } from '../production/write-step.ts';
import { stateOf, type WorkItemAfterCommand } from './transition-work-item.ts';
import { actingUserId, type WorkItemCommandContext } from './work-item-command-context.ts';
import { changedProblem, refusalProblem } from './work-item-problems.ts';

/** Where the completion sent the piece: the token and the work items it opened. */
export interface Completion {
  readonly workItem: WorkItemAfterCommand;
  readonly token: { readonly id: string; readonly state: TokenState; readonly nodeKey: string };
  /** Work items the routing opened (next steps, split branches, rework), in creation order. */
  readonly next: { readonly id: string; readonly tokenId: string; readonly nodeKey: string }[];
}

/** Reads and writes before giving up on a piece that keeps changing under the command (409). */
const ATTEMPTS = 5;

/**
 * An operator bound to the work item completes it (a QC step with pass / fail / rework and reason
 * codes) and the routing engine moves the piece on. The piece is read without a lock and the
 * step written by ONE statement guarded by the piece's version (`writeStep`): the item, the next
 * work items (or split, join, end, inbox item) and every event commit together or not at all.
 * When a concurrent command (a colleague, a bulk cancel) changed the piece in between, nothing is
 * written and the completion is computed again from the new state, which may refuse it (409).
 */
export async function completeWorkItem(
  context: WorkItemCommandContext,
  workItemId: string,
  qc: QcOutcome | undefined,
): Promise<Completion> {
  const operatorId = actingUserId(context);
  // The piece moves on through the piece store: a remembered copy of the item would only go stale.
  context.remembered?.take(workItemId);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const { pieces } = await loadPieces(context.db, { workItemId });
    const [loaded] = pieces;
    if (loaded === undefined)
      throw new HttpProblem(404, 'WORK_ITEM_NOT_FOUND', `No work item has the id "${workItemId}".`);
    // Not before a colleague's start or resume read with the piece (it may have committed after this request's clock).
    const now = stepInstant(context.now, [loaded]);
    const step = routeCompletion(loaded.graph, loaded.piece, {
      workItemId,
      operatorId,
      now,
      newId: randomUUID,
      ...(qc && { qc }),
    });
    // The item exists (its piece was found): absent from the piece's open items means it is closed (completed or cancelled).
    if (!step.ok) throw refusalProblem(step.code === 'WORK_ITEM_NOT_FOUND' ? 'WORK_ITEM_CLOSED' : step.code);
    const { effects } = step;
    const outcome = await writeStep(context.db, effects, {
      actor: actorRef(context.actor),
      now,
      pieces: [loaded],
      idempotencyKey: context.idempotencyKey,
    });
    if (!outcome.written) continue;
    context.hub.wake();
    const done = effects.workItems.update.find((candidate) => candidate.id === workItemId);
    const tokenId = done?.tokenId;
    const token = [...effects.tokens.update, ...loaded.piece.tokens].find((candidate) => candidate.id === tokenId);
    if (done === undefined || token === undefined)
      throw new Error(`Completing ${workItemId} did not update the item and its token`);
    return {
      workItem: stateOf(done, outcome.versions.get(workItemId) ?? 0),
      token: { id: token.id, state: token.state, nodeKey: token.nodeKey },
      next: effects.workItems.insert.map((created) => ({
        id: created.id,
        tokenId: created.tokenId,
        nodeKey: created.nodeKey,
      })),
    };
  }
  throw changedProblem();
}
