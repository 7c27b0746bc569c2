import type { RoutingGraph } from '../graph/graph-schema.ts';
import { applyWorkItemCommand } from '../state/apply-work-item-command.ts';
import type { WorkItemRefusal } from '../state/apply-work-item-command.ts';
import type { QcOutcome } from '../state/types.ts';
import { ChangeSet } from './change-set.ts';
import { routeQcOutcome } from './route-qc-outcome.ts';
import { routeGraph } from './route-graph.ts';
import type { Effects, PieceSnapshot, StepContext } from './types.ts';
import { moveAlong } from './walk.ts';

/** What an operator sends to complete a work item. */
export interface CompleteWorkItemInput extends StepContext {
  workItemId: string;
  operatorId: string;
  /** Required on a `qc` work item, refused on an operation. */
  qc?: QcOutcome;
}

/**
 * Why a completion was refused: the work-item machine's codes, plus `WORK_ITEM_NOT_FOUND`
 * (not an item of this piece → 404) and `TOKEN_NOT_ACTIVE` (its token is waiting, completed or
 * cancelled → 409; cancelled tokens never move on).
 */
export type CompleteWorkItemRefusal = WorkItemRefusal | 'WORK_ITEM_NOT_FOUND' | 'TOKEN_NOT_ACTIVE';

/** Outcome of a domain step: the effects to persist in one transaction, or a stable refusal code. */
export type StepResult<Code extends string> = { ok: true; effects: Effects } | { ok: false; code: Code };

/**
 * Completes a work item and routes its token to its next position in the same step: new work
 * items at the next work steps, children at a split, join completion, decisions, QC pass / fail /
 * rework (with max passes), completion at an end, manager inbox items — and every event.
 */
export function completeWorkItem(
  graph: RoutingGraph,
  piece: PieceSnapshot,
  input: CompleteWorkItemInput,
): StepResult<CompleteWorkItemRefusal> {
  const changes = new ChangeSet([piece]);
  const item = changes.findWorkItem(input.workItemId);
  if (item === undefined) return { ok: false, code: 'WORK_ITEM_NOT_FOUND' };
  const token = changes.findToken(item.tokenId);
  if (token === undefined || token.state !== 'active' || token.nodeKey !== item.nodeKey)
    return { ok: false, code: 'TOKEN_NOT_ACTIVE' };

  const { now, newId } = input;
  const decision = applyWorkItemCommand(item, {
    type: 'complete',
    operatorId: input.operatorId,
    ...(input.qc && { qc: input.qc }),
    now,
  });
  if (!decision.ok) return decision;
  changes.updateWorkItem(decision.next);
  changes.emit(decision.events);

  const walk = { changes, graph: routeGraph(graph), context: { now, newId } };
  if (decision.next.kind === 'qc') routeQcOutcome(walk, token, decision.next);
  else moveAlong(walk, token.id, walk.graph.onlyEdge(item.nodeKey));
  return { ok: true, effects: changes.effects() };
}
